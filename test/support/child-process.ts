// Commands run as an operator would run them, in a child process that a test can kill (SIGKILL), against
// a database the child reaches through its environment: a PGlite data directory, or a new database on
// the PostgreSQL server of TEST_DATABASE_URL (with a data directory of its own for key files).
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { type DatabaseHandle, openDatabase } from '../../src/platform/db.js';

export const CLI = path.resolve('src/cli/main.ts');

export type KillTarget = {
  /** DATA_DIR (and DATABASE_URL on a server) for the child. */
  env: Record<string, string>;
  dataDir: string;
  open(): Promise<DatabaseHandle>;
  dispose(): Promise<void>;
};

/** A database the child process can reach through its environment, as an operator's would be. */
export async function prepareKillTarget(engine: string): Promise<KillTarget> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'concerted-kill-'));
  if (engine === 'pglite') {
    return {
      env: { DATA_DIR: dataDir },
      dataDir,
      open: () => openDatabase({ dataDir }),
      dispose: () => rm(dataDir, { recursive: true, force: true }),
    };
  }
  const { TEST_DATABASE_URL: adminUrl } = process.env as { TEST_DATABASE_URL: string };
  const name = `concerted_kill_${Math.random().toString(16).slice(2, 10)}`;
  const admin = await openDatabase({ databaseUrl: adminUrl, poolSize: 1 });
  await admin.db.execute(sql.raw(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: url.toString() },
    dataDir,
    open: () => openDatabase({ databaseUrl: url.toString(), poolSize: 2 }),
    async dispose() {
      await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
      await admin.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs a script (by default the `concerted` command) with the target's environment and quiet logs. */
export function runChild(env: Record<string, string>, args: string[], script = CLI): ChildProcess {
  const { DATA_DIR: _d, DATABASE_URL: _u, ...inherited } = process.env;
  return spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    env: { ...inherited, ...env, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export type ChildExit = { code: number | null; signal: string | null; output: string };

/** The child's exit, with stdout and stderr together. */
export async function exitOf(child: ChildProcess): Promise<ChildExit> {
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const [code, signal] = (await once(child, 'exit')) as [number | null, string | null];
  return { code, signal, output };
}

/** Resolves with the child's stdout so far once it contains the text; rejects if the child exits first. */
export function untilOutput(child: ChildProcess, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const onData = (chunk: Buffer) => {
      stdout += chunk;
      if (stdout.includes(text)) {
        child.stdout?.off('data', onData);
        child.off('exit', onExit);
        resolve(stdout);
      }
    };
    const onExit = () => reject(new Error(`the child exited before saying "${text}": ${stdout}${stderr}`));
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    child.once('exit', onExit);
  });
}

/** A small seeded random source (mulberry32), so that a failing run's kill moments can be repeated. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
