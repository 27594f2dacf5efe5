// Read speed of the list and query routes on the demo data: each route's rate and p99 under
// autocannon, and its ratio to GET /api/health on the same run, on the embedded database and on
// PostgreSQL. Targets: >= 3,000 req/s with p99 <= 50 ms on PostgreSQL, >= 1,000 req/s embedded.
// Anonymous answers of these routes are kept while the data version is unchanged (src/access/
// public-cache.ts), so the default run measures that path; --as-user measures a transaction per request.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

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
  },
});

const ROUTES = [
  ['health', '/api/health'],
  ['activities', '/api/v1/activities/'],
  ['organisations', '/api/v1/organisations/'],
  ['statistics query', '/api/v1/statistics/query?indicator=Detected%20trafficking%20victims&by=sex'],
] as const;

const TARGETS = { postgres: { rate: 3000, p99: 50 }, pglite: { rate: 1000, p99: Number.POSITIVE_INFINITY } };
type EngineName = keyof typeof TARGETS;

async function startServer(engine: EngineName): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/api/server.ts', engine, values.url], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  for await (const line of createInterface({ input: child.stdout as NodeJS.ReadableStream })) {
    const port = /^listening (\d+)$/.exec(line)?.[1];
    if (port) return { port: Number(port), child };
  }
  throw new Error(`the ${engine} bench server stopped before listening`);
}

/**
 * CPU seconds the server process has used (Linux /proc; user + system ticks at 100 Hz): with seven
 * other jobs on two cores the rate is noisy, the CPU each request costs the server much less so.
 */
async function cpuSeconds(pid: number | undefined): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
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

async function benchEngine(engine: EngineName) {
  const { port, child } = await startServer(engine);
  try {
    const headers = await signIn(port);
    const connections = Number(values.connections);
    const duration = Number(values.duration);
    const who = values['as-user']
      ? 'signed-in coordinator (a transaction per request)'
      : 'anonymous (answers kept while the data is unchanged)';
    process.stdout.write(`\n${engine}: ${connections} connections, ${duration} s per route, ${who}\n`);
    let healthRate = 0;
    for (const [name, path] of ROUTES) {
      const url = `http://127.0.0.1:${port}${path}`;
      await autocannon({ url, connections, duration: 1, headers }); // warm-up
      const cpuBefore = await cpuSeconds(child.pid);
      const result = await autocannon({ url, connections, duration, headers });
      const cpuPerRequest = ((await cpuSeconds(child.pid)) - cpuBefore) / Math.max(1, result.requests.total);
      const rate = result.requests.average;
      if (name === 'health') healthRate = rate;
      const target = TARGETS[engine];
      const isMet = name === 'health' || (rate >= target.rate && result.latency.p99 <= target.p99);
      const failures = result.non2xx + result.errors + result.timeouts;
      process.stdout.write(
        `${name.padEnd(18)} ${rate.toFixed(0).padStart(7)} req/s  p99 ${String(result.latency.p99).padStart(4)} ms` +
          `  ratio to health ${(rate / healthRate).toFixed(2)}` +
          `  server CPU ${(cpuPerRequest * 1e6).toFixed(0).padStart(5)} µs/request` +
          `${failures ? `  FAILED ${failures}` : ''}${name === 'health' ? '' : isMet ? '  target met' : '  target NOT met'}\n`,
      );
    }
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
}

const engines: EngineName[] =
  values.engine === 'both' ? ['postgres', 'pglite'] : [values.engine as EngineName];
for (const engine of engines) await benchEngine(engine);
