// Raw PostgreSQL on the same machine in the same run, as the yardstick of the case figures: pgbench's
// select-only and simple-update scripts on a scratch database, with every transaction's latency logged
// so that p50 and p99 compare with the application's.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { runOnServer } from '../../src/platform/db.js';
import { Recorder, type Summary } from './load.js';

const run = promisify(execFile);

export type PgbenchFigures = { selectOnly: Summary; simpleUpdate: Summary; scale: number; command: string };

/** Where pgbench is: on PATH, or in Debian's versioned directory of the PostgreSQL 15 packages. */
async function pgbenchBinary(): Promise<string> {
  for (const candidate of ['pgbench', '/usr/lib/postgresql/15/bin/pgbench']) {
    try {
      await run(candidate, ['--version']);
      return candidate;
    } catch {}
  }
  throw new Error('pgbench is not installed (it comes with the PostgreSQL server packages)');
}

/** Per-transaction log lines: client, transaction, latency in µs, script, epoch seconds, µs. */
async function latencies(directory: string, seconds: number): Promise<Summary> {
  const recorder = new Recorder();
  for (const file of await readdir(directory)) {
    const text = await readFile(path.join(directory, file), 'utf8');
    for (const line of text.split('\n')) {
      const latency = Number(line.split(' ')[2]);
      if (line && Number.isFinite(latency)) recorder.record(latency / 1000);
    }
  }
  return recorder.summary(seconds);
}

export async function runPgbench(
  adminUrl: string,
  clients: number,
  seconds: number,
): Promise<PgbenchFigures> {
  const binary = await pgbenchBinary();
  const name = `concerted_bench_pgbench_${randomBytes(6).toString('hex')}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const scale = 10;
  await runOnServer(adminUrl, `create database ${name}`);
  try {
    await run(binary, ['-i', '-q', '-s', String(scale), url.toString()]);
    const measure = async (script: string[]) => {
      const logs = await mkdtemp(path.join(tmpdir(), 'concerted-pgbench-'));
      try {
        const threads = String(Math.min(clients, 2));
        const args = [...script, '-c', String(clients), '-j', threads, '-T', String(seconds)];
        await run(binary, [...args, '--log', `--log-prefix=${path.join(logs, 'tx')}`, url.toString()]);
        return await latencies(logs, seconds);
      } finally {
        await rm(logs, { recursive: true, force: true });
      }
    };
    return {
      selectOnly: await measure(['-S']),
      simpleUpdate: await measure(['-b', 'simple-update']),
      scale,
      command: `pgbench -i -s ${scale}; pgbench -S | -b simple-update -c ${clients} -j ${Math.min(clients, 2)} -T ${seconds}`,
    };
  } finally {
    await runOnServer(adminUrl, `drop database if exists ${name} with (force)`);
  }
}
