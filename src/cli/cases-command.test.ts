// `concerted cases screen` in-process: the text and JSON it prints and how it refuses bad files.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { casesCommand } from './cases-command.js';

const example = (name: string) => new URL(`../../docs/screening/examples/${name}`, import.meta.url).pathname;

async function run(args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => stdout.push(String(chunk)) > 0);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => stderr.push(String(chunk)) > 0);
  try {
    await casesCommand().parseAsync(args, { from: 'user' });
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return { stdout: stdout.join(''), stderr: stderr.join(''), exitCode: process.exitCode };
}

describe('concerted cases screen', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'screen-'));
  });
  afterAll(async () => rm(directory, { recursive: true, force: true }));
  afterEach(() => {
    process.exitCode = undefined;
  });

  it('explains a vignette in plain words', async () => {
    const { stdout, exitCode } = await run(['screen', example('smuggling-turned-trafficking.json')]);
    expect(exitCode).toBeUndefined();
    expect(stdout).toContain('Presumed victim of trafficking · Smuggling of migrants indicated');
    expect(stdout).toContain('- Found — purpose of exploitation: sexual exploitation.');
    expect(stdout).toMatch(/\(rules \d{4}\.\d+\)/);
  });

  it('prints JSON for scripts, in the language asked for', async () => {
    const { stdout } = await run([
      'screen',
      example('presumed-trafficking-child.json'),
      '--json',
      '--language',
      'ru',
    ]);
    const result = JSON.parse(stdout);
    expect(result.outcome).toBe('presumed_trafficking');
    expect(result.language).toBe('ru');
    expect(result.reasons.join(' ')).toMatch(/[а-я]/);
  });

  it('lists every problem of a bad file and exits 1', async () => {
    const file = path.join(directory, 'bad.json');
    await writeFile(file, JSON.stringify({ answers: { recruited: 'maybe', kidnapped: 'yes' } }));
    const { stderr, exitCode } = await run(['screen', file]);
    expect(exitCode).toBe(1);
    expect(stderr).toContain('answers.recruited');
    expect(stderr).toContain('answers.kidnapped: "kidnapped" is not a question');
  });

  it('says when the file is not JSON or does not exist', async () => {
    const file = path.join(directory, 'broken.json');
    await writeFile(file, '{"answers": ');
    expect((await run(['screen', file])).stderr).toContain('is not valid JSON');
    process.exitCode = undefined;
    expect((await run(['screen', path.join(directory, 'missing.json')])).stderr).toContain('no such file');
  });
});
