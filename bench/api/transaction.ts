// Where a list request's time goes, measured in-process without HTTP: the request transaction set up
// as before (drizzle's BEGIN, SET LOCAL ROLE, set_config, COMMIT: four round trips around the query)
// against now (BEGIN and settings in one message, then COMMIT), the activity list inside each, and
// the response's validation and serialisation. Prints wall and CPU microseconds and the ratios.
// npx tsx bench/api/transaction.ts [--url postgres://…]   (without --url: the embedded database)
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { ANONYMOUS_ACTOR, asRequester, enterActor } from '../../src/access/context.js';
import { ActivityList } from '../../src/activities/schemas.js';
import { listActivities } from '../../src/activities/store.js';
import { Sealer } from '../../src/platform/crypto.js';
import { migrateDatabase, openDatabase, type Transaction } from '../../src/platform/db.js';
import { seedDatabase } from '../../src/server/seed.js';

const { values } = parseArgs({
  options: { url: { type: 'string' }, runs: { type: 'string', default: '500' } },
});
const adminUrl = values.url;
const name = `concerted_bench_${randomBytes(6).toString('hex')}`;

async function admin(statement: string) {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(statement).finally(() => client.end());
}

let databaseUrl: string | undefined;
if (adminUrl) {
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  databaseUrl = url.toString();
}
const database = await openDatabase({ databaseUrl });
try {
  await migrateDatabase(database);
  await seedDatabase(database.db, { demo: true, sealer: new Sealer(randomBytes(32)) });
  const runs = Number(values.runs);

  async function measure(work: () => Promise<unknown>) {
    for (let i = 0; i < 50; i++) await work();
    const cpu = process.cpuUsage();
    const started = performance.now();
    for (let i = 0; i < runs; i++) await work();
    const used = process.cpuUsage(cpu);
    return { wall: ((performance.now() - started) / runs) * 1000, cpu: (used.user + used.system) / runs };
  }
  const before = <T>(work: (tx: Transaction) => Promise<T>) =>
    database.db.transaction(async (tx) => {
      await tx.execute(sql`set local role concerted_app`);
      await enterActor(tx, ANONYMOUS_ACTOR);
      return work(tx);
    });
  const now = <T>(work: (tx: Transaction) => Promise<T>) => asRequester(database, ANONYMOUS_ACTOR, work);
  const list = (tx: Transaction) => listActivities(tx, {}, { limit: 100 });
  const page = await now(list);

  const rows = [
    ['transaction setup, before', await measure(() => before(async () => null))],
    ['transaction setup, now', await measure(() => now(async () => null))],
    ['activity list in it, before', await measure(() => before(list))],
    ['activity list in it, now', await measure(() => now(list))],
    ['response validation (zod encode)', await measure(async () => z.encode(ActivityList, page as never))],
    ['response serialisation (JSON)', await measure(async () => JSON.stringify(page))],
  ] as const;
  process.stdout.write(`${database.engine}, ${runs} runs each, ${page.data.length} activities\n`);
  for (const [label, figure] of rows)
    process.stdout.write(
      `${label.padEnd(34)} wall ${figure.wall.toFixed(0).padStart(6)} µs  CPU ${figure.cpu.toFixed(0).padStart(6)} µs\n`,
    );
  const ratio = (a: number, b: number) => (a / b).toFixed(2);
  process.stdout.write(
    `before/now: setup wall ${ratio(rows[0][1].wall, rows[1][1].wall)}×, list wall ${ratio(rows[2][1].wall, rows[3][1].wall)}×, list CPU ${ratio(rows[2][1].cpu, rows[3][1].cpu)}×\n`,
  );
} finally {
  await database.close();
  if (adminUrl) await admin(`drop database if exists ${name} with (force)`);
}
