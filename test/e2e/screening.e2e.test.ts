// The screening wizard on a phone: one group of questions per step, the means left out for a child, and
// the outcome explained by the server's rules, in English and in Arabic, right to left.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withDemoReferrals } from '../../src/cases/demo-referrals.js';
import { axeViolations, type Harness, openPage, startHarness } from './harness.js';
import { pageWidth, signIn } from './signed-in.js';

let harness: Harness;
let page: Page;
const PHONE = { width: 360, height: 780 };

beforeAll(async () => {
  harness = await startHarness({ prepare: withDemoReferrals });
  page = await harness.newPage(PHONE);
  await signIn(harness, page, 'case.worker@demo.concerted.invalid', 'CONCERTEDDEMOCASEWORKERX');
});

afterAll(async () => {
  await harness?.close();
});

const stepNames = (p: Page) => p.locator('.wizard-progress li').allTextContents();
const next = (p: Page) => p.locator('.wizard-buttons button[type="submit"]').click();
const answer = (p: Page, code: string, value: 'yes' | 'no') =>
  p.locator(`input[name="q-${code}"][value="${value}"]`).check();

describe('screening wizard', () => {
  it('screens a child without asking for means and explains the outcome, on a phone', async () => {
    await openPage(page, harness.baseUrl, '/screening?lang=en');
    expect(await stepNames(page)).toEqual([
      'The person',
      'Act',
      'Means',
      'Purpose',
      'Border crossing',
      'Indicators',
      'Outcome',
    ]);
    await page.getByLabel('Age when recruited or when the exploitation began').fill('fifteen');
    await next(page);
    await expect(page.locator('.field-error').textContent()).resolves.toContain('whole number');
    await page.getByLabel('Age when recruited or when the exploitation began').fill('15');
    await next(page);
    await page.getByRole('heading', { name: /Act/ }).waitFor();
    expect(await stepNames(page)).not.toContain('Means');
    await expect(page.getByText('the means are not needed').count()).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await answer(page, 'recruited', 'yes');
    await next(page);
    await page.getByRole('heading', { name: /Purpose/ }).waitFor();
    await answer(page, 'sexual_exploitation', 'yes');
    await next(page);
    await answer(page, 'crossed_border', 'no');
    await next(page);
    await page.getByLabel(/confinement or no freedom to leave/).check();
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await next(page);

    const result = page.locator('.screening-result');
    await result.waitFor();
    await expect(result.locator('.outcome-list').textContent()).resolves.toContain(
      'Presumed victim of trafficking',
    );
    const text = (await result.textContent()) ?? '';
    expect(text).toContain('The person was a child: the means were not needed.');
    expect(text).toContain('confinement or no freedom to leave');
    expect(text).toContain('exploitation within one country is trafficking too');
    expect(text).not.toMatch(/presumed_trafficking|sexual_exploitation|crossed_border/);
    expect(await axeViolations(page)).toEqual([]);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
  });

  it('says smuggling in Arabic, right to left, and keeps the answers when the language changes', async () => {
    await openPage(page, harness.baseUrl, '/screening?lang=ar');
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    await page.locator('input[inputmode="numeric"]').fill('30');
    await next(page);
    await answer(page, 'transported', 'yes');
    await next(page);
    await next(page);
    await next(page);
    for (const code of [
      'crossed_border',
      'irregular_entry_or_stay',
      'entry_procured_by_other',
      'paid_for_crossing',
      'free_on_arrival',
    ])
      await answer(page, code, 'yes');
    await next(page);
    await next(page);
    const result = page.locator('.screening-result');
    await result.waitFor();
    await expect(result.locator('.outcome-list').textContent()).resolves.toContain('تهريب المهاجرين');
    expect(await axeViolations(page)).toEqual([]);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);

    // Switching to English explains the same answers again, in English.
    await page.locator('.language-switcher a[lang="en"]').click();
    await page.locator('.outcome-list').getByText('Smuggling of migrants indicated').waitFor();
  });

  it('keeps the result on the case it was opened for', async () => {
    const api = (path: string) =>
      page.evaluate(async (url) => (await fetch(url)).json(), path) as Promise<{ data: { id: string }[] }>;
    const [theCase] = (await api('/api/v1/cases')).data;
    expect(theCase).toBeDefined();
    const caseId = theCase?.id ?? '';
    await openPage(page, harness.baseUrl, `/screening?case=${caseId}&lang=en`);
    for (let step = 0; step < 6; step++) await next(page);
    await page.getByRole('button', { name: 'Keep on the case' }).click();
    await page.getByText('The screening is kept on the case.').waitFor();
    const kept = await api(`/api/v1/cases/${caseId}/screenings`);
    expect(kept.data).toHaveLength(1);
  });
});
