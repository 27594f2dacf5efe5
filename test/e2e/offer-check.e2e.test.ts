// The public job-offer check in Chromium: the plain form without JavaScript (English and Arabic), the form with
// its small script, the check offline once loaded, and no accessibility violation on its pages.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageText } from '../../src/prevention/offer-check/page/page-texts.js';
import { OFFER_TEXTS } from '../../src/prevention/offer-check/texts.js';
import { axeViolations, type Harness, openPage, startHarness } from './harness.js';

let harness: Harness;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await harness?.close();
});

async function newPage(options: { javaScriptEnabled: boolean }): Promise<Page> {
  const context = await harness.browser.newContext({
    ...options,
    locale: 'en-GB',
    viewport: { width: 400, height: 800 },
  });
  contexts.push(context);
  return context.newPage();
}

/** An invented offer with two warning signs: a fee charged to the worker, and the passport kept. */
async function answerOffer(page: Page): Promise<void> {
  await page.locator('select[name="destination_country"]').selectOption('GBR');
  await page.locator('input[name="offered_by"][value="employer"]').check();
  await page.locator('input[name="fee_charged"][value="yes"]').check();
  await page.locator('input[name="documents_kept"][value="yes"]').check();
  await page.locator('input[name="written_contract"][value="yes"]').check();
  await page.locator('input[name="work_days_per_week"]').fill('5');
}

async function submit(page: Page): Promise<void> {
  await page.locator('form.check button[type="submit"]').click();
  await page.locator('h1').first().waitFor();
}

async function expectFlags(page: Page, language: 'en' | 'ar' | 'ru'): Promise<void> {
  await page.getByRole('heading', { name: pageText('resultTitle', language), level: 1 }).waitFor();
  const titles = await page.locator('.findings .finding.serious h3').allTextContents();
  expect(titles.join('\n')).toContain(OFFER_TEXTS.findings.recruitment_fee.title[language]);
  expect(titles.join('\n')).toContain(OFFER_TEXTS.findings.documents_retained.title[language]);
  await expect(page.getByText(OFFER_TEXTS.findings.recruitment_fee.whatToDo[language]).count()).resolves.toBe(
    1,
  );
}

async function expectNoViolations(page: Page, where: string): Promise<void> {
  expect(await axeViolations(page), where).toEqual([]);
}

describe('the job-offer check', () => {
  it.each(['en', 'ar'] as const)('works as a plain form without JavaScript (%s)', async (language) => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(`${harness.baseUrl}/check?lang=${language}`);
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe(language === 'ar' ? 'rtl' : 'ltr');
    await expect(page.locator('h1').textContent()).resolves.toBe(pageText('title', language));
    await answerOffer(page);
    await submit(page);
    await expectFlags(page, language);
    await page.getByRole('button', { name: pageText('checklistButton', language) }).click();
    await page.getByRole('heading', { name: pageText('checklistTitle', language), level: 1 }).waitFor();
    await expect(page.locator('.checklist li').count()).resolves.toBeGreaterThan(5);
    // Without the script there is no print button to press; the browser's own printing still applies.
    await expect(page.locator('[data-print]').isVisible()).resolves.toBe(false);
  });

  it('switches language from the page’s own links', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(`${harness.baseUrl}/check?lang=en`);
    await page.getByRole('link', { name: 'Русский' }).click();
    await page.locator('html[lang="ru"]').waitFor();
    await expect(page.locator('h1').textContent()).resolves.toBe(pageText('title', 'ru'));
  });

  it('enhances the form with its script and has no accessibility violation on any page', async () => {
    const page = await newPage({ javaScriptEnabled: true });
    await page.goto(`${harness.baseUrl}/check?lang=ar`);
    await expectNoViolations(page, 'form (ar)');
    await page.goto(`${harness.baseUrl}/check?lang=en`);
    await expectNoViolations(page, 'form (en)');
    await answerOffer(page);
    await submit(page);
    await expectFlags(page, 'en');
    await expectNoViolations(page, 'result');
    await page.getByRole('button', { name: pageText('checklistButton', 'en') }).click();
    await page.getByRole('heading', { name: pageText('checklistTitle', 'en'), level: 1 }).waitFor();
    await page.getByRole('button', { name: pageText('print', 'en') }).waitFor();
    await expectNoViolations(page, 'checklist');
  });

  it('opens and checks an offer offline once loaded, with the rules running in the browser', async () => {
    const page = await newPage({ javaScriptEnabled: true });
    await page.goto(`${harness.baseUrl}/check?lang=ru`);
    await expect
      .poll(() => page.evaluate(async () => Boolean(await caches.match(location.href))), { timeout: 15_000 })
      .toBe(true);
    await page.context().setOffline(true);
    await page.reload();
    await page.locator('html[lang="ru"]').waitFor();
    // Opened through the service worker, which answers from its copies when the network fails.
    await expect(page.evaluate(() => navigator.serviceWorker.controller !== null)).resolves.toBe(true);
    await expect(page.evaluate(() => navigator.onLine)).resolves.toBe(false);
    await answerOffer(page);
    await page.locator('form.check button[type="submit"]').click();
    await expectFlags(page, 'ru');
    await expect(page.getByRole('status').textContent()).resolves.toBe(pageText('offline', 'ru'));
    // No report can go without a connection, so none is offered.
    await expect(page.getByRole('button', { name: pageText('reportSubmit', 'ru') }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: pageText('checklistButton', 'ru') }).click();
    await page.getByRole('heading', { name: pageText('checklistTitle', 'ru'), level: 1 }).waitFor();
    await expect(page.locator('.checklist li').count()).resolves.toBeGreaterThan(5);
    await page.context().setOffline(false);
  });

  it('is linked from the web app’s home page for everyone, in the reader’s language', async () => {
    const page = await harness.newPage();
    await openPage(page, harness.baseUrl, '/');
    const link = page.getByRole('link', { name: pageText('title', 'en') });
    await expect(link.getAttribute('href')).resolves.toBe('/check?lang=en');
    await link.click();
    await page.locator('html[lang="en"] form.check').waitFor();
  });
});
