// Attachments of a draft: each file's format told from its bytes and its text extracted (before the
// transaction, as it takes a while), then the files stored and the item's search vector rebuilt together.
import type { Queryable } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { insertAttachments, listAttachmentTexts } from './attachment-store.js';
import { extractText } from './attachments/extract-text.js';
import { ATTACHMENT_LIMITS } from './attachments/limits.js';
import { notADraft } from './change-item.js';
import {
  type AttachmentMediaType,
  attachmentMediaType,
  attachmentShapeProblem,
} from './engine/attachment-type.js';
import { indexedDocument } from './search-text.js';
import { type ItemRecord, reindexItem } from './store.js';

/** The largest attachment the text reader takes (attachments/limits.ts). */
export const MAX_ATTACHMENT_BYTES = ATTACHMENT_LIMITS.bytes;

export type ReceivedFile = { fileName: string; content: Buffer };
export type ReadAttachment = ReceivedFile & { mediaType: AttachmentMediaType; extractedText: string };

export function attachmentTooLarge(fileName: string): AppError {
  return new AppError(
    'attachment_too_large',
    `${fileName} is larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB: attach a smaller copy, or split the document.`,
  );
}

/** The file's format and text, or a refusal that says what is wrong with it and what to send instead. */
export async function readAttachment(file: ReceivedFile, where: string): Promise<ReadAttachment> {
  if (file.content.length > MAX_ATTACHMENT_BYTES) throw attachmentTooLarge(file.fileName);
  const mediaType = attachmentMediaType(file.content);
  if (!mediaType)
    throw new AppError(
      'attachment_type_unsupported',
      `${file.fileName} is neither a PDF nor a Word (.docx) file: save the document in one of these formats and attach it again.`,
      [{ path: where, code: 'file_type', message: 'Attach a PDF or a Word (.docx) file' }],
    );
  // A file cut short is told here, in the request thread, so that no reader is started for it.
  const shapeProblem = attachmentShapeProblem(file.content, mediaType);
  try {
    if (shapeProblem) throw new AppError('attachment_unreadable', `The attachment ${shapeProblem}.`);
    // A copy: the reader hands the bytes' memory to its worker, and a Buffer may share its memory.
    const extractedText = await extractText(Uint8Array.from(file.content), mediaType);
    return { ...file, mediaType, extractedText };
  } catch (error) {
    // The reader's problems say what to do; they gain the file's name and the field here.
    if (!(error instanceof AppError)) throw error;
    throw new AppError(error.code, `${file.fileName}: ${error.message}`, [
      { path: where, code: error.code, message: error.message },
    ]);
  }
}

/** Stores read files on a draft; returns their ids. */
export async function attachFiles(
  tx: Queryable,
  item: ItemRecord,
  files: readonly ReadAttachment[],
  userId: string | null,
): Promise<string[]> {
  if (item.status !== 'draft') throw notADraft();
  const ids = await insertAttachments(
    tx,
    files.map((file) => ({ ...file, itemId: item.id, createdBy: userId })),
  );
  const attachmentTexts = await listAttachmentTexts(tx, item.id);
  await reindexItem(tx, item.id, indexedDocument({ ...item, attachmentTexts }));
  return ids;
}
