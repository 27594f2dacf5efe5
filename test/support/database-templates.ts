// Migrated databases made once per test run and copied by every test file: initdb, the migrations and
// the demo dataset cost several seconds of CPU per database, a copy a fraction of that.
import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { Sealer } from '../../src/platform/crypto.js';
import { type DatabaseHandle, migrateDatabase, openDatabase, runOnServer } from '../../src/platform/db.js';
import { seedReferenceData } from '../../src/reference/index.js';
import { seedDatabase } from '../../src/server/seed.js';

/**
 * What a template holds: nothing but the schema, the reference data too, or the reference data and the
 * demo dataset (organisations, users, activities, cases...) that test applications start with.
 */
export type TemplateKind = 'bare' | 'seeded' | 'demo';

/**
 * Where each kind of template is: PGlite images as files, server templates as database names; and the
 * installation key the demo users' second factors were sealed with, which an app on a copy must use.
 */
export type DatabaseTemplates = {
  pgliteImage: Record<TemplateKind, string>;
  serverTemplate: Record<TemplateKind, string> | null;
  demoSealerKey: string;
};

declare module 'vitest' {
  export interface ProvidedContext {
    databaseTemplates: DatabaseTemplates;
  }
}

export default async function makeTemplates(project: TestProject): Promise<() => Promise<void>> {
  const run = randomBytes(4).toString('hex');
  const directory = os.tmpdir();
  const demoSealerKey = randomBytes(32);
  const sealer = new Sealer(demoSealerKey);
  const kinds: TemplateKind[] = ['seeded', 'bare', 'demo'];
  const pgliteImage = byKind(kinds, (kind) => path.join(directory, `concerted-test-${run}-${kind}.tar`));
  await Promise.all(kinds.map((kind) => savePgliteImage(pgliteImage[kind], kind, sealer)));
  const adminUrl = process.env.TEST_DATABASE_URL;
  const serverTemplate = adminUrl ? byKind(kinds, (kind) => `concerted_template_${run}_${kind}`) : null;
  if (adminUrl && serverTemplate)
    for (const kind of kinds) await makeServerTemplate(adminUrl, serverTemplate[kind], kind, sealer);
  project.provide('databaseTemplates', {
    pgliteImage,
    serverTemplate,
    demoSealerKey: demoSealerKey.toString('hex'),
  });
  return async () => {
    await Promise.all(Object.values(pgliteImage).map((file) => rm(file, { force: true })));
    if (adminUrl && serverTemplate)
      for (const name of Object.values(serverTemplate)) {
        await runOnServer(adminUrl, `alter database ${name} with is_template false`);
        await runOnServer(adminUrl, `drop database if exists ${name} with (force)`);
      }
  };
}

function byKind(kinds: TemplateKind[], value: (kind: TemplateKind) => string): Record<TemplateKind, string> {
  return Object.fromEntries(kinds.map((kind) => [kind, value(kind)])) as Record<TemplateKind, string>;
}

async function migrated(handle: DatabaseHandle, kind: TemplateKind, sealer: Sealer) {
  await migrateDatabase(handle);
  if (kind === 'seeded') await handle.db.transaction((tx) => seedReferenceData(tx));
  if (kind === 'demo') await seedDatabase(handle.db, { demo: true, sealer });
}

async function savePgliteImage(file: string, kind: TemplateKind, sealer: Sealer) {
  const handle = await openDatabase({});
  try {
    await migrated(handle, kind, sealer);
    const client = (handle.db as unknown as { $client: PGlite }).$client;
    const image = await client.dumpDataDir('none');
    await writeFile(file, Buffer.from(await image.arrayBuffer()));
  } finally {
    await handle.close();
  }
}

async function makeServerTemplate(adminUrl: string, name: string, kind: TemplateKind, sealer: Sealer) {
  await runOnServer(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 });
  try {
    await migrated(handle, kind, sealer);
  } finally {
    await handle.close();
  }
  // A template may be copied only while nobody is connected to it; marking it so also keeps it unchanged.
  await runOnServer(adminUrl, `alter database ${name} with is_template true allow_connections false`);
}
