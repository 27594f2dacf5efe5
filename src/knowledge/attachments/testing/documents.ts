// Small documents written byte by byte for the extraction tests: a PDF with a standard font, a PDF whose
// text is CID-keyed (as Chinese and Arabic PDFs are), and a DOCX zipped with jszip.
import JSZip from 'jszip';
import { DOCX } from '../limits.js';

/** A PDF from its numbered objects (1 = catalog, 2 = pages), with the cross-reference offsets computed. */
function pdfOf(objects: string[]): Uint8Array {
  let body = '%PDF-1.7\n';
  const offsets: number[] = [];
  for (const [index, object] of objects.entries()) {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  }
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, 'latin1'));
}

const stream = (content: string) =>
  `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;

/** One page per line of text, each written in Helvetica (a standard font: nothing embedded). */
export function helveticaPdf(lines: string[]): Uint8Array {
  const pageIds = lines.map((_, index) => 4 + index * 2);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${lines.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  for (const [index, line] of lines.entries()) {
    const escaped = line.replace(/[\\()]/g, (character) => `\\${character}`);
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${6 + index * 2 - 1} 0 R >>`,
      stream(`BT /F1 12 Tf 72 760 Td (${escaped}) Tj ET`),
    );
  }
  return pdfOf(objects);
}

/**
 * One page whose text is shown as two-byte glyph ids in a Type 0 font, with a ToUnicode map giving each
 * id its character: how PDFs made from Chinese or Arabic documents hold their text. Arabic is shown in
 * visual order (right to left, as a PDF draws it); the reader gives it back in reading order.
 */
export function cidPdf(shown: string): Uint8Array {
  const characters = [...shown];
  const hex = (value: number) => value.toString(16).toUpperCase().padStart(4, '0');
  const glyphs = characters.map((_, index) => hex(index + 1)).join('');
  const mappings = characters.map(
    (character, index) => `<${hex(index + 1)}> <${hex(character.codePointAt(0) ?? 0)}>`,
  );
  const cmap = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Invented-UCS def /CMapType 2 def',
    '1 begincodespacerange <0000> <FFFF> endcodespacerange',
    `${mappings.length} beginbfchar`,
    ...mappings,
    'endbfchar endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    stream(`BT /F1 14 Tf 72 760 Td <${glyphs}> Tj ET`),
    '<< /Type /Font /Subtype /Type0 /BaseFont /Invented /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>',
    '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Invented /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 8 0 R /DW 1000 >>',
    stream(cmap),
    '<< /Type /FontDescriptor /FontName /Invented /Flags 4 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>',
  ]);
}

/** A DOCX with the given body paragraphs, header and footnote, as Word lays out its parts. */
export async function wordDocument(parts: {
  body: string[];
  header?: string;
  footnote?: string;
}): Promise<Uint8Array> {
  const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const paragraph = (text: string) =>
    `<w:p><w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="${DOCX.replace('.document', '.document.main+xml')}"/></Types>`,
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document ${w}><w:body>${parts.body.map(paragraph).join('')}</w:body></w:document>`,
  );
  if (parts.header) zip.file('word/header1.xml', `<w:hdr ${w}>${paragraph(parts.header)}</w:hdr>`);
  if (parts.footnote)
    zip.file(
      'word/footnotes.xml',
      `<w:footnotes ${w}><w:footnote w:id="1">${paragraph(parts.footnote)}</w:footnote></w:footnotes>`,
    );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
