// Which of the accepted attachment formats a file is, told from its first bytes rather than its name:
// a PDF starts with "%PDF-", a Word document (DOCX) is a ZIP file that holds word/document.xml. Pure.

import { type AttachmentType, DOCX, PDF } from '../attachments/limits.js';

export type AttachmentMediaType = AttachmentType;

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const PDF_SIGNATURE = [0x25, 0x50, 0x44, 0x46, 0x2d];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

/** PDF or DOCX, or null for anything else (the text extraction then says whether a ZIP really is DOCX). */
export function attachmentMediaType(bytes: Uint8Array): AttachmentMediaType | null {
  if (startsWith(bytes, PDF_SIGNATURE)) return PDF;
  if (startsWith(bytes, ZIP_SIGNATURE)) return DOCX;
  return null;
}
