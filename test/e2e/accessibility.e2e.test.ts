// axe-core finds no WCAG 2.1 A/AA violations on the main pages, in English and in Arabic.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/access/demo.js';
import { currentTotp } from '../../src/access/totp.js';
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
  '/releases',
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

/** The case worker's page, signed in once: a second factor code is accepted only once. */
let caseWorkerPage: Page | undefined;

async function signedInCaseWorker(): Promise<Page> {
  if (caseWorkerPage) return caseWorkerPage;
  const worker = DEMO_USERS.find((user) => user.role === 'case_worker');
  if (!worker?.totpSecret) throw new Error('no demo case worker');
  const page = await harness.newPage();
  await openPage(page, harness.baseUrl, '/sign-in?lang=en');
  await page.getByLabel('Email address').fill(worker.email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByLabel('Six-digit code').fill(currentTotp(worker.totpSecret));
  await page.getByRole('button', { name: 'Verify and sign in' }).click();
  await page.locator('.user-menu-button').waitFor();
  caseWorkerPage = page;
  return page;
}

describe.each(['en', 'ar'])('accessibility of the case pages in %s', (language) => {
  it('has no axe violations on the case list, the new-case form and each tab of a case', async () => {
    const page = await signedInCaseWorker();
    for (const pathname of ['/cases', '/cases/new']) {
      await openPage(page, harness.baseUrl, `${pathname}?lang=${language}`);
      expect(await axeViolations(page), pathname).toEqual([]);
    }
    await openPage(page, harness.baseUrl, `/cases?lang=${language}`);
    await page.getByRole('link', { name: 'C-2026-D3M0A1' }).click();
    await page.getByRole('tablist').waitFor();
    const tabs = page.getByRole('tab');
    for (let index = 0; index < (await tabs.count()); index++) {
      await tabs.nth(index).click();
      await page.waitForFunction(() => document.querySelectorAll('.status-loading').length === 0);
      expect(await axeViolations(page), `tab ${index}`).toEqual([]);
    }
  });
});
