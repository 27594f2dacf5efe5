// Benchmark of the case read and write path on PostgreSQL, with everything that protects victims on:
// sealed person records, row-level security, the audit chain, sessions with a second factor. Through the
// real app listening on a port: (a) a closed loop of --clients clients, reads then writes, for the most
// each gets (targets >= 3,000 reads/s and >= 800 writes/s); (b) an open loop at a fixed 1,000 reads/s plus
// 300 writes/s, latency from the due time (target p99 <= 50 ms). Beside them, raw PostgreSQL with pgbench
// on the same machine in the same run, and the ratio of each figure to it.
// Run: npm run bench:cases [-- --seconds 10 --clients 64 --cases 10000 --json --profile]
// BENCH_DATABASE_URL names the server (postgres://postgres@127.0.0.1:5432/test by default); the bench
// creates its own databases beside that one and drops them at the end.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { runOnServer } from '../../src/platform/db.js';
import { closedLoop, HttpClient, openLoop, Recorder, type Summary } from './load.js';
import { type PgbenchFigures, runPgbench } from './pgbench.js';
import {
  type BenchCase,
  openCases,
  patchCase,
  readCase,
  readPerson,
  recordConsent,
  type Session,
  signIn,
} from './workload.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    clients: { type: 'string', default: '64' },
    cases: { type: 'string', default: '10000' },
    'read-rate': { type: 'string', default: '1000' },
    'write-rate': { type: 'string', default: '300' },
    json: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    'no-pgbench': { type: 'boolean', default: false },
    phases: { type: 'string', default: 'reads,writes,open' },
    pool: { type: 'string' },
    processes: { type: 'string', default: '1' },
  },
});
const SECONDS = Number(values.seconds);
const CLIENTS = Number(values.clients);
const CASE_COUNT = Number(values.cases);
const READ_RATE = Number(values['read-rate']);
const WRITE_RATE = Number(values['write-rate']);
const TARGETS = { readsPerSecond: 3000, writesPerSecond: 800, openLoopP99Ms: 50 };
const PHASES = new Set(values.phases.split(','));
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const say = (line: string) => {
  if (!values.json) process.stdout.write(`${line}\n`);
};
const note = (line: string) => process.stderr.write(`${line}\n`);

type Server = {
  port: number;
  child: ChildProcess;
  profileDir: string | null;
  /** The serving process, or the first one and those it started. */
  pids: () => Promise<number[]>;
  remove: () => Promise<void>;
};

/**
 * `concerted serve` itself, on a new database beside BENCH_DATABASE_URL with a data directory (master
 * keys, audit signing key) of its own, the demo dataset loaded, on a free port.
 */
async function startServer(): Promise<Server> {
  const profileDir = values.profile ? await mkdtemp(path.join(tmpdir(), 'concerted-bench-cases-')) : null;
  const profiling = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
  const name = `concerted_bench_cases_${randomBytes(6).toString('hex')}`;
  await runOnServer(ADMIN_URL, `create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const dataDir = await mkdtemp(path.join(tmpdir(), 'concerted-bench-data-'));
  const child = spawn(process.execPath, [...profiling, '--import', 'tsx', 'src/cli/main.ts', 'serve'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: url.toString(),
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'silent',
      AUDIT_CHECKPOINT_MINUTES: '0',
      SERVER_PROCESSES: values.processes,
      ...(values.pool ? { DATABASE_POOL_SIZE: values.pool } : {}),
    },
  });
  const remove = async () => {
    await runOnServer(ADMIN_URL, `drop database if exists ${name} with (force)`);
    await rm(dataDir, { recursive: true, force: true });
  };
  const pid = Number(child.pid);
  const pids = async () => (values.processes === '1' ? [pid] : [pid, ...(await childrenOf(pid))]);
  for await (const line of createInterface({ input: child.stdout as NodeJS.ReadableStream })) {
    const match = /^Concerted is running at http:\/\/127\.0\.0\.1:(\d+) /.exec(line);
    if (match) return { port: Number(match[1]), child, profileDir, pids, remove };
  }
  await remove();
  throw new Error('the server stopped before listening');
}

async function childrenOf(pid: number): Promise<number[]> {
  const text = await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => '');
  return text.trim().split(/\s+/).filter(Boolean).map(Number);
}

/** CPU time of every thread of the processes, from Linux's schedstat (0 for one that is gone). */
async function processNanoseconds(pids: number[]): Promise<number> {
  let total = 0;
  for (const pid of pids)
    for (const task of await readdir(`/proc/${pid}/task`).catch(() => [] as string[])) {
      const text = await readFile(`/proc/${pid}/task/${task}/schedstat`, 'utf8').catch(() => '0');
      total += Number(text.split(' ')[0]) || 0;
    }
  return total;
}

const loadAverage = async () => (await readFile('/proc/loadavg', 'utf8')).trim();

async function serverVersion(): Promise<string> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return String((await client.query('show server_version')).rows[0]?.server_version);
  } finally {
    await client.end();
  }
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;

type Phase = {
  seconds: number;
  appMicrosecondsPerRequest: number;
  byKind: Record<string, Summary>;
  all: Summary;
};

/** Runs a phase and sums its recorders; the app's CPU per request is read around it. */
async function measurePhase(
  pids: number[],
  recorders: Record<string, Recorder>,
  work: () => Promise<number>,
): Promise<Phase> {
  const cpuBefore = await processNanoseconds(pids);
  const seconds = await work();
  const cpu = (await processNanoseconds(pids)) - cpuBefore;
  const all = new Recorder();
  const byKind: Record<string, Summary> = {};
  for (const [kind, recorder] of Object.entries(recorders)) byKind[kind] = recorder.summary(seconds);
  for (const recorder of Object.values(recorders)) all.merge(recorder);
  const summary = all.summary(seconds);
  return {
    seconds,
    appMicrosecondsPerRequest: cpu / 1000 / Math.max(1, summary.requests),
    byKind,
    all: summary,
  };
}

async function closedReads(client: HttpClient, pids: number[], sessions: Session[], cases: BenchCase[]) {
  const recorders = { 'GET case': new Recorder(), 'GET person': new Recorder() };
  const mine = (session: Session) =>
    session.who === 'manager' ? cases : cases.filter((c) => c.owner === session);
  const reachable = sessions.map(mine);
  let n = 0;
  return measurePhase(pids, recorders, () =>
    closedLoop(CLIENTS, SECONDS, (clientIndex) => {
      const session = sessions[clientIndex % sessions.length] as Session;
      const theCase = pick(reachable[clientIndex % sessions.length] as BenchCase[]);
      return n++ % 2 === 0
        ? { operation: readCase(client, session, theCase), recorder: recorders['GET case'] }
        : { operation: readPerson(client, session, theCase), recorder: recorders['GET person'] };
    }),
  );
}

async function closedWrites(client: HttpClient, pids: number[], cases: BenchCase[]) {
  const recorders = { 'PATCH case': new Recorder(), 'POST consent': new Recorder() };
  // Each client writes only its own cases, so no two clients change a case from the same version.
  const turns = new Array<number>(CLIENTS).fill(0);
  return measurePhase(pids, recorders, () =>
    closedLoop(CLIENTS, SECONDS, (clientIndex) => {
      const turn = turns[clientIndex] ?? 0;
      turns[clientIndex] = turn + 1;
      const owned = Math.floor((cases.length - 1 - clientIndex) / CLIENTS) + 1;
      const theCase = cases[clientIndex + CLIENTS * (Math.floor(turn / 2) % owned)] as BenchCase;
      return turn % 2 === 0
        ? { operation: patchCase(client, theCase), recorder: recorders['PATCH case'] }
        : { operation: recordConsent(client, theCase), recorder: recorders['POST consent'] };
    }),
  );
}

async function openMix(client: HttpClient, pids: number[], manager: Session, cases: BenchCase[]) {
  const recorders = { reads: new Recorder(), writes: new Recorder() };
  const rate = READ_RATE + WRITE_RATE;
  const busy = new Set<BenchCase>();
  let cursor = 0;
  let lateMs = 0;
  let unanswered = 0;
  const phase = await measurePhase(pids, recorders, async () => {
    const started = performance.now();
    const result = await openLoop(rate, SECONDS, (k) => {
      const isWrite = Math.floor(((k + 1) * WRITE_RATE) / rate) > Math.floor((k * WRITE_RATE) / rate);
      if (!isWrite) {
        const theCase = pick(cases);
        const session = Math.random() < 0.5 ? manager : theCase.owner;
        const operation =
          k % 2 === 0 ? readCase(client, session, theCase) : readPerson(client, session, theCase);
        return { operation, recorder: recorders.reads };
      }
      // The next case not being written already: a version is read before it is changed again.
      let theCase = cases[cursor++ % cases.length] as BenchCase;
      while (busy.has(theCase)) theCase = cases[cursor++ % cases.length] as BenchCase;
      busy.add(theCase);
      const write = k % 2 === 0 ? patchCase(client, theCase) : recordConsent(client, theCase);
      const operation = () => write().finally(() => busy.delete(theCase));
      return { operation, recorder: recorders.writes };
    });
    lateMs = result.lateMs;
    const answered = Object.values(recorders).reduce((sum, r) => sum + r.count + r.failures, 0);
    unanswered = result.sent - answered;
    return (performance.now() - started) / 1000;
  });
  return { ...phase, senderLateMs: lateMs, unanswered };
}

const fixed = (n: number, digits = 0) =>
  n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function line(label: string, s: Summary, extra = ''): string {
  const failures = s.failures ? `  FAILED ${s.failures} (first: ${s.firstFailure})` : '';
  return `${label.padEnd(30)} ${fixed(s.perSecond).padStart(7)} /s  p50 ${fixed(s.p50, 1).padStart(6)} ms  p99 ${fixed(s.p99, 1).padStart(6)} ms${extra}${failures}`;
}

const verdict = (isMet: boolean) => (isMet ? 'target met' : 'target NOT met');

async function main() {
  const version = await serverVersion();
  const loadBefore = await loadAverage();
  say(
    `Case benchmark on PostgreSQL ${version}: ${fixed(CASE_COUNT)} cases, ${CLIENTS} clients, ${SECONDS} s per phase`,
  );
  say(`load average before: ${loadBefore}`);
  let pgbench: PgbenchFigures | null = null;
  if (!values['no-pgbench']) {
    note('pgbench: raw PostgreSQL on a scratch database…');
    pgbench = await runPgbench(ADMIN_URL, CLIENTS, SECONDS);
    say(`raw PostgreSQL (${pgbench.command})`);
    say(line('  pgbench select-only', pgbench.selectOnly));
    say(line('  pgbench simple-update', pgbench.simpleUpdate));
  }
  const server = await startServer();
  const pids = await server.pids();
  const client = new HttpClient(server.port, Math.max(CLIENTS, 256));
  try {
    const manager = await signIn(client, 'case_manager');
    const worker = await signIn(client, 'case_worker');
    const sessions = [manager, worker];
    const seeding = performance.now();
    const cases = await openCases(client, sessions, manager.organisationId, CASE_COUNT, 16, (done) =>
      note(`opened ${fixed(done)} of ${fixed(CASE_COUNT)} cases`),
    );
    const seedSeconds = (performance.now() - seeding) / 1000;
    say(
      `opened ${fixed(cases.length)} cases with sealed person records through the API in ${fixed(seedSeconds, 1)} s (${fixed(cases.length / seedSeconds)} /s, 16 at a time)`,
    );
    note('warming up…');
    await closedLoop(CLIENTS, 2, () => ({
      operation: readPerson(client, manager, pick(cases)),
      recorder: new Recorder(),
    }));

    const reads = PHASES.has('reads') ? await closedReads(client, pids, sessions, cases) : null;
    if (reads) {
      const readRatio = pgbench
        ? `  ratio to pgbench -S ${(reads.all.perSecond / pgbench.selectOnly.perSecond).toFixed(3)}`
        : '';
      say(`closed loop, ${CLIENTS} clients, reads:`);
      for (const [kind, s] of Object.entries(reads.byKind)) say(line(`  ${kind}`, s));
      say(
        line(
          '  all reads',
          reads.all,
          `${readRatio}  app CPU ${fixed(reads.appMicrosecondsPerRequest)} µs/request  ${verdict(reads.all.perSecond >= TARGETS.readsPerSecond && reads.all.failures === 0)} (>= ${fixed(TARGETS.readsPerSecond)} /s)`,
        ),
      );
    }
    const writes = PHASES.has('writes') ? await closedWrites(client, pids, cases) : null;
    if (writes) {
      const writeRatio = pgbench
        ? `  ratio to pgbench simple-update ${(writes.all.perSecond / pgbench.simpleUpdate.perSecond).toFixed(3)}`
        : '';
      say(`closed loop, ${CLIENTS} clients, writes (each audited):`);
      for (const [kind, s] of Object.entries(writes.byKind)) say(line(`  ${kind}`, s));
      say(
        line(
          '  all writes',
          writes.all,
          `${writeRatio}  app CPU ${fixed(writes.appMicrosecondsPerRequest)} µs/request  ${verdict(writes.all.perSecond >= TARGETS.writesPerSecond && writes.all.failures === 0)} (>= ${fixed(TARGETS.writesPerSecond)} /s)`,
        ),
      );
    }
    const open = PHASES.has('open') ? await openMix(client, pids, manager, cases) : null;
    if (open) {
      say(
        `open loop, ${fixed(READ_RATE)} reads/s + ${fixed(WRITE_RATE)} writes/s offered, latency from the due time:`,
      );
      for (const [kind, s] of Object.entries(open.byKind)) say(line(`  ${kind}`, s));
      const isOpenMet =
        open.all.p99 <= TARGETS.openLoopP99Ms && open.all.failures === 0 && open.unanswered === 0;
      if (open.unanswered > 0)
        say(`  ${fixed(open.unanswered)} requests not answered 30 s after the last was due`);
      say(
        line(
          '  all',
          open.all,
          `  sender at most ${fixed(open.senderLateMs, 1)} ms late  ${verdict(isOpenMet)} (p99 <= ${TARGETS.openLoopP99Ms} ms)`,
        ),
      );
    }
    const loadAfter = await loadAverage();
    say(`load average after: ${loadAfter}`);
    if (values.json)
      process.stdout.write(
        `${JSON.stringify({ postgres: version, cases: CASE_COUNT, clients: CLIENTS, seconds: SECONDS, loadBefore, loadAfter, seedSeconds, pgbench, reads, writes, open, targets: TARGETS }, null, 2)}\n`,
      );
  } finally {
    client.close();
    server.child.kill('SIGTERM');
    await once(server.child, 'exit');
    await server.remove();
  }
  if (server.profileDir)
    for (const file of await readdir(server.profileDir))
      note(`CPU profile: ${path.join(server.profileDir, file)}`);
}

await main();
