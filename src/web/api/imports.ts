// Import jobs: an import the server runs in the background, followed until it ends (src/imports/schemas.ts).
import { useEffect } from 'react';
import type { z } from 'zod';
import type { ImportJob, ImportJobResponse } from '../../imports/schemas.js';
import { useApiResource } from './useApiResource.js';

export type { ImportJob };

export const IMPORT_JOBS_PATH = '/api/v1/import-jobs';
/** As often as the server stores progress (about twice a second) is more than a person needs. */
const POLL_MS = 1000;

export function isFinished(job: ImportJob): boolean {
  return job.state === 'succeeded' || job.state === 'failed';
}

/** The job, asked for again every second until it has finished. */
export function useImportJob(id: string | null) {
  const job = useApiResource<z.infer<typeof ImportJobResponse>>(
    id ? `${IMPORT_JOBS_PATH}/${encodeURIComponent(id)}` : null,
  );
  const isRunning = job.status === 'ready' && !isFinished(job.data.data);
  const { reload } = job;
  useEffect(() => {
    if (!isRunning) return;
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [isRunning, reload]);
  return job;
}
