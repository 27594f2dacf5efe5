// `concerted release risk|aggregate|synthesize` run in-process on generated files: the figures for scripts,
// the released CSV and its report written whole, the same seed giving the same file, and a bad request
// leaving no output file behind.
import { createHash } from 'node:crypto';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { releaseCommand } from './release-command.js';

async function run(args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => stdout.push(String(chunk)) > 0);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => stderr.push(String(chunk)) > 0);
  try {
    await releaseCommand().parseAsync(args, { from: 'user' });
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return { stdout: stdout.join(''), stderr: stderr.join(''), exitCode: process.exitCode };
}

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

/** Invented records in a publisher's style: -99 where nothing was recorded. */
function generatedCsv(rows: number): string {
  const lines = ['gender,ageBroad,citizenship,typeOfLabour'];
  const countries = ['NPL', 'NPL', 'KEN', 'UGA', 'PHL'];
  for (let row = 0; row < rows; row++)
    lines.push(
      [
        row % 3 ? 'Female' : 'Male',
        ['18--20', '21--23', '9--17'][row % 3],
        countries[(row * 7) % 5],
        row % 4 ? '-99' : 'Domestic work',
      ].join(','),
    );
  return `${lines.join('\n')}\n`;
}

describe('concerted release', () => {
  let dir: string;
  let input: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'concerted-release-'));
    input = path.join(dir, 'records.csv');
    await writeFile(input, generatedCsv(2000));
  });
  afterEach(() => {
    process.exitCode = undefined;
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the disclosure risk of the quasi-identifiers as JSON', async () => {
    const { stdout, exitCode } = await run([
      'risk',
      '--in',
      input,
      '--quasi',
      'gender,ageBroad,citizenship',
      '--json',
    ]);
    expect(exitCode).toBeUndefined();
    const report = JSON.parse(stdout);
    expect(report.recordCount).toBe(2000);
    expect(report.quasiIdentifiers).toEqual(['gender', 'ageBroad', 'citizenship']);
  });

  it('synthesizes k-anonymous data and its report, the same file again from the same seed', async () => {
    const out = path.join(dir, 'synthetic.csv');
    const args = [
      'synthesize',
      '--in',
      input,
      '--out',
      out,
      '--missing',
      '-99',
      '--k',
      '10',
      '--seed',
      's1',
      '--json',
    ];
    const first = await run(args);
    expect(first.exitCode, first.stderr).toBeUndefined();
    const summary = JSON.parse(first.stdout);
    const written = await readFile(out);
    expect(createHash('sha256').update(written).digest('hex')).toBe(summary.outputChecksum);
    expect(summary.privacy.k).toBeGreaterThanOrEqual(10);
    expect(await readFile(summary.report, 'utf8')).toContain('<h1>');
    expect(written.toString('utf8')).not.toContain('-99');
    await run(args);
    expect(
      createHash('sha256')
        .update(await readFile(out))
        .digest('hex'),
    ).toBe(summary.outputChecksum);
  });

  it('writes a count table with its small cells hidden', async () => {
    const out = path.join(dir, 'table.csv');
    const { exitCode, stderr } = await run([
      'aggregate',
      '--in',
      input,
      '--dimensions',
      'citizenship,ageBroad',
      '--threshold',
      '150',
      '--out',
      out,
    ]);
    expect(exitCode, stderr).toBeUndefined();
    const lines = (await readFile(out, 'utf8')).trim().split('\n');
    expect(lines[0]).toBe('citizenship,ageBroad,count,status');
    expect(lines.some((line) => line.endsWith(',hidden'))).toBe(true);
  });

  it('says what is wrong and writes nothing when a column is not in the file', async () => {
    const out = path.join(dir, 'never.csv');
    const { exitCode, stderr } = await run([
      'synthesize',
      '--in',
      input,
      '--out',
      out,
      '--quasi',
      'nationality',
    ]);
    expect(exitCode).toBe(1);
    expect(stderr).toMatch(/nationality/);
    expect(await exists(out)).toBe(false);
  });
});
