// The statistics dashboards: global and country, English and Arabic, honest censored figures, CSV, axe.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileFromBuffer, importStatistics } from '../../src/statistics/index.js';
import { glotipCsv } from '../statistics/publisher-files.js';
import { LAST_YEAR, publisherLayoutRows } from '../statistics/publisher-layout.js';
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
    await expect(tableTexts(page, 'World, by year')).resolves.toHaveLength(5);
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

// A release in the publisher's layout: UNODC's regional codes, a joint area, Sark, "0 to 17 years",
// citizenship as free text, 19 years, and a last year in which only two countries reported.
describe('statistics dashboards with a file in the publisher’s layout', () => {
  let publisher: Harness;
  let releaseId: string;
  const LABELS = {
    en: {
      title: 'Women, girls, men and boys',
      groups: ['Women', 'Girls', 'Men', 'Boys', 'Sex or age unknown'],
      region: 'South America',
      flow: /^\S.* → \S.*$/,
    },
    ar: {
      title: 'النساء والفتيات والرجال والفتيان',
      groups: ['النساء', 'الفتيات', 'الرجال', 'الفتيان', 'الجنس أو العمر غير معروف'],
      region: 'أمريكا الجنوبية',
      flow: /^من \S.* إلى \S.*$/,
    },
  } as const;

  beforeAll(async () => {
    publisher = await startHarness({
      prepare: async ({ db }) => {
        await importStatistics((work) => db.transaction(work), {
          source: 'glotip',
          file: fileFromBuffer('data_glotip.csv', Buffer.from(glotipCsv(publisherLayoutRows()))),
          release: 'GLOTIP layout',
        });
      },
    });
    const releases = await (await fetch(`${publisher.baseUrl}/api/v1/statistics/releases`)).json();
    releaseId = releases.data.find((r: { source: string }) => r.source === 'glotip').id;
  });
  afterAll(async () => {
    await publisher?.close();
  });

  it.each(['en', 'ar'] as const)(
    'shows the five groups, a share of at most one hundred per cent and the publisher’s regions, opening on the latest well-covered year (%s)',
    async (lang) => {
      const page = await publisher.newPage();
      await openPage(page, publisher.baseUrl, `/statistics?lang=${lang}&release=${releaseId}`);
      await waitForCharts(page, 4);
      // 2021 had only two countries: the dashboard opens on 2020 and marks 2021 in the list of years.
      const year = page.locator('select').nth(2);
      await expect(year.inputValue()).resolves.toBe(String(LAST_YEAR - 1));
      await expect(year.locator(`option[value="${LAST_YEAR}"]`).textContent()).resolves.not.toBe(
        String(LAST_YEAR),
      );
      const groups = await chart(page, LABELS[lang].title).locator('table tbody th').allTextContents();
      expect(groups).toEqual(LABELS[lang].groups);
      const share = await page.getByTestId('headline-share').locator('.headline-figure').textContent();
      const percents = [...(share ?? '').matchAll(/[\d٠-٩]+/g)].map((m) =>
        Number(m[0].replace(/[٠-٩]/g, (d) => String('٠١٢٣٤٥٦٧٨٩'.indexOf(d)))),
      );
      expect(percents.length).toBeGreaterThan(0);
      for (const percent of percents) expect(percent).toBeLessThanOrEqual(100);
      await expect(page.locator('section.publisher-regions svg text').allTextContents()).resolves.toEqual(
        expect.arrayContaining([LABELS[lang].region]),
      );
      // Origin → destination from the citizenship breakdown, countries named in the reader's language.
      const flows = await page
        .locator('section.flows figure.chart')
        .first()
        .locator('tbody th')
        .allTextContents();
      expect(flows.length).toBeGreaterThan(0);
      for (const flow of flows) expect(flow).toMatch(LABELS[lang].flow);
      // Countries by name, never a code or a publisher's English term in the Arabic page.
      expect(flows.join(' ')).not.toMatch(/\b[A-Z]{3}\b|Other countries|Unknown/);
      await expect(
        page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      ).resolves.toBe(true);
      await page.evaluate(() => {
        for (const details of document.querySelectorAll('details')) details.open = true;
      });
      expect(await axeViolations(page)).toEqual([]);
    },
  );

  it('marks a sparse year and keeps the whole selection in an address that opens the same view', async () => {
    const page = await publisher.newPage();
    await openPage(page, publisher.baseUrl, `/statistics?lang=en&release=${releaseId}`);
    await waitForCharts(page, 4);
    await page.getByLabel('Year', { exact: true }).selectOption(String(LAST_YEAR));
    await page.getByTestId('sparse-year').waitFor();
    await expect(page.getByTestId('sparse-year').textContent()).resolves.toContain('Only 2 countries');
    await page.getByLabel('Rows').selectOption('country');
    await page.getByLabel('Columns').selectOption('year');
    const shared = new URL(page.url());
    expect(Object.fromEntries(shared.searchParams)).toMatchObject({
      release: releaseId,
      year: String(LAST_YEAR),
      rows: 'country',
      columns: 'year',
    });
    const other = await publisher.newPage();
    await openPage(other, publisher.baseUrl, shared.pathname + shared.search);
    await waitForCharts(other, 4);
    await expect(other.getByLabel('Year', { exact: true }).inputValue()).resolves.toBe(String(LAST_YEAR));
    await expect(other.getByLabel('Rows', { exact: true }).inputValue()).resolves.toBe('country');
    await expect(other.getByTestId('sparse-year').isVisible()).resolves.toBe(true);
    // Countries in the pivot read in the reader's alphabetical order.
    const countries = await other.locator('section.pivot tbody th').allTextContents();
    expect(countries).toEqual([...countries].sort(new Intl.Collator('en').compare));
  });

  it('opens a country page on that country’s latest year, even one in which few others reported', async () => {
    const page = await publisher.newPage();
    await openPage(page, publisher.baseUrl, `/statistics/countries/KEN?lang=en&release=${releaseId}`);
    await waitForCharts(page, 3);
    await expect(page.getByLabel('Year', { exact: true }).inputValue()).resolves.toBe(String(LAST_YEAR));
    await expect(page.getByTestId('sparse-year').count()).resolves.toBe(0);
    const brazil = await publisher.newPage();
    await openPage(brazil, publisher.baseUrl, `/statistics/countries/BRA?lang=en&release=${releaseId}`);
    await waitForCharts(brazil, 3);
    await expect(brazil.getByLabel('Year', { exact: true }).inputValue()).resolves.toBe(
      String(LAST_YEAR - 1),
    );
  });

  it('ranks countries and puts the chosen ones on one trend, the choice kept in the address', async () => {
    const page = await publisher.newPage();
    await openPage(page, publisher.baseUrl, `/statistics?lang=en&release=${releaseId}`);
    await waitForCharts(page, 4);
    const ranked = await chart(page, 'largest first').locator('table tbody td').allTextContents();
    const figures = ranked.map((text) => Number(text.replace(/,/g, '')));
    expect(figures).toEqual([...figures].sort((a, b) => b - a));
    // The three largest are on the trend at first; add the smallest of the ranking.
    const smallest = (await chart(page, 'largest first').locator('table tbody th').allTextContents()).at(-1);
    await page.locator('.compare-picker summary').click();
    await page
      .locator('.compare-picker')
      .getByLabel(smallest ?? '', { exact: true })
      .check();
    await page.waitForURL(/compare=/);
    const compared = new URL(page.url()).searchParams.get('compare')?.split(',') ?? [];
    expect(compared).toHaveLength(4);
    await page.waitForFunction(
      () =>
        document.querySelectorAll('.compare-trend figure.chart table thead th').length === 5 &&
        document.querySelectorAll('.status-loading').length === 0,
    );
    const columns = await page.locator('.compare-trend figure.chart table thead th').allTextContents();
    expect(columns).toContain(smallest);
  });

  it('says why the pivot is empty instead of showing an empty table', async () => {
    const page = await publisher.newPage();
    await openPage(page, publisher.baseUrl, `/statistics?lang=en&release=${releaseId}&rows=form&columns=age`);
    await waitForCharts(page, 4);
    await expect(page.getByTestId('pivot-empty').textContent()).resolves.toContain('broken down by');
  });
});
