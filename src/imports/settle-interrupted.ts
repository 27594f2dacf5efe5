// At start-up: imports a stopped process left queued or running are marked failed, saying nothing was saved.
import type { Database } from '../platform/db.js';
import { AppError, problemFor } from '../platform/errors.js';
import { settleInterruptedJobs } from './store.js';

export const INTERRUPTED_DETAIL =
  'The server stopped before this import finished. Nothing from the file was saved: an import is written all at once or not at all. Send the file again.';

/** Runs on the owner's connection (before any request), so it sees every job; returns how many it settled. */
export function settleInterruptedImports(db: Database, at: Date = new Date()): Promise<number> {
  const problem = problemFor(new AppError('import_interrupted', INTERRUPTED_DETAIL));
  return db.transaction((tx) => settleInterruptedJobs(tx, problem, at));
}
