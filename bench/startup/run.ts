// Start-up figures for the embedded database: a fresh data directory (initdb, migrations, reference
// data) against reopening an existing one, which should take well under a second.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrateDatabase, openDatabase } from '../../src/platform/db.js';
import { seedReferenceData } from '../../src/reference/index.js';

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

const dataDir = await mkdtemp(path.join(tmpdir(), 'concerted-startup-'));
try {
  const [fresh, openFresh] = await timed(() => openDatabase({ dataDir }));
  const [, migrate] = await timed(() => migrateDatabase(fresh));
  const [, seed] = await timed(() => fresh.db.transaction((tx) => seedReferenceData(tx)));
  await fresh.close();
  const reopenTimes: number[] = [];
  for (let run = 0; run < 3; run++) {
    const [again, reopen] = await timed(() => openDatabase({ dataDir }));
    const [, check] = await timed(() => migrateDatabase(again));
    reopenTimes.push(reopen + check);
    await again.close();
  }
  const best = Math.min(...reopenTimes);
  const rows = [
    ['fresh data directory: initdb', openFresh],
    ['fresh: apply migrations', migrate],
    ['fresh: load reference data', seed],
    ['existing data directory: open + migration check (best of 3)', best],
  ] as const;
  for (const [label, ms] of rows)
    process.stdout.write(`${label.padEnd(62)} ${ms.toFixed(0).padStart(6)} ms\n`);
  process.stdout.write(`ratio fresh/existing: ${((openFresh + migrate + seed) / best).toFixed(1)}×\n`);
  process.stdout.write(`target existing < 1000 ms: ${best < 1000 ? 'met' : 'NOT met'}\n`);
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
