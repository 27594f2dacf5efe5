// Wrong input in forms, as people type it: translated sentences that name the field, all errors at once
// with a summary that links to them, and a page no wider than the window, in English and Arabic.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/access/demo.js';
import { axeViolations, type Harness, openPage, startHarness } from './harness.js';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

async function signIn(page: Page, email: string) {
  await openPage(page, harness.baseUrl, '/sign-in?lang=en');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.locator('.user-menu-button').waitFor();
}

/** What must never reach the screen: schema words, code lists, field names of the API. */
const MACHINERY = /expected|invalid_|too_small|Too small|plannedEnd|awareness_campaign|\/api\//;

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

const CASES = [
  {
    language: 'en',
    summary: 'There is a problem',
    sentences: [
      'Enter Title.',
      'Choose Type of activity from the list.',
      'must be on or after the start date',
    ],
  },
  {
    language: 'ar',
    summary: 'توجد مشكلة',
    sentences: ['أدخل «العنوان».', 'اختر «نوع النشاط» من القائمة.', 'في تاريخ البدء أو بعده'],
  },
] as const;

describe('activity form with wrong input', () => {
  it.each(CASES)('explains every problem at once in $language', async (c) => {
    const page = await harness.newPage();
    await signIn(page, 'editor@demo.concerted.invalid');
    await openPage(page, harness.baseUrl, `/activities/new?lang=${c.language}`);
    const dates = page.locator('form.activity-form input[type="date"]');
    await dates.nth(0).fill('2026-05-01');
    await dates.nth(1).fill('2026-04-01');
    await page.locator('form.activity-form button[type="submit"]').click();

    const summary = page.locator('.error-summary');
    await summary.waitFor();
    await expect(summary.textContent()).resolves.toContain(c.summary);
    const text = (await summary.textContent()) ?? '';
    for (const sentence of c.sentences) expect(text).toContain(sentence);
    expect(text).not.toMatch(MACHINERY);
    await expect(
      page.evaluate(() => document.activeElement?.classList.contains('error-summary')),
    ).resolves.toBe(true);
    // Every error sits beside its field too, and the summary's links lead there.
    await expect(page.locator('.has-error .field-error').count()).resolves.toBeGreaterThanOrEqual(3);
    await summary.locator('a').first().click();
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('INPUT');
    expect(await pageWidth(page)).toBeLessThanOrEqual(1280);
    expect((await page.locator('main').textContent()) ?? '').not.toMatch(MACHINERY);
    await expect(axeViolations(page)).resolves.toEqual([]);
  });

  it('sends nothing while the page finds a problem, and saves once it is corrected', async () => {
    const page = await harness.newPage();
    await signIn(page, 'editor@demo.concerted.invalid');
    await openPage(page, harness.baseUrl, '/activities/new?lang=en');
    let posts = 0;
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/v1/activities')) posts++;
    });
    await page.locator('form.activity-form button[type="submit"]').click();
    await page.locator('.error-summary').waitFor();
    expect(posts).toBe(0);

    await page.getByLabel('Title', { exact: true }).fill('Night outreach to bars and clubs');
    await page.getByLabel('Type of activity').selectOption({ index: 1 });
    await page.locator('.country-row select').first().selectOption({ label: 'Kenya' });
    await page.locator('form.activity-form button[type="submit"]').click();
    await page.waitForURL(/\/activities\/[0-9a-f-]{36}/);
    expect(posts).toBe(1);
  });
});

describe('organisation form with wrong input', () => {
  it.each([
    { language: 'en', open: 'Register an organisation', submit: 'Register' },
    { language: 'ar', open: 'تسجيل منظمة', submit: 'تسجيل' },
  ])('lists both missing fields at once in $language', async (c) => {
    const page = await harness.newPage();
    await signIn(page, 'admin@demo.concerted.invalid');
    await openPage(page, harness.baseUrl, `/admin?lang=${c.language}`);
    await page.getByText(c.open, { exact: true }).click();
    await page.getByRole('button', { name: c.submit, exact: true }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    await expect(summary.locator('li').count()).resolves.toBe(2);
    expect((await summary.textContent()) ?? '').not.toMatch(MACHINERY);
    expect(await pageWidth(page)).toBeLessThanOrEqual(1280);
  });
});

/** Arabic letters: a message shown in the Arabic interface must be written in Arabic. */
const ARABIC = /[\u0600-\u06FF]/;

async function expectExplainedErrors(page: Page, form: ReturnType<Page['locator']>, language: string) {
  await form.locator('.field-error').first().waitFor();
  const text = (await form.locator('.field-error').allTextContents()).join(' ');
  expect(text).not.toMatch(MACHINERY);
  if (language === 'ar') expect(text).toMatch(ARABIC);
  expect(await pageWidth(page)).toBeLessThanOrEqual(1280);
}

describe('account forms with wrong input', () => {
  it.each(['en', 'ar'])('sign-in names the missing fields in %s', async (language) => {
    const page = await harness.newPage();
    await openPage(page, harness.baseUrl, `/sign-in?lang=${language}`);
    const form = page.locator('form').filter({ has: page.locator('input[autocomplete="username"]') });
    await form.locator('button[type="submit"]').click();
    await expectExplainedErrors(page, form, language);
    await expect(form.locator('.has-error').count()).resolves.toBe(2);
  });

  it.each(['en', 'ar'])('the new-password form explains a refused password in %s', async (language) => {
    const page = await harness.newPage();
    await signIn(page, 'viewer@demo.concerted.invalid');
    await openPage(page, harness.baseUrl, `/profile?lang=${language}`);
    const form = page.locator('form').filter({ has: page.locator('input[autocomplete="new-password"]') });
    await form.locator('input[autocomplete="current-password"]').fill(DEMO_PASSWORD);
    for (const input of await form.locator('input[autocomplete="new-password"]').all())
      await input.fill('short');
    await form.locator('button[type="submit"]').click();
    await expectExplainedErrors(page, form, language);
  });

  it.each(['en', 'ar'])('the API token form names what is missing in %s', async (language) => {
    const page = await harness.newPage();
    await signIn(page, 'viewer@demo.concerted.invalid');
    await openPage(page, harness.baseUrl, `/profile?lang=${language}`);
    const form = page
      .locator('form')
      .filter({ has: page.locator('input[type="checkbox"]') })
      .first();
    await form.locator('button[type="submit"]').click();
    await expectExplainedErrors(page, form, language);
  });
});

describe('membership invitation form with wrong input', () => {
  it.each(['en', 'ar'])('names the missing email address in %s', async (language) => {
    const page = await harness.newPage();
    await signIn(page, 'org.admin@demo.concerted.invalid');
    await openPage(page, harness.baseUrl, `/admin?lang=${language}`);
    await page.locator('a[href^="/admin/organisations/"]').first().click();
    const form = page.locator('form').filter({ has: page.locator('input[type="email"]') });
    await form.locator('button[type="submit"]').click();
    await expectExplainedErrors(page, form, language);
  });
});
