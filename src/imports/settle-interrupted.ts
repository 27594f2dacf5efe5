// Imports a stopped process left queued or running are marked failed, saying nothing was saved. A running
// job shows it is alive every HEARTBEAT_MS; on a database server that several processes may share, a job
// is only settled once it has been silent for SILENCE_MS, so one process never fails another's import.
import type { Database } from '../platform/db.js';
import { AppError, problemFor } from '../platform/errors.js';
import { settleInterruptedJobs } from './store.js';

export const INTERRUPTED_DETAIL =
  'The server stopped before this import finished. Nothing from the file was saved: an import is written all at once or not at all. Send the file again.';

export const HEARTBEAT_MS = 15_000;
export const SILENCE_MS = 6 * HEARTBEAT_MS;

export function interruptedProblem() {
  return problemFor(new AppError('import_interrupted', INTERRUPTED_DETAIL));
}

/**
 * Runs on the owner's connection, so it sees every job; returns how many it settled. `scope: 'all'` is for
 * a start-up where no other process can be using the database (the embedded one).
 */
export function settleInterruptedImports(
  db: Database,
  scope: 'all' | 'silent' = 'all',
  at: Date = new Date(),
): Promise<number> {
  const silentSince = scope === 'all' ? null : new Date(at.getTime() - SILENCE_MS);
  return db.transaction((tx) => settleInterruptedJobs(tx, interruptedProblem(), at, silentSince));
}

/** On a database server: settles silent jobs now and every heartbeat; returns the function that stops it. */
export function settleSilentImportsRegularly(db: Database, onSettled: (count: number) => void): () => void {
  const sweep = () =>
    settleInterruptedImports(db, 'silent').then(
      (count) => count > 0 && onSettled(count),
      () => undefined,
    );
  const timer = setInterval(sweep, HEARTBEAT_MS);
  timer.unref();
  return () => clearInterval(timer);
}
