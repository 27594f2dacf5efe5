// The reference pages: code lists, a list's codes in the chosen language, and the country filter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, openPage, startHarness } from './harness.js';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

describe('reference pages', () => {
  it('lists the code lists and opens the pillar list with its four codes', async () => {
    const page = await harness.newPage();
    await openPage(page, harness.baseUrl, '/reference');
    await expect(page.locator('h1').textContent()).resolves.toBe('Reference data');
    await page.getByRole('link', { name: 'Pillar', exact: true }).click();
    await page.waitForFunction(() =>
      document.querySelector('table caption')?.textContent?.includes('Pillar'),
    );
    expect(new URL(page.url()).pathname).toBe('/reference/lists/pillar');
    const codes = await page.$$eval('tbody th code', (cells) => cells.map((cell) => cell.textContent));
    expect(codes).toEqual(['prevention', 'protection', 'prosecution', 'partnership']);
  });

  it('shows the labels in the current language', async () => {
    const page = await harness.newPage();
    await openPage(page, harness.baseUrl, '/reference/lists/pillar?lang=fr');
    await expect(page.locator('h1').textContent()).resolves.toBe('Pilier');
    await expect(page.locator('tbody td').first().textContent()).resolves.toBe('Prévention');
  });

  it('explains an unknown list with the problem detail from the server', async () => {
    const page = await harness.newPage();
    await openPage(page, harness.baseUrl, '/reference/lists/no_such_list');
    const alert = page.getByRole('alert');
    await expect(alert.textContent()).resolves.toContain('No code list named no_such_list');
    await expect(alert.textContent()).resolves.toContain('not_found');
  });

  it('filters countries by region and by search', async () => {
    const page = await harness.newPage();
    await openPage(page, harness.baseUrl, '/reference/countries');
    const all = await page.locator('tbody tr').count();
    expect(all).toBeGreaterThan(240);
    await page.getByLabel('UN M49 region').selectOption({ label: 'Western Asia' });
    const westernAsia = await page.locator('tbody tr').count();
    expect(westernAsia).toBeLessThan(30);
    await expect(page.locator('tbody th').allTextContents()).resolves.toContain('Bahrain');
    await page.getByLabel('Search by name or code').fill('bhr');
    await expect(page.locator('tbody th').allTextContents()).resolves.toEqual(['Bahrain']);
    await expect(page.getByRole('status').textContent()).resolves.toBe('1 country or area shown');
  });
});
