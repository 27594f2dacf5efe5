// Synthesis on every core it can use: the engine splits a synthesis into a fixed number of parts (the same
// records whether they run one after another or side by side), and this runs all but the first in worker
// threads while the calling thread makes the first. The k-anonymous counting is shared the same way. Small syntheses, and machines with one core, run the
// parts in turn: starting a worker would cost more than it saves.
import { availableParallelism } from 'node:os';
import { isMainThread, resourceLimits } from 'node:worker_threads';
import { AppError } from '../platform/errors.js';
import { startModuleWorker } from '../platform/module-worker.js';
import { type Aggregates, AttributeIndex } from './engine/aggregates.js';
import type { Dataset } from './engine/dataset.js';
import { frequentCombinations, reportableAggregates, roundToK } from './engine/k-anonymous.js';
import {
  joinParts,
  SYNTHESIS_PARTS,
  type SynthesisOptions,
  type SynthesisPart,
  synthesizeFromAggregates,
  synthesizePart,
} from './engine/synthesize.js';

/** Below this many records a synthesis takes well under a second: the parts run in turn. */
const PARALLEL_FROM_RECORDS = 20_000;

/** The aggregates as a worker receives them: plain arrays, cheap to copy between threads. */
export type AggregatesMessage = {
  columns: { name: string; values: string[] }[];
  reportingLength: number;
  recordCount: number;
  keys: string[];
  counts: Float64Array;
};

export type SynthesisJob = {
  kind: 'synthesize';
  aggregates: AggregatesMessage;
  options: SynthesisOptions;
  part: SynthesisPart;
};

export type CountJob = {
  kind: 'count';
  dataset: Dataset;
  k: number;
  reportingLength: number;
  share: SynthesisPart;
};

/** What a worker is asked to do: one share of the counting, or one part of the synthesis. */
export type WorkerJob = SynthesisJob | CountJob;

export function aggregatesToMessage(aggregates: Aggregates): AggregatesMessage {
  return {
    columns: aggregates.attributes.columns.map((column) => ({
      name: column.name,
      values: [...column.values],
    })),
    reportingLength: aggregates.reportingLength,
    recordCount: aggregates.recordCount,
    keys: [...aggregates.counts.keys()],
    counts: Float64Array.from(aggregates.counts.values()),
  };
}

export function aggregatesFromMessage(message: AggregatesMessage): Aggregates {
  const counts = new Map<string, number>();
  message.keys.forEach((key, index) => {
    counts.set(key, message.counts[index] as number);
  });
  return {
    attributes: new AttributeIndex(message.columns),
    reportingLength: message.reportingLength,
    recordCount: message.recordCount,
    counts,
  };
}

/** Exactly `reportableAggregates`, its tuples of columns counted in two shares side by side. */
export async function reportableAggregatesInParallel(
  dataset: Dataset,
  k: number,
  reportingLength: number,
): Promise<Aggregates> {
  if (dataset.rowCount < PARALLEL_FROM_RECORDS || availableParallelism() < 2)
    return reportableAggregates(dataset, k, reportingLength);
  const theirs = inWorker<AggregatesMessage>({
    kind: 'count',
    dataset,
    k,
    reportingLength,
    share: { index: 1, of: 2 },
  });
  const settled = Promise.allSettled([theirs]);
  const mine = frequentCombinations(dataset, k, reportingLength, { index: 0, of: 2 });
  const [other] = await settled;
  if (other?.status !== 'fulfilled') throw other?.reason;
  other.value.keys.forEach((key, index) => {
    mine.counts.set(key, other.value.counts[index] as number);
  });
  return roundToK(mine, k);
}

/** Synthetic records from the aggregates, exactly as `synthesizeFromAggregates` makes them, sooner. */
export async function synthesizeInParallel(
  aggregates: Aggregates,
  options: SynthesisOptions,
): Promise<Dataset> {
  if (aggregates.recordCount < PARALLEL_FROM_RECORDS || availableParallelism() < 2)
    return synthesizeFromAggregates(aggregates, options);
  const message = aggregatesToMessage(aggregates);
  const others: Promise<Dataset>[] = [];
  for (let index = 1; index < SYNTHESIS_PARTS; index++)
    others.push(
      inWorker<Dataset>({
        kind: 'synthesize',
        aggregates: message,
        options,
        part: { index, of: SYNTHESIS_PARTS },
      }),
    );
  // Collected at once, so that a failed worker is never an unhandled rejection while this thread works.
  const settled = Promise.allSettled(others);
  const first = synthesizePart(aggregates, options, { index: 0, of: SYNTHESIS_PARTS });
  const rest = await settled;
  const failed = rest.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  return joinParts([first, ...rest.map((result) => (result as PromiseFulfilledResult<Dataset>).value)]);
}

/** Runs one job in a worker thread of its own, which ends once it has answered. */
function inWorker<T>(job: WorkerJob): Promise<T> {
  return new Promise((resolve, reject) => {
    // A worker started by a bounded worker is bounded alike.
    const limits = isMainThread ? {} : { resourceLimits };
    const worker = startModuleWorker(import.meta.url, 'synthesis-worker', { workerData: job, ...limits }, 10);
    let answered = false;
    worker.once('message', (answer: T) => {
      answered = true;
      resolve(answer);
      void worker.terminate();
    });
    worker.once('error', (error) => {
      answered = true;
      reject(
        /memory/i.test(error.message)
          ? new AppError(
              'upload_limit_exceeded',
              'The release needed more memory than it may use and was stopped; nothing was saved. Use fewer columns or a shorter reporting length.',
            )
          : error,
      );
    });
    worker.once('exit', (code) => {
      if (!answered)
        reject(new Error(`a synthesis worker stopped (exit code ${code}) before its part was made`));
    });
  });
}
