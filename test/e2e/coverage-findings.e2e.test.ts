// The coverage findings table with more than a hundred findings, in English and Arabic: grouped, filtered,
// paged, details in the reader's language with labels and no codes, CSV of what is shown, no page wider than
// the viewport, axe clean.
import { mkdir } from 'node:fs/promises';
import { text } from 'node:stream/consumers';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/access/demo.js';
import { axeViolations, type Harness, openPage, startHarness } from './harness.js';

let harness: Harness;
let page: Page;
let shownCount = 0;

/** Countries without demo activities: each need recorded there is a gap nobody covers. */
const COUNTRIES = ['BRA', 'ARG', 'PER', 'COL', 'MEX', 'NPL', 'BGD', 'THA', 'PHL', 'VNM', 'NGA', 'GHA', 'SEN'];
const FORMS = ['sexual_exploitation', 'forced_labour', 'domestic_servitude', 'forced_marriage'];
const PILLARS = ['protection', 'prosecution'];
const LEVELS = ['high', 'medium', 'low'];
const SHOTS = process.env.SCREENSHOT_DIR;

/** Records needs through the API as the coordinator, signed in inside the page so that its cookie is used. */
async function recordNeeds(target: Page): Promise<number> {
  const needs = COUNTRIES.flatMap((iso3, c) =>
    FORMS.flatMap((form, f) =>
      PILLARS.map((pillar, p) => ({
        iso3,
        form,
        pillar,
        fromYear: 2026,
        toYear: 2026,
        level: LEVELS[(c + f + p) % 3],
        peopleInNeed: 50 + c * 10 + f,
      })),
    ),
  );
  return target.evaluate(
    async ({ list, password }) => {
      const signIn = await fetch('/api/v1/auth/sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'coordinator@demo.concerted.invalid', password }),
      });
      const { data } = (await signIn.json()) as { data: { csrfToken: string } };
      let created = 0;
      for (const need of list) {
        const reply = await fetch('/api/v1/coverage/needs', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': data.csrfToken },
          body: JSON.stringify(need),
        });
        if (reply.status === 201) created++;
      }
      return created;
    },
    { list: needs, password: DEMO_PASSWORD },
  );
}

async function open(language: string, query = '') {
  await openPage(page, harness.baseUrl, `/coverage?from=2026-01-01&to=2026-12-31${query}&lang=${language}`);
  await page.locator('.findings-table').waitFor({ timeout: 30_000 });
}

/** The page is no wider than the viewport; on failure, names the elements that stick out. */
async function expectFitsViewport() {
  const widths = await page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const scrolls = (e: Element | null): boolean =>
      e !== null &&
      e !== document.body &&
      (/(auto|scroll|hidden)/.test(getComputedStyle(e).overflowX) || scrolls(e.parentElement));
    const outside = [...document.querySelectorAll('body *')]
      .filter((e) => {
        const box = e.getBoundingClientRect();
        return box.width > 0 && (box.right > viewport + 1 || box.left < -1) && !scrolls(e.parentElement);
      })
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.getAttribute('class')}`);
    return { page: document.documentElement.scrollWidth, viewport, outside };
  });
  expect(widths.page, widths.outside.join(', ')).toBeLessThanOrEqual(widths.viewport);
}

/** Every label of the heat-maps lies inside its picture: none clipped, none hidden under the cells. */
async function expectHeatMapLabelsInside() {
  const outside = await page.evaluate(() =>
    [...document.querySelectorAll('.heatmap-figure svg')].flatMap((svg) => {
      const frame = svg.getBoundingClientRect();
      return [...svg.querySelectorAll('text')]
        .filter((text) => {
          const box = text.getBoundingClientRect();
          return box.left < frame.left - 1 || box.right > frame.right + 1 || box.top < frame.top - 1;
        })
        .map((text) => text.textContent);
    }),
  );
  expect(outside).toEqual([]);
}

/** Legend classes: distinct bounds, never "2 to 2". */
async function expectSensibleLegend() {
  const items = await page.locator('.choropleth .legend li').allTextContents();
  for (const item of items) {
    const bounds = item.match(/[\d٠-٩,.]+/g) ?? [];
    if (bounds.length === 2) expect(bounds[0], item).not.toBe(bounds[1]);
  }
}

async function shoot(name: string) {
  if (!SHOTS) return;
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

beforeAll(async () => {
  harness = await startHarness();
  page = await harness.newPage({ width: 1280, height: 900 });
  await openPage(page, harness.baseUrl, '/?lang=en');
  expect(await recordNeeds(page)).toBe(COUNTRIES.length * FORMS.length * PILLARS.length);
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

describe('coverage findings table', () => {
  it('groups more than a hundred findings by country and rule, 25 to a page', async () => {
    await open('en');
    const summary = await page.locator('section[aria-labelledby="findings-heading"] output').textContent();
    const total = Number(summary?.match(/^([\d,]+) findings/)?.[1]?.replace(',', ''));
    expect(total).toBeGreaterThan(100);
    await expect(page.locator('.findings-table tbody tr:not(.group-row)').count()).resolves.toBe(25);
    const groups = await page.locator('.findings-table .group-row th').allTextContents();
    expect(groups[0]).toMatch(/ — .+: \d+ findings?$/);
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect(page.getByText(/^Page 2 of \d+$/).count()).resolves.toBe(1);
    await expectFitsViewport();
    await expectHeatMapLabelsInside();
    await expectSensibleLegend();
    await shoot('h5-findings-en');
  });

  it('filters by country and rule, and explains a finding with names and labels, never codes', async () => {
    const findings = page.locator('section[aria-labelledby="findings-heading"]');
    await findings.getByLabel('Country', { exact: true }).selectOption('BRA');
    await findings.getByLabel('Rule', { exact: true }).selectOption('need_uncovered');
    // The eight needs recorded above, and any the demo's own need table and statistics add for Brazil.
    const groups = await page.locator('.findings-table .group-row th').allTextContents();
    expect(groups).toHaveLength(1);
    const count = Number(groups[0]?.match(/^Brazil — need not covered: (\d+) findings$/)?.[1]);
    expect(count).toBeGreaterThanOrEqual(8);
    await expect(page.locator('.findings-table tbody tr:not(.group-row)').count()).resolves.toBe(count);
    shownCount = count;
    await page
      .locator('.findings-table tr', { hasText: 'Sexual exploitation' })
      .first()
      .getByRole('button', { name: /Show details/ })
      .click();
    const detail = page.locator('.finding-detail');
    const text = (await detail.textContent()) ?? '';
    expect(text).toContain('Brazil');
    expect(text).toContain('Sexual exploitation');
    expect(text).not.toMatch(/\bBRA\b|need_uncovered|sexual_exploitation|forced_labour/);
    await expectFitsViewport();
    expect(await axeViolations(page)).toEqual([]);
    await shoot('h5-finding-detail-en');
  });

  it('downloads what is shown as CSV, labels first and codes for machines after', async () => {
    // Downloaded as a person would: the page's security policy rightly forbids scripts to fetch the blob.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download these findings (CSV)' }).click(),
    ]);
    // Read through the browser's connection: the file stays with the run's shared browser.
    const csv = await text(await download.createReadStream());
    const lines = csv.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines).toHaveLength(shownCount + 1);
    expect(lines[0]).toMatch(/^Country,Rule,Severity,.*,finding_id,rule,kind,severity,iso3,/);
    expect(lines.slice(1).every((line) => line.startsWith('Brazil,need not covered,'))).toBe(true);
    expect(lines[1]).toContain(',need_uncovered,gap,');
  });

  it('reads in Arabic, right to left, translated, within the viewport and axe clean', async () => {
    await open('ar');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await expect(page.locator('#findings-heading').textContent()).resolves.toBe('الثغرات والتداخلات');
    await page
      .getByRole('button', { name: /عرض التفاصيل/ })
      .first()
      .click();
    const text = (await page.locator('.finding-detail').textContent()) ?? '';
    expect(text).toMatch(/[\u0600-\u06FF]/);
    expect(text).not.toMatch(/\b[A-Z]{3}\b|need_uncovered|unlinked_overlap|_/);
    await expectFitsViewport();
    await expectHeatMapLabelsInside();
    await expectSensibleLegend();
    expect(await axeViolations(page)).toEqual([]);
    await shoot('h5-findings-ar');
  });

  it('zooms the map to the country the page is filtered to', async () => {
    await open('en');
    const world = await page.locator('.world-map').getAttribute('viewBox');
    await open('en', '&country=KEN');
    await page.waitForFunction(
      (before) => document.querySelector('.world-map')?.getAttribute('viewBox') !== before,
      world,
    );
    const [, , width] = ((await page.locator('.world-map').getAttribute('viewBox')) ?? '')
      .split(' ')
      .map(Number);
    const [, , worldWidth] = (world ?? '').split(' ').map(Number);
    expect(width).toBeLessThan((worldWidth ?? 0) / 3);
    await shoot('h5-map-zoom-en');
  });
});
