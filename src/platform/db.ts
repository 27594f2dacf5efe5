// The one place that opens the database: embedded PGlite under DATA_DIR, or a PostgreSQL server.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { type ExtractTablesWithRelations, sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { protectDataDirectory, restrictTree } from './data-directory.js';
import * as schema from './schema.js';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that runs queries: the database itself or a transaction inside it. */
export type Queryable = Database | Transaction;
export type Engine = 'pglite' | 'postgres';

export type DatabaseHandle = {
  readonly db: Database;
  readonly engine: Engine;
  /** Where the data lives, for messages: a directory or a server address without credentials. */
  readonly location: string;
  close(): Promise<void>;
};

export type OpenDatabaseOptions = {
  /** postgres://… to use a PostgreSQL server; absent to use embedded PGlite. */
  databaseUrl?: string | undefined;
  /** Directory for PGlite's files; absent (with no URL) for an in-memory database. */
  dataDir?: string | undefined;
  /** Largest number of server connections in the pool. */
  poolSize?: number;
};

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations', import.meta.url)).replace(
  // Compiled code lives one level deeper (dist/server/platform), source in src/platform.
  `${path.sep}dist${path.sep}migrations`,
  `${path.sep}migrations`,
);

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) return openServer(options.databaseUrl, options.poolSize ?? 10);
  return openEmbedded(options.dataDir);
}

async function openServer(databaseUrl: string, poolSize: number): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize, application_name: 'concerted' });
  // An idle client's network error must not crash the process; the pool replaces the client.
  pool.on('error', () => {});
  const db = drizzleNodePg(pool, { schema }) as unknown as Database;
  return { db, engine: 'postgres', location: describeUrl(databaseUrl), close: () => pool.end() };
}

async function openEmbedded(dataDir: string | undefined): Promise<DatabaseHandle> {
  if (dataDir) await protectDataDirectory(dataDir);
  const client = dataDir ? new PGlite(dataDir) : new PGlite();
  await client.waitReady;
  if (dataDir) await restrictTree(dataDir);
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  const close = async () => {
    await client.close();
    if (dataDir) await restrictTree(dataDir);
  };
  return { db, engine: 'pglite', location: dataDir ?? 'memory', close };
}

/** A server address without its password, safe to print. */
export function describeUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.protocol}//${url.username ? `${url.username}@` : ''}${url.host}${url.pathname}`;
  } catch {
    return 'postgres (unparseable URL)';
  }
}

/** Applies every pending migration in one transaction; forward only. */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_DIR };
  if (handle.engine === 'pglite') {
    await migratePglite(handle.db as never, config);
    return;
  }
  // Two processes starting together must not both migrate: serialise them on an advisory lock.
  await handle.db.execute(sql`select pg_advisory_lock(7250301)`);
  try {
    await migrateNodePg(handle.db as never, config);
  } finally {
    await handle.db.execute(sql`select pg_advisory_unlock(7250301)`);
  }
}

export type MigrationStatus = {
  expected: number;
  applied: number;
  isCurrent: boolean;
  latest: string | null;
};

/** Compares the migrations shipped with this build against those recorded in the database. */
export async function getMigrationStatus(db: Queryable): Promise<MigrationStatus> {
  const journal = JSON.parse(await readFile(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  const expected = journal.entries.length;
  const rows = await rowsOf<{ count: number | string }>(
    db,
    sql`select count(*)::int as count from drizzle.__drizzle_migrations where exists
        (select 1 from information_schema.tables where table_schema = 'drizzle')`,
  ).catch(() => [{ count: 0 }]);
  const applied = Number(rows[0]?.count ?? 0);
  return { expected, applied, isCurrent: applied === expected, latest: journal.entries.at(-1)?.tag ?? null };
}

/** Rows of a raw query, the same shape on both drivers. */
export async function rowsOf<T>(db: Queryable, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
