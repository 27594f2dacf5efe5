// Read speed of the list and query routes on the demo data: each route's rate and p99 under
// autocannon, and its ratio to GET /api/health on the same run, on the embedded database and on
// PostgreSQL. Targets: >= 3,000 req/s with p99 <= 50 ms on PostgreSQL, >= 1,000 req/s embedded.
// Beside each rate: the CPU each request cost the application (Node.js, every thread) and the
// database server (the bench database's backends), which depend much less on what else the machine
// is doing than the rate, and the load average while it ran.
// Anonymous and signed-in answers are kept while the data version is unchanged (src/access/
// answer-cache.ts): --uncached builds the app without them, to measure a transaction per request.
//   --engine both|postgres|pglite  --as-user  --uncached  --routes activities,statistics
//   --profile (writes the application's CPU profile, one per engine, to open in Chrome DevTools)
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';

const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: 'both' },
    url: {
      type: 'string',
      default: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    },
    connections: { type: 'string', default: '32' },
    duration: { type: 'string', default: '10' },
    'as-user': { type: 'boolean', default: false },
    uncached: { type: 'boolean', default: false },
    routes: { type: 'string' },
    profile: { type: 'boolean', default: false },
  },
});

const ROUTES = [
  ['health', '/api/health'],
  ['activities', '/api/v1/activities/'],
  ['organisations', '/api/v1/organisations/'],
  ['statistics', '/api/v1/statistics/query?indicator=Detected%20trafficking%20victims&by=sex'],
] as const;
type RouteName = (typeof ROUTES)[number][0];

/** Health always runs first: every other figure is also given as a ratio to it. */
function chosenRoutes(): (typeof ROUTES)[number][] {
  if (!values.routes) return [...ROUTES];
  const names = new Set(values.routes.split(',').map((name) => name.trim()));
  const unknown = [...names].filter((name) => !ROUTES.some(([known]) => known === name));
  if (unknown.length > 0)
    throw new Error(`unknown route(s) ${unknown.join(', ')}; known: ${ROUTES.map(([n]) => n).join(', ')}`);
  return ROUTES.filter(([name]) => name === 'health' || names.has(name as RouteName));
}

const TARGETS = { postgres: { rate: 3000, p99: 50 }, pglite: { rate: 1000, p99: Number.POSITIVE_INFINITY } };
type EngineName = keyof typeof TARGETS;

type Server = { port: number; database: string; child: ChildProcess; profileDir: string | null };

async function startServer(engine: EngineName): Promise<Server> {
  const profileDir = values.profile ? await mkdtemp(path.join(tmpdir(), `concerted-api-${engine}-`)) : null;
  const profiling = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
  const args = [...profiling, '--import', 'tsx', 'bench/api/server.ts', engine, values.url];
  if (values.uncached) args.push('--uncached');
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  for await (const line of createInterface({ input: child.stdout as NodeJS.ReadableStream })) {
    const match = /^listening (\d+) (\S+)$/.exec(line);
    if (match) return { port: Number(match[1]), database: String(match[2]), child, profileDir };
  }
  throw new Error(`the ${engine} bench server stopped before listening`);
}

/** Nanoseconds a task has run on a CPU (the first field of Linux's schedstat); 0 once it is gone. */
async function taskNanoseconds(file: string): Promise<number> {
  const text = await readFile(file, 'utf8').catch(() => '0');
  return Number(text.split(' ')[0]) || 0;
}

/** CPU time of every thread of a process: Node.js runs the garbage collector and libuv's pool beside the main one. */
async function processNanoseconds(pid: number): Promise<number> {
  const tasks = await readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
  let total = 0;
  for (const task of tasks) total += await taskNanoseconds(`/proc/${pid}/task/${task}/schedstat`);
  return total;
}

/**
 * CPU time of the server backends connected to the bench database, by process id: a backend that
 * appears or leaves during a run counts for the part it was seen. Only when the server runs here.
 */
class BackendClock {
  private constructor(
    private readonly client: pg.Client | null,
    private readonly database: string,
  ) {}

  static async open(engine: EngineName, database: string): Promise<BackendClock> {
    if (engine !== 'postgres') return new BackendClock(null, database);
    const client = new pg.Client({ connectionString: values.url });
    await client.connect();
    return new BackendClock(client, database);
  }

  async read(): Promise<Map<number, number> | null> {
    if (!this.client) return null;
    const { rows } = await this.client.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = $1',
      [this.database],
    );
    const times = new Map<number, number>();
    for (const { pid } of rows) times.set(pid, await taskNanoseconds(`/proc/${pid}/schedstat`));
    return times;
  }

  static spent(before: Map<number, number> | null, after: Map<number, number> | null): number | null {
    if (!before || !after || [...after.values()].every((time) => time === 0)) return null;
    let total = 0;
    for (const [pid, time] of after) total += time - (before.get(pid) ?? time);
    return total;
  }

  async close(): Promise<void> {
    await this.client?.end();
  }
}

async function loadAverage(): Promise<string> {
  return (await readFile('/proc/loadavg', 'utf8')).split(' ')[0] ?? '?';
}

async function signIn(port: number): Promise<Record<string, string>> {
  if (!values['as-user']) return {};
  const { DEMO_PASSWORD } = await import('../../src/access/demo.js');
  const reply = await fetch(`http://127.0.0.1:${port}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'coordinator@demo.concerted.invalid', password: DEMO_PASSWORD }),
  });
  if (!reply.ok) throw new Error(`sign-in failed: ${reply.status}`);
  return { cookie: String(reply.headers.get('set-cookie')).split(';')[0] ?? '' };
}

const microseconds = (nanoseconds: number | null, requests: number) =>
  nanoseconds === null ? '    -' : (nanoseconds / 1000 / Math.max(1, requests)).toFixed(0).padStart(5);

function describeRun(): string {
  const who = values['as-user'] ? 'signed-in coordinator' : 'anonymous';
  const path = values.uncached
    ? 'answers not kept (a transaction per request)'
    : 'answers kept while the data is unchanged';
  return `${who}, ${path}`;
}

async function benchEngine(engine: EngineName) {
  const server = await startServer(engine);
  const { port, child } = server;
  const backends = await BackendClock.open(engine, server.database);
  try {
    const headers = await signIn(port);
    const connections = Number(values.connections);
    const duration = Number(values.duration);
    process.stdout.write(
      `\n${engine}: ${connections} connections, ${duration} s per route, ${describeRun()}\n`,
    );
    let healthRate = 0;
    for (const [name, path] of chosenRoutes()) {
      const url = `http://127.0.0.1:${port}${path}`;
      await autocannon({ url, connections, duration: 1, headers }); // warm-up
      const [appBefore, dbBefore] = [await processNanoseconds(Number(child.pid)), await backends.read()];
      const result = await autocannon({ url, connections, duration, headers });
      const [appAfter, dbAfter] = [await processNanoseconds(Number(child.pid)), await backends.read()];
      const requests = result.requests.total;
      const rate = result.requests.average;
      if (name === 'health') healthRate = rate;
      const target = TARGETS[engine];
      const isMet = name === 'health' || (rate >= target.rate && result.latency.p99 <= target.p99);
      const failures = result.non2xx + result.errors + result.timeouts;
      process.stdout.write(
        `${name.padEnd(13)} ${rate.toFixed(0).padStart(6)} req/s  p99 ${String(result.latency.p99).padStart(4)} ms` +
          `  ratio to health ${(rate / healthRate).toFixed(2)}` +
          `  CPU µs/request: app ${microseconds(appAfter - appBefore, requests)}` +
          `  db ${microseconds(BackendClock.spent(dbBefore, dbAfter), requests)}` +
          `  load ${await loadAverage()}` +
          `${failures ? `  FAILED ${failures}` : ''}${name === 'health' ? '' : isMet ? '  target met' : '  target NOT met'}\n`,
      );
    }
  } finally {
    await backends.close();
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
  if (server.profileDir) {
    const files = await readdir(server.profileDir);
    for (const file of files) process.stdout.write(`CPU profile: ${path.join(server.profileDir, file)}\n`);
  }
}

const engines: EngineName[] =
  values.engine === 'both' ? ['postgres', 'pglite'] : [values.engine as EngineName];
for (const engine of engines) await benchEngine(engine);
