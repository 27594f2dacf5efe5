// Test databases: a fresh in-memory PGlite, and a fresh PostgreSQL database when TEST_DATABASE_URL is set.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { Sealer } from '../../src/platform/crypto.js';
import {
  type DatabaseHandle,
  type Engine,
  migrateDatabase,
  openDatabase,
  runOnServer,
} from '../../src/platform/db.js';
import { seedReferenceData } from '../../src/reference/index.js';
import type { DatabaseTemplates, TemplateKind } from './database-templates.js';

export type TestDatabase = DatabaseHandle & {
  /** closes and, on a server, drops the database */ dispose(): Promise<void>;
};

export type TestEngine = {
  name: Engine;
  open(options?: { seed?: boolean }): Promise<TestDatabase>;
  /**
   * A copy of the run's template with the demo dataset, and the key its second factors are sealed with;
   * undefined where the run made no templates, and the caller seeds the demo dataset itself.
   */
  openWithDemo(): Promise<{ database: TestDatabase; sealer: Sealer } | undefined>;
};

const pglite: TestEngine = {
  name: 'pglite',
  async open(options = {}) {
    const image = templates()?.pgliteImage[kindOf(options.seed)];
    if (image) return openPgliteImage(image);
    const handle = await openDatabase({});
    await prepare(handle, options.seed);
    return { ...handle, dispose: () => handle.close() };
  },
  async openWithDemo() {
    const run = templates();
    if (!run) return undefined;
    return { database: await openPgliteImage(run.pgliteImage.demo), sealer: demoSealer(run) };
  },
};

async function openPgliteImage(image: string): Promise<TestDatabase> {
  const handle = await openDatabase({ embeddedImage: new Blob([await readFile(image)]) });
  return { ...handle, dispose: () => handle.close() };
}

function postgres(adminUrl: string): TestEngine {
  return {
    name: 'postgres',
    open: (options = {}) =>
      openServerCopy(adminUrl, templates()?.serverTemplate?.[kindOf(options.seed)], options.seed),
    async openWithDemo() {
      const run = templates();
      if (!run?.serverTemplate) return undefined;
      return { database: await openServerCopy(adminUrl, run.serverTemplate.demo), sealer: demoSealer(run) };
    },
  };
}

/** A new database on the server, copied from the template when there is one, prepared here otherwise. */
async function openServerCopy(
  adminUrl: string,
  template: string | undefined,
  seed?: boolean,
): Promise<TestDatabase> {
  const name = `concerted_test_${randomBytes(6).toString('hex')}`;
  await runOnServer(adminUrl, `create database ${name}${template ? ` template ${template}` : ''}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  // On a copy, migrating finds nothing to do but still gives the login role its password.
  await (template ? migrateDatabase(handle) : prepare(handle, seed));
  return {
    ...handle,
    async dispose() {
      await handle.close();
      await runOnServer(adminUrl, `drop database if exists ${name} with (force)`);
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

function kindOf(seed = true): TemplateKind {
  return seed ? 'seeded' : 'bare';
}

function demoSealer(run: DatabaseTemplates): Sealer {
  return new Sealer(Buffer.from(run.demoSealerKey, 'hex'));
}

/** The engines integration tests run on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const TEST_ENGINES: TestEngine[] = process.env.TEST_DATABASE_URL
  ? [pglite, postgres(process.env.TEST_DATABASE_URL)]
  : [pglite];
