// The home page: the world map with small states visible, switching to Arabic, and keyboard order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, openPage, startHarness } from './harness.js';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

// Bahrain, Singapore, Malta and Maldives, by ISO 3166-1 numeric code.
const SMALL_STATES = ['048', '702', '470', '462'];

describe('home page', () => {
  it('draws the world map with a shape for each country, coloured by region', async () => {
    const page = await harness.newPage();
    await openPage(page, harness.baseUrl, '/');
    const map = page.locator('svg.world-map[role="img"]');
    await expect(map.getAttribute('aria-label')).resolves.toMatch(/countries or areas/);
    const countryPaths = await page.locator('.map-countries path[data-iso3]').count();
    expect(countryPaths).toBeGreaterThan(200);
    const fills = await page.$$eval(
      '.map-countries path[data-iso3]',
      (paths) => [...new Set(paths.map((p) => p.getAttribute('fill')))].length,
    );
    expect(fills).toBeGreaterThanOrEqual(5);
    await expect(page.locator('.legend li').count()).resolves.toBeGreaterThanOrEqual(5);
  });

  it('shows small states as dots with their names', async () => {
    const page = await harness.newPage();
    await openPage(page, harness.baseUrl, '/');
    for (const numeric of SMALL_STATES) {
      const marker = page.locator(`circle.map-marker[data-numeric="${numeric}"]`);
      await expect(marker.count(), numeric).resolves.toBe(1);
      const box = await marker.boundingBox();
      // At least about 5 px across on a 1280 px wide window, so it can be seen and hovered.
      expect(box?.width ?? 0, numeric).toBeGreaterThanOrEqual(5);
    }
    await expect(page.locator('circle[data-numeric="048"] title').textContent()).resolves.toMatch(/^Bahrain/);
    // Tuvalu is missing from the 50m atlas; it is placed from the build-time centroid.
    await expect(page.locator('circle.map-marker[data-numeric="798"]').count()).resolves.toBe(1);
  });

  it('switches to Arabic: right to left, lang="ar", translated navigation, remembered', async () => {
    const page = await harness.newPage();
    await openPage(page, harness.baseUrl, '/');
    await page.getByRole('link', { name: 'العربية' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'ar');
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    const nav = page.getByRole('navigation', { name: 'القائمة الرئيسية' });
    await expect(nav.getByRole('link', { name: 'الشركاء' }).count()).resolves.toBe(1);
    await expect(nav.getByRole('link', { name: 'البيانات المرجعية' }).count()).resolves.toBe(1);
    expect(new URL(page.url()).searchParams.get('lang')).toBe('ar');
    await expect(page.title()).resolves.toContain('العمل المنسَّق');

    // The navigation sits on the right in right-to-left layout.
    const navBox = await nav.boundingBox();
    const mainBox = await page.locator('main').boundingBox();
    expect(navBox && mainBox && navBox.x > mainBox.x).toBe(true);

    // Remembered: a visit without ?lang comes back in Arabic.
    await page.goto(new URL('/reference', harness.baseUrl).toString());
    await page.waitForFunction(() => document.documentElement.lang === 'ar');
    await expect(page.locator('h1').textContent()).resolves.toBe('البيانات المرجعية');
  });

  it('reaches the skip link first, then the main navigation, by keyboard', async () => {
    const page = await harness.newPage();
    await openPage(page, harness.baseUrl, '/');
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => document.activeElement?.textContent);
    expect(first).toBe('Skip to main content');
    await expect(page.locator('.skip-link').isVisible()).resolves.toBe(true);

    // Header: brand, then the six languages; then the main navigation's first link.
    const focusedInNav: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      const inNav = await page.evaluate(() => document.activeElement?.closest('nav.main-nav') !== null);
      if (inNav) focusedInNav.push((await page.evaluate(() => document.activeElement?.textContent)) ?? '');
    }
    expect(focusedInNav.slice(0, 2)).toEqual(['Home', 'Partners']);

    // The skip link moves focus into <main>.
    await page.keyboard.press('Shift+Tab');
    // Wait for the app to render: a Tab pressed before that finds no skip link yet.
    await openPage(page, harness.baseUrl, '/');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
  });

  it('navigates in-page: focus on the new heading, title updated, back works', async () => {
    const page = await harness.newPage();
    await openPage(page, harness.baseUrl, '/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Partners' }).click();
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    await expect(page.locator('h1').textContent()).resolves.toBe('Partners');
    await expect(page.title()).resolves.toBe('Partners — Concerted');
    await page.getByText('Safe Harbour Shelter Network (demo)').first().waitFor();
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('h1')?.textContent?.startsWith('Coordinated'));
    expect(new URL(page.url()).pathname).toBe('/');
  });
});
