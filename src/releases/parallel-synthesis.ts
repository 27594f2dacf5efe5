// Synthesis on every core it can use: the engine splits a synthesis into a fixed number of parts (the same
// records whether they run one after another or side by side), and this runs all but the first in worker
// threads while the calling thread makes the first. Small syntheses, and machines with one core, run the
// parts in turn: starting a worker would cost more than it saves.
import { availableParallelism } from 'node:os';
import { startModuleWorker } from '../platform/module-worker.js';
import { type Aggregates, AttributeIndex } from './engine/aggregates.js';
import type { Dataset } from './engine/dataset.js';
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

export type SynthesisJob = { aggregates: AggregatesMessage; options: SynthesisOptions; part: SynthesisPart };

function aggregatesToMessage(aggregates: Aggregates): AggregatesMessage {
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
    others.push(partInWorker({ aggregates: message, options, part: { index, of: SYNTHESIS_PARTS } }));
  // Collected at once, so that a failed worker is never an unhandled rejection while this thread works.
  const settled = Promise.allSettled(others);
  const first = synthesizePart(aggregates, options, { index: 0, of: SYNTHESIS_PARTS });
  const rest = await settled;
  const failed = rest.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  return joinParts([first, ...rest.map((result) => (result as PromiseFulfilledResult<Dataset>).value)]);
}

function partInWorker(job: SynthesisJob): Promise<Dataset> {
  return new Promise((resolve, reject) => {
    const worker = startModuleWorker(import.meta.url, 'synthesis-worker', { workerData: job }, 10);
    let answered = false;
    worker.once('message', (dataset: Dataset) => {
      answered = true;
      resolve(dataset);
      void worker.terminate();
    });
    worker.once('error', (error) => {
      answered = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!answered)
        reject(new Error(`a synthesis worker stopped (exit code ${code}) before its part was made`));
    });
  });
}
