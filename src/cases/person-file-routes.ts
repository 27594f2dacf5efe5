// Files of the person record under /api/v1/cases/:id/files: uploaded as base64 in JSON, sealed with the
// person's data key; listing them (with their names) and downloading one are audited reads of personal
// data, answered with Cache-Control: no-store. A file's name travels only inside bodies, never in a URL.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../platform/errors.js';
import { PlainText } from '../platform/fields.js';
import { typed } from '../platform/routes.js';
import { caseInReach, describeAudit } from './case-access.js';
import {
  addPersonFile,
  fileTooLarge,
  listPersonFiles,
  MAX_FILE_BYTES,
  readPersonFile,
} from './person/files.js';
import { CaseParams } from './schemas.js';

const TAGS = ['cases'];
const FILE_KINDS = ['photo', 'identity_document', 'other'] as const;
/** Base64 of the largest file, with room for the JSON around it: a bigger body is refused unread (413). */
const BODY_LIMIT = Math.ceil((MAX_FILE_BYTES * 4) / 3) + 64 * 1024;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const UploadPersonFileRequest = z
  .object({
    kind: z.enum(FILE_KINDS),
    fileName: PlainText(255).describe('The file’s name, sealed with the rest of the person record'),
    content: z.string().min(1).describe('The file’s bytes in base64: a JPEG, PNG or PDF of at most 10 MiB'),
  })
  .strict();

const PersonFile = z.object({
  id: z.uuid(),
  kind: z.enum(FILE_KINDS),
  fileName: z.string(),
  mediaType: z.string(),
  byteSize: z.number().int(),
  createdAt: z.string(),
});

const FileParams = z.object({ id: z.uuid(), fileId: z.uuid() }).strict();

function decodeContent(content: string): Buffer {
  // Checked before decoding: 10 MiB of bytes is at most this many base64 characters.
  if (content.length > Math.ceil(MAX_FILE_BYTES / 3) * 4) throw fileTooLarge();
  if (content.length % 4 !== 0 || !BASE64.test(content))
    throw new AppError('validation_failed', 'The file must be sent in base64.', [
      {
        path: 'body.content',
        code: 'invalid_format',
        message: 'Send the file’s bytes in base64',
        format: 'base64',
      },
    ]);
  const bytes = Buffer.from(content, 'base64');
  if (bytes.length > MAX_FILE_BYTES) throw fileTooLarge();
  return bytes;
}

export async function personFileRoutes(app: FastifyInstance) {
  const api = typed(app);

  api.get(
    '/:id/files',
    {
      config: { action: 'persons.read' },
      schema: {
        tags: TAGS,
        summary: 'The files of the person record, with their names (an audited read of personal data)',
        params: CaseParams,
        response: { 200: z.object({ data: z.array(PersonFile) }) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return {
        data: await request.transaction(async (tx) => {
          await caseInReach(request, tx, 'persons.read', request.params.id);
          describeAudit(request, { resourceType: 'person', details: { files: 'list' } });
          return listPersonFiles(tx, app.keyRing, request.params.id);
        }),
      };
    },
  );

  api.post(
    '/:id/files',
    {
      config: { action: 'persons.write' },
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: TAGS,
        summary: 'Add a photo or a scanned document (JPEG, PNG or PDF, at most 10 MiB) to the person record',
        description:
          'The type is told from the file’s first bytes: anything else is refused with 415. A larger file is refused with 413 payload_too_large. The bytes, the name and the type are sealed with the person’s data key.',
        params: CaseParams,
        body: UploadPersonFileRequest,
        response: { 201: z.object({ data: PersonFile }) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const content = decodeContent(request.body.content);
      const file = await request.transaction(async (tx) => {
        await caseInReach(request, tx, 'persons.write', request.params.id);
        const stored = await addPersonFile(tx, app.keyRing, request.params.id, {
          kind: request.body.kind,
          fileName: request.body.fileName,
          content,
        });
        describeAudit(request, {
          resourceType: 'person',
          details: {
            file: stored.id,
            kind: stored.kind,
            mediaType: stored.mediaType,
            byteSize: stored.byteSize,
          },
        });
        return stored;
      });
      return reply.status(201).send({ data: file });
    },
  );

  api.get(
    '/:id/files/:fileId',
    {
      config: { action: 'persons.read' },
      schema: {
        tags: TAGS,
        summary: 'Download one file of the person record (an audited read; never kept in caches)',
        params: FileParams,
      },
    },
    async (request, reply) => {
      const { id, fileId } = request.params;
      const file = await request.transaction(async (tx) => {
        await caseInReach(request, tx, 'persons.read', id);
        describeAudit(request, { resourceType: 'person', details: { file: fileId } });
        return readPersonFile(tx, app.keyRing, id, fileId);
      });
      // The real name is in the listing; the header carries a neutral one so no name sits in a header.
      return reply
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="person-file.${file.extension}"`)
        .header('x-content-type-options', 'nosniff')
        .type(file.mediaType)
        .send(file.content);
    },
  );
}
