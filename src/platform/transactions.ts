// Transactions that begin with their role and settings in place, in as few round trips as possible:
// row-level security reads the role and the app.* settings, and every request opens one of these.
import type { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import { NodePgSession, NodePgTransaction } from 'drizzle-orm/node-postgres';
import type { PgDialect } from 'drizzle-orm/pg-core';
import { PgliteSession, PgliteTransaction } from 'drizzle-orm/pglite';
import type pg from 'pg';
import type { Database, Transaction } from './db.js';

/** What a transaction starts with: the role it runs as and the values its policies read. */
export type TransactionSettings = { role: string; settings: Readonly<Record<string, string>> };

/**
 * Runs `work` in one transaction. `closing`, asked once the work is done, may give one last statement:
 * on a server it travels in the same message as COMMIT, so that a lock it takes (the audit chain's) is
 * held only while the server runs the two, never while an answer travels back to this process.
 */
export type RunTransaction = <T>(
  settings: TransactionSettings,
  work: (tx: Transaction) => Promise<T>,
  closing?: () => SQL | null,
) => Promise<T>;

/**
 * On a server: BEGIN and every set_config travel as one simple-protocol message, so a request costs
 * one round trip before its own queries and one for COMMIT, instead of three and one. The values
 * are quoted by the driver, never spliced raw.
 */
export function serverTransactions(pool: pg.Pool, db: Database): RunTransaction {
  const internals = db as unknown as { dialect: PgDialect; session: { schema: never; options: never } };
  return async (settings, work, closing) => {
    const client = await pool.connect();
    let isReusable = true;
    try {
      await client.query(`begin; ${settingsStatement(settings, (value) => client.escapeLiteral(value))}`);
      const { dialect, session } = internals;
      const bound = new NodePgSession(client, dialect as never, session.schema, session.options);
      const tx = new NodePgTransaction(dialect as never, bound, session.schema) as unknown as Transaction;
      const result = await work(tx);
      const last = closing?.();
      const quote = (value: string) => client.escapeLiteral(value);
      await client.query(last ? `${inlineParameters(dialect.sqlToQuery(last), quote)}; commit` : 'commit');
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
  return (settings, work, closing) =>
    client.transaction(async (pgliteTx) => {
      await pgliteTx.exec(settingsStatement(settings, quoteLiteral));
      const { dialect, session } = internals;
      const bound = new PgliteSession(pgliteTx as never, dialect, session.schema, session.options);
      const tx = new PgliteTransaction(dialect, bound, session.schema) as unknown as Transaction;
      const result = await work(tx);
      // No round trip to save in-process: the last statement simply runs before PGlite commits.
      const last = closing?.();
      if (last) await tx.execute(last);
      return result;
    });
}

/** A string literal under standard_conforming_strings (on by default since PostgreSQL 9.1). */
function quoteLiteral(value: string): string {
  if (value.includes('\0')) throw new Error('a transaction setting cannot hold a NUL character');
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * A query's $n parameters written as literals, for a simple-protocol message (which takes none).
 * Quoted strings and identifiers are passed over, so a "$1" inside them stays as it is; dollar-quoted
 * text could hide one too and is refused. Only the value types a statement here binds are accepted.
 */
export function inlineParameters(
  query: { sql: string; params: unknown[] },
  quote: (value: string) => string,
) {
  if (/\$[A-Za-z_]*\$/.test(query.sql)) throw new Error('dollar-quoted text cannot take inlined parameters');
  return query.sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|\$(\d+)/g, (match, index?: string) => {
    if (index === undefined) return match;
    const position = Number(index) - 1;
    if (position >= query.params.length) throw new Error(`no value for parameter $${index}`);
    return literal(query.params[position], quote);
  });
}

function literal(value: unknown, quote: (value: string) => string): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return quote(value.toISOString());
  throw new Error(`a ${typeof value} cannot be inlined as a parameter`);
}

function settingsStatement(settings: TransactionSettings, quote: (value: string) => string): string {
  const values = Object.entries({ role: settings.role, ...settings.settings });
  return `select ${values.map(([name, value]) => `set_config(${quote(name)}, ${quote(value)}, true)`).join(', ')}`;
}
