// The ceiling the audit chain puts on audited requests: each entry takes the chain's tip under a lock held
// until its transaction has committed, and a commit waits for the write-ahead log to reach the disk, so
// appends follow one another at most once per log flush. Measured with pgbench on a scratch database:
// appends made as the chain makes them, and the same inserts without the chain (group commit at work),
// beside the disk's flush latency from pg_test_fsync. As in the application, the append and the COMMIT
// travel in one message (pgbench's \\;), so the lock is never held while a client is away.
//
//   npm run bench:audit -- [--clients 64] [--seconds 10]
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { runOnServer } from '../../src/platform/db.js';

const run = promisify(execFile);

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '64' },
    seconds: { type: 'string', default: '10' },
    url: {
      type: 'string',
      default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    },
  },
});

const SCHEMA = `
create table chain (seq bigint primary key, prev_hash text not null, hash text not null, details jsonb);
create table unchained (id bigserial primary key, details jsonb);
create function chain_tip(out tip_seq bigint, out tip_hash text) language plpgsql as $$
begin
  perform pg_advisory_xact_lock(7250302);
  select c.seq, c.hash into tip_seq, tip_hash from chain c order by c.seq desc limit 1;
  if not found then tip_seq := 0; tip_hash := repeat('0', 64); end if;
end $$;`;

const CHAINED = `begin;
with tip as (select * from chain_tip())
insert into chain select tip_seq + 1, tip_hash, encode(sha256(convert_to(tip_hash || 'entry', 'UTF8')), 'hex'), '{"action":"persons.read"}' from tip \\;
commit;`;

const UNCHAINED = `begin;
insert into unchained (details) values ('{"action":"persons.read"}') \\;
commit;`;

async function binary(name: string): Promise<string> {
  for (const candidate of [name, `/usr/lib/postgresql/15/bin/${name}`]) {
    try {
      await run(candidate, ['--version']);
      return candidate;
    } catch {}
  }
  throw new Error(`${name} is not installed (it comes with the PostgreSQL server packages)`);
}

async function tps(
  pgbench: string,
  url: string,
  script: string,
  clients: number,
  seconds: number,
): Promise<number> {
  const dir = await mkdtemp(path.join(tmpdir(), 'concerted-audit-bench-'));
  try {
    const file = path.join(dir, 'script.sql');
    await writeFile(file, script);
    const threads = String(Math.min(clients, 2));
    const { stdout } = await run(pgbench, [
      '-n',
      '-f',
      file,
      '-c',
      String(clients),
      '-j',
      threads,
      '-T',
      String(seconds),
      url,
    ]);
    return Number(/tps = ([\d.]+)/.exec(stdout)?.[1] ?? Number.NaN);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** fdatasync's latency on the server's data directory, when pg_test_fsync and the directory are reachable. */
async function flushLatencyMs(): Promise<number | null> {
  try {
    const probe = path.join('/var/lib/postgresql/15/main', `flush_probe_${randomBytes(4).toString('hex')}`);
    const { stdout } = await run(await binary('pg_test_fsync'), ['-s', '2', '-f', probe]);
    await rm(probe, { force: true });
    const match = /fdatasync\s+[\d.]+ ops\/sec\s+(\d+) usecs\/op/.exec(stdout);
    return match ? Number(match[1]) / 1000 : null;
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const clients = Number(values.clients);
  const seconds = Number(values.seconds);
  const pgbench = await binary('pgbench');
  const name = `concerted_bench_audit_${randomBytes(6).toString('hex')}`;
  const url = new URL(values.url);
  url.pathname = `/${name}`;
  await runOnServer(values.url, `create database ${name}`);
  try {
    await runOnServer(url.toString(), SCHEMA);
    const load = readFileSync('/proc/loadavg', 'utf8').trim();
    const chained = await tps(pgbench, url.toString(), CHAINED, clients, seconds);
    const unchained = await tps(pgbench, url.toString(), UNCHAINED, clients, seconds);
    const flush = await flushLatencyMs();
    const line = (label: string, value: string) => process.stdout.write(`  ${label.padEnd(44)} ${value}\n`);
    process.stdout.write(
      `Audit chain ceiling: ${clients} clients, ${seconds} s each (load average ${load})\n`,
    );
    line('chained appends (lock held through commit)', `${Math.round(chained).toLocaleString('en')} /s`);
    line('the same inserts without the chain', `${Math.round(unchained).toLocaleString('en')} /s`);
    line('ratio chained / unchained', (chained / unchained).toFixed(3));
    if (flush !== null) {
      line('fdatasync latency (pg_test_fsync)', `${flush.toFixed(2)} ms`);
      line('one append per flush would be', `${Math.round(1000 / flush).toLocaleString('en')} /s`);
    }
    line('audited commits the case targets need', '2,300 /s (1,500 person reads + 800 writes)');
  } finally {
    await runOnServer(values.url, `drop database if exists ${name} with (force)`);
  }
}

await main();
