// Hostile uploads built in memory: zip bombs (honest and lying), huge shared strings, deep XML, wide CSV.
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

type ZipPart = { name: string; compressed: Buffer; crc: number; size: number; declaredSize?: number };

const MiB = 1024 * 1024;

/** A part compressed from `repeat` copies of `chunk` without ever holding the expanded text. */
async function repeatedPart(
  name: string,
  head: string,
  unit: string,
  units: number,
  tail: string,
): Promise<ZipPart> {
  // Written a mebibyte at a time: one write per unit would take minutes.
  const perChunk = Math.max(1, Math.floor(MiB / unit.length));
  const chunk = unit.repeat(perChunk);
  const repeat = Math.ceil(units / perChunk);
  const deflate = createDeflateRaw({ level: 6 });
  const out: Buffer[] = [];
  deflate.on('data', (data: Buffer) => out.push(data));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const chunkBytes = Buffer.from(chunk);
  let crc = crc32(head);
  deflate.write(head);
  for (let i = 0; i < repeat; i++) {
    crc = crc32(chunkBytes, crc);
    if (!deflate.write(chunkBytes)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  crc = crc32(tail, crc);
  deflate.end(tail);
  await done;
  const size = Buffer.byteLength(head) + chunkBytes.length * repeat + Buffer.byteLength(tail);
  return { name, compressed: Buffer.concat(out), crc, size };
}

function smallPart(name: string, text: string): ZipPart {
  const data = Buffer.from(text);
  return { name, compressed: deflateRawSync(data), crc: crc32(data), size: data.length };
}

/** A zip archive (PKWARE APPNOTE 4.3: local headers, central directory, end record), deflated parts. */
export function zipOf(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const declared = part.declaredSize ?? part.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(part.crc >>> 0, 14);
    local.writeUInt32LE(part.compressed.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, part.compressed);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(part.crc >>> 0, 16);
    entry.writeUInt32LE(part.compressed.length, 20);
    entry.writeUInt32LE(declared, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    directory.push(entry, name);
    offset += 30 + name.length + part.compressed.length;
  }
  const directorySize = directory.reduce((sum, b) => sum + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...directory, end]);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>';
const WORKBOOK =
  '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Activities" sheetId="1" r:id="rId1"/></sheets></workbook>';
const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const ROW = '<row><c t="inlineStr"><is><t>invented activity</t></is></c></row>';

/** Sheet XML that unzips to `mib` MiB; `lie` declares it as a few kilobytes instead. */
export async function zipBombXlsx(mib: number, lie = false): Promise<Buffer> {
  const repeat = Math.ceil((mib * MiB) / ROW.length);
  const sheet = await repeatedPart(
    'xl/worksheets/sheet1.xml',
    SHEET_HEAD,
    ROW,
    repeat,
    '</sheetData></worksheet>',
  );
  if (lie) sheet.declaredSize = 4096;
  return zipOf([
    smallPart('[Content_Types].xml', CONTENT_TYPES),
    smallPart('xl/workbook.xml', WORKBOOK),
    sheet,
  ]);
}

/** A workbook whose shared strings unzip to `mib` MiB (the sheet itself is one cell). */
export async function sharedStringsXlsx(mib: number): Promise<Buffer> {
  const item = `<si><t>${'invented text '.repeat(8)}</t></si>`;
  const repeat = Math.ceil((mib * MiB) / item.length);
  const strings = await repeatedPart(
    'xl/sharedStrings.xml',
    `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${repeat}" uniqueCount="${repeat}">`,
    item,
    repeat,
    '</sst>',
  );
  const sheet = smallPart(
    'xl/worksheets/sheet1.xml',
    `${SHEET_HEAD}<row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`,
  );
  return zipOf([
    smallPart('[Content_Types].xml', CONTENT_TYPES),
    smallPart('xl/workbook.xml', WORKBOOK),
    sheet,
    strings,
  ]);
}

/** An IATI file with one activity holding `depth` nested elements (137 KB at 20,000). */
export function deepIati(depth: number): string {
  return `<iati-activities version="2.03"><iati-activity>${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</iati-activity></iati-activities>`;
}

/** An IATI file with one activity of `count` sibling elements: shallow, yet a large tree to hold. */
export function broadIati(count: number): string {
  return `<iati-activities version="2.03"><iati-activity>${'<b/>'.repeat(count)}</iati-activity></iati-activities>`;
}

export function wideCsv(columns: number): string {
  return `${Array.from({ length: columns }, (_, i) => `column_${i}`).join(',')}\n`;
}

export function longCellCsv(characters: number): string {
  return `identifier,title\nINVENTED-1,"${'x'.repeat(characters)}"\n`;
}
