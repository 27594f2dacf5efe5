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
  const bytes = await readBodyWithin(body, 'activitiesBodyBytes', UPLOAD_LIMITS.activitiesBodyBytes.value);
  const limits = uploads.limitsFor('activities');
  if (format === 'iati')
    return {
      activities: eachItem<XmlNode>(readInWorker(bytes, { kind: 'activities-iati' }, limits, uploads.budget)),
    };
  const reader = { kind: 'activities-table', format: format === 'xlsx' ? 'xlsx' : 'csv' } as const;
  return { rows: eachItem<string[]>(readInWorker(bytes, reader, limits, uploads.budget)) };
}
