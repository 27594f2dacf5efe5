// A worker thread that makes one part of a synthesis, so that the parts of one release run side by side.
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { synthesizePart } from './engine/synthesize.js';
import { aggregatesFromMessage, type SynthesisJob } from './parallel-synthesis.js';

// Below the request thread, as the release worker that starts it.
setPriority(10);

const { aggregates, options, part } = workerData as SynthesisJob;
const dataset = synthesizePart(aggregatesFromMessage(aggregates), options, part);
parentPort?.postMessage(
  dataset,
  dataset.columns.map((column) => column.codes.buffer as ArrayBuffer),
);
