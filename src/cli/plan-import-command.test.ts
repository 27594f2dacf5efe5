// `concerted plans import-plan` run in-process on the demo database: a dry run shows the plan an invented IATI
// file would become, in names, with what is still to map; a mapping left open or naming nothing refuses the
// whole file; options or a mapping file complete it, and the plan is created with its audit entry.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { inventedIatiPlanFile } from '../../test/plans/plan-import.fixtures.js';
import { TEST_ENGINES, type TestDatabase } from '../../test/support/databases.js';
import { auditEntries } from '../audit/schema.js';
import { plans } from '../plans/schema.js';
import { Sealer } from '../platform/crypto.js';
import { seedDatabase } from '../server/seed.js';
import { plansCommand } from './plans-command.js';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
const Y = new Date().getUTCFullYear() - 1;

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
    await command.parseAsync(['import-plan', ...args], { from: 'user' });
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return { stdout: stdout.join(''), stderr: stderr.join(''), exitCode: process.exitCode };
}

describe.each(TEST_ENGINES)('concerted plans import-plan on $name', (engine) => {
  let database: TestDatabase;
  let dir: string;
  let file: string;
  const planCount = async () => (await database.db.select({ id: plans.id }).from(plans)).length;

  beforeAll(async () => {
    const copy = await engine.openWithDemo();
    database = copy?.database ?? (await engine.open());
    if (!copy) await seedDatabase(database.db, { demo: true, sealer: new Sealer(randomBytes(32)) });
    dir = await mkdtemp(path.join(tmpdir(), 'concerted-plan-import-'));
    file = path.join(dir, 'example-results.xml');
    await writeFile(file, inventedIatiPlanFile(Y));
  });
  afterEach(() => {
    process.exitCode = undefined;
  });
  afterAll(async () => {
    await database?.dispose();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('shows in a dry run the plan the file would become, in names, and what is still to map', async () => {
    const before = await planCount();
    const { stdout, exitCode } = await run(database, [
      file,
      '--dry-run',
      '--pillar',
      'Traffickers are brought to justice=prosecution',
    ]);
    expect(exitCode).toBeUndefined();
    expect(stdout).toMatch(/^Dry run: “example-results.xml” would become this plan; nothing was written\./);
    expect(stdout).toMatch(/^National plan for Kenya, \d{4}-01-01 – \d{4}-12-31$/m);
    expect(stdout).toMatch(/^Coordinated by \(not chosen yet\)$/m);
    expect(stdout).toMatch(/^Pillar not chosen yet: Victims find safe accommodation$/m);
    expect(stdout).toMatch(/^Prosecution: Traffickers are brought to justice$/m);
    expect(stdout).toMatch(/owner Safe Harbour Shelter Network \(demo\)/);
    expect(stdout).toMatch(/owner not chosen yet \(the file names “Court Watch Collective”\)/);
    expect(stdout).toMatch(/actual 81 for all, \d{4}-07-01 – \d{4}-12-31, on track/);
    expect(stdout).toMatch(/Still to map:\n {2}- Choose the organisation that coordinates the plan/);
    expect(stdout).not.toMatch(UUID);
    const json = JSON.parse((await run(database, [file, '--dry-run', '--json'])).stdout);
    expect(json.needs.map((need: { path: string }) => need.path)).toContain('mapping.objectives.0.pillar');
    expect(await planCount()).toBe(before);
  });

  it('refuses the whole file when the mapping is left open or an option names nothing', async () => {
    const before = await planCount();
    const open = await run(database, [file, '--coordinator', 'NACO']);
    expect(open.exitCode).toBe(1);
    expect(open.stdout).toMatch(
      /^Nothing was imported: 3 problem\(s\) with “example-results.xml” or its mapping/,
    );
    expect(open.stdout).toMatch(
      /mapping\.objectives\.1\.measures\.0\.ownerOrganisationId\s+Choose the organisation that owns the measure “Court monitoring”/,
    );
    process.exitCode = undefined;
    const unknown = await run(database, [
      file,
      '--coordinator',
      'Nobody we know',
      '--pillar',
      'No such objective=protection',
    ]);
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stdout).toMatch(/--coordinator\s+No registered organisation is named “Nobody we know”/);
    expect(unknown.stdout).toMatch(
      /--pillar\s+No objective of the file is titled “No such objective”; its objectives are “Victims find safe accommodation”, “Traffickers are brought to justice”/,
    );
    expect(await planCount()).toBe(before);
  });

  it('creates the plan from options and a mapping file, with its audit entry', async () => {
    const dryRun = JSON.parse((await run(database, [file, '--dry-run', '--json'])).stdout);
    dryRun.mapping.objectives[0].pillar = 'protection';
    const mappingFile = path.join(dir, 'mapping.json');
    await writeFile(mappingFile, JSON.stringify(dryRun));
    const created = await run(database, [
      file,
      '--mapping',
      mappingFile,
      '--coordinator',
      'National Anti-Trafficking Coordination Office (demo)',
      '--pillar',
      'Traffickers are brought to justice=prosecution',
      '--owner',
      'Court monitoring=RLAC',
      '--title',
      'Plan from the donor network’s results',
    ]);
    expect(created.stderr).toBe('');
    expect(created.stdout).toMatch(
      /^Created the plan “Plan from the donor network’s results” \(id .*\): 2 objective\(s\), 2 measure\(s\), 2 indicator\(s\), 3 approved actual value\(s\)\./,
    );
    const id = created.stdout.match(UUID)?.[0] ?? '';
    const [plan] = await database.db
      .select({ title: plans.title, countries: plans.countries })
      .from(plans)
      .where(eq(plans.id, id));
    expect(plan).toEqual({ title: 'Plan from the donor network’s results', countries: ['KEN'] });
    const audit = await database.db
      .select({ via: auditEntries.actorVia, details: auditEntries.details })
      .from(auditEntries)
      .where(and(eq(auditEntries.resourceId, id), eq(auditEntries.action, 'plans.write')));
    expect(audit).toEqual([{ via: 'cli', details: { planImport: 'iati', actuals: 3 } }]);
  });
});
