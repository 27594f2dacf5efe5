// The application for the case benchmark, in its own process so that the load generator does not share
// its event loop: a new PostgreSQL database with the demo organisations and users, master keys of its
// own in a temporary directory, and the app as `concerted serve` builds it (row-level security, audit,
// sealed person records). Prints "listening <port> <database>" once it accepts requests; removes what
// it created on SIGTERM. Arguments: the server URL (a database is created beside the one it names), and
// the size of each connection pool (the app's default when left out).
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { KeyRing } from '../../src/cases/person/keyring.js';
import { loadConfig } from '../../src/platform/config.js';
import { Sealer } from '../../src/platform/crypto.js';
import { migrateDatabase, openDatabase, runOnServer } from '../../src/platform/db.js';
import { buildApp } from '../../src/server/app.js';
import { seedDatabase } from '../../src/server/seed.js';

const [adminUrl, poolSize] = process.argv.slice(2);
if (!adminUrl) throw new Error('give the PostgreSQL server URL');

const name = `concerted_bench_cases_${randomBytes(6).toString('hex')}`;
await runOnServer(adminUrl, `create database ${name}`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const database = await openDatabase({
  databaseUrl: url.toString(),
  ...(poolSize ? { poolSize: Number(poolSize) } : {}),
});
const keysDir = await mkdtemp(path.join(tmpdir(), 'concerted-bench-keys-'));
const remove = async () => {
  await runOnServer(adminUrl, `drop database if exists ${name} with (force)`);
  await rm(keysDir, { recursive: true, force: true });
};
process.on('SIGTERM', () => {
  app
    .close()
    .then(remove)
    .then(
      () => process.exit(0),
      () => process.exit(1),
    );
});

await migrateDatabase(database);
const sealer = new Sealer(randomBytes(32));
await seedDatabase(database.db, { demo: true, sealer });
const app = await buildApp({
  config: loadConfig({ LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1' }),
  database,
  sealer,
  keyRing: await KeyRing.load({ dataDir: keysDir }),
  serveWeb: false,
});
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`listening ${new URL(address).port} ${name}\n`);
