// The demo database made once per browser test run and loaded by every test file's server: initdb, the
// migrations and the demo dataset cost several seconds of CPU per file, loading the image a fraction.
import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { Sealer } from '../../src/platform/crypto.js';
import { migrateDatabase, openDatabase } from '../../src/platform/db.js';
import { seedDatabase } from '../../src/server/seed.js';

/** The image file, and the installation key the demo users' second factors were sealed with. */
export type DemoImage = { file: string; sealerKey: string };

declare module 'vitest' {
  export interface ProvidedContext {
    demoImage: DemoImage;
  }
}

export default async function makeDemoImage(project: TestProject): Promise<() => Promise<void>> {
  const file = path.join(os.tmpdir(), `concerted-e2e-${randomBytes(4).toString('hex')}-demo.tar`);
  const sealerKey = randomBytes(32);
  const database = await openDatabase({});
  try {
    await migrateDatabase(database);
    await seedDatabase(database.db, { demo: true, sealer: new Sealer(sealerKey) });
    const client = (database.db as unknown as { $client: PGlite }).$client;
    const image = await client.dumpDataDir('none');
    await writeFile(file, Buffer.from(await image.arrayBuffer()));
  } finally {
    await database.close();
  }
  project.provide('demoImage', { file, sealerKey: sealerKey.toString('hex') });
  return () => rm(file, { force: true });
}
