// A worker thread that does one share of a release's counting or one part of its synthesis, so that the
// shares and parts of one release run side by side; it answers once and ends.
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { frequentCombinations } from './engine/k-anonymous.js';
import { synthesizePart } from './engine/synthesize.js';
import { aggregatesFromMessage, aggregatesToMessage, type WorkerJob } from './parallel-synthesis.js';

// Below the request thread, as the release worker that starts it.
setPriority(10);

const job = workerData as WorkerJob;
if (job.kind === 'count') {
  const counted = frequentCombinations(job.dataset, job.k, job.reportingLength, job.share);
  const message = aggregatesToMessage(counted);
  parentPort?.postMessage(message, [message.counts.buffer as ArrayBuffer]);
} else {
  const dataset = synthesizePart(aggregatesFromMessage(job.aggregates), job.options, job.part);
  parentPort?.postMessage(
    dataset,
    dataset.columns.map((column) => column.codes.buffer as ArrayBuffer),
  );
}
