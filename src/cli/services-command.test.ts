// `concerted services export|import` run in-process: a directory written by one database is read by another.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { TEST_ENGINES, type TestDatabase } from '../../test/support/databases.js';
import { Sealer } from '../platform/crypto.js';
import { rowsOf } from '../platform/db.js';
import { seedDatabase } from '../server/seed.js';
import { servicesCommand } from './services-command.js';

async function run(database: TestDatabase, args: string[]) {
  const stdout: string[] = [];
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => stdout.push(String(chunk)) > 0);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    await servicesCommand(async () => ({ ...database, close: async () => {} })).parseAsync(args, {
      from: 'user',
    });
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return { stdout: stdout.join(''), exitCode: process.exitCode };
}

const countServices = async (database: TestDatabase) =>
  (await rowsOf<{ n: number }>(database.db, sql`select count(*)::int as n from services`))[0]?.n ?? 0;

describe.each(TEST_ENGINES)('concerted services on $name', (engine) => {
  let source: TestDatabase;
  let target: TestDatabase;
  let dir: string;

  beforeAll(async () => {
    [source, target] = await Promise.all([engine.open(), engine.open()]);
    for (const database of [source, target])
      await seedDatabase(database.db, { demo: true, sealer: new Sealer(randomBytes(32)) });
    dir = await mkdtemp(path.join(tmpdir(), 'concerted-services-'));
  });
  afterEach(() => {
    process.exitCode = undefined;
  });
  afterAll(async () => {
    await Promise.all([source?.dispose(), target?.dispose()]);
    await rm(dir, { recursive: true, force: true });
  });

  it('exports every table, never a shelter’s address, and imports it into another database', async () => {
    const exported = await run(source, ['export', dir, '--json']);
    expect(JSON.parse(exported.stdout).files).toHaveLength(13);
    const locations = await readFile(path.join(dir, 'address.csv'), 'utf8');
    expect(locations).toContain('12 Sample Road');
    expect(locations).not.toContain('1 Example Lane');
    const before = await countServices(target);
    const office = 'National Anti-Trafficking Coordination Office (demo)';
    const dry = await run(target, ['import', dir, '--dry-run', '--json', '--organisation', office]);
    expect(JSON.parse(dry.stdout)).toMatchObject({
      dryRun: true,
      committed: false,
      services: 4,
      problems: [],
    });
    expect(await countServices(target)).toBe(before);
    const real = await run(target, ['import', dir, '--json', '--organisation', office]);
    expect(JSON.parse(real.stdout)).toMatchObject({ committed: true, created: 4, problems: [] });
    expect(await countServices(target)).toBe(before + 4);
  });

  it('writes nothing and fails when a row is wrong, naming the file, row and column', async () => {
    const before = await countServices(target);
    const schedule = path.join(dir, 'schedule.csv');
    const text = await readFile(schedule, 'utf8');
    await writeFile(schedule, text.replace(',WEEKLY,,MO,', ',WEEKLY,,XX,'));
    const reply = await run(target, ['import', dir]);
    expect(reply.exitCode).toBe(1);
    expect(reply.stdout, reply.stdout).toMatch(/Nothing imported/);
    expect(reply.stdout, reply.stdout).toMatch(/schedule\.csv\s+\d+\s+byday/);
    expect(await countServices(target)).toBe(before);
  });
});
