// Benchmark of the register of intermediaries' public look-up on PostgreSQL at the size of a large national
// register: loads --agencies invented agencies (default 100,000) with a licence each and their names as
// compared, set-based; then runs --queries look-ups as a signed-out reader would (row-level security on):
// exact names, part of a name, misspelt names and licence numbers, and prints p50 and p95 latency of the
// whole answer (candidates, ranking, public entries with their counts). The look-up reads a few candidates
// through the indexes, never the register: p95 should stay far under 100 ms however large it grows.
// Run: npm run bench:register [-- --agencies 100000 --queries 200 --json]
// DATABASE_URL or TEST_DATABASE_URL names the server; the bench works in a database of its own and drops it.
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { ANONYMOUS_ACTOR, asRequester } from '../../src/access/context.js';
import { type DatabaseHandle, migrateDatabase, openDatabase, runOnServer } from '../../src/platform/db.js';
import type { LookupQuery } from '../../src/prevention/register/index.js';
import { searchRegister } from '../../src/prevention/register-store/lookup.js';
import { seedReferenceData } from '../../src/reference/index.js';

const { values } = parseArgs({
  options: {
    agencies: { type: 'string', default: '100000' },
    queries: { type: 'string', default: '200' },
    json: { type: 'boolean', default: false },
  },
});
const AGENCIES = Number(values.agencies);
const QUERIES = Number(values.queries);
const TARGET_P95_MS = 100;
const SERVER_URL = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const note = (line: string) => process.stderr.write(`${line}\n`);

/** Invented words: names built from them are unlike any real firm. */
const FIRST = [
  'Amber',
  'Birch',
  'Cobalt',
  'Dune',
  'Ember',
  'Fjord',
  'Garnet',
  'Harbor',
  'Indigo',
  'Juniper',
  'Kestrel',
  'Lumen',
];
const SECOND = [
  'Vale',
  'Crest',
  'Field',
  'Gate',
  'Ridge',
  'Brook',
  'Stone',
  'Wood',
  'Bay',
  'Point',
  'Hollow',
  'Mere',
];
const THIRD = [
  'Recruitment',
  'Placement',
  'Manpower',
  'Careers',
  'Overseas Jobs',
  'Staffing',
  'Travel',
  'Brides',
];

/** The i-th agency's name: three invented words and a number, so that every name is its own. */
const nameOf = (i: number) =>
  `${FIRST[i % 12]} ${SECOND[Math.floor(i / 12) % 12]} ${THIRD[Math.floor(i / 144) % 8]} ${Math.floor(i / 1152)}`;

async function openBenchDatabase(): Promise<{ handle: DatabaseHandle; drop: () => Promise<void> }> {
  if (!SERVER_URL) throw new Error('set DATABASE_URL or TEST_DATABASE_URL to a PostgreSQL server');
  const name = `concerted_bench_register_${randomBytes(6).toString('hex')}`;
  await runOnServer(SERVER_URL, `create database ${name}`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 });
  return {
    handle,
    drop: async () => {
      await handle.close();
      await runOnServer(SERVER_URL, `drop database if exists ${name} with (force)`);
    },
  };
}

/** Set-based: one statement per table, names compared as the store writes them (lower case, no legal form). */
async function load(handle: DatabaseHandle): Promise<number> {
  const started = performance.now();
  const names = `(array[${FIRST.map((w) => `'${w}'`).join(',')}])[1 + g % 12] || ' ' ||
    (array[${SECOND.map((w) => `'${w}'`).join(',')}])[1 + (g / 12) % 12] || ' ' ||
    (array[${THIRD.map((w) => `'${w}'`).join(',')}])[1 + (g / 144) % 8] || ' ' || (g / 1152)`;
  await handle.db.execute(
    sql.raw(`insert into intermediary_agencies (name, kind, country_iso3)
      select ${names}, 'recruitment', 'PHL' from generate_series(0, ${AGENCIES - 1}) as g`),
  );
  await handle.db.execute(
    sql`insert into intermediary_agency_names (agency_id, comparable, is_other)
        select id, lower(name), false from intermediary_agencies`,
  );
  await handle.db.execute(
    sql`insert into intermediary_licences (agency_id, number, number_key, issuing_authority, status, valid_from, valid_until)
        select id, 'BENCH-' || row_number() over (order by id), 'bench' || row_number() over (order by id),
          'Invented Licensing Office', 'active', date '2024-01-01', date '2099-12-31'
        from intermediary_agencies`,
  );
  await handle.db.execute(
    sql`analyze intermediary_agencies, intermediary_agency_names, intermediary_licences`,
  );
  return (performance.now() - started) / 1000;
}

function queriesOf(count: number): LookupQuery[] {
  const kinds: ((i: number) => LookupQuery)[] = [
    (i) => ({ name: nameOf(i) }),
    (i) => ({ name: `${FIRST[i % 12]} ${SECOND[Math.floor(i / 12) % 12]}` }),
    (i) => ({ name: nameOf(i).replace(/a/, 'e').replace(/r/, '') }),
    (i) => ({ licenceNumber: `BENCH-${1 + i}` }),
  ];
  return Array.from({ length: count }, (_, q) => {
    const i = (q * 7919) % AGENCIES;
    return (kinds[q % kinds.length] as (i: number) => LookupQuery)(i);
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

async function main() {
  const { handle, drop } = await openBenchDatabase();
  try {
    await migrateDatabase(handle);
    await seedReferenceData(handle.db);
    note(`loading ${AGENCIES.toLocaleString('en')} agencies…`);
    const loadSeconds = await load(handle);
    const times: number[] = [];
    let answered = 0;
    for (const query of queriesOf(QUERIES)) {
      const started = performance.now();
      const found = await asRequester(handle, ANONYMOUS_ACTOR, (tx) =>
        searchRegister(tx, query, { asOf: '2026-06-30', offset: 0, limit: 20 }),
      );
      times.push(performance.now() - started);
      if (found.matches.length > 0) answered += 1;
    }
    times.sort((a, b) => a - b);
    const result = {
      agencies: AGENCIES,
      queries: QUERIES,
      withMatches: answered,
      loadSeconds: Number(loadSeconds.toFixed(1)),
      p50Ms: Number(percentile(times, 0.5).toFixed(1)),
      p95Ms: Number(percentile(times, 0.95).toFixed(1)),
      targetP95Ms: TARGET_P95_MS,
      loadAverage: loadavg().map((n) => Number(n.toFixed(2))),
      cpus: cpus().length,
    };
    if (values.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else
      process.stdout.write(
        `register look-up over ${AGENCIES.toLocaleString('en')} agencies: p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms (target ≤ ${TARGET_P95_MS} ms); ${answered}/${QUERIES} queries found agencies; loaded in ${result.loadSeconds} s; load average ${result.loadAverage.join(' ')} on ${result.cpus} CPUs\n`,
      );
    if (result.p95Ms > TARGET_P95_MS) process.exitCode = 1;
  } finally {
    await drop();
  }
}

await main();
