// The prevention page in Chromium: anyone finds the job-offer check, the agency look-up and the commitments
// there; a coordinator also reads what people chose to report of the offers they checked, as counts named in
// the reader's language (Arabic right to left), never a sender. Every page checked by axe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../src/access/demo.js';
import { OFFER_TEXTS } from '../../src/prevention/offer-check/texts.js';
import { axeViolations, type Harness, openPage, startHarness } from './harness.js';
import { signIn } from './signed-in.js';

const coordinator = DEMO_USERS.find((user) => user.role === 'coordinator');
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

/** An invented report, as the check's page sends one when a person chooses to. */
async function sendReport() {
  const reply = await fetch(`${harness.baseUrl}/api/v1/offer-check/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      language: 'en',
      agencyName: 'Invented Placement Agency',
      destinationCountry: 'GBR',
      flags: ['recruitment_fee', 'documents_retained'],
    }),
  });
  expect(reply.status, await reply.text()).toBeLessThan(300);
}

describe('prevention page', () => {
  it('leads anyone to the check, the agency look-up and the commitments, with no report counts', async () => {
    const page = await harness.newPage();
    await openPage(page, harness.baseUrl, '/prevention?lang=en');
    await expect(page.locator('h1').textContent()).resolves.toBe('Prevention');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Prevention' }).getAttribute('aria-current')).resolves.toBe(
      'page',
    );
    const main = page.locator('main');
    await expect(main.locator('a[href="/check?lang=en"]').count()).resolves.toBe(1);
    await main.getByRole('link', { name: 'Is this agency licensed?' }).waitFor();
    await main.getByRole('link', { name: 'Commitments of employers and the travel sector' }).waitFor();
    await expect(page.getByRole('heading', { name: /reported/ }).count()).resolves.toBe(0);
    await expect(axeViolations(page)).resolves.toEqual([]);
  });

  it('shows a coordinator the counts of anonymous reports, in Arabic right to left', async () => {
    await sendReport();
    const page = await harness.newPage();
    if (!coordinator) throw new Error('the demo has a coordinator');
    await signIn(harness, page, coordinator.email);
    await openPage(page, harness.baseUrl, '/prevention?lang=ar');
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    const flags = page.locator('table', { has: page.locator('caption', { hasText: 'علامات التحذير' }) });
    await flags.waitFor();
    const flagNames = await flags.locator('tbody th').allTextContents();
    expect(flagNames).toContain(OFFER_TEXTS.findings.recruitment_fee.title.ar);
    expect(flagNames).toContain(OFFER_TEXTS.findings.documents_retained.title.ar);
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('Invented Placement Agency');
    expect(main).not.toContain('recruitment_fee');
    await expect(axeViolations(page)).resolves.toEqual([]);
  });
});
