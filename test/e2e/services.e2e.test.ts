// The service directory page in Chromium: the public directory with its filters kept in the URL, places
// free, the map of public locations, a shelter's address never shown, Arabic right to left, and no axe findings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, type Harness, openPage, startHarness } from './harness.js';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

describe('service directory page', () => {
  it('lists the public demo services to everyone, with places free, and never a shelter’s address', async () => {
    const page = await harness.newPage();
    await openPage(page, harness.baseUrl, '/services');
    await expect(page.locator('h1').textContent()).resolves.toBe('Service directory');
    await page.waitForSelector('tbody tr');
    const names = await page.locator('tbody th').allTextContents();
    expect(names.join(' ')).toContain('Safe house for women and girls (demo)');
    // The partners-only demo service is not public.
    expect(names.join(' ')).not.toContain('Vocational training for young survivors (demo)');
    const body = await page.locator('main').textContent();
    expect(body).not.toContain('1 Example Lane');
    expect(body).toContain('Address given to case staff only');
    expect(body).toContain('5 of 24');
    await page.waitForSelector('.service-map circle');
    // The shelter has coordinates, but only the two public non-shelter locations are drawn.
    await expect(page.locator('.service-map circle').count()).resolves.toBe(2);
    await expect(axeViolations(page)).resolves.toEqual([]);
  });

  it('filters by kind of service and keeps the choice in the address', async () => {
    const page = await harness.newPage();
    await openPage(page, harness.baseUrl, '/services');
    await page.waitForSelector('tbody tr');
    await page.getByLabel('Kind of service').selectOption({ label: 'Legal aid' });
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1);
    expect(new URL(page.url()).searchParams.get('category')).toBe('legal_aid');
    await expect(page.locator('tbody th').first().textContent()).resolves.toContain('Free legal advice');
    await page.getByLabel('Only services with places free').check();
    await page.waitForFunction(() => document.body.textContent?.includes('No service matches'));
    expect(new URL(page.url()).searchParams.get('hasPlacesFree')).toBe('true');
  });

  it('reads right to left in Arabic, with the labels in Arabic', async () => {
    const page = await harness.newPage();
    await openPage(page, harness.baseUrl, '/services?lang=ar');
    await expect(page.locator('h1').textContent()).resolves.toBe('دليل الخدمات');
    await expect(page.evaluate(() => document.documentElement.dir)).resolves.toBe('rtl');
    await page.waitForSelector('tbody tr');
    await expect(page.locator('tbody').textContent()).resolves.toContain('المأوى');
    await expect(axeViolations(page)).resolves.toEqual([]);
  });
});
