// The one place that opens the database: embedded PGlite under DATA_DIR, or a PostgreSQL server.

import { open, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { type ExtractTablesWithRelations, sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { protectDataDirectory, restrictTree } from './data-directory.js';
import { loginPasswordStatement, type RoleFacts, requestConnectionUrl } from './database-roles.js';
import { prepareRepeatedStatements } from './prepared-statements.js';
import * as schema from './schema.js';
import { embeddedTransactions, type RunTransaction, serverTransactions } from './transactions.js';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that runs queries: the database itself or a transaction inside it. */
export type Queryable = Database | Transaction;
export type Engine = 'pglite' | 'postgres';

export type DatabaseHandle = {
  /** The owner's connection: migrations, importers, seeds and the server's own bookkeeping. */
  readonly db: Database;
  readonly engine: Engine;
  /** Where the data lives, for messages: a directory or a server address without credentials. */
  readonly location: string;
  /**
   * One transaction on the request connection that starts as settings.role with settings.settings:
   * on a server the login role (which cannot regain more rights), embedded the one superuser.
   */
  readonly requestTransaction: RunTransaction;
  /** The same on the owner's connection, for the few writers that need more than the request role. */
  readonly ownerTransaction: RunTransaction;
  /**
   * The data version (migration 0018): a number that every committed write raises, read in a statement
   * of its own. Equal numbers mean that no write committed in between.
   */
  readDataVersion(): Promise<string>;
  /**
   * The data version and the access version (migration 0040) in one statement of its own: the access
   * version rises only with changes to sessions, users, memberships and break-glass grants.
   */
  readVersions(): Promise<DataVersions>;
  /** After migrations: gives the login role the password derived from DATABASE_URL's, if it has one. */
  prepareRequestLogin(): Promise<void>;
  /** Who the request connection logs in as, and whether it could bypass row-level security. */
  describeRoles(): Promise<{ request: RoleFacts; owner: RoleFacts }>;
  /**
   * Makes every committed transaction survive a power loss. A server does that at COMMIT; PGlite runs
   * with fsync off and its WebAssembly file system cannot fsync, so its write-ahead log is synced here.
   */
  flush(): Promise<void>;
  close(): Promise<void>;
};

export type OpenDatabaseOptions = {
  /** postgres://… to use a PostgreSQL server; absent to use embedded PGlite. */
  databaseUrl?: string | undefined;
  /** Directory for PGlite's files; absent (with no URL) for an in-memory database. */
  dataDir?: string | undefined;
  /** The request connection (login role); derived from databaseUrl when absent. */
  databaseAppUrl?: string | undefined;
  /** Largest number of server connections in each pool (the owner's and the requests'). */
  poolSize?: number;
  /**
   * An in-memory embedded database starts from this saved data directory (PGlite's dump) instead of an
   * empty one: a copy of a database already migrated opens in a second where initdb and migrations take several.
   */
  embeddedImage?: Blob | undefined;
};

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations', import.meta.url)).replace(
  // Compiled code lives one level deeper (dist/server/platform), source in src/platform.
  `${path.sep}dist${path.sep}migrations`,
  `${path.sep}migrations`,
);

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) return openServer(options.databaseUrl, options);
  return openEmbedded(options.dataDir, options.embeddedImage);
}

export type DataVersions = { data: string; access: string };

/** A named statement, so that a server parses and plans it once per connection. */
const DATA_VERSION_QUERY = {
  name: 'concerted_data_versions',
  text: 'select version::text as data, access_version::text as access from data_version',
};

function openPool(connectionString: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, application_name: 'concerted' });
  // An idle client's network error must not crash the process; the pool replaces the client.
  pool.on('error', () => {});
  prepareRepeatedStatements(pool);
  return pool;
}

async function openServer(databaseUrl: string, options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  const poolSize = options.poolSize ?? 10;
  const ownerPool = openPool(databaseUrl, poolSize);
  // Connects lazily: commands that never serve a request never log in as the request role.
  const requestPool = openPool(requestConnectionUrl(databaseUrl, options.databaseAppUrl), poolSize);
  const db = drizzleNodePg(ownerPool, { schema }) as unknown as Database;
  const requestDb = drizzleNodePg(requestPool, { schema }) as unknown as Database;
  return {
    db,
    engine: 'postgres',
    location: describeUrl(databaseUrl),
    requestTransaction: serverTransactions(requestPool, requestDb),
    ownerTransaction: serverTransactions(ownerPool, db),
    readDataVersion: async () => (await readServerVersions(ownerPool)).data,
    readVersions: () => readServerVersions(ownerPool),
    prepareRequestLogin: async () => {
      const statement = options.databaseAppUrl ? null : loginPasswordStatement(databaseUrl);
      // An owner that may not alter roles leaves the password to the setup SQL in the README; the
      // start-up check then says what is wrong if the login fails.
      if (statement) await db.execute(sql.raw(statement)).catch(() => {});
    },
    describeRoles: async () => ({ request: await roleFacts(requestDb), owner: await roleFacts(db) }),
    flush: async () => {},
    close: async () => {
      await Promise.all([ownerPool.end(), requestPool.end()]);
    },
  };
}

async function openEmbedded(dataDir: string | undefined, image: Blob | undefined): Promise<DatabaseHandle> {
  if (dataDir) await protectDataDirectory(dataDir);
  // Every construction loads the same extensions: a data directory whose migrations created one cannot
  // be opened without it (pg_trgm, migration 0046, for typo-tolerant search of the knowledge library).
  const extensions = { pg_trgm };
  const client = dataDir
    ? new PGlite(dataDir, { extensions })
    : new PGlite(image ? { loadDataDir: image, extensions } : { extensions });
  await client.waitReady;
  if (dataDir) await restrictTree(dataDir);
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  // One superuser is all there is: requests rely on SET LOCAL ROLE, set in every transaction.
  const transactions = embeddedTransactions(client, db);
  const readVersions = await embeddedDataVersions(client);
  return {
    db,
    engine: 'pglite',
    location: dataDir ?? 'memory',
    requestTransaction: transactions,
    ownerTransaction: transactions,
    readDataVersion: async () => (await readVersions()).data,
    readVersions,
    prepareRequestLogin: async () => {},
    describeRoles: async () => {
      const facts = await roleFacts(db);
      return { request: facts, owner: facts };
    },
    flush: () => (dataDir ? syncWriteAheadLog(dataDir) : Promise.resolve()),
    close: async () => {
      await client.close();
      if (dataDir) await restrictTree(dataDir);
    },
  };
}

async function readServerVersions(pool: pg.Pool): Promise<DataVersions> {
  const result = await pool.query<DataVersions>(DATA_VERSION_QUERY);
  const row = result.rows[0];
  if (!row) throw new Error('data_version has no row');
  return { data: String(row.data), access: String(row.access) };
}

/**
 * Only this process can write an embedded database, and every commit that changes data sends its new
 * data and access versions (migrations 0018 and 0040) as a notice, which PGlite hands to its listener
 * before the writer's own call returns: so the numbers known here are those a read would return,
 * without the read. Before the first notice they are read.
 */
async function embeddedDataVersions(client: PGlite): Promise<() => Promise<DataVersions>> {
  let known: { data: bigint; access: bigint } | null = null;
  const learn = (data: bigint, access: bigint) => {
    if (known === null || data > known.data) known = { data, access };
  };
  await client.listen('concerted_data_version', (payload) => {
    const [data, access] = payload.split(' ');
    // A notice without the access version (before migration 0040) says nothing of it: read it next time.
    if (data && access) learn(BigInt(data), BigInt(access));
    else known = null;
  });
  const read = async () => {
    const result = await client.query<DataVersions>(DATA_VERSION_QUERY.text);
    const row = result.rows[0];
    if (!row) throw new Error('data_version has no row');
    learn(BigInt(row.data), BigInt(row.access));
    return { data: BigInt(row.data), access: BigInt(row.access) };
  };
  return async () => {
    const { data, access } = known ?? (await read());
    return { data: data.toString(), access: access.toString() };
  };
}

async function roleFacts(db: Database): Promise<RoleFacts> {
  const [facts] = await rowsOf<RoleFacts>(
    db,
    sql`select current_user as "name", rolsuper as "isSuperuser", rolbypassrls as "bypassesRls"
        from pg_roles where rolname = current_user`,
  );
  if (!facts) throw new Error('the connected role is missing from pg_roles');
  return facts;
}

/** fsync of the write-ahead log's files and folder: recovery replays every commit recorded there. */
async function syncWriteAheadLog(dataDir: string): Promise<void> {
  const folder = path.join(dataDir, 'pg_wal');
  const names = await readdir(folder, { withFileTypes: true });
  for (const entry of names) {
    if (!entry.isFile()) continue;
    const file = await open(path.join(folder, entry.name), 'r+');
    try {
      await file.sync();
    } finally {
      await file.close();
    }
  }
  const directory = await open(folder, 'r');
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
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
    await handle.prepareRequestLogin();
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

/**
 * One statement on a server connection of its own, for what cannot run in a pool's transaction: creating,
 * copying and dropping databases.
 */
export async function runOnServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Rows of a raw query, the same shape on both drivers. */
export async function rowsOf<T>(db: Queryable, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
