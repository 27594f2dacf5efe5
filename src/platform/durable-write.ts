// One way to run a long write (an import) so that what the user is told matches what is on disk:
// one transaction; on success the commit is flushed to disk before returning; when the engine itself
// fails mid-way (PGlite's WebAssembly abort, a lost server connection) the outcome is looked up
// instead of guessed, and an engine failure is named in words, never a bare `Aborted()`.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle, Transaction } from './db.js';
import { AppError } from './errors.js';
import { writeReceipts } from './receipts-schema.js';

export type DurableWriteOptions = {
  /** What is being written, for messages: "importing statistics from glotip-2024.csv". */
  what: string;
  /**
   * Opens the same database afresh. After PGlite aborts, its instance is dead and only a new one can
   * tell whether the COMMIT reached the disk; without it such a failure is reported as unknown.
   */
  reopen?: (() => Promise<DatabaseHandle>) | undefined;
};

/**
 * Runs `work` in one transaction. Its result must survive JSON (it is kept in the same transaction as a
 * receipt, so that a commit the engine completed before dying is recognised and reported as done).
 */
export async function runDurableWrite<T>(
  handle: DatabaseHandle,
  work: (tx: Transaction) => Promise<T>,
  options: DurableWriteOptions,
): Promise<T> {
  const receipt = randomUUID();
  let result: T;
  try {
    result = await handle.db.transaction(async (tx) => {
      const value = await work(tx);
      await tx.insert(writeReceipts).values({ id: receipt, what: options.what, result: value ?? null });
      return value;
    });
  } catch (error) {
    if (!isEngineFailure(error)) throw error;
    return recoverOrExplain<T>(handle, receipt, options, error);
  }
  await handle.flush();
  // The receipt served only to decide a failed COMMIT; a leftover one is harmless.
  await handle.db
    .delete(writeReceipts)
    .where(eq(writeReceipts.id, receipt))
    .catch(() => {});
  return result;
}

/** Errors of the engine itself, not of the SQL: after them the outcome of a COMMIT is unknown. */
export function isEngineFailure(error: unknown): boolean {
  if (error instanceof WebAssembly.RuntimeError) return true;
  if (!(error instanceof Error)) return false;
  return /^Aborted\(|Connection terminated|ECONNRESET|EPIPE|server closed the connection/i.test(
    error.message,
  );
}

async function recoverOrExplain<T>(
  handle: DatabaseHandle,
  receipt: string,
  options: DurableWriteOptions,
  failure: unknown,
): Promise<T> {
  const found = await findReceipt(handle, receipt, options.reopen).catch(() => undefined);
  if (found?.isFound) return found.result as T;
  const cause = failure instanceof Error ? failure.message.split('\n')[0] : String(failure);
  const engine =
    handle.engine === 'pglite' ? `The embedded database (${handle.location})` : 'The database server';
  if (found) {
    throw new AppError(
      'database_failed',
      `${engine} stopped while ${options.what} (${cause}). Nothing was saved: run the same command again; if it stops again, report it with this message.`,
    );
  }
  throw new AppError(
    'database_failed',
    `${engine} stopped while ${options.what} (${cause}), and could not be opened again to check whether the work was saved. Open it again and look before repeating the command.`,
  );
}

async function findReceipt(
  handle: DatabaseHandle,
  receipt: string,
  reopen: (() => Promise<DatabaseHandle>) | undefined,
): Promise<{ isFound: boolean; result?: unknown } | undefined> {
  // A server keeps running when one connection dies; PGlite's instance is gone with its abort.
  const checking = handle.engine === 'postgres' ? handle : reopen ? await reopen() : undefined;
  if (!checking) return undefined;
  try {
    const [row] = await checking.db
      .select({ result: writeReceipts.result })
      .from(writeReceipts)
      .where(eq(writeReceipts.id, receipt));
    if (!row) return { isFound: false };
    await checking.db.delete(writeReceipts).where(eq(writeReceipts.id, receipt));
    await checking.flush();
    return { isFound: true, result: row.result };
  } finally {
    if (checking !== handle) await checking.close();
  }
}
