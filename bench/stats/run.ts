// Benchmark of official statistics on PostgreSQL: import of N generated observations (default 10 million),
// queries on them, and PostgreSQL's own COPY of the same rows for comparison. On a shared machine the load
// changes from one minute to the next, so imports and COPY baselines alternate over several rounds, each
// import is compared with the mean of the baselines just before and just after it, and the verdict takes
// the median of the rounds. CPU times (Node and the server's backend), which the load inflates far less,
// are printed beside the wall times. Each round also imports the first 1,000,000 rows (--scale-from) as a
// release of their own, before and after the whole file, so that the benchmark says how the rate holds as
// the file grows.
// Usage: npm run bench:stats -- [--rows N] [--rounds N] [--scale-from N] [--prefix name] [--url postgres://…]
// (TEST_DATABASE_URL or DATABASE_URL by default)
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { migrateDatabase, openDatabase, rowsOf, runOnServer } from '../../src/platform/db.js';
import { seedReferenceData } from '../../src/reference/index.js';
import {
  fileFromPath,
  importStatistics,
  queryStatistics,
  StatisticsQuery,
  type StatisticsQueryInput,
} from '../../src/statistics/index.js';
import { writeGlotipFile } from './generate.js';
import {
  type CopyBaseline,
  cpuOfProcess,
  loadAverage,
  median,
  nodeCpu,
  type Timing,
  timeCopy,
} from './measure.js';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '10000000' },
    url: { type: 'string' },
    runs: { type: 'string', default: '7' },
    rounds: { type: 'string', default: '3' },
    'scale-from': { type: 'string', default: '1000000' },
    /** The scratch database's name begins with this. */
    prefix: { type: 'string', default: 'concerted_bench' },
  },
});
const rows = Number(values.rows);
const rounds = Number(values.rounds);
const scaleFrom = Number(values['scale-from']);
const adminUrl = values.url ?? process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
if (!adminUrl || !Number.isInteger(rows) || rows < 1 || !Number.isInteger(rounds) || rounds < 1) {
  process.stderr.write(
    'usage: npm run bench:stats -- [--rows N] [--rounds N] [--url postgres://…] (or set TEST_DATABASE_URL)\n',
  );
  process.exit(2);
}
const QUERY_BUDGET_MS = 300;
const IMPORT_FLOOR_ROWS_PER_S = 50_000;
/** Targets: the import within this multiple of COPY's time, and a large file's rate near a small one's. */
const COPY_RATIO_TARGET = 2.5;
const SCALING_TARGET = 0.9;

const seconds = (from: number) => (performance.now() - from) / 1000;
/** The columns of the UNODC layout, as PostgreSQL's COPY reads the generated file. */
const FILE_COLUMNS = [
  'iso3_code',
  'country',
  'region',
  'subregion',
  'indicator',
  'dimension',
  'category',
  'sex',
  'age',
  'year',
  'unit',
  'txt_value',
  'source',
];
/** The least work a load can do: COPY into text columns without an index. */
const PLAIN: CopyBaseline = {
  table: 'copy_baseline',
  columns: FILE_COLUMNS.map((c) => `${c} text`),
  after: [],
};
/**
 * What the import must produce for queries: the file's columns typed as stored (iso3 char(3), year
 * smallint) and the (iso3, year) index that each release's partition carries, built after the load as
 * PostgreSQL's manual advises for bulk loads, with the memory the import's own index build has.
 */
const EQUIVALENT: CopyBaseline = {
  table: 'copy_equivalent',
  columns: FILE_COLUMNS.map(
    (c) => `${c} ${c === 'iso3_code' ? 'char(3)' : c === 'year' ? 'smallint' : 'text'}`,
  ),
  after: ["set local maintenance_work_mem = '1GB'", 'create index on copy_equivalent (iso3_code, year)'],
};
const print = (line: string) => process.stdout.write(`${line}\n`);
const rate = (n: number, s: number) => `${Math.round(n / s).toLocaleString('en')} rows/s`;
const cpuText = (cpu: number | null) => (cpu === null ? 'n/a' : `${cpu.toFixed(1)} s`);

const name = `${values.prefix}_${randomBytes(4).toString('hex')}`;
const file = path.join(tmpdir(), `${name}.csv`);
const smallFile = path.join(tmpdir(), `${name}-first.csv`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;

type ImportTiming = Timing & { rows: number; nodeCpu: number; readSeconds: number; releaseId: string | null };

/** One import of the file as the release `label` (a later round replaces the release, as an update does). */
async function timeImport(csvPath: string, label: string): Promise<ImportTiming> {
  let pid = 0;
  let serverBefore: number | null = null;
  let readSeconds = 0;
  const nodeBefore = nodeCpu();
  const started = performance.now();
  const report = await importStatistics(
    (work) =>
      handle.db.transaction(async (tx) => {
        const [row] = await rowsOf<{ pid: number }>(tx, sql`select pg_backend_pid() as pid`);
        pid = row?.pid ?? 0;
        serverBefore = cpuOfProcess(pid);
        return work(tx);
      }),
    {
      source: 'glotip',
      file: await fileFromPath(csvPath),
      release: label,
      onProgress: (p) => {
        if (p.phase === 'deriving') readSeconds = seconds(started);
      },
    },
  );
  const wall = seconds(started);
  const serverAfter = cpuOfProcess(pid);
  return {
    rows: report.imported,
    releaseId: report.release.id,
    seconds: wall,
    readSeconds,
    nodeCpu: nodeCpu() - nodeBefore,
    serverCpu: serverBefore === null || serverAfter === null ? null : serverAfter - serverBefore,
    load: loadAverage(),
  };
}

function printImport(what: string, t: ImportTiming) {
  print(
    `  import   ${what}: ${t.rows.toLocaleString('en')} rows in ${t.seconds.toFixed(1)} s = ${rate(t.rows, t.seconds)} (read + store ${t.readSeconds.toFixed(1)} s); CPU Node ${t.nodeCpu.toFixed(1)} s + server ${cpuText(t.serverCpu)}; load ${t.load}`,
  );
}

function printCopy(what: string, t: Timing) {
  print(
    `  COPY     ${what}: ${t.seconds.toFixed(1)} s = ${rate(rows, t.seconds)}; server CPU ${cpuText(t.serverCpu)}; load ${t.load}`,
  );
}

type Baselines = { plain: Timing; equivalent: Timing };
type Round = { before: Baselines; after: Baselines; large: ImportTiming; small: ImportTiming[] };

async function timeBaselines(): Promise<Baselines> {
  const plain = await timeCopy(url.toString(), file, PLAIN);
  printCopy('into a plain text table', plain);
  const equivalent = await timeCopy(url.toString(), file, EQUIVALENT);
  printCopy('into an equivalent table with its (iso3, year) index', equivalent);
  return { plain, equivalent };
}

async function timeSmallImport(): Promise<ImportTiming[]> {
  if (!(scaleFrom > 0 && scaleFrom < rows)) return [];
  const timing = await timeImport(smallFile, 'benchmark (synthetic, first rows)');
  printImport('the first rows as a release of their own', timing);
  return [timing];
}

/**
 * Each round imports the first rows, the whole file and the first rows again, between two runs of the
 * baselines (a round's closing baselines open the next): every figure is compared with the mean of its
 * neighbours before and after it, so a change of load in the middle of a round weighs on both sides.
 */
async function runRound(index: number, before: Baselines): Promise<Round> {
  print(`round ${index + 1} of ${rounds}`);
  const small = await timeSmallImport();
  const large = await timeImport(file, 'benchmark (synthetic)');
  printImport('the whole file', large);
  small.push(...(await timeSmallImport()));
  return { before, after: await timeBaselines(), large, small };
}

const meanOf = (a: number, b: number) => (a + b) / 2;
/** CPU seconds of the import (Node and server), or null when the server's cannot be read. */
const importCpu = (t: ImportTiming) => (t.serverCpu === null ? null : t.nodeCpu + t.serverCpu);
/** The mean of a baseline's server CPU before and after the round, or null when either is unknown. */
function baselineCpu(round: Round, which: keyof Baselines): number | null {
  const before = round.before[which].serverCpu;
  const after = round.after[which].serverCpu;
  return before === null || after === null ? null : meanOf(before, after);
}
function cpuRatio(round: Round, which: keyof Baselines): number | null {
  const cpu = importCpu(round.large);
  const baseline = baselineCpu(round, which);
  return cpu === null || !baseline ? null : cpu / baseline;
}
/** The whole file's rate over the first rows' rate (rows per wall second, or per CPU second). */
function scalingOf(round: Round, cost: (t: ImportTiming) => number | null): number | null {
  const large = cost(round.large);
  const small = round.small.map(cost);
  if (large === null || small.length === 0 || small.some((c) => c === null)) return null;
  const smallRows = round.small.reduce((sum, t) => sum + t.rows, 0);
  const smallCost = (small as number[]).reduce((sum, c) => sum + c, 0);
  return round.large.rows / large / (smallRows / smallCost);
}

async function timeQuery(what: string, input: StatisticsQueryInput) {
  // The whole file's release, not the newest one (the first rows' release may be newer).
  const release = results.at(-1)?.large.releaseId ?? undefined;
  const query = StatisticsQuery.parse({ ...input, release });
  const timings: number[] = [];
  let result = await queryStatistics(handle.db, query);
  for (let i = 0; i < Number(values.runs); i += 1) {
    const t = performance.now();
    result = await queryStatistics(handle.db, query);
    timings.push(performance.now() - t);
  }
  const worst = Math.max(...timings);
  print(
    `query    ${what}: ${result.rows.length} rows; median ${median(timings).toFixed(1)} ms, worst ${worst.toFixed(1)} ms of ${timings.length} runs (budget ${QUERY_BUDGET_MS} ms); load ${loadAverage()}`,
  );
  return worst;
}

const results: Round[] = [];
const ratiosOf = (list: readonly (number | null)[]) => list.filter((r): r is number => r !== null);
const listed = (list: readonly number[], digits = 2) => list.map((r) => r.toFixed(digits)).join(', ');

print(
  `Official statistics benchmark: ${rows.toLocaleString('en')} observations on PostgreSQL, ${rounds} rounds (scratch database ${name}); load ${loadAverage()}`,
);
await runOnServer(adminUrl, `create database ${name}`);
const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 });
try {
  await migrateDatabase(handle);
  await handle.db.transaction((tx) => seedReferenceData(tx));

  const started = performance.now();
  const generated = await writeGlotipFile(file, rows);
  if (scaleFrom > 0 && scaleFrom < rows) await writeGlotipFile(smallFile, scaleFrom);
  print(
    `generated  ${(generated.bytes / 1e6).toFixed(0)} MB in UNODC layout, ${generated.countries} countries, years ${generated.years[0]}–${generated.years.at(-1)}: ${seconds(started).toFixed(1)} s`,
  );

  print('baselines before the first round');
  let baselines = await timeBaselines();
  for (let index = 0; index < rounds; index += 1) {
    const round = await runRound(index, baselines);
    results.push(round);
    baselines = round.after;
  }

  const worst = Math.max(
    await timeQuery('world, year × sex × form (roll-ups)', {
      indicator: 'Detected trafficking victims',
      by: ['sex', 'form'],
    }),
    await timeQuery('one country, year × sex × form (observations by area)', {
      indicator: 'Detected trafficking victims',
      area: ['NGA'],
      by: ['sex', 'form'],
    }),
    await timeQuery('Africa by country, year × sex (observations by area)', {
      indicator: 'Detected trafficking victims',
      area: ['002'],
      by: ['country', 'sex'],
    }),
  );

  const wallRatio = (round: Round, which: keyof Baselines) =>
    round.large.seconds / meanOf(round.before[which].seconds, round.after[which].seconds);
  const copyRatios = results.map((r) => wallRatio(r, 'equivalent'));
  const plainRatios = results.map((r) => wallRatio(r, 'plain'));
  const cpuRatios = ratiosOf(results.map((r) => cpuRatio(r, 'plain')));
  const cpuEquivalentRatios = ratiosOf(results.map((r) => cpuRatio(r, 'equivalent')));
  const scalings = ratiosOf(results.map((r) => scalingOf(r, (t) => t.seconds)));
  const cpuScalings = ratiosOf(results.map((r) => scalingOf(r, importCpu)));
  const copyRatio = median(copyRatios);
  const plainRatio = median(plainRatios);
  const scaling = scalings.length > 0 ? median(scalings) : null;
  const largeRate = median(results.map((r) => r.large.rows / r.large.seconds));
  print(
    `ratio    wall, median of ${rounds}: import takes ${copyRatio.toFixed(2)}× the time of COPY into the equivalent indexed table (rounds: ${listed(copyRatios)}; target ≤ ${COPY_RATIO_TARGET}×) and ${plainRatio.toFixed(2)}× that of COPY into plain text (rounds: ${listed(plainRatios)}; the import also checks, maps, stores bounds and codes, and rolls up)`,
  );
  if (cpuRatios.length > 0) {
    print(
      `ratio    CPU, median: the import's Node + server CPU is ${median(cpuRatios).toFixed(2)}× the server CPU of COPY into plain text (rounds: ${listed(cpuRatios)}) and ${median(cpuEquivalentRatios).toFixed(2)}× that of COPY into the equivalent table (rounds: ${listed(cpuEquivalentRatios)}); the load inflates these far less than wall times`,
    );
  } else print('ratio    CPU: not measured (the server runs on another machine)');
  if (scaling !== null) {
    print(
      `scaling  median: the rate at ${rows.toLocaleString('en')} rows is ${(scaling * 100).toFixed(0)}% of the rate at ${scaleFrom.toLocaleString('en')} (rounds: ${listed(
        scalings.map((s) => s * 100),
        0,
      )}%; target ≥ ${SCALING_TARGET * 100}%)`,
    );
  }
  if (cpuScalings.length > 0) {
    print(
      `scaling  CPU, median: rows per CPU second (Node + server) at ${rows.toLocaleString('en')} rows are ${(median(cpuScalings) * 100).toFixed(0)}% of those at ${scaleFrom.toLocaleString('en')} (rounds: ${listed(
        cpuScalings.map((s) => s * 100),
        0,
      )}%)`,
    );
  }
  const importOk = largeRate >= IMPORT_FLOOR_ROWS_PER_S;
  const queryOk = worst <= QUERY_BUDGET_MS;
  const copyOk = copyRatio <= COPY_RATIO_TARGET;
  const scalingOk = scaling === null || scaling >= SCALING_TARGET;
  print(
    `verdict  import ${importOk ? 'meets' : 'MISSES'} ≥ ${IMPORT_FLOOR_ROWS_PER_S.toLocaleString('en')} rows/s and ${copyOk ? 'meets' : 'MISSES'} ≤ ${COPY_RATIO_TARGET}× COPY into the equivalent table (${plainRatio <= COPY_RATIO_TARGET ? 'meets' : 'misses'} it against plain text)${scaling === null ? '' : ` and ${scalingOk ? 'meets' : 'MISSES'} the scaling target`}; queries ${queryOk ? 'meet' : 'MISS'} ≤ ${QUERY_BUDGET_MS} ms; load ${loadAverage()}`,
  );
  if (!importOk || !queryOk || !copyOk || !scalingOk) process.exitCode = 1;
} finally {
  await handle.close();
  await runOnServer(adminUrl, `drop database if exists ${name} with (force)`);
  await rm(file, { force: true });
  await rm(smallFile, { force: true });
}
