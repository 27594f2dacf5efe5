// The application on the demo data, in its own process so that the load generator does not share its
// event loop: prints "listening <port> <database>" once it accepts requests (the database's name on a
// server, so that the bench can find its backends). Removes what it created on SIGTERM.
// Arguments: engine (postgres | pglite), server URL, and --uncached to build the app without answer reuse.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/platform/config.js';
import { Sealer } from '../../src/platform/crypto.js';
import { type DatabaseHandle, migrateDatabase, openDatabase, runOnServer } from '../../src/platform/db.js';
import { buildApp } from '../../src/server/app.js';
import { seedDatabase } from '../../src/server/seed.js';

const [engine, adminUrl, ...flags] = process.argv.slice(2);

async function openBenchDatabase(): Promise<{
  database: DatabaseHandle;
  name: string;
  remove(): Promise<void>;
}> {
  if (engine === 'postgres') {
    if (!adminUrl) throw new Error('the postgres engine needs a server URL');
    const name = `concerted_bench_${randomBytes(6).toString('hex')}`;
    await runOnServer(adminUrl, `create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: url.toString() });
    return {
      database,
      name,
      remove: () => runOnServer(adminUrl, `drop database if exists ${name} with (force)`),
    };
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'concerted-bench-api-'));
  const database = await openDatabase({ dataDir });
  return { database, name: '-', remove: () => rm(dataDir, { recursive: true, force: true }) };
}

const { database, name, remove } = await openBenchDatabase();
await migrateDatabase(database);
const sealer = new Sealer(randomBytes(32));
await seedDatabase(database.db, { demo: true, sealer });
const config = loadConfig({ LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1' });
const app = await buildApp({
  config,
  database,
  sealer,
  serveWeb: false,
  keepAnswers: !flags.includes('--uncached'),
});
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`listening ${new URL(address).port} ${name}\n`);

process.on('SIGTERM', () => {
  app
    .close()
    .then(remove)
    .then(
      () => process.exit(0),
      () => process.exit(1),
    );
});
