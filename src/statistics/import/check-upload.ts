// Reads an uploaded statistics file once in an upload worker, within the declared limits, before the
// import reads it: a file over any limit, or one that cannot be read, is refused before work starts.
import type { FastifyInstance } from 'fastify';
import { readInWorker } from '../../uploads/index.js';
import type { StatisticsSource } from '../schemas.js';
import { formatOf } from './run-import.js';

export async function checkStatisticsUpload(
  content: Buffer,
  file: { source: StatisticsSource; fileName: string; delimiter: string },
  uploads: FastifyInstance['uploads'],
): Promise<void> {
  const reader = {
    kind: 'statistics-table',
    format: formatOf(file.source, file.fileName),
    delimiter: file.delimiter,
  } as const;
  // The worker takes its bytes for itself; the import keeps the original.
  const copy = new Uint8Array(content);
  for await (const _batch of readInWorker(copy, reader, uploads.limitsFor('statistics'), uploads.budget)) {
    // Every row is checked in the worker; nothing to do with it here.
  }
}
