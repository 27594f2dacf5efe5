// `concerted serve` exits non-zero on fatal errors, so that whoever runs it (systemd, a container
// runtime) restarts it: a port already taken, an uncaught exception, an unhandled rejection.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const MAIN = path.resolve(import.meta.dirname, 'main.ts');
// Stands in for a bug deep in a request: on SIGUSR2 the process throws or rejects with nobody to catch it.
const INJECT_FAULT = `data:text/javascript,${encodeURIComponent(
  "process.once('SIGUSR2', () => { if (process.env.INVENTED_FAULT === 'rejection') Promise.reject(new Error('invented unhandled rejection')); else setImmediate(() => { throw new Error('invented uncaught exception'); }); });",
)}`;

type Run = {
  child: ChildProcess;
  output: () => { stdout: string; stderr: string };
  exit: Promise<number | null>;
};

function serve(env: Record<string, string>): Run {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--import', INJECT_FAULT, MAIN, 'serve', '--no-demo'],
    {
      env: { ...process.env, LOG_LEVEL: 'silent', HOST: '127.0.0.1', ...env },
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (data) => {
    stdout += data;
  });
  child.stderr.on('data', (data) => {
    stderr += data;
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => ({ stdout, stderr }), exit };
}

async function untilRunning(run: Run) {
  const deadline = Date.now() + 150_000;
  while (!run.output().stdout.includes('Concerted is running')) {
    if (Date.now() > deadline || run.child.exitCode !== null)
      throw new Error(`serve did not start: ${run.output().stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('concerted serve', () => {
  let dataDir: string;
  let taken: Server;
  let takenPort: number;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'serve-exit-'));
    taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    takenPort = (taken.address() as { port: number }).port;
  });
  afterAll(async () => {
    taken?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('exits with status 1 and says why when its port is already taken', async () => {
    const run = serve({ PORT: String(takenPort), DATA_DIR: dataDir });
    expect(await run.exit).toBe(1);
    expect(run.output().stderr).toMatch(/could not start: .*EADDRINUSE|address already in use/);
  }, 180_000);

  it.each([
    ['an uncaught exception', 'exception', 'invented uncaught exception'],
    ['an unhandled rejection', 'rejection', 'invented unhandled rejection'],
  ])(
    'exits with status 1 on %s while serving',
    async (_name, fault, message) => {
      const run = serve({ PORT: '0', DATA_DIR: dataDir, INVENTED_FAULT: fault });
      await untilRunning(run);
      run.child.kill('SIGUSR2');
      expect(await run.exit).toBe(1);
      expect(run.output().stderr).toContain(message);
    },
    180_000,
  );
});
