// Migrated databases made once per test run and copied by every test file: initdb and the migrations
// cost several seconds of CPU per database, a copy a fraction of that.
import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { type DatabaseHandle, migrateDatabase, openDatabase, runOnServer } from '../../src/platform/db.js';
import { seedReferenceData } from '../../src/reference/index.js';

/** Where each kind of template is: PGlite images as files, server templates as database names. */
export type DatabaseTemplates = {
  pgliteImage: { seeded: string; bare: string };
  serverTemplate: { seeded: string; bare: string } | null;
};

declare module 'vitest' {
  export interface ProvidedContext {
    databaseTemplates: DatabaseTemplates;
  }
}

export default async function makeTemplates(project: TestProject): Promise<() => Promise<void>> {
  const run = randomBytes(4).toString('hex');
  const directory = os.tmpdir();
  const pgliteImage = {
    seeded: path.join(directory, `concerted-test-${run}-seeded.tar`),
    bare: path.join(directory, `concerted-test-${run}-bare.tar`),
  };
  await Promise.all([savePgliteImage(pgliteImage.seeded, true), savePgliteImage(pgliteImage.bare, false)]);
  const adminUrl = process.env.TEST_DATABASE_URL;
  const serverTemplate = adminUrl
    ? { seeded: `concerted_template_${run}_seeded`, bare: `concerted_template_${run}_bare` }
    : null;
  if (adminUrl && serverTemplate) {
    await makeServerTemplate(adminUrl, serverTemplate.seeded, true);
    await makeServerTemplate(adminUrl, serverTemplate.bare, false);
  }
  project.provide('databaseTemplates', { pgliteImage, serverTemplate });
  return async () => {
    await Promise.all(Object.values(pgliteImage).map((file) => rm(file, { force: true })));
    if (adminUrl && serverTemplate)
      for (const name of Object.values(serverTemplate)) {
        await runOnServer(adminUrl, `alter database ${name} with is_template false`);
        await runOnServer(adminUrl, `drop database if exists ${name} with (force)`);
      }
  };
}

async function migrated(handle: DatabaseHandle, seed: boolean) {
  await migrateDatabase(handle);
  if (seed) await handle.db.transaction((tx) => seedReferenceData(tx));
}

async function savePgliteImage(file: string, seed: boolean) {
  const handle = await openDatabase({});
  try {
    await migrated(handle, seed);
    const client = (handle.db as unknown as { $client: PGlite }).$client;
    const image = await client.dumpDataDir('none');
    await writeFile(file, Buffer.from(await image.arrayBuffer()));
  } finally {
    await handle.close();
  }
}

async function makeServerTemplate(adminUrl: string, name: string, seed: boolean) {
  await runOnServer(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 });
  try {
    await migrated(handle, seed);
  } finally {
    await handle.close();
  }
  // A template may be copied only while nobody is connected to it; marking it so also keeps it unchanged.
  await runOnServer(adminUrl, `alter database ${name} with is_template true allow_connections false`);
}
