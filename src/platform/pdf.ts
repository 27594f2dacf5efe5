// HTML to PDF with the headless Chromium of the operating system (Debian's `chromium` package), for printable
// reports. One browser is launched on first use and reused, each document gets a fresh context with scripts
// off and every network request refused, so a report prints only what it holds and cannot call out.
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { AppError } from './errors.js';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
/** A report of a few hundred rows prints in about a second; far longer means Chromium is stuck. */
const DEFAULT_TIMEOUT_MS = 30_000;

export type PdfRendererOptions = {
  /** Where Chromium is; by default CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
  executablePath?: string | undefined;
  timeoutMs?: number | undefined;
};

/** A reusable Chromium that prints HTML documents to A4 PDF. */
export class PdfRenderer {
  private browser: Promise<Browser> | null = null;
  private readonly executablePath: string;
  private readonly timeoutMs: number;

  constructor(options: PdfRendererOptions = {}) {
    this.executablePath = options.executablePath ?? process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM_PATH;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  async render(html: string): Promise<Buffer> {
    const browser = await this.launched();
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      // Offline already refuses requests; aborting every route also covers what offline mode lets through.
      await context.route('**/*', (route) => route.abort('blockedbyclient'));
      const page = await context.newPage();
      return await withTimeout(
        (async () => {
          await page.setContent(html, { waitUntil: 'load', timeout: this.timeoutMs });
          return page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
        })(),
        this.timeoutMs,
        () =>
          new AppError(
            'pdf_unavailable',
            `Chromium took longer than ${this.timeoutMs / 1000} s to print the document; the HTML report is still available.`,
          ),
      );
    } finally {
      await context.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    if (browser) await (await browser.catch(() => null))?.close();
  }

  /** The running browser, launched on first use; a failed launch is forgotten, so a later call tries again. */
  private launched(): Promise<Browser> {
    if (!this.browser) {
      const launching = this.launch();
      this.browser = launching;
      launching.then(
        (browser) => browser.on('disconnected', () => this.forget(launching)),
        () => this.forget(launching),
      );
    }
    return this.browser;
  }

  private forget(browser: Promise<Browser>): void {
    if (this.browser === browser) this.browser = null;
  }

  private async launch(): Promise<Browser> {
    if (!existsSync(this.executablePath)) {
      throw new AppError(
        'pdf_unavailable',
        `No Chromium was found at ${this.executablePath}, so the PDF cannot be made. Install Chromium ` +
          '(on Debian: apt-get install chromium) or set CHROMIUM_PATH to where it is; the HTML report is still available.',
      );
    }
    try {
      return await chromium.launch({
        executablePath: this.executablePath,
        args: CHROMIUM_ARGS,
        timeout: this.timeoutMs,
      });
    } catch (error) {
      throw new AppError(
        'pdf_unavailable',
        `Chromium at ${this.executablePath} did not start (${firstLine(error)}). Check that it is a working ` +
          'Chromium (on Debian: apt-get install chromium) or set CHROMIUM_PATH; the HTML report is still available.',
      );
    }
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

async function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

let shared: PdfRenderer | null = null;

/** Prints an HTML document to an A4 PDF with the server's shared Chromium. */
export function renderPdf(html: string): Promise<Buffer> {
  shared ??= new PdfRenderer();
  return shared.render(html);
}

/** Closes the shared Chromium, for the server's shutdown; the next renderPdf launches a new one. */
export async function closePdfRenderer(): Promise<void> {
  const renderer = shared;
  shared = null;
  await renderer?.close();
}
