// `concerted activities import|export` and `concerted coverage`, run in-process against a test database.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CSV_WITH_ERRORS, CSV_WITH_HXL, registerTestPartners } from '../../test/activities/fixtures.js';
import { TEST_ENGINES, type TestDatabase } from '../../test/support/databases.js';
import { activitiesCommand } from './activities-command.js';
import { coverageCommand } from './coverage-command.js';

async function run(
  database: TestDatabase,
  build: typeof activitiesCommand | typeof coverageCommand,
  args: string[],
) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => stdout.push(String(chunk)) > 0);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => stderr.push(String(chunk)) > 0);
  try {
    const command: Command = build(async () => ({ ...database, close: async () => {} }));
    await command.parseAsync(args, { from: 'user' });
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return { stdout: stdout.join(''), stderr: stderr.join(''), exitCode: process.exitCode };
}

describe.each(TEST_ENGINES)('concerted activities and coverage on $name', (engine) => {
  let database: TestDatabase;
  let dir: string;

  beforeAll(async () => {
    database = await engine.open();
    await registerTestPartners(database.db);
    dir = await mkdtemp(path.join(tmpdir(), 'concerted-cli-'));
    await writeFile(path.join(dir, 'good.csv'), CSV_WITH_HXL);
    await writeFile(path.join(dir, 'bad.csv'), CSV_WITH_ERRORS);
  });
  afterEach(() => {
    process.exitCode = undefined;
  });
  afterAll(async () => {
    await database?.dispose();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('lists the problems of a dry run by row and column and exits with 1', async () => {
    const result = await run(database, activitiesCommand, ['import', path.join(dir, 'bad.csv'), '--dry-run']);
    expect(result.stdout).toMatch(/^Dry run: 4 records/);
    expect(result.stdout).toMatch(/row\s+column\s+identifier\s+problem/);
    expect(result.stdout).toMatch(/3\s+activity_type\s+T-010\s+"shelterz" is not a code/);
    expect(result.exitCode).toBe(1);
  });

  it('imports, then imports again without duplicates, as JSON', async () => {
    const first = JSON.parse(
      (await run(database, activitiesCommand, ['import', path.join(dir, 'good.csv'), '--json'])).stdout,
    );
    expect(first).toMatchObject({ committed: true, created: 3 });
    const again = JSON.parse(
      (await run(database, activitiesCommand, ['import', path.join(dir, 'good.csv'), '--json'])).stdout,
    );
    expect(again).toMatchObject({ committed: true, created: 0, unchanged: 3 });
  });

  it('exports to a file in each format, and the file imports back unchanged', async () => {
    for (const [format, name] of [
      ['xlsx', 'out.xlsx'],
      ['iati', 'out.xml'],
      ['hxl', 'out.csv'],
    ] as const) {
      const file = path.join(dir, name);
      const exported = await run(database, activitiesCommand, [
        'export',
        '--format',
        format,
        '--output',
        file,
      ]);
      expect(exported.stderr).toContain('Wrote 3 activities');
      const back = JSON.parse((await run(database, activitiesCommand, ['import', file, '--json'])).stdout);
      expect(back).toMatchObject({ committed: true, created: 0, updated: 0, unchanged: 3 });
    }
    expect((await readFile(path.join(dir, 'out.csv'), 'utf8')).split('\n')[1]).toMatch(/^#activity\+code,/);
  });

  it('prints the coverage report as JSON, text and CSV', async () => {
    const json = JSON.parse(
      (
        await run(database, coverageCommand, [
          '--country',
          'KEN',
          '--from',
          '2026-01-01',
          '--to',
          '2026-12-31',
          '--json',
        ])
      ).stdout,
    );
    expect(json.matrix.cells.count).toBeGreaterThan(0);
    expect(json.findings.gaps.map((g: { rule: string }) => g.rule)).toContain('pillar_absent');
    const text = await run(database, coverageCommand, ['--from', '2026-01-01', '--to', '2026-12-31']);
    expect(text.stdout).toMatch(/^Coverage 2026-01-01 to 2026-12-31: \d+ cells, \d+ gaps, \d+ overlaps/);
    expect(text.stdout).toContain('Rule origin_without_destination');
    const csv = await run(database, coverageCommand, ['--csv', 'matrix']);
    expect(csv.stdout.split('\n')[0]).toMatch(/^iso3,pillar,activity_type/);
  });

  it('explains an option it cannot use', async () => {
    const result = await run(database, coverageCommand, ['--from', '2026-13-01']);
    expect(result.stderr).toMatch(/^error: --from: /);
    expect(result.exitCode).toBe(1);
  });
});
