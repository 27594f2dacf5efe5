// The referral inbox in the browser: each organisation's received and sent referrals, overdue ones said in
// words, the moves the receiver and the sender may make, and only what the service needs, on a phone too.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_REFERRAL_RECEIVER, withDemoReferrals } from '../../src/cases/demo-referrals.js';
import { axeViolations, type Harness, openPage, startHarness } from './harness.js';
import { pageWidth, signIn } from './signed-in.js';

let harness: Harness;
let receiver: Page;
let sender: Page;
const PHONE = { width: 360, height: 780 };

beforeAll(async () => {
  harness = await startHarness({ prepare: withDemoReferrals });
  receiver = await harness.newPage(PHONE);
  await signIn(harness, receiver, DEMO_REFERRAL_RECEIVER.email, DEMO_REFERRAL_RECEIVER.totpSecret);
  sender = await harness.newPage();
  await signIn(harness, sender, 'case.manager@demo.concerted.invalid', 'CONCERTEDDEMOCASEMANAGER');
});

afterAll(async () => {
  await harness?.close();
});

const rows = (page: Page) => page.locator('table.referral-table tbody tr');

describe('referral inbox', () => {
  it('lists what the legal aid centre received, the overdue one flagged in words, on a phone', async () => {
    await openPage(receiver, harness.baseUrl, '/referrals?lang=en');
    await expect(rows(receiver).count()).resolves.toBe(3);
    const overdue = receiver.locator('tr.is-overdue');
    await expect(overdue.count()).resolves.toBe(1);
    await expect(overdue.textContent()).resolves.toContain('Overdue');
    await expect(overdue.textContent()).resolves.toContain('Legal aid');
    await expect(receiver.getByText('1 is overdue.').count()).resolves.toBe(1);
    expect(await axeViolations(receiver)).toEqual([]);
    expect(await pageWidth(receiver)).toBeLessThanOrEqual(PHONE.width);

    await receiver.getByLabel('Overdue only').check();
    await receiver.waitForFunction(
      () => document.querySelectorAll('table.referral-table tbody tr').length === 1,
    );
    expect(new URL(receiver.url()).searchParams.get('overdue')).toBe('true');
  });

  it('is read in Arabic, right to left, without axe violations', async () => {
    await openPage(receiver, harness.baseUrl, '/referrals?lang=ar');
    await expect(receiver.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    await expect(rows(receiver).count()).resolves.toBe(3);
    expect(await axeViolations(receiver)).toEqual([]);
    expect(await pageWidth(receiver)).toBeLessThanOrEqual(PHONE.width);
  });

  it('declines a referral only with a reason, and then shares nothing any more', async () => {
    await openPage(receiver, harness.baseUrl, '/referrals?lang=en');
    await receiver.getByRole('link', { name: 'Legal aid' }).click();
    await receiver.getByRole('heading', { name: 'Referral for Legal aid' }).waitFor();
    await receiver.getByText('What the referral shares with you').waitFor();
    await expect(receiver.locator('.shared').textContent()).resolves.toContain('Domestic servitude');
    expect(await axeViolations(receiver)).toEqual([]);

    await receiver.getByRole('button', { name: 'Decline' }).click();
    await receiver.getByLabel('Why do you decline?').fill('Too short');
    await receiver.getByRole('button', { name: 'Decline' }).click();
    await receiver.locator('.error-summary').waitFor();
    await expect(receiver.locator('.error-summary').textContent()).resolves.toContain(
      'at least 10 characters',
    );

    await receiver.getByLabel('Why do you decline?').fill('Our lawyers are all in court this month');
    await receiver.getByRole('button', { name: 'Decline' }).click();
    await receiver.locator('.referral-facts .referral-status-declined').waitFor();
    await expect(receiver.locator('.shared').textContent()).resolves.toContain('Nothing is shared any more');
    await expect(receiver.locator('.referral-history').textContent()).resolves.toContain(
      'Our lawyers are all in court this month',
    );
    await expect(receiver.getByRole('button', { name: 'Accept' }).count()).resolves.toBe(0);
  });

  it('takes an accepted referral through to completed', async () => {
    await openPage(receiver, harness.baseUrl, '/referrals?lang=en');
    await receiver.getByRole('link', { name: 'Interpretation' }).click();
    await receiver.getByRole('button', { name: 'Start the service' }).click();
    await receiver.locator('.referral-facts .referral-status-in_progress').waitFor();
    await receiver.getByRole('button', { name: 'Mark as completed' }).click();
    await receiver.locator('.referral-facts .referral-status-completed').waitFor();
    await expect(receiver.locator('.referral-actions').count()).resolves.toBe(0);
  });

  it('shows the sender its sent referrals, the one made without consent with its reason, and only closing', async () => {
    await openPage(sender, harness.baseUrl, '/referrals?box=sent&lang=en');
    await expect(rows(sender).count()).resolves.toBe(3);
    await sender.getByRole('link', { name: 'Counselling' }).click();
    await sender.getByText("Referred without the person's consent").waitFor();
    await expect(sender.getByText('A guardian is not yet appointed').count()).resolves.toBe(1);
    await expect(sender.locator('.shared').count()).resolves.toBe(0);
    const buttons = await sender.locator('.referral-actions button').allTextContents();
    expect(buttons).toEqual(['Close the referral']);

    await openPage(sender, harness.baseUrl, '/referrals?box=inbox&lang=en');
    await expect(rows(sender).count()).resolves.toBe(1);
    await expect(rows(sender).first().textContent()).resolves.toContain('Shelter');
  });
});

describe('new referral from a case', () => {
  // Last: the referral it sends adds to the boxes counted above.
  it('finds the receiving service in the directory instead of typing, and the referral is read back after reload', async () => {
    await openPage(sender, harness.baseUrl, '/cases?lang=en');
    await sender.getByRole('link', { name: 'C-2026-D3M0C3' }).click();
    await sender.getByRole('tablist').waitFor();
    const path = new URL(sender.url()).pathname;
    await openPage(sender, harness.baseUrl, `${path}?tab=referrals&lang=en`);
    const picker = sender.getByRole('group', { name: 'Receiving service' });
    await picker.waitFor();
    // Nothing chosen: refused in the page, the choice marked.
    await sender.getByRole('button', { name: 'Send the referral' }).click();
    await sender.locator('.error-summary').waitFor();
    await expect(sender.locator('.error-summary').textContent()).resolves.toContain('Receiving service');
    expect(await axeViolations(sender)).toEqual([]);
    // The case's own organisation is never offered.
    await picker.getByLabel('Search the directory by name').fill('Safe house');
    await picker.getByText('No service matches').waitFor();
    await picker.getByLabel('Search the directory by name').fill('legal');
    await picker.getByLabel('Kind of service offered').selectOption({ label: 'Legal aid' });
    await picker.getByLabel('Country served').selectOption({ label: 'Uganda' });
    const choice = picker.getByLabel(
      'Free legal advice and representation (demo), offered by Regional Legal Aid Centre (demo)',
    );
    await choice.check();
    await picker.getByText('Chosen: Free legal advice and representation (demo)').waitFor();
    const service = sender.getByLabel('Service', { exact: true });
    await expect(service.locator('option:checked').textContent()).resolves.toBe('Legal aid');
    expect(await axeViolations(sender)).toEqual([]);
    await sender.getByRole('button', { name: 'Send the referral' }).click();
    await sender.getByText("The person's consent is missing").waitFor();
    await sender
      .getByLabel('Why refer without consent?')
      .fill('Court hearing next week, guardian not yet reachable');
    await sender.getByRole('button', { name: 'Refer without consent' }).click();
    await sender.getByText('The referral is sent.').waitFor();
    await openPage(sender, harness.baseUrl, `${path}?tab=referrals&lang=en`);
    const table = sender.getByRole('table', { name: 'Referrals made from this case, newest first' });
    const row = table.getByRole('row').filter({ hasText: 'Regional Legal Aid Centre (demo)' });
    await expect(row.textContent()).resolves.toContain('Legal aid');
  });
});
