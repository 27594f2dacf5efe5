// Attachments of knowledge items under /api/v1/knowledge/items/:id/attachments: a PDF or Word file sent
// as base64 in JSON (its text extracted for search before the transaction), downloaded by whoever may read
// the item, and removed from a draft. The file and the item's new search vector commit with the audit entry.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../platform/errors.js';
import { PlainText } from '../platform/fields.js';
import { typed } from '../platform/routes.js';
import { attachFiles, attachmentTooLarge, MAX_ATTACHMENT_BYTES, readAttachment } from './attach-files.js';
import { deleteAttachment, getAttachmentFile, listAttachmentTexts } from './attachment-store.js';
import { notADraft } from './change-item.js';
import { readItem } from './read-item.js';
import { itemSubject, TAGS, userIdOf } from './routes.js';
import { AttachmentParams, IdParams, ItemView } from './schemas.js';
import { indexedDocument } from './search-text.js';
import { getItem, reindexItem } from './store.js';
import { itemView } from './views.js';

/** Base64 of the largest file, with room for the JSON around it: a bigger body is refused unread (413). */
const BODY_LIMIT = Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 64 * 1024;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const AttachmentRequest = z
  .object({
    fileName: PlainText(255).describe('The name the file is downloaded under'),
    content: z
      .string()
      .min(1)
      .describe('The file’s bytes in base64: a PDF or a Word (DOCX) file of at most 20 MiB'),
  })
  .strict();

function decodeContent(fileName: string, content: string): Buffer {
  if (content.length > Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4) throw attachmentTooLarge(fileName);
  if (content.length % 4 !== 0 || !BASE64.test(content))
    throw new AppError('validation_failed', 'The file must be sent in base64.', [
      {
        path: 'body.content',
        code: 'invalid_format',
        message: 'Send the file’s bytes in base64',
        format: 'base64',
      },
    ]);
  return Buffer.from(content, 'base64');
}

/** A download name that survives any header: ASCII fallback plus the UTF-8 name (RFC 6266, RFC 8187). */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export async function knowledgeAttachmentRoutes(app: FastifyInstance) {
  const api = typed(app);

  api.post(
    '/items/:id/attachments',
    {
      config: { action: 'knowledge.write' },
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: TAGS,
        summary: 'Attach a PDF or Word (DOCX) file to a draft; its text is searched with the item',
        description:
          'The format is told from the file’s first bytes: anything else is refused with 415, a file that cannot be read with 422 `unreadable_file`, a larger one with 413.',
        params: IdParams,
        body: AttachmentRequest,
        response: { 201: z.object({ data: ItemView }) },
      },
    },
    async (request, reply) => {
      const { fileName, content } = request.body;
      const file = await readAttachment(
        { fileName, content: decodeContent(fileName, content) },
        'body.content',
      );
      const data = await request.transaction(async (tx) => {
        const item = await getItem(tx, request.params.id);
        request.authorize('knowledge.write', { organisationId: item.organisationId });
        const [attachmentId] = await attachFiles(tx, item, [file], userIdOf(request));
        request.auditSubject = itemSubject(item, { attachment: attachmentId, mediaType: file.mediaType });
        const read = await readItem(tx, item.id, null);
        return itemView(read.item, { ...read, principal: request.principal });
      });
      return reply.status(201).send({ data });
    },
  );

  api.get(
    '/items/:id/attachments/:attachmentId',
    {
      config: { action: 'knowledge.read' },
      schema: {
        tags: TAGS,
        summary: 'Download an attachment of an item one may read',
        params: AttachmentParams,
      },
    },
    async (request, reply) => {
      const { id, attachmentId } = request.params;
      const file = await request.transaction((tx) => getAttachmentFile(tx, id, attachmentId));
      return reply
        .header('content-type', file.mediaType)
        .header('content-disposition', contentDisposition(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .send(file.content);
    },
  );

  api.delete(
    '/items/:id/attachments/:attachmentId',
    {
      config: { action: 'knowledge.write' },
      schema: {
        tags: TAGS,
        summary: 'Remove an attachment from a draft',
        params: AttachmentParams,
        response: { 200: z.object({ data: ItemView }) },
      },
    },
    async (request) => {
      const { id, attachmentId } = request.params;
      const data = await request.transaction(async (tx) => {
        const item = await getItem(tx, id);
        request.authorize('knowledge.write', { organisationId: item.organisationId });
        if (item.status !== 'draft') throw notADraft();
        request.auditSubject = itemSubject(item, { removedAttachment: attachmentId });
        if (!(await deleteAttachment(tx, id, attachmentId)))
          throw new AppError('not_found', 'The item has no such attachment.');
        const attachmentTexts = await listAttachmentTexts(tx, id);
        await reindexItem(tx, id, indexedDocument({ ...item, attachmentTexts }));
        const read = await readItem(tx, id, null);
        return itemView(read.item, { ...read, principal: request.principal });
      });
      return { data };
    },
  );
}
