// Test databases: a fresh in-memory PGlite, and a fresh PostgreSQL database when TEST_DATABASE_URL is set.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type DatabaseHandle, type Engine, migrateDatabase, openDatabase } from '../../src/platform/db.js';
import { seedReferenceData } from '../../src/reference/index.js';

export type TestDatabase = DatabaseHandle & {
  /** closes and, on a server, drops the database */ dispose(): Promise<void>;
};

export type TestEngine = { name: Engine; open(options?: { seed?: boolean }): Promise<TestDatabase> };

const pglite: TestEngine = {
  name: 'pglite',
  async open(options = {}) {
    const handle = await openDatabase({});
    await prepare(handle, options.seed);
    return { ...handle, dispose: () => handle.close() };
  },
};

function postgres(adminUrl: string): TestEngine {
  return {
    name: 'postgres',
    async open(options = {}) {
      const name = `concerted_test_${randomBytes(6).toString('hex')}`;
      await adminQuery(adminUrl, `create database ${name}`);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
      await prepare(handle, options.seed);
      return {
        ...handle,
        async dispose() {
          await handle.close();
          await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
        },
      };
    },
  };
}

async function prepare(handle: DatabaseHandle, seed = true) {
  await migrateDatabase(handle);
  if (seed) await handle.db.transaction((tx) => seedReferenceData(tx));
}

async function adminQuery(adminUrl: string, statement: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** The engines integration tests run on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const TEST_ENGINES: TestEngine[] = process.env.TEST_DATABASE_URL
  ? [pglite, postgres(process.env.TEST_DATABASE_URL)]
  : [pglite];
