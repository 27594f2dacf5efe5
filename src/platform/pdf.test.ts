// Printing HTML to PDF with the system's Chromium: the plan report prints to A4 pages, the page cannot fetch
// anything, and a server without Chromium says so in a sentence that points to the fix and to the HTML.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planReportHtml } from '../plans/report/plan-report-html.js';
import { aReportInput } from '../plans/report/testing/report-input.js';
import { AppError } from './errors.js';
import { closePdfRenderer, PdfRenderer, renderPdf } from './pdf.js';

/** Pages declared in the PDF's page tree (its root /Pages object counts them all). */
function pageCount(pdf: Buffer): number {
  const counts = [...pdf.toString('latin1').matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/g)];
  return Math.max(0, ...counts.map((match) => Number(match[1])));
}

describe('printing HTML to PDF', () => {
  afterAll(() => closePdfRenderer());

  it('prints the plan report to a PDF of several A4 pages, one section per page at least', async () => {
    const pdf = await renderPdf(planReportHtml(aReportInput()));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(5);
    // A4 is 595.3 × 841.9 points; Chromium rounds the page to whole CSS pixels, within a point of it.
    const [, width, height] = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)/.exec(pdf.toString('latin1')) ?? [];
    expect(Math.abs(Number(width) - 595.3)).toBeLessThan(1.5);
    expect(Math.abs(Number(height) - 841.9)).toBeLessThan(1.5);
  });

  it('reuses one browser for the next document', async () => {
    const first = await renderPdf('<!doctype html><p>One</p>');
    const second = await renderPdf('<!doctype html><p>Two</p>');
    expect(pageCount(first)).toBe(1);
    expect(pageCount(second)).toBe(1);
  });
});

describe('a page that tries to reach the network', () => {
  let server: Server;
  let requests = 0;
  let origin = '';
  const renderer = new PdfRenderer();

  beforeAll(async () => {
    server = createServer((_, response) => {
      requests += 1;
      response.end('body { background: red; }');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await renderer.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it('prints without any request leaving it', async () => {
    const html = `<!doctype html><html><head><link rel="stylesheet" href="${origin}/style.css">
<style>@import url("${origin}/import.css"); body { background: url("${origin}/background.png"); }</style></head>
<body><img src="${origin}/image.png" alt=""><iframe src="${origin}/frame"></iframe>
<script>fetch("${origin}/fetch")</script><p>Text</p></body></html>`;
    const pdf = await renderer.render(html);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(requests).toBe(0);
  });
});

describe('a server without Chromium', () => {
  it('refuses with pdf_unavailable, saying how to install Chromium and that the HTML is still there', async () => {
    const renderer = new PdfRenderer({ executablePath: '/nowhere/chromium' });
    const error = await renderer.render('<p>x</p>').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('pdf_unavailable');
    expect((error as AppError).status).toBe(503);
    expect((error as AppError).message).toContain('/nowhere/chromium');
    expect((error as AppError).message).toContain('apt-get install chromium');
    expect((error as AppError).message).toContain('CHROMIUM_PATH');
    expect((error as AppError).message).toContain('the HTML report is still available');
  });

  it('tries again on the next call rather than remembering the failure', async () => {
    const renderer = new PdfRenderer({ executablePath: '/nowhere/chromium' });
    await expect(renderer.render('<p>x</p>')).rejects.toThrow(AppError);
    await expect(renderer.render('<p>x</p>')).rejects.toThrow(/No Chromium was found/);
  });

  it('says so too when the file is there but is no Chromium', async () => {
    const renderer = new PdfRenderer({ executablePath: '/bin/false', timeoutMs: 10_000 });
    const error = await renderer.render('<p>x</p>').catch((caught: unknown) => caught);
    expect((error as AppError).code).toBe('pdf_unavailable');
    expect((error as AppError).message).toMatch(/did not start .*the HTML report is still available/);
  });
});
