// The technical assistance page in Chromium: an editor posts a need through the form, sees the offers
// suggested for it best first with why, declines one, accepts another and marks the help delivered; an offer
// the server refuses keeps its draft and shows its problems by the fields; a viewer sees no button that would
// be refused; Arabic reads right to left; no axe findings anywhere.
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANISATIONS, DEMO_USERS } from '../../src/access/demo.js';
import { organisations } from '../../src/partners/schema.js';
import { insertNeed, insertOffer } from '../../src/plans/assistance-store.js';
import type { DatabaseHandle } from '../../src/platform/db.js';
import { axeViolations, type Harness, openPage, startHarness } from './harness.js';
import { signIn } from './signed-in.js';

let harness: Harness;

const editor = DEMO_USERS.find((user) => user.role === 'editor');
const viewer = DEMO_USERS.find((user) => user.role === 'viewer');
const NEED = 'Train shelter staff in trauma-informed care';
const SEEDED_NEED = 'Review the draft anti-trafficking bill';

async function organisationId(database: DatabaseHandle, key: string): Promise<string> {
  const name = DEMO_ORGANISATIONS.find((org) => org.key === key)?.name ?? '';
  const [row] = await database.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.name, name));
  if (!row) throw new Error(`no demo organisation ${key}`);
  return row.id;
}

/** Invented offers from the legal aid centre, and a need of its own, written before the server starts. */
async function withAssistance(database: DatabaseHandle) {
  const legal = await organisationId(database, 'legal');
  const offer = {
    organisationId: legal,
    pillars: ['protection'],
    kinds: ['training'],
    availableFrom: '2020-01-01',
  };
  await insertOffer(database.db, {
    ...offer,
    title: 'Courses for shelter staff in Kenya',
    countries: ['KEN'],
    languages: ['en'],
  });
  await insertOffer(database.db, { ...offer, title: 'Online course on victim care', languages: ['en'] });
  await insertOffer(database.db, {
    ...offer,
    title: 'Prevalence survey design',
    pillars: ['prevention'],
    kinds: ['research'],
  });
  await insertNeed(database.db, {
    organisationId: legal,
    countryIso3: 'UGA',
    pillar: 'prosecution',
    kind: 'legislation',
    title: SEEDED_NEED,
    languages: ['en', 'fr'],
  });
}

beforeAll(async () => {
  harness = await startHarness({ prepare: withAssistance });
});

afterAll(async () => {
  await harness?.close();
});

const OWN_OFFERS = ['Courses for shelter staff in Kenya', 'Online course on victim care'];

/** The offers this test wrote, in the order suggested (the demo's own offers are suggested too). */
async function suggestionRows(page: Page): Promise<string[]> {
  const titles = await page.locator('.assistance-panel tbody th').allTextContents();
  return titles.filter((title) => OWN_OFFERS.includes(title));
}

describe('technical assistance page', () => {
  it('lets an editor post a need, then decline, accept and deliver the offers suggested for it', async () => {
    const page = await harness.newPage();
    await signIn(harness, page, editor?.email ?? '');
    await openPage(page, harness.baseUrl, '/assistance?lang=en');
    await expect(page.locator('h1').textContent()).resolves.toBe('Technical assistance');
    await page.getByText('Post a need', { exact: true }).first().click();
    const form = page.locator('form.assistance-form').first();
    await form.getByLabel('Title').fill(NEED);
    await form.getByLabel('Country that needs the help').selectOption({ label: 'Kenya' });
    await form.getByLabel('Pillar').selectOption({ label: 'Protection and assistance' });
    await form.getByLabel('Kind of help').selectOption({ label: 'Training' });
    await form.getByLabel('English').check();
    await expect(axeViolations(page)).resolves.toEqual([]);
    await form.getByRole('button', { name: 'Post a need' }).click();
    await page.getByText('Your need was posted.').waitFor();
    await page.getByRole('link', { name: `Suggested offers ${NEED}` }).click();
    await page.getByRole('heading', { name: `Suggested offers for “${NEED}”` }).waitFor();
    await expect(suggestionRows(page)).resolves.toEqual([
      'Courses for shelter staff in Kenya',
      'Online course on victim care',
    ]);
    const kenyaRow = page.locator('.assistance-panel tbody tr', {
      hasText: 'Courses for shelter staff in Kenya',
    });
    await expect(kenyaRow.textContent()).resolves.toContain('Serves this country (+6)');
    await expect(page.url()).toContain('need=');

    await page.getByRole('button', { name: 'Decline Online course on victim care' }).click();
    await page.getByText('it will not be suggested for this need again').waitFor();
    await expect(suggestionRows(page)).resolves.toEqual(['Courses for shelter staff in Kenya']);

    await page.getByRole('button', { name: 'Accept Courses for shelter staff in Kenya' }).click();
    await page.getByText('The offer was accepted: the need is matched.').waitFor();
    await expect(page.getByRole('button', { name: /^Accept/ }).count()).resolves.toBe(0);
    await page.getByText('Matched with “Courses for shelter staff in Kenya”').waitFor();
    await expect(axeViolations(page)).resolves.toEqual([]);

    await page.getByRole('button', { name: 'Mark as delivered' }).click();
    await page.getByText('The need is marked as delivered.').waitFor();
    await page.getByText(/^Delivered on /).waitFor();
    await expect(page.getByRole('button', { name: 'Mark as delivered' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Withdraw the need' }).count()).resolves.toBe(0);
  });

  it('keeps an offer that the server refuses, with its problems beside the fields, and posts it once mended', async () => {
    const page = await harness.newPage();
    await signIn(harness, page, editor?.email ?? '');
    await openPage(page, harness.baseUrl, '/assistance?lang=en');
    await page.getByText('Post an offer', { exact: true }).first().click();
    const form = page.locator('form.assistance-form').nth(1);
    await form.getByLabel('Title').fill('Peer support for shelter staff');
    await form.getByRole('button', { name: 'Post an offer' }).click();
    await form.locator('.error-summary').waitFor();
    await expect(form.getByRole('group', { name: 'Pillars' }).getAttribute('class')).resolves.toContain(
      'has-error',
    );
    await expect(form.getByLabel('Title').inputValue()).resolves.toBe('Peer support for shelter staff');
    await expect(axeViolations(page)).resolves.toEqual([]);
    await form.getByRole('group', { name: 'Pillars' }).getByLabel('Protection and assistance').check();
    await form.getByRole('group', { name: 'Kinds of help' }).getByLabel('Training').check();
    await form.getByRole('button', { name: 'Post an offer' }).click();
    await page.getByText('Your offer was posted.').waitFor();
    await expect(form.getByLabel('Title').inputValue()).resolves.toBe('');
    await expect(form.locator('.error-summary').count()).resolves.toBe(0);
  });

  it('shows a viewer the needs and suggestions without a button the server would refuse', async () => {
    const page = await harness.newPage();
    await signIn(harness, page, viewer?.email ?? '');
    await openPage(page, harness.baseUrl, '/assistance?lang=en');
    await expect(page.getByText('Post a need', { exact: true }).count()).resolves.toBe(0);
    await page.getByRole('link', { name: `Suggested offers ${SEEDED_NEED}` }).click();
    await page.getByRole('heading', { name: `Suggested offers for “${SEEDED_NEED}”` }).waitFor();
    await expect(page.locator('.assistance-panel button').count()).resolves.toBe(0);
    await expect(page.locator('.assistance-table button').count()).resolves.toBe(0);
  });

  it('reads right to left in Arabic, with names in Arabic and no axe findings', async () => {
    const page = await harness.newPage();
    await signIn(harness, page, editor?.email ?? '');
    await openPage(page, harness.baseUrl, '/assistance?lang=ar');
    await expect(page.evaluate(() => document.documentElement.dir)).resolves.toBe('rtl');
    await expect(page.locator('h1').textContent()).resolves.toBe('المساعدة التقنية');
    await page.getByText('نشر عرض', { exact: true }).first().click();
    await expect(page.getByRole('group', { name: 'أنواع المساعدة' }).textContent()).resolves.toContain(
      'التدريب',
    );
    const needs = page.locator('section[aria-labelledby="assistance-needs"] tbody');
    await expect(needs.textContent()).resolves.toContain('أوغندا');
    await page.locator('a.assistance-show').last().click();
    await page.locator('#assistance-selected').waitFor();
    await expect(axeViolations(page)).resolves.toEqual([]);
  });
});
