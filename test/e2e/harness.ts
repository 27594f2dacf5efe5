// Starts the real server in-process (in-memory PGlite, reference and demo access data seeded) and opens
// a headless Chromium (the run's shared one in a test run).
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';
import { loadConfig } from '../../src/platform/config.js';
import { Sealer } from '../../src/platform/crypto.js';
import { type DatabaseHandle, migrateDatabase, openDatabase } from '../../src/platform/db.js';
import { buildApp } from '../../src/server/app.js';
import { seedDatabase } from '../../src/server/seed.js';
import type { DemoImage } from './demo-image.js';
import { openBrowser } from './shared-browser.js';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');
const WEB_DIR = 'dist/web';

export type Harness = {
  baseUrl: string;
  browser: Browser;
  /** A fresh page (own context, so no language remembered from another test). */
  newPage(options?: { width?: number; height?: number }): Promise<Page>;
  close(): Promise<void>;
};

/**
 * Work on the database before the server starts, for example importing a publisher's file; the sealer is
 * the installation key the server will use (demo users' second factors are sealed with it).
 */
export type PrepareDatabase = (database: DatabaseHandle, sealer: Sealer) => Promise<void>;

export async function startHarness(
  options: { prepare?: PrepareDatabase; env?: Record<string, string> } = {},
): Promise<Harness> {
  if (!existsSync(path.join(WEB_DIR, 'index.html'))) {
    throw new Error(`${WEB_DIR}/index.html is missing: run \`npm run build\` (or \`npx vite build\`) first.`);
  }
  const app = await startDemoServer(0, options.prepare, options.env);
  let browser: Browser;
  try {
    browser = await openBrowser();
  } catch (error) {
    await app.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const started = { app, browser };
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    async newPage(options = {}) {
      const context = await started.browser.newContext({
        viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
        locale: 'en-GB',
      });
      return context.newPage();
    },
    async close() {
      await started.browser.close();
      await started.app.close();
    },
  };
}

/** The server on in-memory PGlite with the demo organisations and one demo user per role. */
export async function startDemoServer(
  port = 0,
  prepare?: PrepareDatabase,
  env: Record<string, string> = {},
): Promise<FastifyInstance> {
  const { database, sealer } = await openDemoDatabase();
  let app: FastifyInstance | undefined;
  try {
    await prepare?.(database, sealer);
    app = await startServer(database, sealer, port, env);
    return app;
  } catch (error) {
    await (app ? app.close() : database.close());
    throw error;
  }
}

/**
 * The run's demo image (see demo-image.ts) loaded, or, outside a test run, a database made and seeded
 * here; with the key that serves it, since the demo users' second factors are sealed with it.
 */
async function openDemoDatabase(): Promise<{ database: DatabaseHandle; sealer: Sealer }> {
  const image = demoImage();
  if (image) {
    const database = await openDatabase({ embeddedImage: new Blob([await readFile(image.file)]) });
    return { database, sealer: new Sealer(Buffer.from(image.sealerKey, 'hex')) };
  }
  const database = await openDatabase({});
  const sealer = new Sealer(randomBytes(32));
  try {
    await migrateDatabase(database);
    await seedDatabase(database.db, { demo: true, sealer });
    return { database, sealer };
  } catch (error) {
    await database.close();
    throw error;
  }
}

function demoImage(): DemoImage | undefined {
  try {
    return inject('demoImage');
  } catch {
    return undefined;
  }
}

async function startServer(
  database: DatabaseHandle,
  sealer: Sealer,
  port: number,
  env: Record<string, string>,
): Promise<FastifyInstance> {
  const config = loadConfig({ PORT: String(port), LOG_LEVEL: 'silent', WEB_DIR: WEB_DIR, ...env });
  const app = await buildApp({ config, database, sealer });
  await app.listen({ port, host: '127.0.0.1' });
  return app;
}

export type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

/** Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page and returns what it found. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: the app's Content-Security-Policy refuses inline script tags.
  await page.evaluate(readFileSync(AXE_PATH, 'utf8'));
  return page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<unknown> } }
    ).axe;
    const result = (await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    })) as { violations: AxeViolation[] };
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
}

/** Opens a path and waits until the page's data has arrived (no loading message left). */
export async function openPage(page: Page, baseUrl: string, pathname: string): Promise<void> {
  await page.goto(new URL(pathname, baseUrl).toString());
  await page.locator('h1').first().waitFor();
  await page.waitForFunction(() => document.querySelectorAll('.status-loading').length === 0);
}
