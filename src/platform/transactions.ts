// Transactions that begin with their role and settings in place, in as few round trips as possible:
// row-level security reads the role and the app.* settings, and every request opens one of these.
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { NodePgSession, NodePgTransaction } from 'drizzle-orm/node-postgres';
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

/** Embedded: PGlite's own transaction keeps other requests out; role and settings are one statement. */
export function embeddedTransactions(_client: PGlite, db: Database): RunTransaction {
  return (settings, work) =>
    db.transaction(async (tx) => {
      const values = Object.entries({ role: settings.role, ...settings.settings });
      const calls = values.map(([name, value]) => sql`set_config(${name}, ${value}, true)`);
      await tx.execute(sql`select ${sql.join(calls, sql`, `)}`);
      return work(tx);
    });
}

function settingsStatement(settings: TransactionSettings, quote: (value: string) => string): string {
  const values = Object.entries({ role: settings.role, ...settings.settings });
  return `select ${values.map(([name, value]) => `set_config(${quote(name)}, ${quote(value)}, true)`).join(', ')}`;
}
