// An uploaded activities file: read within the activities body limit, then parsed in an upload worker.
import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { eachItem, readBodyWithin, readInWorker, UPLOAD_LIMITS } from '../../uploads/index.js';
import type { ImportFormat } from '../schemas.js';
import type { ImportInput } from './run-import.js';
import type { XmlNode } from './xml-tree.js';

/** The body in memory (bounded), and the rows or IATI elements the worker reads from it as they are taken. */
export async function readActivityUpload(
  body: Readable,
  format: ImportFormat,
  uploads: FastifyInstance['uploads'],
): Promise<ImportInput> {
  const bytes = await readActivityBody(body);
  return activityUploadOf(bytes, format, uploads);
}

/** The body, read within the activities body limit (413 beyond it). */
export function readActivityBody(body: Readable): Promise<Uint8Array> {
  return readBodyWithin(body, 'activitiesBodyBytes', UPLOAD_LIMITS.activitiesBodyBytes.value);
}

/** Rows or IATI elements of a body already read, parsed in an upload worker as they are taken. */
export function activityUploadOf(
  bytes: Uint8Array,
  format: ImportFormat,
  uploads: FastifyInstance['uploads'],
): ImportInput {
  const limits = uploads.limitsFor('activities');
  if (format === 'iati')
    return {
      activities: eachItem<XmlNode>(readInWorker(bytes, { kind: 'activities-iati' }, limits, uploads.budget)),
    };
  const reader = { kind: 'activities-table', format: format === 'xlsx' ? 'xlsx' : 'csv' } as const;
  return { rows: eachItem<string[]>(readInWorker(bytes, reader, limits, uploads.budget)) };
}
