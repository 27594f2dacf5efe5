// The agency look-up in Chromium, signed out: in English a licensed demo agency is found by its licence
// number and a lapsed one reported; in Arabic (right to left) the lapsed one is reported again and its page
// read, never with a list of complaints. Every page checked by axe. The demo agencies are invented.
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

async function check(page: Page, licenceLabel: string, licence: string, button: string) {
  await page.getByLabel(licenceLabel, { exact: true }).fill(licence);
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.waitForFunction(
    (expected) => new URL(window.location.href).searchParams.get('licence') === expected,
    licence,
  );
  await page.locator('.answer-sentence').waitFor();
  await page.waitForFunction(() => document.querySelectorAll('.status-loading').length === 0);
}

describe('is this agency licensed?', () => {
  it('finds a licensed agency and reports a lapsed one, in English', async () => {
    const page = await harness.newPage();
    await openPage(page, harness.baseUrl, '/intermediaries?lang=en');
    await expect(page.locator('h1').textContent()).resolves.toBe('Is this agency licensed?');
    await expect(axeViolations(page)).resolves.toEqual([]);

    await check(page, 'Licence number', 'DEMO-LB-001', 'Check');
    await expect(page.locator('.answer-sentence').textContent()).resolves.toBe(
      'Yes, this agency is licensed.',
    );
    await expect(page.locator('.agency-list').textContent()).resolves.toContain(
      'Bluebird Careers Abroad Ltd (demo)',
    );
    await expect(axeViolations(page)).resolves.toEqual([]);

    await check(page, 'Licence number', 'DEMO-LB-002', 'Check');
    await expect(page.locator('.answer-sentence').textContent()).resolves.toBe(
      'No: the agency’s licence has expired.',
    );
    await expect(page.locator('.agency-list').textContent()).resolves.toContain('expired on');
    await expect(axeViolations(page)).resolves.toEqual([]);
  });

  it('reports the lapsed agency in Arabic, right to left, and opens its page', async () => {
    const page = await harness.newPage();
    await openPage(page, harness.baseUrl, '/intermediaries?lang=ar');
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    await expect(page.locator('h1').textContent()).resolves.toBe('هل هذه الوكالة مرخّصة؟');

    await check(page, 'رقم الترخيص', 'DEMO-LB-002', 'تحقّق');
    await expect(page.locator('.answer-sentence').textContent()).resolves.toBe(
      'لا: انتهت صلاحية ترخيص هذه الوكالة.',
    );
    await expect(axeViolations(page)).resolves.toEqual([]);

    await page.getByRole('link', { name: 'Lantern Overseas Placement (demo)' }).click();
    await page.locator('h1', { hasText: 'Lantern Overseas Placement (demo)' }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.status-loading').length === 0);
    await expect(page.getByRole('heading', { name: 'علامات الخطر' }).count()).resolves.toBe(1);
    await expect(page.locator('main').textContent()).resolves.not.toMatch(/complaint|شكوى/i);
    await expect(axeViolations(page)).resolves.toEqual([]);
  });
});
