// Text from PDF and Word attachments, read in a worker; damaged, foreign, huge and slow files are refused clearly.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { searchTerms } from '../text/query.js';
import { readDocxText } from './docx-text.js';
import { extractText } from './extract-text.js';
import { ATTACHMENT_LIMITS, DOCX, PDF } from './limits.js';
import { readPdfText } from './pdf-text.js';
import { cidPdf, helveticaPdf, wordDocument } from './testing/documents.js';

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('extractText from a PDF', () => {
  it('reads the text of a page written in a standard font, whatever the case of the media type', async () => {
    const pdf = helveticaPdf(['Invented guideline about safe shelters']);
    expect(await extractText(pdf, 'Application/PDF; charset=binary')).toBe(
      'Invented guideline about safe shelters',
    );
  });

  it('reads every page, a blank line between them', async () => {
    const pdf = helveticaPdf(['First page (one)', 'Second page \\ two']);
    expect(await readPdfText(pdf)).toBe('First page (one)\n\nSecond page \\ two');
  });

  it('reads Chinese text held as glyph ids with a ToUnicode map, so its words can be searched', async () => {
    const text = await readPdfText(cidPdf('保护人口贩运受害者的指南'));
    expect(text).toBe('保护人口贩运受害者的指南');
    expect(searchTerms(text, 'zh')).toContain('受害者');
  });

  it('reads Arabic text drawn right to left back into its words', async () => {
    const text = await readPdfText(cidPdf([...'حماية الأطفال'].reverse().join('')));
    expect(searchTerms(text, 'ar').sort()).toEqual(searchTerms('حماية الأطفال', 'ar').sort());
  });

  it('stops at the page and character limits', async () => {
    const pdf = helveticaPdf(['First page', 'Second page']);
    expect(await readPdfText(pdf, { ...ATTACHMENT_LIMITS, pdfPages: 1 })).toBe('First page');
    expect(await readPdfText(pdf, { ...ATTACHMENT_LIMITS, textCharacters: 5 })).toBe('First');
  });

  it('refuses bytes that are not a PDF, and a PDF cut short', async () => {
    const error = await refusal(extractText(new TextEncoder().encode('not a pdf at all'), PDF));
    expect(error.code).toBe('attachment_unreadable');
    expect(error.status).toBe(422);
    expect(error.message).toBe(
      'The attachment is not a readable PDF (the file is damaged, cut short or not a PDF).',
    );
    await expect(readPdfText(helveticaPdf(['cut']).slice(0, 40))).rejects.toThrow(/not a readable PDF/);
  });
});

describe('extractText from a Word document', () => {
  it('reads the body a paragraph per line, then headers and footnotes', async () => {
    const docx = await wordDocument({
      body: ['Invented guideline about safe shelters', 'Second paragraph & more'],
      header: 'Invented header',
      footnote: 'Invented footnote',
    });
    expect(await extractText(docx, `${DOCX}; charset=binary`)).toBe(
      'Invented guideline about safe shelters\nSecond paragraph & more\nInvented header\nInvented footnote',
    );
  });

  it('reads tabs and line breaks, and leaves out deleted text and field codes', async () => {
    const zip = new JSZip();
    zip.file(
      'word/document.xml',
      `<w:document xmlns:w="urn:w"><w:body><w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t></w:r>
      <w:del><w:r><w:delText>gone</w:delText></w:r></w:del><w:r><w:instrText>PAGE</w:instrText></w:r></w:p></w:body></w:document>`,
    );
    expect(await readDocxText(await zip.generateAsync({ type: 'uint8array' }))).toBe('a\tb\nc');
  });

  it('stops at the character limit', async () => {
    const docx = await wordDocument({ body: ['abcdef', 'ghi'] });
    expect(await readDocxText(docx, { ...ATTACHMENT_LIMITS, textCharacters: 4 })).toBe('abcd');
  });

  it('refuses a damaged file, a zip that is not a Word document, and a document type declaration', async () => {
    const notWord = new JSZip();
    notWord.file('readme.txt', 'hello');
    const doctype = new JSZip();
    doctype.file(
      'word/document.xml',
      '<!DOCTYPE x [<!ENTITY e "boom">]><w:document xmlns:w="urn:w">&e;</w:document>',
    );
    const broken = new JSZip();
    broken.file('word/document.xml', '<w:document xmlns:w="urn:w"><w:p>');
    const cases: [Uint8Array, RegExp][] = [
      [new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9]), /damaged or cut short/],
      [await notWord.generateAsync({ type: 'uint8array' }), /not a Word document/],
      [await doctype.generateAsync({ type: 'uint8array' }), /document type/],
      [await broken.generateAsync({ type: 'uint8array' }), /not well formed/],
    ];
    for (const [bytes, reason] of cases) await expect(readDocxText(bytes)).rejects.toThrow(reason);
    const error = await refusal(extractText(cases[0]?.[0] ?? new Uint8Array(), DOCX));
    expect(error.code).toBe('attachment_unreadable');
    expect(error.message).toMatch(/damaged or cut short/);
  });
});

describe('extractText refuses before reading', () => {
  it('a type it cannot search, saying which types it can', async () => {
    const error = await refusal(extractText(new Uint8Array([1]), 'image/png'));
    expect(error.code).toBe('attachment_type_unsupported');
    expect(error.status).toBe(415);
    expect(error.message).toBe(
      'Attachments of type image/png cannot be searched; attach the document as a PDF or a Word (.docx) file.',
    );
  });

  it('a file over the size limit, saying both sizes', async () => {
    const limits = { ...ATTACHMENT_LIMITS, bytes: 1024 * 1024 };
    const error = await refusal(extractText(new Uint8Array(1024 * 1024 + 1), PDF, limits));
    expect(error.code).toBe('attachment_too_large');
    expect(error.message).toMatch(/is 1 MB; the largest accepted is 1 MB/);
  });

  it('a file that takes longer than the reading time, by ending the reader', async () => {
    const limits = { ...ATTACHMENT_LIMITS, readingMs: 1 };
    const error = await refusal(extractText(helveticaPdf(['slow']), PDF, limits));
    expect(error.code).toBe('attachment_unreadable');
    expect(error.message).toMatch(/took longer than 0 seconds/);
  });
});
