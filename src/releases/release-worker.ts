// The worker thread that runs release tasks on a CSV's bytes, one at a time, so that minutes of synthesis
// never stall the server's requests; each task is answered once, with its result or its problem.
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { AppError } from '../platform/errors.js';
import { type ReleaseTask, runTask } from './tasks.js';

export type WorkerRequest = { id: number; csv: Uint8Array; task: ReleaseTask };

setPriority(10);

parentPort?.on('message', async ({ id, csv, task }: WorkerRequest) => {
  try {
    const result = await runTask(csv, task);
    parentPort?.postMessage({ id, type: 'done', result });
  } catch (error) {
    const problem =
      error instanceof AppError
        ? { code: error.code, detail: error.message, fields: error.fields }
        : { code: 'internal_error', detail: 'The release could not be computed.' };
    parentPort?.postMessage({ id, type: 'failed', problem });
  }
});
