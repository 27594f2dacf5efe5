// Coverage findings computed in the background, as at a million activities (here every computation counts as too
// long): the page says in the reader's language that findings are being computed, asks again by itself, and shows
// them once they are there, with nothing left to say. Axe clean while pending, in English and Arabic.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, type Harness, openPage, startHarness } from './harness.js';

const SHOTS = process.env.SCREENSHOT_DIR;
let harness: Harness;
let page: Page;

beforeAll(async () => {
  harness = await startHarness({ env: { FINDINGS_INLINE_ACTIVITIES: '0' } });
  page = await harness.newPage({ width: 1280, height: 900 });
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

/** The first visit to a query: a period no visit of another test asked for, so that nothing is kept for it yet. */
const visit = (language: string, year: number) =>
  openPage(page, harness.baseUrl, `/coverage?from=${year}-01-01&to=${year}-12-31&lang=${language}`);

describe('coverage findings being computed', () => {
  it('says the findings are being computed, then shows them without a reload', async () => {
    await visit('en', 2026);
    const note = page.getByRole('status').filter({ hasText: 'still being computed' });
    await note.waitFor({ timeout: 30_000 });
    await expect(note.textContent()).resolves.toMatch(/This page updates itself when they are ready\.$/);
    expect(await axeViolations(page)).toEqual([]);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/coverage-pending.png` });
    await note.waitFor({ state: 'detached', timeout: 60_000 });
    await page.locator('.findings-table').waitFor({ timeout: 30_000 });
    await expect(page.locator('.findings-table tbody tr').count()).resolves.toBeGreaterThan(0);
  }, 120_000);

  it('says it in Arabic, right to left', async () => {
    await visit('ar', 2025);
    const note = page.getByRole('status').filter({ hasText: 'قيد الحساب' });
    await note.waitFor({ timeout: 30_000 });
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    expect(await axeViolations(page)).toEqual([]);
    await note.waitFor({ state: 'detached', timeout: 60_000 });
  }, 120_000);
});
