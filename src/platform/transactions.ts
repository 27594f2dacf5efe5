// Transactions that begin with their role and settings in place, in as few round trips as possible:
// row-level security reads the role and the app.* settings, and every request opens one of these.
import type { PGlite } from '@electric-sql/pglite';
import { NodePgSession, NodePgTransaction } from 'drizzle-orm/node-postgres';
import { PgliteSession, PgliteTransaction } from 'drizzle-orm/pglite';
import type pg from 'pg';
import type { Database, Transaction } from './db.js';

/** What a transaction starts with: the role it runs as and the values its policies read. */
export type TransactionSettings = { role: string; settings: Readonly<Record<string, string>> };

export type RunTransaction = <T>(
  settings: TransactionSettings,
  work: (tx: Transaction) => Promise<T>,
) => Promise<T>;

/**
 * On a server: BEGIN and every set_config travel as one simple-protocol message, so a request costs
 * one round trip before its own queries and one for COMMIT, instead of three and one. The values
 * are quoted by the driver, never spliced raw.
 */
export function serverTransactions(pool: pg.Pool, db: Database): RunTransaction {
  const internals = db as unknown as { dialect: never; session: { schema: never; options: never } };
  return async (settings, work) => {
    const client = await pool.connect();
    let isReusable = true;
    try {
      await client.query(`begin; ${settingsStatement(settings, (value) => client.escapeLiteral(value))}`);
      const { dialect, session } = internals;
      const bound = new NodePgSession(client, dialect, session.schema, session.options);
      const tx = new NodePgTransaction(dialect, bound, session.schema) as unknown as Transaction;
      const result = await work(tx);
      await client.query('commit');
      return result;
    } catch (error) {
      // A connection that cannot even roll back is in an unknown state: the pool must drop it.
      await client.query('rollback').catch(() => {
        isReusable = false;
      });
      throw error;
    } finally {
      client.release(!isReusable);
    }
  };
}

/**
 * Embedded: PGlite's own transaction keeps other requests out. Its extended-protocol query costs
 * several calls into the WebAssembly engine, so role and settings go in one simple-protocol exec.
 */
export function embeddedTransactions(client: PGlite, db: Database): RunTransaction {
  const internals = db as unknown as { dialect: never; session: { schema: never; options: never } };
  return (settings, work) =>
    client.transaction(async (pgliteTx) => {
      await pgliteTx.exec(settingsStatement(settings, quoteLiteral));
      const { dialect, session } = internals;
      const bound = new PgliteSession(pgliteTx as never, dialect, session.schema, session.options);
      return work(new PgliteTransaction(dialect, bound, session.schema) as unknown as Transaction);
    });
}

/** A string literal under standard_conforming_strings (on by default since PostgreSQL 9.1). */
function quoteLiteral(value: string): string {
  if (value.includes('\0')) throw new Error('a transaction setting cannot hold a NUL character');
  return `'${value.replaceAll("'", "''")}'`;
}

function settingsStatement(settings: TransactionSettings, quote: (value: string) => string): string {
  const values = Object.entries({ role: settings.role, ...settings.settings });
  return `select ${values.map(([name, value]) => `set_config(${quote(name)}, ${quote(value)}, true)`).join(', ')}`;
}
