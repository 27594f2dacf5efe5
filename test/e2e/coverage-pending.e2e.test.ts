// Coverage findings computed in the background, as at a million activities (here every computation counts as too
// long): the page says in the reader's language that findings are being computed, asks again by itself, and shows
// them once they are there, with nothing left to say. Axe clean while pending, in English and Arabic. With more
// than a thousand findings, the page says it lists the most severe and links every one of them as CSV.
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, type Harness, openPage, startHarness } from './harness.js';

const SHOTS = process.env.SCREENSHOT_DIR;
let harness: Harness;
let page: Page;

beforeAll(async () => {
  harness = await startHarness({
    env: { FINDINGS_INLINE_ACTIVITIES: '0' },
    // Need in 2026 in eighty countries, for each pillar and four forms: more than a thousand uncovered needs.
    prepare: (database) =>
      database.db
        .execute(
          sql`insert into coverage_needs (iso3, pillar, form, from_year, to_year, level, people_in_need)
              select c.iso3, p, f, 2026, 2026, 'high', 100
              from (select iso3 from countries order by iso3 desc limit 80) c,
                unnest(array['prevention', 'protection', 'prosecution', 'partnership']) p,
                unnest(array['sexual_exploitation', 'forced_labour', 'domestic_servitude', 'forced_marriage']) f`,
        )
        .then(() => undefined),
  });
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

  it('says that it lists the most severe of more than a thousand findings, and links every one as CSV', async () => {
    await visit('en', 2026);
    await page.locator('.findings-table').waitFor({ timeout: 60_000 });
    const note = page.getByText(/most severe findings are listed here/);
    await expect(note.textContent()).resolves.toMatch(
      /^The 1,0\d\d most severe findings are listed here, of 1,\d{3} in all\./,
    );
    if (SHOTS) {
      await note.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/coverage-most-severe.png` });
    }
    const link = page.getByRole('link', { name: 'Every finding (CSV)' });
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toContain('/api/v1/coverage/findings.csv?');
    const rows = await page.evaluate(
      async (url) => (await (await fetch(url)).text()).trim().split('\n').length,
      href,
    );
    const total = Number((await note.textContent())?.match(/of ([\d,]+) in all/)?.[1]?.replace(',', ''));
    expect(rows - 1).toBe(total);
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
