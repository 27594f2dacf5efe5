// Names instead of ids, and the strict Content-Security-Policy, in a real browser, in English and Arabic.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/access/demo.js';
import { type Harness, openPage, startHarness } from './harness.js';

/** Where screenshots go when SCREENSHOT_DIR is set; none are taken otherwise. */
const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR;

let harness: Harness;
let admin: Page;
const violations: string[] = [];

beforeAll(async () => {
  harness = await startHarness();
  admin = await harness.newPage();
  // A CSP violation is reported in the page; collect every one.
  await admin.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { cspViolations: string[] }).cspViolations ??= [];
      (window as unknown as { cspViolations: string[] }).cspViolations.push(
        `${event.violatedDirective} ${event.blockedURI}`,
      );
    });
  });
  admin.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await openPage(admin, harness.baseUrl, '/sign-in?lang=en');
  await admin.getByLabel('Email address').fill('admin@demo.concerted.invalid');
  await admin.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await admin.getByRole('button', { name: 'Sign in', exact: true }).click();
  await admin.locator('.user-menu-button').waitFor();
  await writeSomething(admin);
}, 120_000);

/** An organisation changed and a write refused, so that the audit trail holds more than sign-ins. */
async function writeSomething(page: Page): Promise<void> {
  const statuses = await page.evaluate(async () => {
    const me = ((await (await fetch('/api/v1/me')).json()) as { data: { csrfToken: string } }).data;
    const organisations = (await (await fetch('/api/v1/organisations')).json()) as { data: { id: string }[] };
    const changed = await fetch(`/api/v1/organisations/${organisations.data[0]?.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
      body: JSON.stringify({ mandate: 'Shelter, legal aid and outreach for survivors.' }),
    });
    // Without the anti-forgery token the server refuses the write, and records that it did.
    const refused = await fetch('/api/v1/activities', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Outreach to domestic workers' }),
    });
    return [changed.status, refused.status];
  });
  expect(statuses).toEqual([200, 403]);
}

afterAll(async () => {
  await harness?.close();
});

async function pageViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []);
}

describe('names, not ids', () => {
  for (const language of ['en', 'ar'])
    it(`shows who acted in the audit trail without ids (${language})`, async () => {
      await openPage(admin, harness.baseUrl, `/audit?lang=${language}`);
      const table = admin.locator('table').first();
      await table.waitFor();
      // The sign-in, the organisation changed and the write refused.
      await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThanOrEqual(3);
      // The person who acted: a name, with the id folded away until someone asks for it.
      const actors = (await table.locator('tbody tr td:nth-child(2)').allInnerTexts()).join('\n');
      expect(actors).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}/);
      // Actions by label, never a `noun.verb` code; records by kind and name, the id folded away.
      const actions = (await table.locator('tbody tr td:nth-child(3)').allInnerTexts()).join('\n');
      expect(actions).not.toMatch(/\b[a-z_]+\.[a-z_]+\b/);
      const records = (await table.locator('tbody tr td:nth-child(5)').allInnerTexts()).join('\n');
      expect(records).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}/);
      expect(records).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
      const actionChoices = (
        await admin.locator('.audit-filters select').first().locator('option').allInnerTexts()
      ).join('\n');
      expect(actionChoices).not.toMatch(/\b[a-z_]+\.[a-z_]+\b/);
      const widths = await admin.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      expect(widths[0]).toBeLessThanOrEqual(widths[1] as number);
      if (SCREENSHOT_DIR) {
        await table.scrollIntoViewIfNeeded();
        await admin.screenshot({ path: `${SCREENSHOT_DIR}/h8-audit-${language}.png`, fullPage: false });
      }
      expect(await pageViolations(admin)).toEqual([]);
    });

  for (const language of ['en', 'ar'])
    it(`shows who changed an activity and how, and blank empty periods (${language})`, async () => {
      await openPage(admin, harness.baseUrl, `/activities?lang=${language}`);
      await admin.locator('table a').first().click();
      await admin.locator('h1').first().waitFor();
      await admin.waitForFunction(() => document.querySelectorAll('.status-loading').length === 0);
      const body = await admin.locator('main').innerText();
      expect(body).not.toMatch(/None\s*–\s*None|through api/i);
      if (SCREENSHOT_DIR) {
        await admin.locator('h2').last().scrollIntoViewIfNeeded();
        await admin.screenshot({ path: `${SCREENSHOT_DIR}/h8-versions-${language}.png`, fullPage: false });
      }
      expect(await pageViolations(admin)).toEqual([]);
    });

  it('loads every page it visited without a Content-Security-Policy violation', () => {
    expect(violations).toEqual([]);
  });
});
