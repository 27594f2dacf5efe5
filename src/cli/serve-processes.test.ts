// `concerted serve --processes N` on PostgreSQL: N serving processes share the port, one that dies is
// started again while the others go on answering, and a stop signal ends them all. On the embedded
// database it is refused with a reason.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOnServer } from '../platform/db.js';

const MAIN = path.resolve(import.meta.dirname, 'main.ts');
const serverUrl = process.env.TEST_DATABASE_URL;

type Run = { child: ChildProcess; output: () => string; exit: Promise<number | null> };

/** In a process group of its own, as in a terminal: a signal to the group reaches every process. */
function serve(args: string[], env: Record<string, string>): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'serve', '--no-demo', ...args], {
    env: { ...process.env, LOG_LEVEL: 'silent', HOST: '127.0.0.1', PORT: '0', ...env },
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (data) => {
    output += data;
  });
  child.stderr.on('data', (data) => {
    output += data;
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exit };
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, seconds = 150): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`waited in vain for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The serving processes whose parent is `pid`, from /proc (a TypeScript loader's helper is left out). */
async function childrenOf(pid: number): Promise<number[]> {
  const text = await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => '');
  const children = text.trim().split(/\s+/).filter(Boolean).map(Number);
  const serving: number[] = [];
  for (const child of children) {
    const command = await readFile(`/proc/${child}/cmdline`, 'utf8').catch(() => '');
    if (command.includes(MAIN)) serving.push(child);
  }
  return serving;
}

/**
 * The status of one request on a connection of its own (a kept-alive one could lead to a killed
 * process), or 0 when none came within 20 s.
 */
function answers(url: string): Promise<number> {
  return new Promise((resolve) => {
    const request = get(`${url}/api/v1/organisations/`, { agent: false, timeout: 20_000 }, (reply) => {
      reply.resume();
      reply.on('end', () => resolve(reply.statusCode ?? 0));
    });
    request.on('error', () => resolve(0));
    request.on('timeout', () => request.destroy());
  });
}

describe('concerted serve --processes', () => {
  let dataDir: string;
  const name = `concerted_serve_processes_${randomBytes(4).toString('hex')}`;
  let databaseUrl: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'serve-processes-'));
    if (!serverUrl) return;
    await runOnServer(serverUrl, `create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
    if (serverUrl) await runOnServer(serverUrl, `drop database if exists ${name} with (force)`);
  });

  it('refuses several processes on the embedded database and says why', async () => {
    const run = serve(['--processes', '2'], { DATA_DIR: dataDir, DATABASE_URL: '' });
    expect(await run.exit).toBe(1);
    expect(run.output()).toMatch(/2 serving processes need PostgreSQL \(set DATABASE_URL\)/);
  }, 60_000);

  it('refuses a count that is not a whole number', async () => {
    const run = serve(['--processes', 'two'], { DATA_DIR: dataDir });
    expect(await run.exit).not.toBe(0);
    expect(run.output()).toMatch(/whole number of processes from 1 to 64/);
  }, 60_000);

  describe.skipIf(!serverUrl)('on PostgreSQL', () => {
    it('serves from every process, starts a killed one again, and stops them all on SIGTERM', async () => {
      const run = serve(['--processes', '2'], { DATA_DIR: dataDir, DATABASE_URL: databaseUrl });
      try {
        const url = await until('the server to run', async () => {
          if (run.child.exitCode !== null) throw new Error(`serve stopped: ${run.output()}`);
          return /Concerted is running at (\S+) .*2 processes/.exec(run.output())?.[1];
        });
        const pid = Number(run.child.pid);
        const first = await childrenOf(pid);
        expect(first).toHaveLength(2);
        for (let i = 0; i < 6; i++) expect(await answers(url)).toBe(200);

        process.kill(first[0] as number, 'SIGKILL');
        const stopped = `serving process ${first[0]} stopped (SIGKILL); starting another`;
        await until('the death to be noticed', async () =>
          run.output().includes(stopped) ? true : undefined,
        );
        // The other process goes on answering while the killed one is started again.
        for (let i = 0; i < 6; i++) expect(await answers(url)).toBe(200);
        const again = await until('a process started in place of the killed one', async () => {
          const now = await childrenOf(pid);
          return now.length === 2 && !now.includes(first[0] as number) ? now : undefined;
        });
        expect(again).toContain(first[1]);
        for (let i = 0; i < 6; i++) expect(await answers(url)).toBe(200);

        run.child.kill('SIGTERM');
        expect(await run.exit).toBe(0);
        await until('every serving process to end', async () =>
          again.every((child) => !existsSync(`/proc/${child}`)) ? true : undefined,
        );
        expect(await answers(url)).toBe(0);
      } finally {
        if (run.child.exitCode === null) run.child.kill('SIGKILL');
      }
    }, 240_000);

    it('stops every process cleanly on Ctrl+C, which a terminal sends to all of them', async () => {
      const run = serve(['--processes', '2'], { DATA_DIR: dataDir, DATABASE_URL: databaseUrl });
      try {
        await until('the server to run', async () => {
          if (run.child.exitCode !== null) throw new Error(`serve stopped: ${run.output()}`);
          return /Concerted is running at .*2 processes/.test(run.output()) ? true : undefined;
        });
        const serving = await childrenOf(Number(run.child.pid));
        expect(serving).toHaveLength(2);
        process.kill(-Number(run.child.pid), 'SIGINT');
        // Exit status 0 only if every serving process finished its requests and closed its database.
        expect(await run.exit).toBe(0);
        expect(run.output().match(/SIGINT received: finishing requests/g)).toHaveLength(2);
      } finally {
        if (run.child.exitCode === null) process.kill(-Number(run.child.pid), 'SIGKILL');
      }
    }, 240_000);
  });
});
