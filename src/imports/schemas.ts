// The shapes of import jobs in the API: one job, with its progress and, once finished, its report or problem.
import { z } from 'zod';
import { ImportReport as ActivitiesImportReport } from '../activities/schemas.js';
import { Problem } from '../platform/errors.js';
import { ImportReport as StatisticsImportReport } from '../statistics/schemas.js';

export const ImportJobKind = z.enum(['activities', 'statistics']);
export type ImportJobKind = z.infer<typeof ImportJobKind>;

export const ImportJobState = z
  .enum(['queued', 'running', 'succeeded', 'failed'])
  .describe(
    'queued: accepted, not started; running; succeeded: finished with a report (which says whether anything was written: a dry run or a file with problems writes nothing); failed: stopped with a problem, nothing written',
  );
export type ImportJobState = z.infer<typeof ImportJobState>;

export const ImportPhase = z
  .enum(['queued', 'reading', 'deriving', 'finished'])
  .describe('reading: rows are read, checked and written; deriving: totals are computed after the last row');
export type ImportPhase = z.infer<typeof ImportPhase>;

export const ImportJobProgress = z.object({
  phase: ImportPhase,
  rowsRead: z.number().int().min(0).describe('Rows (or IATI activities) read so far'),
  rowsWritten: z
    .number()
    .int()
    .min(0)
    .nullable()
    .describe(
      'Rows checked and written so far, in the import’s transaction (null when the importer does not count them)',
    ),
});
export type ImportJobProgress = z.infer<typeof ImportJobProgress>;

const JobFields = {
  id: z.uuid(),
  state: ImportJobState,
  fileName: z.string().nullable(),
  byteSize: z.number().int().min(0),
  options: z.record(z.string(), z.unknown()).describe('The import’s options as sent (format, dry run…)'),
  progress: ImportJobProgress,
  problem: Problem.nullable().describe('Why the import failed (state failed); nothing was written'),
  startedBy: z.uuid(),
  organisationId: z.uuid().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  updatedAt: z.string(),
  finishedAt: z.string().nullable(),
};

export const ImportJob = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('activities'),
    ...JobFields,
    result: ActivitiesImportReport.nullable().describe('The report the import answers synchronously'),
  }),
  z.object({
    kind: z.literal('statistics'),
    ...JobFields,
    result: StatisticsImportReport.nullable().describe('The report the import answers synchronously'),
  }),
]);
export type ImportJob = z.infer<typeof ImportJob>;

export const ImportJobResponse = z.object({ data: ImportJob });
export const ImportJobList = z.object({ data: z.array(ImportJob) });

/** How long a client should wait before asking again for a job that has not finished. */
export const POLL_AFTER_SECONDS = 1;
