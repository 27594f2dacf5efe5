// The statistics dashboards: global and country, English and Arabic, honest censored figures, CSV, axe.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, type Harness, openPage, startHarness } from './harness.js';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

/** Waits until the dashboard's charts (and the map) have drawn. */
async function waitForCharts(page: Page, count: number) {
  await page.waitForFunction((n) => document.querySelectorAll('figure.chart svg').length >= n, count, {
    timeout: 20_000,
  });
  await page.waitForFunction(() => document.querySelectorAll('.status-loading').length === 0);
}

/** The chart whose title contains `title`. */
const chart = (page: Page, title: string) =>
  page.locator('figure.chart').filter({ has: page.locator('.chart-title', { hasText: title }) });

const tableTexts = (page: Page, title: string) => chart(page, title).locator('table td').allTextContents();

describe('statistics dashboards', () => {
  it('draws the global dashboard from the synthetic demo release, censored figures as ranges', async () => {
    const page = await harness.newPage();
    await openPage(page, harness.baseUrl, '/statistics?lang=en');
    await waitForCharts(page, 4);
    await expect(page.locator('h1').textContent()).resolves.toBe('Official statistics');
    await expect(
      page.getByLabel('Release', { exact: true }).locator('option:checked').textContent(),
    ).resolves.toContain('synthetic demo data');
    await expect(page.locator('.banner-warning').textContent()).resolves.toContain('Synthetic demo data');
    // Women, girls, men and boys, each a bar with its figure, and a source line naming the release.
    const sexAge = chart(page, 'Women, girls, men and boys');
    const labels = await sexAge.locator('svg text').allTextContents();
    expect(labels).toEqual(expect.arrayContaining(['Women', 'Girls', 'Men', 'Boys']));
    await expect(sexAge.locator('.chart-source').textContent()).resolves.toContain(
      'synthetic demo data 2026.1',
    );
    // Summed censored counts ("<5" cells) are ranges, never a single invented number.
    const forms = await tableTexts(page, 'Forms of exploitation by sex and age');
    expect(forms.some((text) => /^\d[\d,]*–\d[\d,]*$/.test(text))).toBe(true);
    await expect(page.locator('.chart-svg.choropleth path[data-key="KEN"]').count()).resolves.toBe(1);
    // The picture downloads as SVG (serialized) and as PNG (drawn on a canvas).
    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      sexAge.getByRole('button', { name: 'Download SVG' }).click(),
    ]);
    expect(svg.suggestedFilename()).toMatch(/^Women-girls-men-and-boys-World-2022\.svg$/);
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      sexAge.getByRole('button', { name: 'Download PNG' }).click(),
    ]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    // The trend has one point per year 2018–2022.
    await expect(tableTexts(page, 'by year')).resolves.toHaveLength(5);
  });

  it('offers the pivot table as CSV from the same query', async () => {
    const page = await harness.newPage();
    await openPage(page, harness.baseUrl, '/statistics?lang=en');
    await waitForCharts(page, 4);
    await page.getByLabel('Rows').selectOption('year');
    await page.getByLabel('Columns').selectOption('sex');
    const pivot = page.locator('section.pivot');
    await page.waitForFunction(() =>
      document.querySelector('section.pivot caption')?.textContent?.includes('Year'),
    );
    await expect(pivot.locator('tbody tr').count()).resolves.toBe(5);
    const href = await pivot.getByRole('link', { name: 'Download the table as CSV' }).getAttribute('href');
    expect(href).toContain('/api/v1/statistics/query.csv?');
    const csv = await page.evaluate(async (url) => {
      const response = await fetch(url as string);
      return { type: response.headers.get('content-type'), text: await response.text() };
    }, href);
    expect(csv.type).toContain('text/csv');
    expect(csv.text.split('\n').length).toBeGreaterThan(10);
    expect(csv.text).toContain('Female');
  });

  it('opens a country dashboard from the map, with its region beside it and "<5" cells', async () => {
    const page = await harness.newPage();
    await openPage(page, harness.baseUrl, '/statistics?lang=en');
    await waitForCharts(page, 4);
    await page.locator('.chart-svg.choropleth path[data-key="KEN"]').click();
    await page.waitForURL(/\/statistics\/countries\/KEN/);
    await page.waitForFunction(() => document.querySelector('h1')?.textContent?.includes('Kenya'));
    await waitForCharts(page, 4);
    const region = await tableTexts(page, 'and its region');
    expect(region.length).toBeGreaterThanOrEqual(6);
    // Kenya's 2022 cells by form, sex and age include counts published as "<5", shown as such.
    const cells = await tableTexts(page, 'Forms of exploitation by sex and age');
    expect(cells).toContain('<5');
    // And back to the list by a keyboard-reachable link.
    await page.getByRole('link', { name: 'All countries' }).click();
    await page.getByRole('link', { name: 'Nigeria' }).click();
    await page.waitForFunction(() => document.querySelector('h1')?.textContent?.includes('Nigeria'));
  });

  it('speaks Arabic right to left, with translated chart labels', async () => {
    const page = await harness.newPage();
    await openPage(page, harness.baseUrl, '/statistics?lang=ar');
    await waitForCharts(page, 4);
    await expect(page.evaluate(() => document.documentElement.dir)).resolves.toBe('rtl');
    await expect(page.locator('h1').textContent()).resolves.toBe('الإحصاءات الرسمية');
    const labels = await chart(page, 'النساء والفتيات والرجال والفتيان')
      .locator('svg text')
      .allTextContents();
    expect(labels).toEqual(expect.arrayContaining(['النساء', 'الفتيات', 'الرجال', 'الفتيان']));
    await expect(page.getByRole('button', { name: 'تنزيل PNG' }).first().isVisible()).resolves.toBe(true);
  });

  it.each([
    ['/statistics?lang=en'],
    ['/statistics?lang=ar'],
    ['/statistics/countries/KEN?lang=en'],
    ['/statistics/countries/KEN?lang=ar'],
  ])('has no axe violations on %s', async (path) => {
    const page = await harness.newPage();
    await openPage(page, harness.baseUrl, path);
    await waitForCharts(page, 4);
    // Open every text alternative, so that axe checks the tables too.
    await page.evaluate(() => {
      for (const details of document.querySelectorAll('details')) details.open = true;
    });
    expect(await axeViolations(page)).toEqual([]);
  });
});
