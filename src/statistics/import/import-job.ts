// A statistics import run as a job: checked in an upload worker, then imported as concerted_importer in one
// transaction whose audit entry names the release, with progress on the way.
import type { FastifyInstance } from 'fastify';
import { asImporter } from '../../access/context.js';
import type { JobContext, JobOutcome, RunningJob } from '../../imports/index.js';
import type { ImportReport } from '../schemas.js';
import { checkStatisticsUpload } from './check-upload.js';
import { type ImportOptions, importStatistics } from './run-import.js';

export function statisticsImportJob(
  content: Buffer,
  uploads: FastifyInstance['uploads'],
  options: Omit<ImportOptions, 'onProgress'>,
) {
  return async (job: RunningJob, { database, actor }: JobContext): Promise<JobOutcome> => {
    await checkStatisticsUpload(
      content,
      { source: options.source, fileName: options.file.name, delimiter: options.mapping?.delimiter ?? ',' },
      uploads,
    );
    const report = await importStatistics(
      (work) =>
        asImporter(database, actor, async (tx) => {
          const made = (await work(tx)) as ImportReport;
          await job.audit(tx, {
            resourceType: 'statistic_release',
            resourceId: made.release.id,
            details: { source: made.source, label: made.release.label, imported: made.imported },
          });
          await job.finishIn(tx, outcomeOf(made));
          return made as never;
        }),
      {
        ...options,
        onProgress: ({ rows, phase }) => job.progress({ phase, rowsRead: rows, rowsWritten: null }),
      },
    );
    return outcomeOf(report);
  };
}

function outcomeOf(report: ImportReport): JobOutcome {
  return {
    result: report as unknown as Record<string, unknown>,
    rowsRead: report.rowsRead,
    rowsWritten: report.isDryRun ? 0 : report.imported,
  };
}
