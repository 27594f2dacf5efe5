// Upload hardening shared by every import route: declared limits, bounded reading in a worker, import slots.
export { describeLimit, type ReadLimits, UPLOAD_LIMITS, type UploadLimitName } from './limits.js';
export { importRouteHooks, keepSlotAfterResponse, type UploadSettings, whileHoldingSlot } from './plugin.js';
export { readBodyWithin } from './read-body.js';
export { readInWorker } from './read-in-worker.js';
export type { UploadItem, UploadReader } from './read-upload.js';
export { UploadRefused } from './refusal.js';

/** Flattens the worker's batches into single items for a reader that takes one at a time. */
export async function* eachItem<T>(batches: AsyncIterable<unknown[]>): AsyncGenerator<T> {
  for await (const batch of batches) for (const item of batch) yield item as T;
}
export { looksLikeZipArchive, zipEntryNames } from './xlsx-check.js';
