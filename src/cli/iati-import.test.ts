// The official IATI example through `concerted activities import` and the lists a coordinator reviews, on both databases.
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { OFFICIAL_EXAMPLE_PATH } from '../../test/activities/iati-files.js';
import { TEST_ENGINES, type TestDatabase } from '../../test/support/databases.js';
import { activitiesCommand } from './activities-command.js';
import type { OpenDatabase } from './database.js';
import { organisationsCommand } from './organisations-command.js';

async function run(database: TestDatabase, build: (open: OpenDatabase) => Command, args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => stdout.push(String(chunk)) > 0);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => stderr.push(String(chunk)) > 0);
  try {
    await build(async () => ({ ...database, close: async () => {} })).parseAsync(args, { from: 'user' });
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return { stdout: stdout.join(''), stderr: stderr.join(''), exitCode: process.exitCode };
}

describe.each(TEST_ENGINES)('concerted activities import of IATI files on $name', (engine) => {
  let database: TestDatabase;
  let dir: string;
  let example: string;

  beforeAll(async () => {
    database = await engine.open();
    dir = await mkdtemp(path.join(tmpdir(), 'concerted-iati-'));
    example = path.join(dir, 'example.xml');
    await copyFile(OFFICIAL_EXAMPLE_PATH, example);
  });
  afterEach(() => {
    process.exitCode = undefined;
  });
  afterAll(async () => {
    await database?.dispose();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('says what to do when the reporting organisation is unknown, and exits with 1', async () => {
    const result = await run(database, activitiesCommand, ['import', example]);
    expect(result.stdout).toMatch(/^Nothing imported: 1 records/);
    expect(result.stdout).toContain('--register-organisations');
    expect(result.exitCode).toBe(1);
  });

  it('skips the example with its reason when asked for counter-trafficking work only', async () => {
    const result = await run(database, activitiesCommand, [
      'import',
      example,
      '--register-organisations',
      '--only-trafficking',
    ]);
    expect(result.stdout).toMatch(/^Imported: 1 records; 0 new, 0 changed, 0 unchanged; 1 skipped/);
    expect(result.stdout).toMatch(/AA-AAA-123456789-ABC123\s+Nothing in it speaks of trafficking/);
    expect(result.exitCode).toBeUndefined();
  });

  it('imports the example with its organisations registered as provisional, and again creates nothing', async () => {
    const first = await run(database, activitiesCommand, [
      'import',
      example,
      '--register-organisations',
      '--json',
    ]);
    expect(JSON.parse(first.stdout)).toMatchObject({
      committed: true,
      created: 1,
      problemCount: 0,
      unclassified: 1,
    });
    const again = await run(database, activitiesCommand, ['import', example, '--register-organisations']);
    expect(again.stdout).toMatch(
      /^Imported: 1 records; 0 new, 0 changed, 1 unchanged; 1 awaiting classification/,
    );
    expect(again.stdout).not.toContain('registered as provisional');
    expect(again.exitCode).toBeUndefined();
  });

  it('lists the provisional organisations and the activities awaiting classification for a coordinator', async () => {
    const orgs = await run(database, organisationsCommand, ['list', '--provisional']);
    expect(orgs.stdout).toMatch(
      /Name of Agency B\s+international_org\s+BB-BBB-123456789\s+40\s+yes \(cli import example\.xml\)/,
    );
    expect(orgs.stdout.trim().split('\n')).toHaveLength(2 + 3);
    const waiting = await run(database, activitiesCommand, ['list', '--needs-classification']);
    expect(waiting.stdout).toMatch(/AA-AAA-123456789-ABC123\s+Activity title\s+unclassified\s+AFG ATG/);
    const id = (
      JSON.parse((await run(database, organisationsCommand, ['list', '--provisional', '--json'])).stdout) as {
        id: string;
      }[]
    )[0]?.id as string;
    expect((await run(database, organisationsCommand, ['confirm', id])).stdout).toMatch(/^Confirmed /);
    const left = await run(database, organisationsCommand, ['list', '--provisional', '--json']);
    expect(JSON.parse(left.stdout)).toHaveLength(2);
  });

  it('refuses a file nested beyond the depth limit with one line naming the limit', async () => {
    const hostile = path.join(dir, 'deep.xml');
    await writeFile(
      hostile,
      `<iati-activities><iati-activity>${'<a>'.repeat(20_000)}${'</a>'.repeat(20_000)}</iati-activity></iati-activities>`,
    );
    const result = await run(database, activitiesCommand, ['import', hostile]);
    expect(result.stderr).toMatch(
      /^error: The file goes beyond the limit of 64 elements nested inside each other \(maxDepth\) at line 1/,
    );
    expect(result.exitCode).toBe(1);
  });
});
