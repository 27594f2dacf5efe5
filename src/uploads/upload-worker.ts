// The worker thread that reads one upload: it posts a batch, then waits until the importer asks for more,
// so that at most two batches are in memory whatever the file's size.
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../platform/errors.js';
import type { ReadLimits } from './limits.js';
import { readUpload, type UploadReader } from './read-upload.js';
import { UploadRefused } from './refusal.js';
import type { WorkerMessage } from './worker-protocol.js';

const READER_NICENESS = 10;
// Below the request thread (see read-in-worker.ts); refused on some systems, where it is only a nicety.
try {
  setPriority(READER_NICENESS);
} catch {}

import { UnreadableUpload } from './xlsx-check.js';

type Job = { bytes: Uint8Array; reader: UploadReader; limits: ReadLimits };

const port = parentPort;
if (!port) throw new Error('The upload reader runs only as a worker thread.');

const pulls: (() => void)[] = [];
port.on('message', () => pulls.shift()?.());
const pulled = () => new Promise<void>((resolve) => pulls.push(resolve));
const post = (message: WorkerMessage) => port.postMessage(message);

async function run({ bytes, reader, limits }: Job) {
  try {
    for await (const items of readUpload(bytes, reader, limits)) {
      const next = pulled();
      post({ type: 'batch', items });
      await next;
    }
    post({ type: 'end' });
  } catch (error) {
    if (error instanceof UploadRefused) post({ type: 'refused', refusal: error.toJSON() });
    else if (error instanceof AppError)
      post({ type: 'problem', code: error.code, detail: error.message, fields: error.fields });
    else
      post({
        type: 'unreadable',
        message: error instanceof Error ? error.message : String(error),
        isDamaged: error instanceof UnreadableUpload,
      });
  }
}

await run(workerData as Job);
port.close();
