// Lighthouse (mobile preset: a mid-range phone on a slow 4G line, simulated throttling) on the job-offer
// check's public pages, driving the system's Chromium: the form in English and in Arabic, and a result page.
// Prints performance, accessibility and the compressed JavaScript of the first load for each page, and
// exits non-zero when a target is missed. Needs `npm run build` first (dist/web and dist/check).
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import type { FastifyInstance } from 'fastify';
import lighthouse from 'lighthouse';

type LighthouseResult = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];

import { loadConfig } from '../../src/platform/config.js';
import { Sealer } from '../../src/platform/crypto.js';
import { migrateDatabase, openDatabase } from '../../src/platform/db.js';
import { loadDemoContacts } from '../../src/prevention/offer-check/contacts.js';
import { resultPage } from '../../src/prevention/offer-check/page/render.js';
import { runOfferCheck } from '../../src/prevention/offer-check/server/service.js';
import { buildApp } from '../../src/server/app.js';
import { seedDatabase } from '../../src/server/seed.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
const TARGETS = { performance: 95, accessibility: 100, scriptKilobytes: 100 };
const RESULT_PATH = '/bench/check-result';

/** An invented offer with three warning signs, as a person might answer it in English. */
const INVENTED_OFFER = {
  destination_country: 'GBR',
  offered_by: 'agency',
  agency_name: 'Example Placement Agency',
  fee_charged: 'yes',
  documents_kept: 'yes',
  written_contract: 'no',
  employer_name_known: 'yes',
  pay: { amount: 900, currency: 'GBP', period: 'month' },
} as const;

/**
 * The result page comes from a POST, which Lighthouse cannot send: the bench serves the same page (the same
 * render, style and script) for an invented offer at a GET address of its own, on its own server only.
 */
function addResultForLighthouse(app: FastifyInstance): void {
  app.get(RESULT_PATH, async (_request, reply) => {
    const sources = {
      register: async () => ({ status: 'unknown' as const }),
      contacts: async () => loadDemoContacts(),
      today: () => '2026-01-01',
    };
    const { result } = await runOfferCheck(INVENTED_OFFER, 'en', sources);
    const fields = {
      destination_country: 'GBR',
      fee_charged: 'yes',
      documents_kept: 'yes',
      written_contract: 'no',
    };
    reply.type('text/html; charset=utf-8');
    return resultPage({ language: 'en', result, fields });
  });
}

async function startServer(dataDir: string): Promise<{ app: FastifyInstance; baseUrl: string }> {
  const database = await openDatabase({});
  const sealer = new Sealer(randomBytes(32));
  await migrateDatabase(database);
  await seedDatabase(database.db, { demo: true, sealer });
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: dataDir });
  const app = await buildApp({ config, database, sealer });
  addResultForLighthouse(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app, baseUrl: `http://127.0.0.1:${port}` };
}

type Figures = {
  page: string;
  performance: number;
  accessibility: number;
  scriptBytes: number;
  totalBytes: number;
};

type NetworkItem = { resourceType?: string; transferSize?: number };

/** Attempts per page: a run that yields no performance score at all (a metric Lighthouse could not take, as
 * on a cold first load) is measured once more, and said so, rather than printed as a score of 0. */
const ATTEMPTS = 2;

async function audit(url: string, port: number, page: string): Promise<Figures> {
  for (let attempt = 1; ; attempt++) {
    const runner = await lighthouse(url, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
    });
    if (!runner) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = runner;
    const scored = typeof lhr.categories.performance?.score === 'number';
    if (scored || attempt >= ATTEMPTS) return figuresOf(lhr, page);
    process.stderr.write(
      `${page}: Lighthouse gave no performance score (${lhr.runtimeError?.code ?? 'a metric was not taken'}); measuring again\n`,
    );
  }
}

function figuresOf(lhr: LighthouseResult, page: string): Figures {
  const items =
    (lhr.audits['network-requests']?.details as { items?: NetworkItem[] } | undefined)?.items ?? [];
  const sum = (list: NetworkItem[]) => list.reduce((total, item) => total + (item.transferSize ?? 0), 0);
  return {
    page,
    performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
    scriptBytes: sum(items.filter((item) => item.resourceType === 'Script')),
    totalBytes: sum(items),
  };
}

function missed(figures: Figures): string[] {
  const misses: string[] = [];
  if (figures.performance < TARGETS.performance)
    misses.push(`performance ${figures.performance} < ${TARGETS.performance}`);
  if (figures.accessibility < TARGETS.accessibility)
    misses.push(`accessibility ${figures.accessibility} < ${TARGETS.accessibility}`);
  if (figures.scriptBytes >= TARGETS.scriptKilobytes * 1000)
    misses.push(`compressed JavaScript ${figures.scriptBytes} B ≥ ${TARGETS.scriptKilobytes} KB`);
  return misses.map((miss) => `${figures.page}: ${miss}`);
}

async function main(): Promise<number> {
  for (const needed of ['dist/web/index.html', 'dist/check/check.en.js'])
    if (!existsSync(needed)) throw new Error(`${needed} is missing: run \`npm run build\` first.`);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'concerted-lighthouse-'));
  const { app, baseUrl } = await startServer(dataDir);
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_FLAGS });
  try {
    const pages = [
      ['/check?lang=en (form, English)', '/check?lang=en'],
      ['/check?lang=ar (form, Arabic)', '/check?lang=ar'],
      ['result page (English)', RESULT_PATH],
    ] as const;
    const results: Figures[] = [];
    for (const [page, pathname] of pages)
      results.push(await audit(`${baseUrl}${pathname}`, chrome.port, page));
    process.stdout.write(
      'Lighthouse mobile preset (simulated slow 4G, 4× CPU slowdown), Chromium headless\n',
    );
    for (const figures of results)
      process.stdout.write(
        `${figures.page.padEnd(34)} performance ${String(figures.performance).padStart(3)}  accessibility ${String(figures.accessibility).padStart(3)}  ` +
          `JS ${(figures.scriptBytes / 1000).toFixed(1).padStart(5)} KB compressed  all ${(figures.totalBytes / 1000).toFixed(1).padStart(5)} KB\n`,
      );
    const misses = results.flatMap(missed);
    process.stdout.write(
      `targets: performance ≥ ${TARGETS.performance}, accessibility = ${TARGETS.accessibility}, first-load JS < ${TARGETS.scriptKilobytes} KB compressed: ${misses.length ? `MISSED\n  ${misses.join('\n  ')}` : 'met'}\n`,
    );
    return misses.length ? 1 : 0;
  } finally {
    chrome.kill();
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
