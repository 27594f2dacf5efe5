// Which of the accepted attachment formats a file is, told from its bytes rather than its name: a PDF
// starts with "%PDF-", a Word document (DOCX) is a ZIP file that holds word/document.xml. Also whether the
// file is whole, told at no cost before any reader starts: a PDF cut short has lost its end marker, and a
// ZIP cut short has lost the directory at its end. Pure.

import { zipEntryNames } from '../../uploads/xlsx-check.js';
import { type AttachmentType, DOCX, PDF } from '../attachments/limits.js';

export type AttachmentMediaType = AttachmentType;

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const PDF_SIGNATURE = [0x25, 0x50, 0x44, 0x46, 0x2d];
/** PDF writers end the file with "%%EOF" and at most a line end or some padding after it. */
const PDF_END_MARKER = '%%EOF';
const PDF_TAIL_BYTES = 1024;
const WORD_MAIN_PART = 'word/document.xml';

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

/** PDF or DOCX, or null for anything else. */
export function attachmentMediaType(bytes: Uint8Array): AttachmentMediaType | null {
  if (startsWith(bytes, PDF_SIGNATURE)) return PDF;
  if (startsWith(bytes, ZIP_SIGNATURE)) return DOCX;
  return null;
}

/**
 * Why a file of the format its first bytes claim cannot be whole, completing "The attachment …"; null when
 * its shape is sound (its text may still prove unreadable, which only the reader can tell).
 */
export function attachmentShapeProblem(bytes: Uint8Array, mediaType: AttachmentMediaType): string | null {
  if (mediaType === PDF) {
    const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
      .subarray(Math.max(0, bytes.byteLength - PDF_TAIL_BYTES))
      .toString('latin1');
    return tail.includes(PDF_END_MARKER)
      ? null
      : 'is not a complete PDF: its end is missing, so the file was probably cut short while saving or sending';
  }
  const names = zipEntryNames(bytes);
  if (!names)
    return 'is not a complete Word (.docx) file: its end is missing, so the file was probably cut short';
  return names.includes(WORD_MAIN_PART)
    ? null
    : 'is a ZIP archive but not a Word (.docx) document: it holds no document text';
}
