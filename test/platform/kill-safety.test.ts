// Kills `concerted stats import` (SIGKILL) at random moments and then opens the database: it must open,
// and hold the release whole (every row the report counted) or not at all. On both engines.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeGlotipFile } from '../../bench/stats/generate.js';
import { rowsOf } from '../../src/platform/db.js';
import { exitOf, type KillTarget, prepareKillTarget, runChild } from '../support/child-process.js';
import { TEST_ENGINES } from '../support/databases.js';

const RUNS = 4;
const ROWS = 20_000;
const RELEASE = 'kill test';

/** The release as stored: absent, or its reported count beside the rows really there. */
async function storedRelease(target: KillTarget) {
  const handle = await target.open();
  try {
    const [release] = await rowsOf<{ id: string; reported: number }>(
      handle.db,
      sql`select id, observation_count as reported from statistic_releases where label = ${RELEASE}`,
    );
    if (!release) return null;
    const [stored] = await rowsOf<{ count: number }>(
      handle.db,
      sql`select count(*)::int as count from statistic_observations where release_id = ${release.id}`,
    );
    return { reported: Number(release.reported), stored: stored?.count ?? 0 };
  } finally {
    await handle.close();
  }
}

describe.each(TEST_ENGINES)('an import killed at any moment on $name', (engine) => {
  let target: KillTarget;
  let file: string;
  beforeAll(async () => {
    target = await prepareKillTarget(engine.name);
    file = path.join(await mkdtemp(path.join(tmpdir(), 'concerted-kill-file-')), 'glotip.csv');
    await writeGlotipFile(file, ROWS);
    const migrated = await exitOf(runChild(target.env, ['db', 'migrate']));
    expect(migrated.code, migrated.output).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await target?.dispose();
    if (file) await rm(path.dirname(file), { recursive: true, force: true });
  });

  it('leaves the whole release or none of it, and the database opens every time', async () => {
    const args = ['stats', 'import', file, '--source', 'glotip', '--release', RELEASE];
    // Killed before its first commit, an import leaves nothing.
    const early = runChild(target.env, args);
    const earlyExit = exitOf(early);
    early.kill('SIGKILL');
    await earlyExit;
    expect(await storedRelease(target)).toBeNull();
    // Uninterrupted, it sets the full count; its duration spans the moments the kills below pick from.
    const started = performance.now();
    const complete = await exitOf(runChild(target.env, args));
    const duration = performance.now() - started;
    expect(complete.code, complete.output).toBe(0);
    const whole = await storedRelease(target);
    expect(whole?.stored).toBe(whole?.reported);
    expect(whole?.stored).toBeGreaterThan(0);
    const outcomes: string[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      // A re-import replaces the release in one transaction: killed anywhere, the previous one stays whole.
      const child = runChild(target.env, args);
      const exit = exitOf(child);
      const delay = Math.random() * duration * 1.1;
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      const { signal } = await exit;
      const release = await storedRelease(target);
      outcomes.push(`${signal ?? 'finished'} after ${(delay / 1000).toFixed(1)} s`);
      expect(release).toEqual(whole);
    }
    console.info(
      `kill test on ${engine.name}: import takes ${(duration / 1000).toFixed(1)} s; ${outcomes.join(', ')}; release whole (${whole?.stored} rows) each time`,
    );
  }, 600_000);
});
