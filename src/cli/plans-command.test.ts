// `concerted plans …` run in-process on the demo database: the list, a plan and its dashboard as readable text
// and JSON, results exported and imported back (a broken file listing every problem and writing nothing), and
// the self-checking indicators read again without change.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { TEST_ENGINES, type TestDatabase } from '../../test/support/databases.js';
import { DEMO_PLAN_TITLE } from '../plans/demo.js';
import { plans } from '../plans/schema.js';
import { Sealer } from '../platform/crypto.js';
import { seedDatabase } from '../server/seed.js';
import { plansCommand } from './plans-command.js';

async function run(database: TestDatabase, args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => stdout.push(String(chunk)) > 0);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => stderr.push(String(chunk)) > 0);
  try {
    const command = plansCommand(async () => ({ ...database, close: async () => {} }));
    for (const each of [command, ...command.commands])
      each.exitOverride().configureOutput({
        writeOut: (text) => stdout.push(text),
        writeErr: (text) => stderr.push(text),
      });
    await command.parseAsync(args, { from: 'user' });
  } catch (error) {
    // --help ends the command as commander does; anything else is the test's failure.
    if ((error as { code?: string }).code !== 'commander.helpDisplayed') throw error;
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return { stdout: stdout.join(''), stderr: stderr.join(''), exitCode: process.exitCode };
}

async function demoDatabase(engine: (typeof TEST_ENGINES)[number]): Promise<TestDatabase> {
  const copy = await engine.openWithDemo();
  if (copy) return copy.database;
  const database = await engine.open();
  await seedDatabase(database.db, { demo: true, sealer: new Sealer(randomBytes(32)) });
  return database;
}

describe.each(TEST_ENGINES)('concerted plans on $name', (engine) => {
  let database: TestDatabase;
  let dir: string;
  let id: string;

  beforeAll(async () => {
    database = await demoDatabase(engine);
    dir = await mkdtemp(path.join(tmpdir(), 'concerted-plans-'));
    const [plan] = await database.db.select().from(plans).where(eq(plans.title, DEMO_PLAN_TITLE));
    id = plan?.id ?? '';
  });
  afterEach(() => {
    process.exitCode = undefined;
  });
  afterAll(async () => {
    await database?.dispose();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('lists the plans of a country, and says how to use each command', async () => {
    const listed = await run(database, ['list', '--country', 'KEN']);
    expect(listed.stdout).toMatch(/id\s+title\s+countries\s+period\s+coordinator\s+measures/);
    expect(listed.stdout).toContain(id);
    // Countries by name, never by code.
    expect(listed.stdout).toMatch(
      /\sKenya\s+\d{4}-\d{2}-\d{2} – .* National Anti-Trafficking Coordination Office \(demo\)\s+1\/7 done/,
    );
    expect(listed.stdout).not.toMatch(/\bKEN\b/);
    expect(JSON.parse((await run(database, ['list', '--country', 'UGA', '--json'])).stdout)).toEqual([]);
    const help = await run(database, ['--help']);
    for (const name of ['list', 'show', 'dashboard', 'export', 'import', 'refresh'])
      expect(help.stdout).toMatch(new RegExp(`\\n\\s+${name}\\b`));
  });

  it('shows a plan as text, with names, pillars, sources and reports', async () => {
    const { stdout } = await run(database, ['show', id]);
    expect(stdout.split('\n')[0]).toBe(DEMO_PLAN_TITLE);
    expect(stdout).toMatch(/^National plan for Kenya, \d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2}$/m);
    expect(stdout).toMatch(/^Prevention: Fewer people are recruited by deception$/m);
    expect(stdout).toMatch(/^Protection and assistance: Victims are identified, sheltered and assisted$/m);
    expect(stdout).not.toMatch(/\bKEN\b|^protection:/m);
    expect(stdout).toMatch(/owner Regional Legal Aid Centre \(demo\); due .*; planned; budget USD 20,000.00/);
    expect(stdout).toMatch(
      /Protection activities running in Kenya \(activities, increases; .*count of 4W activities \(Protection and assistance\)\)/,
    );
    expect(stdout).toMatch(/reported 120 for .* \(all\): at risk — Fewer courses ran than planned/);
    expect(stdout).toMatch(
      /reported \d+ for .* \(all\): on track; Count of 4W activities on \d{4}-\d{2}-\d{2}/,
    );
    expect(stdout).toMatch(/^ {4}Activities: none$/m);
    // Names, never ids, but the plan's own, to type the next command.
    expect(stdout.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g)).toEqual([id]);
    expect(JSON.parse((await run(database, ['show', id, '--json'])).stdout).id).toBe(id);
  });

  it('says plainly that a plan does not exist, or that an id is not one', async () => {
    const missing = await run(database, ['show', randomUUID()]);
    expect(missing.stderr).toMatch(/^error: There is no such plan/);
    expect(missing.exitCode).toBe(1);
    process.exitCode = undefined;
    await expect(run(database, ['show', 'not-an-id'])).rejects.toThrow(/a plan id/);
  });

  it('prints the dashboard as tables with status words, as of a given day', async () => {
    const { stdout } = await run(database, ['dashboard', id]);
    for (const heading of [
      'Implementation by pillar',
      'Indicators against targets',
      'Overdue measures',
      'Measures with no activity behind them',
      'Funding gaps by pillar',
    ])
      expect(stdout).toContain(`\n${heading}\n`);
    expect(stdout).toMatch(/Train police officers and prosecutors on trafficking cases\s+National .*\s+\d+/);
    expect(stdout).toMatch(
      /Draft the amendment on the non-punishment of victims\s+Regional Legal Aid Centre \(demo\)\s+names no activity/,
    );
    expect(stdout).toMatch(/^Protection and assistance\s+2\s+/m);
    expect(stdout).toMatch(/^All pillars\s+\d+\s+/m);
    expect(stdout).toMatch(/^Prevention\s+USD 60,000.00\s+USD 40,000.00\s+USD 15,000.00\s+USD 20,000.00/m);
    expect(stdout).toMatch(/women and girls/);
    const json = JSON.parse(
      (await run(database, ['dashboard', id, '--as-of', '2000-01-01', '--json'])).stdout,
    );
    expect(json.asOf).toBe('2000-01-01');
    expect(json.overdueMeasures).toEqual([]);
  });

  it('exports results and imports them back; a broken file lists every problem and writes nothing', async () => {
    const file = path.join(dir, 'results.csv');
    const exported = await run(database, ['export', id, '--format', 'csv', '--out', file]);
    expect(exported.stderr).toMatch(/Wrote the results/);
    const csv = await readFile(file, 'utf8');
    const dryRun = JSON.parse((await run(database, ['import', id, file, '--dry-run', '--json'])).stdout);
    // The four measures that have indicators, and their approved actuals.
    expect(dryRun).toMatchObject({ dryRun: true, measures: 4 });
    expect(dryRun.reports).toBeGreaterThanOrEqual(5);

    const [before] = await database.db.select({ version: plans.version }).from(plans).where(eq(plans.id, id));
    const broken = path.join(dir, 'broken.csv');
    const lines = csv.split('\n');
    const measureColumn = lines[0]?.split(',').indexOf('measure_id') ?? -1;
    const measureId = lines[1]?.split(',')[measureColumn] ?? '';
    await writeFile(broken, lines.map((line) => line.replaceAll(measureId, randomUUID())).join('\n'));
    const refused = await run(database, ['import', id, broken]);
    expect(refused.exitCode).toBe(1);
    expect(refused.stdout).toMatch(/^Nothing was imported: \d+ problem\(s\) in “broken.csv”/);
    expect(refused.stdout).toMatch(/where\s+problem/);
    expect(refused.stdout).toMatch(/results\.\d+\s+The result “.*” names no measure of this plan/);
    const [after] = await database.db.select({ version: plans.version }).from(plans).where(eq(plans.id, id));
    expect(after?.version).toBe(before?.version);

    const imported = await run(database, ['import', id, file]);
    expect(imported.stdout).toMatch(
      /^Imported \d+ actual value\(s\) for 5 indicator\(s\) of 4 measure\(s\)\./,
    );
    const shown = await run(database, ['show', id]);
    expect(shown.stdout).toMatch(/reported 120 for .* \(all\): at risk/);
  });

  it('reads the self-checking indicators again, changing nothing the second time', async () => {
    await run(database, ['refresh', id]);
    const again = await run(database, ['refresh', '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ written: 0, withoutFigure: 0 });
    const text = await run(database, ['refresh', id]);
    expect(text.stdout).toMatch(/^Read \d+ actual value\(s\) in 1 plan\(s\): 0 written, \d+ unchanged/);
  });
});
