// Benchmark: 50,000 generated activities imported from a streamed CSV, then the coverage API timed.
// Prints figures and their ratio to the targets: import ≥ 20,000 activities/s, matrix ≤ 1 s, findings of one
// country ≤ 200 ms and of all countries ≤ 3 s.
// Run: npm run bench:coverage [-- --activities N] [-- --runs R, timed runs per route, 5 by default] [-- --uniform for groups and forms spread evenly, the worst case]
// [-- --import-only to stop after the import's figures]
// Set BENCH_DATABASE_URL=postgres://… to run on PostgreSQL instead of embedded PGlite. On PostgreSQL,
// --database NAME keeps the database under that name and times the queries again on a later run without filling
// it anew; --fill sql draws the activities in the database instead of importing them (a million in a minute or
// two, with no import figure). --only TEXT times only the routes whose name holds TEXT (for example "matrix").
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { COLUMNS } from '../../src/activities/import/flat.js';
import { importActivities } from '../../src/activities/index.js';
import { coordinationMechanisms, mechanismMembers, organisations } from '../../src/partners/schema.js';
import { loadConfig } from '../../src/platform/config.js';
import { Sealer } from '../../src/platform/crypto.js';
import {
  type DatabaseHandle,
  migrateDatabase,
  openDatabase,
  type Queryable,
  rowsOf,
} from '../../src/platform/db.js';
import { seedReferenceData } from '../../src/reference/index.js';
import { codesOf } from '../../src/reference/vocabulary.js';
import { buildApp } from '../../src/server/app.js';
import { fillActivities } from './fill.js';
import { generateRows } from './generate.js';

const TARGET_MATRIX_MS = 1000;
const TARGET_ALL_FINDINGS_MS = 3000;
const TARGET_COUNTRY_FINDINGS_MS = 200;
const TARGET_IMPORT_RATE = 20_000;
const RUNS = argument('runs', 5);

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function openBenchDatabase(): Promise<{ handle: DatabaseHandle; drop: () => Promise<void> }> {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) return { handle: await openDatabase({}), drop: async () => {} };
  const kept = option('database');
  if (kept !== undefined && !/^[a-z_][a-z0-9_]*$/.test(kept))
    throw new Error('--database: lower-case letters, digits and _');
  const name = kept ?? `concerted_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
  if (exists.rowCount === 0) await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: target.toString(), poolSize: 4 });
  return {
    handle,
    drop: async () => {
      if (kept) return;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

async function timeIt<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function main() {
  const count = argument('activities', 50_000);
  const uniform = process.argv.includes('--uniform');
  const { handle, drop } = await openBenchDatabase();
  try {
    await migrateDatabase(handle);
    const [held] = await rowsOf<{ n: number }>(handle.db, sql`select count(*)::int as n from activities`);
    const engine = handle.engine;
    process.stdout.write(
      `Coverage benchmark on ${engine}, ${count.toLocaleString('en')} activities (${uniform ? 'groups and forms spread evenly: worst case' : 'realistic shares of groups and forms'})\n`,
    );
    if (held && held.n > 0) {
      if (held.n !== count) throw new Error(`the kept database holds ${held.n} activities, not ${count}`);
      process.stdout.write('activities kept from an earlier run: only the queries are timed\n');
    } else {
      const organisationIds = await seedOrganisations(handle);
      if (option('fill') === 'sql') {
        const filled = await timeIt(() =>
          handle.db.transaction((tx) => fillActivities(tx, count, organisationIds, uniform)),
        );
        await rowsOf(handle.db, sql`analyze`);
        process.stdout.write(`filled by SQL in ${(filled.ms / 1000).toFixed(1)} s (no import figure)\n`);
      } else await importGenerated(handle, count, uniform);
    }
    if (process.argv.includes('--import-only')) return;

    const app = await buildApp({
      config: loadConfig({ LOG_LEVEL: 'silent', PORT: '0' }),
      database: handle,
      sealer: new Sealer(randomBytes(32)),
      ownsDatabase: false,
      serveWeb: false,
    });
    await app.ready();
    const get = async (url: string) => {
      const reply = await app.inject({ method: 'GET', url });
      if (reply.statusCode !== 200)
        throw new Error(`${url}: ${reply.statusCode} ${reply.body.slice(0, 300)}`);
      return reply;
    };
    const period = 'from=2025-01-01&to=2026-12-31';
    const only = option('only');
    const figures: { name: string; ms: number; detail: string; target?: number }[] = [];
    for (const [name, url, target] of [
      ['coverage matrix, all countries', `/api/v1/coverage/matrix?${period}`, TARGET_MATRIX_MS],
      ['coverage matrix, one country', `/api/v1/coverage/matrix?${period}&country=KEN`, TARGET_MATRIX_MS],
      [
        'findings (gaps and overlaps), all countries',
        `/api/v1/coverage/findings?${period}`,
        TARGET_ALL_FINDINGS_MS,
      ],
      [
        'findings, one country',
        `/api/v1/coverage/findings?${period}&country=KEN`,
        TARGET_COUNTRY_FINDINGS_MS,
      ],
      ['full report (the coverage page), all countries', `/api/v1/coverage?${period}`, undefined],
      ['full report (the coverage page), one country', `/api/v1/coverage?${period}&country=KEN`, undefined],
    ] as const) {
      if (only && !name.includes(only)) continue;
      const first = await timeIt(() => get(url));
      process.stdout.write(
        `${name}: first request ${first.ms.toFixed(0)} ms${pendingNote(first.result.json().data)}\n`,
      );
      await reportBackground(app, name);
      const isKept = url.includes('/matrix');
      if (isKept) {
        // Matrix answers are kept until the data changes: time them computed (after a write that changes
        // nothing the matrix counts but raises the data version) and then served again.
        const computed = await timeRuns(get, url, handle.db, () => touchData(handle.db));
        const figure = {
          name: `${name}, computed`,
          ms: computed.ms,
          detail: computed.detail,
          ...(target ? { target } : {}),
        };
        figures.push(figure);
        printFigure(figure);
        printCpu(computed.cpu);
      }
      const timed = await timeRuns(get, url, handle.db);
      const figure = {
        name: isKept ? `${name}, served again while the data is unchanged` : name,
        ms: timed.ms,
        detail: timed.detail,
        ...(target && !isKept ? { target } : {}),
      };
      figures.push(figure);
      printFigure(figure);
      printCpu(timed.cpu);
      if (url.includes('/findings')) {
        // What a partner meets after an edit: one activity in Kenya changes, and only Kenya is computed again.
        await rowsOf(
          handle.db,
          sql`update activities set title = title || ' (edited)'
              where id = (select activity_id from coverage_slots where iso3 = 'KEN' limit 1)`,
        );
        const changed = await timeIt(() => get(url));
        process.stdout.write(
          `${name}: first request after one activity in Kenya changed ${changed.ms.toFixed(0)} ms${pendingNote(changed.result.json().data)}\n`,
        );
        await reportBackground(app, name);
      }
    }
    await app.close();

    if (figures.some((f) => f.target && f.ms > f.target)) process.exitCode = 1;
  } finally {
    await handle.close();
    await drop();
  }
}

type Cpu = { node: number; server: number | null };

/** RUNS timed requests (each after `before`, when given): the median, what the answer held, CPU per request. */
async function timeRuns(
  get: (url: string) => Promise<{ json: () => { data: unknown } }>,
  url: string,
  db: Queryable,
  before?: () => Promise<void>,
): Promise<{ ms: number; detail: string; cpu: Cpu[] }> {
  const times: number[] = [];
  const cpu: Cpu[] = [];
  let detail = '';
  for (let i = 0; i < RUNS; i++) {
    await before?.();
    const serverBefore = await databaseCpuMs(db);
    const nodeBefore = process.cpuUsage();
    const { ms, result } = await timeIt(() => get(url));
    const serverAfter = await databaseCpuMs(db);
    cpu.push({
      node: cpuMs(process.cpuUsage(nodeBefore)),
      server: serverBefore === null || serverAfter === null ? null : serverAfter - serverBefore,
    });
    times.push(ms);
    detail = describeAnswer(result.json().data as Answer);
  }
  return { ms: median(times), detail, cpu };
}

type Answer = {
  cells?: { count: number };
  totals?: { gaps: number; overlaps: number };
  gaps?: unknown[];
  overlaps?: unknown[];
  matrix?: { cells: { count: number } };
  findings?: { gaps: unknown[]; overlaps: unknown[] };
};

function describeAnswer(body: Answer): string {
  if (body.cells) return `${body.cells.count} cells`;
  if (body.totals)
    return `${body.totals.gaps} gaps and ${body.totals.overlaps} overlaps in all, ${(body.gaps?.length ?? 0) + (body.overlaps?.length ?? 0)} on the first page`;
  return `${body.matrix?.cells.count} cells, ${body.findings?.gaps.length} gaps, ${body.findings?.overlaps.length} overlaps`;
}

function printCpu(cpu: Cpu[]) {
  const servers = cpu.flatMap((c) => (c.server === null ? [] : [c.server]));
  process.stdout.write(
    `  CPU per request (not slowed by other work on the machine): ${median(cpu.map((c) => c.node)).toFixed(0)} ms in Node.js${servers.length ? `, ${median(servers).toFixed(0)} ms in the database server` : ''}; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}\n`,
  );
}

/** A write that changes nothing the coverage counts but raises the data version, as any change would. */
async function touchData(db: Queryable): Promise<void> {
  await rowsOf(
    db,
    sql`update organisations set name = name where id = (select id from organisations limit 1)`,
  );
}

/** What an answer says is still being computed in the background, if anything. */
function pendingNote(data: { freshness?: { updating: string[]; computing: string[] } }): string {
  const { updating = [], computing = [] } = data.freshness ?? {};
  if (updating.length + computing.length === 0) return ', up to date';
  return `, answered with what is kept (${computing.length} countries being computed, ${updating.length} being brought up to date: ${[...updating, ...computing].slice(0, 5).join(', ')}${updating.length + computing.length > 5 ? ', …' : ''})`;
}

/** Waits for the background to bring the findings up to date, and says how long that took. */
async function reportBackground(app: Awaited<ReturnType<typeof buildApp>>, name: string): Promise<void> {
  const started = performance.now();
  await app.findingsRefresher.settled();
  const ms = performance.now() - started;
  if (ms > 50)
    process.stdout.write(`${name}: up to date again in the background after ${(ms / 1000).toFixed(1)} s\n`);
}

async function seedOrganisations(handle: DatabaseHandle): Promise<string[]> {
  await handle.db.transaction((tx) => seedReferenceData(tx));
  const orgs = await handle.db
    .insert(organisations)
    .values(
      Array.from({ length: 80 }, (_, i) => ({
        name: `Bench organisation ${i}`,
        acronym: `BO${i}`,
        actorType: codesOf('actor_type')[i % 10] ?? 'ngo',
      })),
    )
    .returning({ id: organisations.id });
  const [mechanism] = await handle.db
    .insert(coordinationMechanisms)
    .values({ name: 'Bench task force', kind: 'national_task_force', countries: ['KEN'] })
    .returning({ id: coordinationMechanisms.id });
  await handle.db
    .insert(mechanismMembers)
    .values(orgs.slice(0, 20).map((o) => ({ mechanismId: mechanism!.id, organisationId: o.id })));
  return orgs.map((o) => o.id);
}

/** The activities written as a CSV file and imported as a user would, timed: the import figure. */
async function importGenerated(handle: DatabaseHandle, count: number, uniform: boolean) {
  const dir = await mkdtemp(path.join(tmpdir(), 'concerted-bench-'));
  try {
    const names = await handle.db.select({ name: organisations.name }).from(organisations);
    const file = path.join(dir, 'activities.csv');
    const out = createWriteStream(file);
    for (const line of generateRows(
      count,
      names.map((o) => o.name).sort((a, b) => Number(a.split(' ').at(-1)) - Number(b.split(' ').at(-1))),
      COLUMNS.map((c) => c.column),
      uniform,
    ))
      if (!out.write(line)) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
    const size = (await stat(file)).size;

    // With --expose-gc (npm run bench:coverage does that), heap is measured after a collection every 5,000
    // records, or twenty times in all for more: what the import holds on to, not garbage waiting for the
    // collector. A full collection leaves the collector's threads sweeping after it returns, CPU counted as the
    // import's: every 5,000 records at a million, that made the import's Node.js CPU about half as much again
    // (50 µs per activity, against 32–34 µs without the checks).
    const collect = (globalThis as { gc?: () => void }).gc;
    const heapEvery = Math.max(5000, Math.ceil(count / 20 / 5000) * 5000);
    collect?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const retained: number[] = [];
    // The collections forced to measure the heap are the benchmark's own work, not the import's.
    let heapCheckCpuMs = 0;
    let heapCheckWallMs = 0;
    const cpuBefore = process.cpuUsage();
    let serverCpu: { pid: number; before: number | null } | null = null;
    const imported = await timeIt(() =>
      handle.db.transaction(async (tx) => {
        serverCpu = await serverProcessOf(tx);
        return importActivities(tx, createReadStream(file), {
          format: 'csv',
          dryRun: false,
          mayWrite: () => true,
          context: { userId: null, via: 'bench', at: new Date() },
          onProgress: (records) => {
            if (collect && records % heapEvery === 0) {
              const before = process.cpuUsage();
              const start = performance.now();
              collect();
              retained.push(process.memoryUsage().heapUsed - heapBefore);
              heapCheckWallMs += performance.now() - start;
              heapCheckCpuMs += cpuMs(process.cpuUsage(before));
            }
          },
        });
      }),
    );
    const clientCpuMs = cpuMs(process.cpuUsage(cpuBefore)) - heapCheckCpuMs;
    const serverCpuMs = await serverCpuSince(serverCpu);
    if (imported.result.problemCount > 0)
      throw new Error(JSON.stringify(imported.result.problems.slice(0, 3)));
    // The heap checks stop the import while they run: their time is taken off the wall clock too.
    const wallMs = imported.ms - heapCheckWallMs;
    const rate = Math.round(count / (wallMs / 1000));
    process.stdout.write(
      `import (streamed CSV, ${(size / 1e6).toFixed(1)} MB): ${(wallMs / 1000).toFixed(1)} s, ${rate} activities/s (${(rate / TARGET_IMPORT_RATE).toFixed(2)} × target ${TARGET_IMPORT_RATE}/s${rate >= TARGET_IMPORT_RATE ? ', met' : ', MISSED'}), load average ${loadAverage()}, ${retained.length ? `heap held after each ${heapEvery.toLocaleString('en')} records: ${retained.map((b) => (b / 1e6).toFixed(0)).join(', ')} MB` : 'run with --expose-gc to see heap held'}\n`,
    );
    // CPU time, unlike the wall clock, does not grow with the load of a shared machine: with Node.js and the
    // server working side by side, the rate an idle machine of two cores reaches is bounded by the larger one.
    const perActivity = (ms: number) => ((ms * 1000) / count).toFixed(1);
    process.stdout.write(
      `import per activity: ${perActivity(wallMs)} µs wall, ${perActivity(clientCpuMs)} µs CPU in Node.js${serverCpuMs === null ? ' (database server CPU not readable: not a local server)' : `, ${perActivity(serverCpuMs)} µs CPU in the database server`}${heapCheckCpuMs > 0 ? ` (besides ${perActivity(heapCheckCpuMs)} µs in the heap checks)` : ''}\n`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function printFigure(f: { name: string; ms: number; detail: string; target?: number }) {
  const ratio = f.target
    ? `  (${(f.ms / f.target).toFixed(2)} × target ${f.target} ms${f.ms <= f.target ? ', met' : ', MISSED'})`
    : '';
  process.stdout.write(`${f.name}: median ${f.ms.toFixed(0)} ms over ${RUNS} runs, ${f.detail}${ratio}\n`);
}

await main();

function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

/** The server process of this connection and its CPU time so far, when the server runs on this machine. */
async function serverProcessOf(db: Queryable): Promise<{ pid: number; before: number | null } | null> {
  if (!process.env.BENCH_DATABASE_URL) return null;
  const [row] = await rowsOf<{ pid: number }>(db, sql`select pg_backend_pid() as pid`);
  return row ? { pid: Number(row.pid), before: await processCpuMs(Number(row.pid)) } : null;
}

async function serverCpuSince(server: { pid: number; before: number | null } | null): Promise<number | null> {
  if (!server || server.before === null) return null;
  const now = await processCpuMs(server.pid);
  return now === null ? null : now - server.before;
}

/** CPU time of a local process from /proc (Linux: its threads' run time in ns, schedstat), in ms; null elsewhere. */
async function processCpuMs(pid: number): Promise<number | null> {
  try {
    const [runNs] = (await readFile(`/proc/${pid}/schedstat`, 'utf8')).split(' ');
    return Number(runNs) / 1e6;
  } catch {
    return null;
  }
}

function loadAverage(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}

/**
 * CPU time so far of every server process connected to the benchmark's database (the requests' pool and this
 * one), in ms: the server's share of a request, however busy the machine is. Null when not a local server.
 */
async function databaseCpuMs(db: Queryable): Promise<number | null> {
  if (!process.env.BENCH_DATABASE_URL) return null;
  const rows = await rowsOf<{ pid: number }>(
    db,
    sql`select pid from pg_stat_activity where datname = current_database()`,
  );
  let total = 0;
  for (const row of rows) {
    const ms = await processCpuMs(Number(row.pid));
    if (ms === null) return null;
    total += ms;
  }
  return total;
}
