// The attachments' SQL: stored in the database as bytes with their extracted text; listed without the
// bytes, read one at a time for download. Row-level security shows them with their item.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { knowledgeAttachments } from './schema.js';

export type AttachmentRecord = {
  id: string;
  itemId: string;
  fileName: string;
  mediaType: string;
  byteSize: number;
  createdAt: Date;
};

const listed = {
  id: knowledgeAttachments.id,
  itemId: knowledgeAttachments.itemId,
  fileName: knowledgeAttachments.fileName,
  mediaType: knowledgeAttachments.mediaType,
  byteSize: knowledgeAttachments.byteSize,
  createdAt: knowledgeAttachments.createdAt,
};

/** The attachments of several items, oldest first, without their bytes. */
export function listAttachments(db: Queryable, itemIds: readonly string[]): Promise<AttachmentRecord[]> {
  if (itemIds.length === 0) return Promise.resolve([]);
  return db
    .select(listed)
    .from(knowledgeAttachments)
    .where(inArray(knowledgeAttachments.itemId, [...itemIds]))
    .orderBy(asc(knowledgeAttachments.createdAt), knowledgeAttachments.id);
}

/** The extracted text of each of the item's attachments, for its search vector. */
export async function listAttachmentTexts(db: Queryable, itemId: string): Promise<string[]> {
  const rows = await db
    .select({ text: knowledgeAttachments.extractedText })
    .from(knowledgeAttachments)
    .where(eq(knowledgeAttachments.itemId, itemId))
    .orderBy(asc(knowledgeAttachments.createdAt), knowledgeAttachments.id);
  return rows.map((row) => row.text);
}

export type NewAttachment = {
  itemId: string;
  fileName: string;
  mediaType: string;
  content: Buffer;
  extractedText: string;
  createdBy: string | null;
};

/** Stores files in one statement; returns their ids in the order given. */
export async function insertAttachments(db: Queryable, files: readonly NewAttachment[]): Promise<string[]> {
  if (files.length === 0) return [];
  const rows = files.map((file) => ({
    id: crypto.randomUUID(),
    itemId: file.itemId,
    fileName: file.fileName,
    mediaType: file.mediaType,
    byteSize: file.content.length,
    content: file.content,
    extractedText: file.extractedText,
    createdBy: file.createdBy,
  }));
  await db.insert(knowledgeAttachments).values(rows);
  return rows.map((row) => row.id);
}

/** One attachment with its bytes, or 404 when the reader may not see it (or its item). */
export async function getAttachmentFile(
  db: Queryable,
  itemId: string,
  attachmentId: string,
): Promise<AttachmentRecord & { content: Buffer }> {
  const [found] = await db
    .select({ ...listed, content: knowledgeAttachments.content })
    .from(knowledgeAttachments)
    .where(and(eq(knowledgeAttachments.id, attachmentId), eq(knowledgeAttachments.itemId, itemId)));
  if (!found) throw new AppError('not_found', 'The item has no such attachment.');
  return found;
}

/** Removes an attachment of a draft; false when there was none the writer may remove. */
export async function deleteAttachment(
  db: Queryable,
  itemId: string,
  attachmentId: string,
): Promise<boolean> {
  const removed = await db
    .delete(knowledgeAttachments)
    .where(and(eq(knowledgeAttachments.id, attachmentId), eq(knowledgeAttachments.itemId, itemId)))
    .returning({ id: knowledgeAttachments.id });
  return removed.length === 1;
}
