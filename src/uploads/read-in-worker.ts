// Reads an upload in a worker thread with a bounded heap and a time budget, handing its batches over on
// demand; the request thread only receives parsed rows, so no file can stall or exhaust it.
import type { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../platform/errors.js';
import { startModuleWorker } from '../platform/module-worker.js';
import { type ReadLimits, UPLOAD_LIMITS } from './limits.js';
import type { UploadItem, UploadReader } from './read-upload.js';
import { refusalFrom, UploadRefused } from './refusal.js';
import type { WorkerMessage } from './worker-protocol.js';

export type WorkerBudget = { heapMb: number; readingMs: number };

export const DEFAULT_BUDGET: WorkerBudget = {
  heapMb: UPLOAD_LIMITS.workerMemory.value,
  readingMs: UPLOAD_LIMITS.readingSeconds.value * 1000,
};

/**
 * The reader threads run at a lower scheduling priority (a higher nice value; on Linux it applies to the
 * calling thread alone) so that, on a busy machine, the request thread always runs first.
 */
export const READER_NICENESS = 10;

type Event = WorkerMessage | { type: 'crashed'; error: Error } | { type: 'exited'; code: number };

/** Takes ownership of `bytes` (they move to the worker); ends the worker however the caller stops reading. */
export async function* readInWorker(
  bytes: Uint8Array,
  reader: UploadReader,
  limits: ReadLimits,
  budget: WorkerBudget = DEFAULT_BUDGET,
): AsyncGenerator<UploadItem[]> {
  // A view into a shared pool (small Buffers) is copied, so that only the file's own memory moves.
  const owned =
    bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
  const worker = startWorker({ bytes: owned, reader, limits }, budget.heapMb, [owned.buffer as ArrayBuffer]);
  const inbox = new Inbox<Event>();
  worker.on('message', (message: WorkerMessage) => inbox.put(message));
  worker.on('error', (error) => inbox.put({ type: 'crashed', error }));
  worker.on('exit', (code) => inbox.put({ type: 'exited', code }));
  // Only time spent waiting for the worker counts: the importer's own database writes do not.
  let remainingMs = budget.readingMs;
  try {
    for (;;) {
      const started = performance.now();
      const event = await inbox.take(remainingMs);
      remainingMs -= performance.now() - started;
      if (!event)
        throw new UploadRefused(
          'readingSeconds',
          'file',
          'a file that takes longer to read',
          budget.readingMs / 1000,
        );
      if (event.type === 'batch') {
        worker.postMessage('pull');
        yield event.items;
      } else if (event.type === 'end') return;
      else throw failureOf(event, budget);
    }
  } finally {
    void worker.terminate();
  }
}

function failureOf(event: Exclude<Event, { type: 'batch' | 'end' }>, budget: WorkerBudget): Error {
  if (event.type === 'refused') return refusalFrom(event.refusal);
  if (event.type === 'problem') return new AppError(event.code as ErrorCode, event.detail, event.fields);
  if (event.type === 'unreadable')
    return new AppError('unreadable_file', `The file could not be read: ${event.message}`, [
      { path: 'file', message: event.message, code: 'unreadable' },
    ]);
  if (event.type === 'crashed' && (event.error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY')
    return new UploadRefused('workerMemory', 'file', 'a file that needs more memory to read', budget.heapMb);
  if (event.type === 'crashed') return event.error;
  return new Error(`The upload reader stopped unexpectedly (exit code ${event.code}).`);
}

function startWorker(data: unknown, heapMb: number, transfer: ArrayBuffer[]): Worker {
  const options = {
    workerData: data,
    transferList: transfer,
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 32 },
  };
  return startModuleWorker(import.meta.url, 'upload-worker', options, READER_NICENESS);
}

/** A queue of events with a waiting taker; `take` resolves null when its time runs out. */
class Inbox<T> {
  private readonly events: T[] = [];
  private waiter: ((event: T) => void) | null = null;

  put(event: T) {
    if (this.waiter) {
      const wake = this.waiter;
      this.waiter = null;
      wake(event);
    } else this.events.push(event);
  }

  take(timeoutMs: number): Promise<T | null> {
    const first = this.events.shift();
    if (first !== undefined) return Promise.resolve(first);
    return new Promise((resolve) => {
      const timer = setTimeout(
        () => {
          this.waiter = null;
          resolve(null);
        },
        Math.max(0, timeoutMs),
      );
      this.waiter = (event) => {
        clearTimeout(timer);
        resolve(event);
      };
    });
  }
}
