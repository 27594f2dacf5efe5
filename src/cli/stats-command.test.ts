// `concerted stats …` run in-process against a test database: import report, queries, releases.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { GLOTIP_REPORT_BODY, MAPPED_CSV, MAPPING } from '../../test/statistics/fixtures.js';
import { GLOTIP_FIXTURE, glotipCsv } from '../../test/statistics/publisher-files.js';
import { TEST_ENGINES, type TestDatabase } from '../../test/support/databases.js';
import { statsCommand } from './stats-command.js';

async function run(database: TestDatabase, args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => stdout.push(String(chunk)) > 0);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => stderr.push(String(chunk)) > 0);
  try {
    await statsCommand(async () => ({ ...database, close: async () => {} })).parseAsync(args, {
      from: 'user',
    });
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return { stdout: stdout.join(''), stderr: stderr.join(''), exitCode: process.exitCode };
}

describe.each(TEST_ENGINES)('concerted stats on $name', (engine) => {
  let database: TestDatabase;
  let dir: string;
  const file = (name: string) => path.join(dir, name);

  beforeAll(async () => {
    database = await engine.open();
    dir = await mkdtemp(path.join(tmpdir(), 'concerted-stats-'));
    await writeFile(file('data_glotip.csv'), glotipCsv(GLOTIP_FIXTURE));
    await writeFile(file('kenya.csv'), MAPPED_CSV);
    await writeFile(file('kenya.mapping.json'), JSON.stringify(MAPPING));
  });
  afterEach(() => {
    process.exitCode = undefined;
  });
  afterAll(async () => {
    await database?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the exact import report as JSON, and nothing is written on a dry run', async () => {
    const dry = await run(database, [
      'import',
      file('data_glotip.csv'),
      '--source',
      'glotip',
      '--dry-run',
      '--json',
    ]);
    expect(JSON.parse(dry.stdout)).toMatchObject({ isDryRun: true, imported: 26 });
    expect((await run(database, ['releases', '--json'])).stdout).toBe('{\n  "data": []\n}\n');
    const real = await run(database, [
      'import',
      file('data_glotip.csv'),
      '--source',
      'glotip',
      '--published',
      '2024-12-11',
      '--json',
    ]);
    expect(JSON.parse(real.stdout)).toEqual({
      ...GLOTIP_REPORT_BODY,
      release: { id: expect.any(String), label: 'data_glotip', isReplacement: false },
      file: { name: 'data_glotip.csv', format: 'csv' },
      isDryRun: false,
      replaced: 0,
      blankRows: 1,
    });
    expect(real.exitCode).toBeUndefined();
  });

  it('tells a person what was imported and what was rejected, row by row', async () => {
    const result = await run(database, ['import', file('data_glotip.csv'), '--source', 'glotip']);
    expect(result.stdout).toMatch(
      /^Imported 26 observations from data_glotip.csv, replacing the earlier import of glotip release "data_glotip" in [\d.]+ s\.\n/,
    );
    expect(result.stdout).toContain(
      'Read 31 data rows below the header in row 4 (3 preamble rows, 1 blank); rejected 4.',
    );
    expect(result.stdout).toContain('Kept apart as published: 1 rows repeating an earlier row');
    expect(result.stdout).toMatch(/32\s+Iso3_code\s+XYZ\s+unknown country code "XYZ" \(Nowhere\)/);
    expect(result.stdout).toMatch(
      /by form of exploitation\s+form_of_exploitation\s+5\s+3\s+Baby selling \(1\)/,
    );
  });

  it('shows a summary and the first rejected rows of a file with many bad rows, while --json keeps every one', async () => {
    const bad = Array.from({ length: 250 }, (_, i) => ({
      iso3: 'KEN',
      country: 'Kenya',
      indicator: 'Detected trafficking victims',
      year: 1000 + i,
      value: '5',
    }));
    await writeFile(file('bad.csv'), glotipCsv([...GLOTIP_FIXTURE, ...bad]));
    const text = await run(database, ['import', file('bad.csv'), '--source', 'glotip', '--dry-run']);
    expect(text.stdout).toContain(
      'Rejected 254 rows (251 for Year, 2 for txtVALUE, 1 for Iso3_code); the first 10:',
    );
    expect(text.stdout).toContain('… and 244 more: --json prints every one.');
    expect(text.stdout.split('\n').length).toBeLessThan(60);
    const json = await run(database, [
      'import',
      file('bad.csv'),
      '--source',
      'glotip',
      '--dry-run',
      '--json',
    ]);
    expect(JSON.parse(json.stdout).rejections).toHaveLength(254);
  });

  it('queries by indicator, country, year and breakdown, as JSON or a table', async () => {
    const json = await run(database, [
      'query',
      '--indicator',
      'Detected trafficking victims',
      '--country',
      'KEN',
      '--year',
      '2020',
      '--by',
      'sex',
      '--json',
    ]);
    expect(JSON.parse(json.stdout).rows.map((r: { sex: string; value: number }) => [r.sex, r.value])).toEqual(
      [
        ['Female', 80],
        ['Male', 40],
      ],
    );
    const table = await run(database, [
      'query',
      '--indicator',
      'Detected trafficking victims',
      '--region',
      '001',
      '--year',
      '2020',
      '--by',
      'sex',
    ]);
    expect(table.stdout).toContain('Detected trafficking victims — glotip release "data_glotip"');
    expect(table.stdout).toMatch(/2020\s+001\s+Female\s+Total\s+Total\s+Counts\s+80–84\s+yes\s+2/);
    expect(table.stdout).toMatch(/001 2020: 3 of \d+ countries gave figures; missing: /);
    const shares = await run(database, [
      'shares',
      '--indicator',
      'Detected trafficking victims',
      '--country',
      'KEN',
      '--year',
      '2020',
      '--of',
      'sex',
    ]);
    expect(shares.stdout).toMatch(/2020\s+KEN\s+Female\s+80\s+120\s+66.7 %/);
  });

  it('imports a mapped CSV and lists releases; a bad option exits with 1 and says why', async () => {
    const mapped = await run(database, [
      'import',
      file('kenya.csv'),
      '--source',
      'csv',
      '--mapping',
      file('kenya.mapping.json'),
      '--json',
    ]);
    expect(JSON.parse(mapped.stdout)).toMatchObject({ source: 'ministry-kenya', imported: 3, rejected: 1 });
    const releases = await run(database, ['releases']);
    expect(releases.stdout).toMatch(/glotip\s+data_glotip\s+2024-12-11\s+yes\s+26/);
    const bad = await run(database, [
      'query',
      '--indicator',
      'Detected trafficking victims',
      '--by',
      'colour',
    ]);
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toMatch(/^error: This indicator has no dimension "colour"/);
    const missing = await run(database, ['import', file('kenya.csv'), '--source', 'csv']);
    expect(missing.stderr).toBe('error: A csv import needs a mapping file (--mapping).\n');
  });
});
