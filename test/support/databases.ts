// Test databases: a fresh in-memory PGlite, and a fresh PostgreSQL database when TEST_DATABASE_URL is set.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import {
  type DatabaseHandle,
  type Engine,
  migrateDatabase,
  openDatabase,
  runOnServer,
} from '../../src/platform/db.js';
import { seedReferenceData } from '../../src/reference/index.js';
import type { DatabaseTemplates } from './database-templates.js';

export type TestDatabase = DatabaseHandle & {
  /** closes and, on a server, drops the database */ dispose(): Promise<void>;
};

export type TestEngine = { name: Engine; open(options?: { seed?: boolean }): Promise<TestDatabase> };

const pglite: TestEngine = {
  name: 'pglite',
  async open(options = {}) {
    const image = templates()?.pgliteImage[kindOf(options.seed)];
    const handle = await openDatabase({
      embeddedImage: image ? new Blob([await readFile(image)]) : undefined,
    });
    if (!image) await prepare(handle, options.seed);
    return { ...handle, dispose: () => handle.close() };
  },
};

function postgres(adminUrl: string): TestEngine {
  return {
    name: 'postgres',
    async open(options = {}) {
      const name = `concerted_test_${randomBytes(6).toString('hex')}`;
      const template = templates()?.serverTemplate?.[kindOf(options.seed)];
      await runOnServer(adminUrl, `create database ${name}${template ? ` template ${template}` : ''}`);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
      // On a copy, migrating finds nothing to do but still gives the login role its password.
      await (template ? migrateDatabase(handle) : prepare(handle, options.seed));
      return {
        ...handle,
        async dispose() {
          await handle.close();
          await runOnServer(adminUrl, `drop database if exists ${name} with (force)`);
        },
      };
    },
  };
}

async function prepare(handle: DatabaseHandle, seed = true) {
  await migrateDatabase(handle);
  if (seed) await handle.db.transaction((tx) => seedReferenceData(tx));
}

/** The run's templates (see database-templates.ts); absent where a run made none, as in browser tests. */
function templates(): DatabaseTemplates | undefined {
  try {
    return inject('databaseTemplates');
  } catch {
    return undefined;
  }
}

function kindOf(seed = true): 'seeded' | 'bare' {
  return seed ? 'seeded' : 'bare';
}

/** The engines integration tests run on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const TEST_ENGINES: TestEngine[] = process.env.TEST_DATABASE_URL
  ? [pglite, postgres(process.env.TEST_DATABASE_URL)]
  : [pglite];
