// Runs release tasks in a worker thread with a bounded heap and time: the request thread only waits. One
// worker serves the tasks in turn and is kept a while for the next (starting one costs more than most
// tasks); one that runs out of time or memory is ended and the next task gets a new one.
import type { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode, type FieldError } from '../platform/errors.js';
import { startModuleWorker } from '../platform/module-worker.js';
import type { ReleaseTask, TaskResult } from './tasks.js';

export type WorkerLimits = { heapMb: number; seconds: number };

export const RELEASE_WORKER_LIMITS: WorkerLimits = { heapMb: 3072, seconds: 600 };
const IDLE_MS = 60_000;

type Answer =
  | { id: number; type: 'done'; result: unknown }
  | { id: number; type: 'failed'; problem: { code: ErrorCode; detail: string; fields?: FieldError[] } };

let worker: Worker | null = null;
let workerHeapMb = 0;
let queue: Promise<unknown> = Promise.resolve();
let nextId = 1;
let idleTimer: NodeJS.Timeout | null = null;

function workerFor(limits: WorkerLimits): Worker {
  if (worker && workerHeapMb === limits.heapMb) return worker;
  void worker?.terminate();
  workerHeapMb = limits.heapMb;
  worker = startModuleWorker(
    import.meta.url,
    'release-worker',
    { resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 64 } },
    10,
  );
  const started = worker;
  started.on('exit', () => {
    if (worker === started) worker = null;
  });
  return started;
}

/** Tasks run one after another; the caller waits for its turn, then for its answer. */
export function runInWorker<T extends ReleaseTask>(
  csv: Uint8Array,
  task: T,
  limits: WorkerLimits = RELEASE_WORKER_LIMITS,
): Promise<TaskResult<T>> {
  const turn = queue.then(() => runNow(csv, task, limits));
  queue = turn.catch(() => undefined);
  return turn;
}

async function runNow<T extends ReleaseTask>(
  csv: Uint8Array,
  task: T,
  limits: WorkerLimits,
): Promise<TaskResult<T>> {
  if (idleTimer) clearTimeout(idleTimer);
  const current = workerFor(limits);
  current.ref();
  const id = nextId++;
  let answer: Answer;
  try {
    current.postMessage({ id, csv, task });
    answer = await answerOf(current, id, limits);
  } catch (error) {
    // Out of time or memory, or gone: the next task gets a new worker.
    void current.terminate();
    throw error;
  } finally {
    current.unref();
    idleTimer = setTimeout(() => void current.terminate(), IDLE_MS);
    idleTimer.unref();
  }
  if (answer.type === 'failed')
    throw new AppError(answer.problem.code, answer.problem.detail, answer.problem.fields);
  return answer.result as TaskResult<T>;
}

function answerOf(current: Worker, id: number, limits: WorkerLimits): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      clearTimeout(timer);
      current.off('message', onMessage);
      current.off('error', onError);
      current.off('exit', onExit);
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(
        new AppError(
          'upload_limit_exceeded',
          `The release took longer than ${limits.seconds} seconds and was stopped; nothing was saved. Use fewer columns, a shorter reporting length, or the command line (concerted release …) for very large files.`,
        ),
      );
    }, limits.seconds * 1000);
    const onMessage = (answer: Answer) => {
      if (answer.id !== id) return;
      cleanup();
      resolve(answer);
    };
    const onError = (error: Error) => {
      cleanup();
      reject(
        /memory/i.test(error.message)
          ? new AppError(
              'upload_limit_exceeded',
              `The release needed more than ${limits.heapMb} MiB of memory and was stopped; nothing was saved. Use fewer columns or a shorter reporting length.`,
            )
          : new AppError('internal_error', 'The release could not be computed; nothing was saved.'),
      );
    };
    const onExit = (code: number) => {
      cleanup();
      reject(
        new AppError(
          'internal_error',
          `The release stopped before answering (exit ${code}); nothing was saved.`,
        ),
      );
    };
    current.on('message', onMessage);
    current.on('error', onError);
    current.on('exit', onExit);
  });
}
