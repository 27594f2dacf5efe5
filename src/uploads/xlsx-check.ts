// Checks an XLSX workbook's zip structure before anything inflates it: the central directory's declared
// sizes against the limits, then each part inflated (and thrown away) to prove the declared sizes true.
import { createInflateRaw } from 'node:zlib';
import type { ReadLimits } from './limits.js';
import { UploadRefused } from './refusal.js';

export class UnreadableUpload extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableUpload';
  }
}

type ZipEntry = {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
};

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const ZIP64_MARKER = 0xffffffff;
const SHARED_STRINGS = 'xl/sharedStrings.xml';

/** Refuses a workbook over a limit (UploadRefused) or not a workbook at all (UnreadableUpload). */
export async function checkXlsxArchive(bytes: Uint8Array, limits: ReadLimits): Promise<void> {
  const entries = readCentralDirectory(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), limits);
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    if (entry.name === SHARED_STRINGS && entry.uncompressedSize > limits.xlsxSharedStringsBytes)
      throw new UploadRefused(
        'xlsxSharedStringsBytes',
        `file.${SHARED_STRINGS}`,
        `${entry.uncompressedSize.toLocaleString('en')} bytes of shared strings`,
        limits.xlsxSharedStringsBytes,
      );
  }
  if (total > limits.xlsxUncompressedBytes)
    throw new UploadRefused(
      'xlsxUncompressedBytes',
      'file',
      `${total.toLocaleString('en')} bytes once unzipped`,
      limits.xlsxUncompressedBytes,
    );
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const entry of entries) await proveDeclaredSize(buffer, entry, limits);
}

function readCentralDirectory(buffer: Buffer, limits: ReadLimits): ZipEntry[] {
  const end = findEndOfDirectory(buffer);
  const count = buffer.readUInt16LE(end + 10);
  const size = buffer.readUInt32LE(end + 12);
  const offset = buffer.readUInt32LE(end + 16);
  if (count === 0xffff || size === ZIP64_MARKER || offset === ZIP64_MARKER)
    throw new UploadRefused(
      'xlsxUncompressedBytes',
      'file',
      'a ZIP64 archive (over 4 GiB or 65,535 parts)',
      limits.xlsxUncompressedBytes,
    );
  if (count > limits.xlsxEntries)
    throw new UploadRefused('xlsxEntries', 'file', `${count.toLocaleString('en')} parts`, limits.xlsxEntries);
  if (offset + size > end)
    throw new UnreadableUpload('The workbook’s zip directory is damaged or truncated.');
  const entries: ZipEntry[] = [];
  let position = offset;
  for (let i = 0; i < count; i++) {
    if (position + 46 > end || buffer.readUInt32LE(position) !== DIRECTORY_ENTRY)
      throw new UnreadableUpload('The workbook’s zip directory is damaged or truncated.');
    const nameLength = buffer.readUInt16LE(position + 28);
    const entry: ZipEntry = {
      method: buffer.readUInt16LE(position + 10),
      compressedSize: buffer.readUInt32LE(position + 20),
      uncompressedSize: buffer.readUInt32LE(position + 24),
      name: buffer.toString('utf8', position + 46, position + 46 + nameLength),
      localHeaderOffset: buffer.readUInt32LE(position + 42),
    };
    if (entry.uncompressedSize === ZIP64_MARKER || entry.compressedSize === ZIP64_MARKER)
      throw new UploadRefused(
        'xlsxUncompressedBytes',
        `file.${entry.name}`,
        'a ZIP64 part (over 4 GiB)',
        limits.xlsxUncompressedBytes,
      );
    entries.push(entry);
    position += 46 + nameLength + buffer.readUInt16LE(position + 30) + buffer.readUInt16LE(position + 32);
  }
  return entries;
}

/** The end-of-central-directory record sits in the last 22 bytes plus at most a 65,535-byte comment. */
/**
 * Whether the bytes could be a workbook at all (a zip file's first header and its directory's end), told in
 * the request thread at no cost, so that a file of anything else is refused without starting a reader.
 */
export function looksLikeZipArchive(bytes: Uint8Array): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < 22 || buffer.readUInt32LE(0) !== LOCAL_HEADER) return false;
  try {
    findEndOfDirectory(buffer);
    return true;
  } catch {
    return false;
  }
}

/**
 * The part names a zip file's central directory lists, or null when the bytes are not a whole zip file (no
 * first header, no directory end, or a directory that runs past its end). Reads names only: inflates nothing.
 */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  if (!looksLikeZipArchive(bytes)) return null;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfDirectory(buffer);
  const count = buffer.readUInt16LE(end + 10);
  const names: string[] = [];
  let position = buffer.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    if (position + 46 > end || buffer.readUInt32LE(position) !== DIRECTORY_ENTRY) return null;
    const nameLength = buffer.readUInt16LE(position + 28);
    names.push(buffer.toString('utf8', position + 46, position + 46 + nameLength));
    position += 46 + nameLength + buffer.readUInt16LE(position + 30) + buffer.readUInt16LE(position + 32);
  }
  return names;
}

function findEndOfDirectory(buffer: Buffer): number {
  const earliest = Math.max(0, buffer.length - 22 - 0xffff);
  for (let at = buffer.length - 22; at >= earliest; at--)
    if (buffer.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  throw new UnreadableUpload(
    'This is not an XLSX workbook (no zip directory was found); save it again as .xlsx.',
  );
}

/**
 * A zip bomb may declare small sizes and inflate to gigabytes: inflate each part, counting and discarding
 * the output, and stop the moment it passes what the directory declared.
 */
async function proveDeclaredSize(buffer: Buffer, entry: ZipEntry, limits: ReadLimits): Promise<void> {
  const at = entry.localHeaderOffset;
  if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== LOCAL_HEADER)
    throw new UnreadableUpload(`The workbook part ${entry.name} is damaged or truncated.`);
  const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
  const data = buffer.subarray(start, start + entry.compressedSize);
  if (data.length < entry.compressedSize)
    throw new UnreadableUpload(`The workbook part ${entry.name} is truncated.`);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize)
      throw new UnreadableUpload(`The workbook part ${entry.name} is damaged.`);
    return;
  }
  if (entry.method !== 8)
    throw new UnreadableUpload(
      `The workbook part ${entry.name} uses a compression method XLSX does not use.`,
    );
  const inflated = await inflatedLength(data, entry.uncompressedSize);
  if (inflated > entry.uncompressedSize)
    throw new UploadRefused(
      'xlsxUncompressedBytes',
      `file.${entry.name}`,
      `a part that inflates beyond the ${entry.uncompressedSize.toLocaleString('en')} bytes its directory declares`,
      limits.xlsxUncompressedBytes,
    );
}

function inflatedLength(data: Buffer, declared: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw();
    let length = 0;
    inflate.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length > declared) {
        inflate.destroy();
        resolve(length);
      }
    });
    inflate.on('end', () => resolve(length));
    inflate.on('error', () =>
      reject(new UnreadableUpload('A part of the workbook is not valid compressed data.')),
    );
    inflate.end(data);
  });
}
