// axe-core finds no WCAG 2.1 A/AA violations on the main pages, in English and in Arabic.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, type Harness, openPage, startHarness } from './harness.js';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

const PAGES = [
  '/',
  '/reference',
  '/reference/countries',
  '/reference/lists/activity_type',
  '/cases',
  // Signed out, these ask to sign in; signed in, referrals.e2e and screening.e2e run axe on them too.
  '/referrals',
  '/screening',
];

describe.each(['en', 'ar'])('accessibility in %s', (language) => {
  it.each(PAGES)('%s has no axe violations', async (pathname) => {
    const page = await harness.newPage();
    await openPage(page, harness.baseUrl, `${pathname}?lang=${language}`);
    // The map's table is folded away by default; open it so axe checks it too. (Not a locator:
    // on pages without a map it would wait its full 30-second timeout for the element.)
    await page.evaluate(() => document.querySelector('details.map-table')?.setAttribute('open', ''));
    expect(await axeViolations(page)).toEqual([]);
  });

  it('has no axe violations on a narrow screen', async () => {
    const page = await harness.newPage({ width: 390, height: 844 });
    await openPage(page, harness.baseUrl, `/?lang=${language}`);
    expect(await axeViolations(page)).toEqual([]);
  });
});
