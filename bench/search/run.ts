// Benchmark of the knowledge library's search on PostgreSQL: loads --items generated items across the six
// languages (default 100,000) with the set-based insert the demo uses, vectors computed by PostgreSQL, and
// prints the indexing rate (target >= 1,000 items/s); then runs --queries varied searches (words, names,
// typing mistakes, filters, plain listings) as the public reader would, row-level security on, and prints
// p50 and p95 latency of the whole search (page, total, facets, passages; target p95 <= 50 ms).
// Beside each figure: the CPU time per item or per search of this process (Node) and of the server processes
// serving the bench's database (when the server runs on this machine), and the load average then.
// Run: npm run bench:search [-- --items 100000 --queries 300 --slowest 10 --json]
// DATABASE_URL or TEST_DATABASE_URL names the server; the bench works in a database of its own beside it
// and drops it at the end.
import { randomBytes, randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { ANONYMOUS_ACTOR, asRequester } from '../../src/access/context.js';
import { insertManyItems } from '../../src/knowledge/insert-many.js';
import { searchKnowledge } from '../../src/knowledge/search.js';
import { SearchFilters } from '../../src/knowledge/search-schemas.js';
import { organisations } from '../../src/partners/schema.js';
import { type DatabaseHandle, migrateDatabase, openDatabase, runOnServer } from '../../src/platform/db.js';
import { seedReferenceData } from '../../src/reference/index.js';
import { type CpuSpent, cpuPer, startCpuCount } from './cpu.js';
import { type BenchQuery, generateItem, generateQueries, random } from './generate.js';

const { values } = parseArgs({
  options: {
    items: { type: 'string', default: '100000' },
    queries: { type: 'string', default: '300' },
    batch: { type: 'string', default: '1000' },
    /** Batches in flight at once: the next one is prepared while the server indexes the last. */
    parallel: { type: 'string', default: '2' },
    /** Leave the database in place (its name is printed), or reuse one left so, without loading. */
    keep: { type: 'boolean', default: false },
    reuse: { type: 'string' },
    /** Also list this many of the slowest searches, with their words. */
    slowest: { type: 'string', default: '0' },
    json: { type: 'boolean', default: false },
  },
});
const ITEMS = Number(values.items);
const QUERIES = Number(values.queries);
const BATCH = Number(values.batch);
const PARALLEL = Number(values.parallel);
const TARGETS = { itemsPerSecond: 1000, p95Ms: 50 };
const SERVER_URL = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;

const note = (line: string) => process.stderr.write(`${line}\n`);

async function openBenchDatabase(): Promise<{ handle: DatabaseHandle; drop: () => Promise<void> }> {
  if (!SERVER_URL) throw new Error('set DATABASE_URL or TEST_DATABASE_URL to a PostgreSQL server');
  const name = values.reuse ?? `concerted_bench_search_${randomBytes(6).toString('hex')}`;
  if (!values.reuse) await runOnServer(SERVER_URL, `create database ${name}`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: PARALLEL + 2 });
  const drop = async () => {
    await handle.close();
    if (values.keep || values.reuse) note(`the database ${name} is kept`);
    else await runOnServer(SERVER_URL, `drop database if exists ${name} with (force)`);
  };
  return { handle, drop };
}

type Loaded = { seconds: number; items: number; cpu: CpuSpent | null };

async function load(handle: DatabaseHandle): Promise<Loaded> {
  await migrateDatabase(handle);
  await handle.db.transaction((tx) => seedReferenceData(tx));
  const orgs = await handle.db
    .insert(organisations)
    .values(
      Array.from({ length: 20 }, (_, i) => ({
        name: `Bench organisation ${i} (invented)`,
        actorType: 'ngo',
      })),
    )
    .returning({ id: organisations.id });
  const organisationIds = orgs.map((org) => org.id);
  const ids = Array.from({ length: ITEMS }, () => randomUUID());
  const rand = random(20260);
  let items = 0;
  const inFlight = new Set<Promise<void>>();
  const cpuSpent = await startCpuCount(handle);
  const started = performance.now();
  for (let start = 0; start < ITEMS; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, ITEMS - start) }, (_, i) =>
      generateItem(rand, start + i, organisationIds, (index) => ids[index] ?? ''),
    );
    // A translation's original is in an earlier batch or the same one (see generateItem).
    const done: Promise<void> = insertManyItems(handle.db, batch).then((count) => {
      items += count;
      inFlight.delete(done);
      if (!values.json && items % (BATCH * 10) === 0) note(`  loaded ${items.toLocaleString('en')} items`);
    });
    inFlight.add(done);
    if (inFlight.size >= PARALLEL) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - started) / 1000;
  const cpu = await cpuSpent();
  await handle.db.execute(sql`analyze knowledge_items`);
  return { seconds, items, cpu };
}

async function measure(handle: DatabaseHandle, queries: readonly BenchQuery[]) {
  const timings: number[] = [];
  const byKind = new Map<string, number[]>();
  let found = 0;
  const slowest: { ms: number; query: BenchQuery }[] = [];
  const currentYear = new Date().getUTCFullYear();
  const cpuSpent = await startCpuCount(handle);
  for (const query of queries) {
    const filters = SearchFilters.parse(query.filters);
    const started = performance.now();
    const result = await asRequester(handle, ANONYMOUS_ACTOR, (tx) =>
      searchKnowledge(tx, {
        q: query.q,
        language: query.language,
        filters,
        page: 1,
        pageSize: 20,
        currentYear,
      }),
    );
    const elapsed = performance.now() - started;
    timings.push(elapsed);
    byKind.set(query.kind, [...(byKind.get(query.kind) ?? []), elapsed]);
    if (result.total > 0) found += 1;
    slowest.push({ ms: elapsed, query });
  }
  const cpu = await cpuSpent();
  const percentile = (values: number[], share: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
  };
  const kinds = Object.fromEntries(
    [...byKind].map(([kind, values]) => [kind, Number(percentile(values, 0.5).toFixed(1))]),
  );
  return {
    p50: percentile(timings, 0.5),
    p95: percentile(timings, 0.95),
    max: percentile(timings, 1),
    found,
    p50ByKind: kinds,
    cpu,
    slowest: slowest.sort((a, b) => b.ms - a.ms).slice(0, Number(values.slowest)),
  };
}

/** The same transaction doing nothing, to tell the search's own time from the machine's and the driver's. */
async function baseline(handle: DatabaseHandle): Promise<number> {
  const timings: number[] = [];
  for (let i = 0; i < 100; i += 1) {
    const started = performance.now();
    await asRequester(handle, ANONYMOUS_ACTOR, (tx) => tx.execute(sql`select 1`));
    timings.push(performance.now() - started);
  }
  return [...timings].sort((a, b) => a - b)[50] ?? 0;
}

async function main() {
  const { handle, drop } = await openBenchDatabase();
  try {
    note(`loading ${ITEMS.toLocaleString('en')} items in batches of ${BATCH}, ${PARALLEL} at a time…`);
    const loaded: Loaded = values.reuse ? { seconds: 0, items: 0, cpu: null } : await load(handle);
    const rate = loaded.items / loaded.seconds;
    const queries = generateQueries(QUERIES, 7);
    await measure(handle, queries.slice(0, 20));
    const latency = await measure(handle, queries);
    const emptyTransactionMs = await baseline(handle);
    const figures = {
      items: loaded.items,
      indexingSeconds: Number(loaded.seconds.toFixed(1)),
      itemsPerSecond: Math.round(rate),
      indexingRatio: Number((rate / TARGETS.itemsPerSecond).toFixed(2)),
      queries: queries.length,
      queriesFindingSomething: latency.found,
      p50Ms: Number(latency.p50.toFixed(1)),
      p95Ms: Number(latency.p95.toFixed(1)),
      maxMs: Number(latency.max.toFixed(1)),
      p95Ratio: Number((TARGETS.p95Ms / latency.p95).toFixed(2)),
      indexingCpuPerItem: loaded.cpu ? cpuPer(loaded.cpu, loaded.items) : null,
      indexingLoadAverage: loaded.cpu?.loadAverage ?? null,
      searchCpuPerQuery: cpuPer(latency.cpu, queries.length),
      searchLoadAverage: latency.cpu.loadAverage,
      slowest: latency.slowest.map(({ ms, query }) => ({ ms: Number(ms.toFixed(1)), ...query })),
      p50MsByKind: latency.p50ByKind,
      emptyTransactionP50Ms: Number(emptyTransactionMs.toFixed(1)),
      loadAverage: Number(loadavg()[0]?.toFixed(1)),
      cores: cpus().length,
    };
    if (values.json) return void process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
    const cpuText = (cpu: { nodeMs: number; serverMs: number | null } | null, what: string) =>
      cpu
        ? `CPU per ${what}: Node ${cpu.nodeMs} ms, server ${cpu.serverMs ?? 'not on this machine:'} ms`
        : 'CPU not counted';
    const lines = [
      `indexing: ${figures.items.toLocaleString('en')} items in ${figures.indexingSeconds} s = ${figures.itemsPerSecond.toLocaleString('en')} items/s (target >= ${TARGETS.itemsPerSecond}: ${figures.indexingRatio}x)`,
      `          ${cpuText(figures.indexingCpuPerItem, 'item')}; load average ${figures.indexingLoadAverage ?? '-'}`,
      `p50 by kind of query (ms): ${JSON.stringify(figures.p50MsByKind)}`,
      `an empty request transaction: p50 ${figures.emptyTransactionP50Ms} ms; load average ${figures.loadAverage} on ${figures.cores} cores`,
      `search:   ${figures.queries} queries (${figures.queriesFindingSomething} found something): p50 ${figures.p50Ms} ms, p95 ${figures.p95Ms} ms, max ${figures.maxMs} ms (target p95 <= ${TARGETS.p95Ms} ms: ${figures.p95Ratio}x)`,
      `          ${cpuText(figures.searchCpuPerQuery, 'search')}; load average ${figures.searchLoadAverage}`,
      ...figures.slowest.map(
        (slow) =>
          `  ${slow.ms} ms: ${slow.kind} (${slow.language}) ${JSON.stringify(slow.q ?? '')} ${JSON.stringify(slow.filters)}`,
      ),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await drop();
  }
}

await main();
