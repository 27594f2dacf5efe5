// The service directory page in Chromium: the public directory with its filters kept in the URL, places
// free, the map of public locations, a shelter's address never shown, Arabic right to left, and no axe findings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../src/access/demo.js';
import { axeViolations, type Harness, openPage, startHarness } from './harness.js';
import { signIn } from './signed-in.js';

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

  it('offers no update of places to a reader who does not keep the service', async () => {
    const page = await harness.newPage();
    await openPage(page, harness.baseUrl, '/services');
    await page.waitForSelector('tbody tr');
    await expect(page.getByRole('button', { name: /Update places/ }).count()).resolves.toBe(0);
  });

  it('lets the staff of the keeping organisation update places free and capacity, read back after reload', async () => {
    const manager = DEMO_USERS.find((user) => user.role === 'case_manager');
    const page = await harness.newPage();
    await signIn(harness, page, manager?.email ?? '', manager?.totpSecret);
    await openPage(page, harness.baseUrl, '/services?lang=en&q=Safe%20house');
    const row = page.getByRole('row').filter({ hasText: 'Safe house for women and girls (demo)' });
    await expect(row.textContent()).resolves.toContain('5 of 24');
    // The legal aid centre's service is not the shelter network's to update.
    const legal = page.getByRole('button', {
      name: 'Update places Free legal advice and representation (demo)',
    });
    await expect(legal.count()).resolves.toBe(0);
    await row.getByRole('button', { name: 'Update places Safe house for women and girls (demo)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Places at Safe house for women and girls (demo)' });
    await expect(dialog.getByLabel('Places free now').inputValue()).resolves.toBe('5');
    await dialog.getByLabel('Places free now').fill('25');
    await dialog.getByRole('button', { name: 'Save the places' }).click();
    await dialog.locator('.error-summary').waitFor();
    await expect(dialog.locator('.field-error').first().textContent()).resolves.toContain('Enter 24 or less');
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByLabel('Capacity').fill('30');
    await dialog.getByLabel('Places free now').fill('7');
    await dialog.getByRole('button', { name: 'Save the places' }).click();
    await page.getByText('The places of Safe house for women and girls (demo) were updated.').waitFor();
    await openPage(page, harness.baseUrl, '/services?lang=en&q=Safe%20house');
    await expect(row.textContent()).resolves.toContain('7 of 30');
    // The count alone: the capacity stays.
    await row.getByRole('button', { name: 'Update places Safe house for women and girls (demo)' }).click();
    await dialog.getByLabel('Places free now').fill('6');
    await dialog.getByRole('button', { name: 'Save the places' }).click();
    await page.getByText('The places of Safe house for women and girls (demo) were updated.').waitFor();
    await openPage(page, harness.baseUrl, '/services?lang=en&q=Safe%20house');
    await expect(row.textContent()).resolves.toContain('6 of 30');
  });
});
