// Three concurrent hostile uploads of each kind: each refused with a problem naming its limit, while
// /api/health keeps answering within 100 ms and the server process stays alive — on every test engine.
// The server runs in a child process of its own and the uploads go over real HTTP from curl processes,
// so that neither sending them nor this test's own work (probes, timing, JSON) runs on the server's thread.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../support/app.js';
import { TEST_ENGINES } from '../support/databases.js';
import { deepIati, longCellCsv, sharedStringsXlsx, wideCsv, zipBombXlsx } from './hostile-files.js';
import type { ServedApp } from './serve-for-test.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MiB = 1024 * 1024;

type Upload = { route: 'activities' | 'statistics'; file: string; type: string };
type Answer = { status: number; body: string };

function curl(url: string, session: Session, upload: Upload): Promise<Answer> {
  const args = ['-s', '-o', '-', '-w', '\n%{http_code}', '-X', 'POST', url];
  args.push('-H', `cookie: ${session.cookie}`, '-H', `x-csrf-token: ${session.csrfToken}`);
  args.push('-H', `content-type: ${upload.type}`, '--data-binary', `@${upload.file}`);
  return new Promise((resolve, reject) => {
    const child = spawn('curl', args);
    let out = '';
    child.stdout.on('data', (data) => {
      out += data;
    });
    child.on('error', reject);
    child.on('close', () => {
      const cut = out.lastIndexOf('\n');
      resolve({ status: Number(out.slice(cut + 1)), body: out.slice(0, cut) });
    });
  });
}

/** Sends the upload three times at once and probes /api/health until all three are answered. */
async function threeAtOnceWhileProbingHealth(base: string, session: Session, upload: Upload) {
  const route = upload.route === 'activities' ? '/api/v1/activities/import' : '/api/v1/statistics/imports';
  let isDone = false;
  const sending = [1, 2, 3].map(() => curl(`${base}${route}`, session, upload));
  const answers = Promise.all(sending).finally(() => {
    isDone = true;
  });
  const latencies: number[] = [];
  while (!isDone) {
    const started = performance.now();
    const health = await fetch(`${base}/api/health`);
    await health.arrayBuffer();
    latencies.push(performance.now() - started);
    expect(health.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { answers: await answers, latencies };
}

/** Starts the app in a child process on a free port and waits for its address and sessions. */
async function serveInChild(engine: string) {
  const script = fileURLToPath(new URL('./serve-for-test.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, engine], {
    env: { ...process.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr.on('data', (data) => {
    errors += data;
  });
  const lines = createInterface({ input: child.stdout });
  const [first] = (await Promise.race([
    once(lines, 'line'),
    once(child, 'exit').then(() => {
      throw new Error(`the test server stopped: ${errors}`);
    }),
  ])) as [string];
  return { child, lines, served: JSON.parse(first) as ServedApp };
}

/** The import slots' load, as the child process sees it. */
async function slotLoad(child: ChildProcessWithoutNullStreams, lines: Interface) {
  const answer = once(lines, 'line');
  child.stdin.write('load\n');
  return JSON.parse(((await answer) as [string])[0]);
}

/**
 * Whether this machine has a core to spare for the server: the one-minute load average below the number
 * of cores less one. Only then does a probe's time measure the server alone.
 */
function hasIdleCore(): boolean {
  return (loadavg()[0] ?? 0) <= availableParallelism() - 1;
}

async function writeRepeated(file: string, head: string, mebibytes: number, tail: string) {
  const out = createWriteStream(file);
  const chunk = Buffer.alloc(MiB, 'x');
  out.write(head);
  for (let i = 0; i < mebibytes; i++) if (!out.write(chunk)) await once(out, 'drain');
  out.end(tail);
  await once(out, 'finish');
}

async function statisticsBody(fileName: string, content: Buffer | string) {
  const isBinary = Buffer.isBuffer(content);
  return JSON.stringify({
    source: 'glotip',
    fileName,
    content: isBinary ? content.toString('base64') : content,
    encoding: isBinary ? 'base64' : 'utf8',
    dryRun: true,
  });
}

describe.each(TEST_ENGINES)('hostile uploads on $name', (engine) => {
  let server: Awaited<ReturnType<typeof serveInChild>>;
  let base: string;
  let editor: Session;
  let analyst: Session;
  let folder: string;
  const files = new Map<string, string>();

  beforeAll(async () => {
    server = await serveInChild(engine.name);
    base = server.served.base;
    // The first fetch loads the HTTP client itself; that is not the server's time.
    for (let i = 0; i < 5; i++) await (await fetch(`${base}/api/health`)).arrayBuffer();
    editor = server.served.sessions.editor;
    analyst = server.served.sessions.analyst;
    folder = await mkdtemp(path.join(tmpdir(), 'hostile-uploads-'));
    const zipBomb = await zipBombXlsx(300);
    const sharedStrings = await sharedStringsXlsx(80);
    const contents: Record<string, string | Buffer> = {
      'bomb.xlsx': zipBomb,
      'lying-bomb.xlsx': await zipBombXlsx(300, true),
      'bomb.json': await statisticsBody('bomb.xlsx', zipBomb),
      'strings.xlsx': sharedStrings,
      'strings.json': await statisticsBody('strings.xlsx', sharedStrings),
      'deep.xml': deepIati(20_000),
      'wide.csv': wideCsv(100_000),
      'wide.json': await statisticsBody('wide.csv', wideCsv(100_000)),
      'long-cell.csv': longCellCsv(40_000),
    };
    // The huge bodies are written a mebibyte at a time: hundreds of megabytes of garbage strings would
    // leave the garbage collector pausing this process during the first cases.
    await writeRepeated(path.join(folder, 'huge.csv'), 'identifier\n', 33, '');
    await writeRepeated(
      path.join(folder, 'huge.json'),
      '{"source":"glotip","fileName":"big.csv","content":"',
      65,
      '","dryRun":true}',
    );
    files.set('huge.csv', path.join(folder, 'huge.csv'));
    files.set('huge.json', path.join(folder, 'huge.json'));
    // One ordinary import first, so that compiling the route's code on first use is not counted as a stall.
    await writeFile(path.join(folder, 'ordinary.csv'), 'identifier,title\n');
    await curl(`${base}/api/v1/activities/import?dryRun=true`, editor, {
      route: 'activities',
      file: path.join(folder, 'ordinary.csv'),
      type: 'text/csv',
    });
    for (const [name, content] of Object.entries(contents)) {
      files.set(name, path.join(folder, name));
      await writeFile(path.join(folder, name), content);
    }
  }, 180_000);
  afterAll(async () => {
    if (server) {
      const exited = once(server.child, 'exit');
      server.child.stdin.end();
      await exited;
    }
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  const cases: { name: string; upload: Upload; status: number; limit: string }[] = [
    {
      name: 'a CSV body over 32 MiB',
      upload: { route: 'activities', file: 'huge.csv', type: 'text/csv' },
      status: 413,
      limit: 'activitiesBodyBytes',
    },
    {
      name: 'a statistics request over 64 MiB',
      upload: { route: 'statistics', file: 'huge.json', type: 'application/json' },
      status: 413,
      limit: 'statisticsBodyBytes',
    },
    {
      name: 'an XLSX zip bomb whose sheet unzips to 300 MiB',
      upload: { route: 'activities', file: 'bomb.xlsx', type: XLSX },
      status: 422,
      limit: 'xlsxUncompressedBytes',
    },
    {
      name: 'an XLSX zip bomb that declares 4 KB and inflates to 300 MiB',
      upload: { route: 'activities', file: 'lying-bomb.xlsx', type: XLSX },
      status: 422,
      limit: 'xlsxUncompressedBytes',
    },
    {
      name: 'a statistics XLSX zip bomb',
      upload: { route: 'statistics', file: 'bomb.json', type: 'application/json' },
      status: 422,
      limit: 'xlsxUncompressedBytes',
    },
    {
      name: 'an XLSX with 80 MiB of shared strings',
      upload: { route: 'activities', file: 'strings.xlsx', type: XLSX },
      status: 422,
      limit: 'xlsxSharedStringsBytes',
    },
    {
      name: 'a statistics XLSX with 80 MiB of shared strings',
      upload: { route: 'statistics', file: 'strings.json', type: 'application/json' },
      status: 422,
      limit: 'xlsxSharedStringsBytes',
    },
    {
      name: 'IATI XML nested 20,000 deep',
      upload: { route: 'activities', file: 'deep.xml', type: 'application/xml' },
      status: 422,
      limit: 'xmlDepth',
    },
    {
      name: 'a CSV row of 100,000 columns',
      upload: { route: 'activities', file: 'wide.csv', type: 'text/csv' },
      status: 422,
      limit: 'columns',
    },
    {
      name: 'a statistics CSV row of 100,000 columns',
      upload: { route: 'statistics', file: 'wide.json', type: 'application/json' },
      status: 422,
      limit: 'columns',
    },
    {
      name: 'a CSV cell of 40,000 characters',
      upload: { route: 'activities', file: 'long-cell.csv', type: 'text/csv' },
      status: 422,
      limit: 'cellCharacters',
    },
  ];

  it.each(cases)(
    'refuses $name, naming the limit, while health answers within 100 ms',
    async (hostile) => {
      const upload = { ...hostile.upload, file: files.get(hostile.upload.file) as string };
      const session = upload.route === 'activities' ? editor : analyst;
      const isCoreFree = hasIdleCore();
      const { answers, latencies } = await threeAtOnceWhileProbingHealth(base, session, upload);
      for (const answer of answers) {
        expect(answer.status).toBe(hostile.status);
        const problem = JSON.parse(answer.body);
        expect(problem.errors[0].code).toBe(hostile.limit);
        expect(problem.detail).toMatch(/limit/);
      }
      const sorted = latencies.toSorted((a, b) => a - b);
      const figures = {
        probes: sorted.length,
        median: Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0),
        max: Math.round(sorted.at(-1) ?? 0),
      };
      // The figures, for whoever reads the run: a failure says which case and how loaded the machine was.
      console.info(
        `${engine.name} ${hostile.name}: ${JSON.stringify(figures)}, load ${loadavg()[0]?.toFixed(1)}`,
      );
      if (isCoreFree) {
        // A core to spare: the server's thread answers every probe within 100 ms.
        expect(figures).toEqual({ ...figures, max: expect.toSatisfy((ms: number) => ms < 100) });
      } else {
        // An overloaded machine (other work on every core): the scheduler alone delays a probe now and
        // then, so half of them within 100 ms and none stalled for a second; a stalled thread delays them all.
        expect(figures).toEqual({
          ...figures,
          median: expect.toSatisfy((ms: number) => ms < 100),
          max: expect.toSatisfy((ms: number) => ms < 1000),
        });
      }
      // The server process is alive, and every slot is free again: a refused upload holds nothing.
      expect(server.child.exitCode).toBeNull();
      expect(await slotLoad(server.child, server.lines)).toEqual({ running: 0, waiting: 0 });
    },
    300_000,
  );
});
