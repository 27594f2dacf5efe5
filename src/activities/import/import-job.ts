// An activities import run as a job: the body already read, parsed in an upload worker, written in one
// transaction as the person who sent it, with progress on the way and the job finished in that transaction.
import type { FastifyInstance } from 'fastify';
import { asRequester } from '../../access/context.js';
import type { JobContext, JobOutcome, RunningJob } from '../../imports/index.js';
import type { ImportReport } from '../schemas.js';
import { type ImportOptions, ImportRejected, importActivities } from './run-import.js';
import { activityUploadOf } from './upload.js';

export function activityImportJob(
  bytes: Uint8Array,
  uploads: FastifyInstance['uploads'],
  options: Omit<ImportOptions, 'onProgress'>,
) {
  return async (job: RunningJob, { database, actor }: JobContext): Promise<JobOutcome> => {
    const input = activityUploadOf(bytes, options.format, uploads);
    try {
      return await asRequester(database, actor, async (tx) => {
        const report = await importActivities(tx, input, {
          ...options,
          onProgress: (rowsRead, rowsWritten) => job.progress({ rowsRead, rowsWritten }),
        });
        const outcome = outcomeOf(report);
        if (report.committed)
          await job.audit(tx, {
            resourceType: 'activity_import',
            details: { created: report.created, updated: report.updated, unchanged: report.unchanged },
          });
        await job.finishIn(tx, outcome);
        return outcome;
      });
    } catch (error) {
      // Problems in rows are a report (nothing written), as the synchronous import answers them.
      if (error instanceof ImportRejected) return outcomeOf(error.report);
      throw error;
    }
  };
}

function outcomeOf(report: ImportReport): JobOutcome {
  const rowsWritten = report.committed ? report.created + report.updated + report.unchanged : 0;
  return { result: report as unknown as Record<string, unknown>, rowsRead: report.rows, rowsWritten };
}
