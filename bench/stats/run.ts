// Benchmark of official statistics on PostgreSQL: import of N generated observations (default 10 million),
// a world query grouped by year × sex × form, and PostgreSQL's own COPY of the same rows for comparison.
// Before a large import, the first 1,000,000 rows (--scale-from) are imported as a release of their own, so
// that the benchmark says how the rate holds as the file grows.
// Usage: npm run bench:stats -- [--rows N] [--scale-from N] [--url postgres://…]  (TEST_DATABASE_URL or
// DATABASE_URL by default)
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
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
} from '../../src/statistics/index.js';
import { writeGlotipFile } from './generate.js';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '10000000' },
    url: { type: 'string' },
    runs: { type: 'string', default: '7' },
    'scale-from': { type: 'string', default: '1000000' },
  },
});
const rows = Number(values.rows);
const scaleFrom = Number(values['scale-from']);
const adminUrl = values.url ?? process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
if (!adminUrl || !Number.isInteger(rows) || rows < 1) {
  process.stderr.write(
    'usage: npm run bench:stats -- [--rows N] [--url postgres://…] (or set TEST_DATABASE_URL)\n',
  );
  process.exit(2);
}
const QUERY_BUDGET_MS = 300;
const IMPORT_FLOOR_ROWS_PER_S = 50_000;
/** Targets: the import within this multiple of COPY's time, and a large file's rate near a small one's. */
const COPY_RATIO_TARGET = 2.5;
const SCALING_TARGET = 0.9;

const seconds = (from: number) => (performance.now() - from) / 1000;
/** Other work on the machine inflates wall-clock figures: each is printed with the load beside it. */
const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
/** The columns of the UNODC layout, as PostgreSQL's COPY reads the generated file. */
const COPY_COLUMNS = [
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
const print = (line: string) => process.stdout.write(`${line}\n`);
const rate = (n: number, s: number) => `${Math.round(n / s).toLocaleString('en')} rows/s`;

const name = `concerted_bench_${randomBytes(4).toString('hex')}`;
const file = path.join(tmpdir(), `${name}.csv`);
const smallFile = path.join(tmpdir(), `${name}-first.csv`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;

print(
  `Official statistics benchmark: ${rows.toLocaleString('en')} observations on PostgreSQL (scratch database ${name})`,
);
await runOnServer(adminUrl, `create database ${name}`);
const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 });
try {
  await migrateDatabase(handle);
  await handle.db.transaction((tx) => seedReferenceData(tx));

  let started = performance.now();
  const generated = await writeGlotipFile(file, rows);
  print(
    `generated  ${(generated.bytes / 1e6).toFixed(0)} MB in UNODC layout, ${generated.countries} countries, years ${generated.years[0]}–${generated.years.at(-1)}: ${seconds(started).toFixed(1)} s`,
  );

  let smallRate: number | null = null;
  if (scaleFrom > 0 && scaleFrom < rows) {
    await writeGlotipFile(smallFile, scaleFrom);
    started = performance.now();
    const small = await importStatistics((work) => handle.db.transaction(work), {
      source: 'glotip',
      file: await fileFromPath(smallFile),
      release: 'benchmark (synthetic, first rows)',
    });
    const smallSeconds = seconds(started);
    smallRate = small.imported / smallSeconds;
    print(
      `import     first ${small.imported.toLocaleString('en')} rows as a release of their own in ${smallSeconds.toFixed(1)} s = ${rate(small.imported, smallSeconds)}; load ${loadAverage()}`,
    );
  }

  started = performance.now();
  let readDone = 0;
  const report = await importStatistics((work) => handle.db.transaction(work), {
    source: 'glotip',
    file: await fileFromPath(file),
    release: 'benchmark (synthetic)',
    onProgress: (p) => {
      if (p.phase === 'deriving') readDone = seconds(started);
    },
  });
  const importSeconds = seconds(started);
  print(
    `import     ${report.imported.toLocaleString('en')} rows (${report.rejected} rejected) in ${importSeconds.toFixed(1)} s = ${rate(report.imported, importSeconds)}; load ${loadAverage()}`,
  );
  print(
    `           of which read + store ${readDone.toFixed(1)} s, duplicates + roll-ups + coverage + catalogue ${(importSeconds - readDone).toFixed(1)} s`,
  );

  const query = StatisticsQuery.parse({ indicator: 'Detected trafficking victims', by: ['sex', 'form'] });
  const timings: number[] = [];
  let result = await queryStatistics(handle.db, query);
  for (let i = 0; i < Number(values.runs); i += 1) {
    const t = performance.now();
    result = await queryStatistics(handle.db, query);
    timings.push(performance.now() - t);
  }
  timings.sort((a, b) => a - b);
  const median = timings[Math.floor(timings.length / 2)] ?? 0;
  const worst = timings.at(-1) ?? 0;
  print(
    `query      world, year × sex × form: ${result.rows.length} rows; median ${median.toFixed(1)} ms, worst ${worst.toFixed(1)} ms of ${timings.length} runs (budget ${QUERY_BUDGET_MS} ms)`,
  );

  // Two baselines for the same file: PostgreSQL's COPY into a table of text columns without an index (the
  // least work a load can do), and into a table equivalent to what the import must produce for queries:
  // the file's columns typed as stored (iso3 char(3), year smallint) and the (iso3, year) index that each
  // release's partition carries, built after the load as PostgreSQL's manual advises for bulk loads.
  const plain = timeCopy(
    url.toString(),
    file,
    'copy_baseline',
    COPY_COLUMNS.map((c) => `${c} text`),
    [],
  );
  const indexed = timeCopy(
    url.toString(),
    file,
    'copy_equivalent',
    COPY_COLUMNS.map((c) => `${c} ${c === 'iso3_code' ? 'char(3)' : c === 'year' ? 'smallint' : 'text'}`),
    ['create index on copy_equivalent (iso3_code, year)'],
  );
  const [copied] = await rowsOf<{ count: number }>(
    handle.db,
    sql`select (select count(*) from copy_baseline)::int + (select count(*) from copy_equivalent)::int as count`,
  );
  print(
    `COPY       ${((copied?.count ?? 0) / 2).toLocaleString('en')} rows into a plain text table (${plain.how}) in ${plain.seconds.toFixed(1)} s = ${rate(rows, plain.seconds)}; load ${loadAverage()}`,
  );
  print(
    `COPY       the same into an equivalent table with its (iso3, year) index in ${indexed.seconds.toFixed(1)} s = ${rate(rows, indexed.seconds)}; load ${loadAverage()}`,
  );
  const copyRatio = importSeconds / indexed.seconds;
  const plainRatio = importSeconds / plain.seconds;
  print(
    `ratio      import takes ${copyRatio.toFixed(2)}× the time of COPY into the equivalent indexed table (target ≤ ${COPY_RATIO_TARGET}×) and ${plainRatio.toFixed(2)}× that of COPY into plain text (the import also checks, maps, stores bounds and codes, and rolls up)`,
  );
  const scaling = smallRate === null ? null : report.imported / importSeconds / smallRate;
  if (scaling !== null) {
    print(
      `scaling    the rate at ${rows.toLocaleString('en')} rows is ${(scaling * 100).toFixed(0)}% of the rate at ${scaleFrom.toLocaleString('en')} (target ≥ ${SCALING_TARGET * 100}%)`,
    );
  }
  const importOk = report.imported / importSeconds >= IMPORT_FLOOR_ROWS_PER_S;
  const queryOk = worst <= QUERY_BUDGET_MS;
  const copyOk = copyRatio <= COPY_RATIO_TARGET;
  const scalingOk = scaling === null || scaling >= SCALING_TARGET;
  print(
    `verdict    import ${importOk ? 'meets' : 'MISSES'} ≥ ${IMPORT_FLOOR_ROWS_PER_S.toLocaleString('en')} rows/s and ${copyOk ? 'meets' : 'MISSES'} ≤ ${COPY_RATIO_TARGET}× COPY into the equivalent table (${plainRatio <= COPY_RATIO_TARGET ? 'meets' : 'misses'} it against plain text)${scaling === null ? '' : ` and ${scalingOk ? 'meets' : 'MISSES'} the scaling target`}; query ${queryOk ? 'meets' : 'MISSES'} ≤ ${QUERY_BUDGET_MS} ms`,
  );
  if (!importOk || !queryOk || !copyOk || !scalingOk) process.exitCode = 1;
} finally {
  await handle.close();
  await runOnServer(adminUrl, `drop database if exists ${name} with (force)`);
  await rm(file, { force: true });
  await rm(smallFile, { force: true });
}

/**
 * PostgreSQL's own COPY into a new table, then `after` (index builds), in one transaction; server-side when
 * the server can read the file, else psql's \copy (COPY FROM STDIN).
 */
function timeCopy(
  databaseUrl: string,
  csvPath: string,
  table: string,
  columns: readonly string[],
  after: readonly string[],
): { how: string; seconds: number } {
  const run = (copy: string) => {
    const started = performance.now();
    const statements = [`create table ${table} (${columns.join(', ')})`, copy, ...after];
    execFileSync(
      'psql',
      [databaseUrl, '-v', 'ON_ERROR_STOP=1', '-1', ...statements.flatMap((statement) => ['-c', statement])],
      { stdio: 'pipe' },
    );
    return seconds(started);
  };
  const options = 'with (format csv, header true)';
  try {
    return { how: 'server-side COPY', seconds: run(`copy ${table} from '${csvPath}' ${options}`) };
  } catch {
    return { how: 'psql \\copy', seconds: run(`\\copy ${table} from '${csvPath}' ${options}`) };
  }
}
