// Where an import's time goes, as CPU time that other work on the machine does not inflate: Node's own,
// and the database server's for each statement of the import's transaction (read from /proc, so the
// server must run on this machine), beside the server's CPU for a COPY of the same file.
// Usage: npx tsx bench/stats/profile.ts [--rows N] [--url postgres://…]  (add node's --cpu-prof to see
// Node's share by function)
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { migrateDatabase, openDatabase, rowsOf, type Transaction } from '../../src/platform/db.js';
import { seedReferenceData } from '../../src/reference/index.js';
import { fileFromPath, importStatistics } from '../../src/statistics/index.js';
import { writeGlotipFile } from './generate.js';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    url: { type: 'string' },
    /** Keeps the database and the file, to look at the import's statements with EXPLAIN afterwards. */
    keep: { type: 'boolean', default: false },
    /** The scratch database's name begins with this. */
    prefix: { type: 'string', default: 'bench_statscopy' },
  },
});
const rows = Number(values.rows);
const adminUrl = values.url ?? process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
if (!adminUrl || !Number.isInteger(rows) || rows < 1) {
  process.stderr.write('usage: npx tsx bench/stats/profile.ts [--rows N] [--url postgres://…]\n');
  process.exit(2);
}
const print = (line: string) => process.stdout.write(`${line}\n`);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** CPU seconds (user + system) a process has used; the server's backends are processes of their own. */
function cpuOfProcess(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
const nodeCpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

type Mark = { what: string; wall: number; server: number; node: number };
const marks: Mark[] = [];
let backend = 0;
let last = { wall: 0, server: 0, node: 0 };
const sample = () => ({ wall: performance.now() / 1000, server: cpuOfProcess(backend), node: nodeCpu() });
function mark(what: string) {
  const now = sample();
  marks.push({
    what,
    wall: now.wall - last.wall,
    server: now.server - last.server,
    node: now.node - last.node,
  });
  last = now;
}

/** Times each statement the import runs through `execute`; what runs between two is named by the next. */
function instrument(tx: Transaction): Transaction {
  const execute = tx.execute.bind(tx);
  tx.execute = (async (query: Parameters<typeof execute>[0]) => {
    const text = (query as { queryChunks?: unknown[] }).queryChunks
      ?.map((c) => {
        const value = (c as { value?: unknown }).value;
        return Array.isArray(value) ? value.join('') : '?';
      })
      .join('')
      .replace(/\s+/g, ' ')
      .slice(0, 70);
    mark('(between statements: reading, streaming, JS work)');
    const result = await execute(query);
    mark(text ?? '?');
    return result;
  }) as typeof tx.execute;
  return tx;
}

const name = `${values.prefix}_${randomBytes(3).toString('hex')}`;
const file = path.join(tmpdir(), `${name}.csv`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`create database ${name}`);
const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 1 });
try {
  await migrateDatabase(handle);
  await handle.db.transaction((tx) => seedReferenceData(tx));
  await writeGlotipFile(file, rows);
  print(`profile of an import of ${rows.toLocaleString('en')} rows (database ${name}); load ${load()}`);

  const started = performance.now();
  const report = await importStatistics(
    (work) =>
      handle.db
        .transaction(async (tx) => {
          const [row] = await rowsOf<{ pid: number }>(tx, sql`select pg_backend_pid() as pid`);
          backend = row?.pid ?? 0;
          last = sample();
          const result = await work(instrument(tx));
          mark('(after the last statement: report, release row)');
          return result;
        })
        .then((result) => {
          mark('COMMIT');
          return result;
        }),
    { source: 'glotip', file: await fileFromPath(file), release: 'profile' },
  );
  const importWall = (performance.now() - started) / 1000;
  const total = { wall: 0, server: 0, node: 0 };
  print('\n  wall s  server s  node s  step');
  for (const m of marks) {
    total.wall += m.wall;
    total.server += m.server;
    total.node += m.node;
    if (m.wall < 0.05 && m.server < 0.05 && m.node < 0.05) continue;
    print(
      `${m.wall.toFixed(2).padStart(8)} ${m.server.toFixed(2).padStart(9)} ${m.node.toFixed(2).padStart(7)}  ${m.what}`,
    );
  }
  print(
    `${total.wall.toFixed(2).padStart(8)} ${total.server.toFixed(2).padStart(9)} ${total.node.toFixed(2).padStart(7)}  total (${report.imported.toLocaleString('en')} rows; import wall ${importWall.toFixed(1)} s)`,
  );

  const copy = new pg.Client({ connectionString: url.toString() });
  await copy.connect();
  const columns =
    'iso3_code, country, region, subregion, indicator, dimension, category, sex, age, year, unit, txt_value, source';
  await copy.query(
    `create table copy_baseline (${columns
      .split(', ')
      .map((c) => `${c} text`)
      .join(', ')})`,
  );
  const copyPid = (await copy.query('select pg_backend_pid() as pid')).rows[0].pid as number;
  const before = { wall: performance.now() / 1000, server: cpuOfProcess(copyPid) };
  await copy.query(`copy copy_baseline from '${file}' with (format csv, header true)`);
  const copyWall = performance.now() / 1000 - before.wall;
  const copyServer = cpuOfProcess(copyPid) - before.server;
  await copy.end();
  print(
    `\nCOPY of the same file into a plain text table: wall ${copyWall.toFixed(2)} s, server CPU ${copyServer.toFixed(2)} s; load ${load()}`,
  );
  print(
    `ratio wall ${(importWall / copyWall).toFixed(2)}×; import's server CPU / COPY's ${(total.server / copyServer).toFixed(2)}×, import's Node CPU / COPY's server CPU ${(total.node / copyServer).toFixed(2)}×`,
  );
} finally {
  await handle.close();
  if (values.keep) print(`kept database ${name} and file ${file}`);
  else {
    await admin.query(`drop database if exists ${name} with (force)`);
    await rm(file, { force: true });
  }
  await admin.end();
}
