// The plans of action in Chromium: a coordinator draws a plan up in the editor (an objective, a measure owned
// by another organisation, an indicator with two targets), an editor of the owning organisation reports
// progress, the coordinator approves it and the dashboard shows the indicator on track; the list shows the
// plan; English and Arabic pages have no axe findings.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../src/access/demo.js';
import { axeViolations, type Harness, openPage, startHarness } from './harness.js';
import { signIn } from './signed-in.js';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

const coordinator = DEMO_USERS.find((user) => user.role === 'coordinator');
const editor = DEMO_USERS.find((user) => user.role === 'editor');
// Periods in the past, so that the report counts whatever day the test runs on.
const TITLE = 'Plan against trafficking along the coast 2024–2025 (test)';
const INDICATOR = 'Frontline officers trained';

/** The dashboard's row for the indicator, read once the page has settled. */
async function indicatorStatus(page: Page): Promise<string> {
  const row = page.locator('.indicator-progress tbody tr', { hasText: INDICATOR }).first();
  // The badge's mark (✓ ! ✗ –) comes before its words.
  return ((await row.locator('.progress-badge').textContent()) ?? '').replace(/^[✓!✗–]\s*/, '').trim();
}

async function drawUpPlan(page: Page): Promise<string> {
  await openPage(page, harness.baseUrl, '/plans?lang=en');
  await page.getByRole('link', { name: 'Draw up a new plan' }).click();
  await page.locator('h1', { hasText: 'Draw up a plan of action' }).waitFor();
  await page.getByLabel('Title of the plan').fill(TITLE);
  await page.getByLabel('Add a country').selectOption({ label: 'Kenya' });
  await page.getByRole('button', { name: 'Add Countries' }).click();
  await page.getByLabel('Starts on').fill('2024-01-01');
  await page.getByLabel('Ends on').fill('2025-12-31');
  await page
    .getByLabel('Coordinating organisation')
    .selectOption({ label: 'National Anti-Trafficking Coordination Office (demo) (NACO)' });

  await page.getByRole('button', { name: 'Add an objective' }).click();
  // The new objective's heading takes focus, so keyboard users land in it.
  await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Objective 1');
  await page.getByLabel('Title of objective 1').fill('Fewer people recruited through deception');
  await page.getByLabel('Pillar of objective 1').selectOption({ label: 'Prevention' });
  await page.getByRole('button', { name: 'Add a measure to objective 1' }).click();
  await page.getByLabel('Title of measure 1.1').fill('Train frontline officers to identify victims');
  await page
    .getByLabel('Owner of measure 1.1')
    .selectOption({ label: 'Safe Harbour Shelter Network (demo) (SHSN)' });
  await page.getByRole('button', { name: 'Add an indicator to measure 1.1' }).click();
  await page.getByLabel('Name of indicator 1.1.1').fill(INDICATOR);
  await page.getByLabel('Unit of indicator 1.1.1').fill('officers');
  await page.getByLabel('Baseline of indicator 1.1.1', { exact: true }).fill('0');
  await page.getByLabel('Date of the baseline of indicator 1.1.1').fill('2023-12-31');
  await page.getByLabel('Target 1 from').fill('2025-01-01');
  await page.getByLabel('Target 1 to').fill('2025-06-30');
  await page.getByLabel('Value of target 1').fill('100');
  await page.getByRole('button', { name: 'Add a target' }).click();
  await page.getByLabel('Target 2 from').fill('2025-07-01');
  await page.getByLabel('Target 2 to').fill('2025-12-31');
  await page.getByLabel('Value of target 2').fill('200');
  await expect(axeViolations(page)).resolves.toEqual([]);
  await page.getByRole('button', { name: 'Save the plan' }).click();
  await page.waitForURL(/\/plans\/[0-9a-f-]{36}(\?|$)/);
  await page.locator('h1', { hasText: TITLE }).waitFor();
  return new URL(page.url()).pathname;
}

describe('plans of action', () => {
  it('shows the fields a plan lacks beside them, in a summary that takes focus', async () => {
    const page = await harness.newPage();
    await signIn(harness, page, coordinator?.email ?? '');
    await openPage(page, harness.baseUrl, '/plans/new?lang=en');
    await page.getByRole('button', { name: 'Add an objective' }).click();
    await page.getByRole('button', { name: 'Save the plan' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    await expect(page.evaluate(() => document.activeElement?.className)).resolves.toBe('error-summary');
    await expect(summary.textContent()).resolves.toContain('Enter Title of objective 1.');
    await expect(page.getByLabel('Title of objective 1').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(axeViolations(page)).resolves.toEqual([]);
  });

  it('takes a plan from the editor through a report by the measure’s owner to its approval and the dashboard', async () => {
    const page = await harness.newPage();
    await signIn(harness, page, coordinator?.email ?? '');
    const planPath = await drawUpPlan(page);
    await page.locator('.indicator-progress').waitFor();
    await expect(indicatorStatus(page)).resolves.toBe('No data yet');
    await expect(page.locator('.plan-facts').textContent()).resolves.toContain('Kenya');

    const reporter = await harness.newPage();
    await signIn(harness, reporter, editor?.email ?? '');
    await openPage(reporter, harness.baseUrl, `${planPath}?lang=en`);
    await expect(reporter.getByRole('link', { name: 'Change the plan' }).count()).resolves.toBe(0);
    // Names typed by people sit in sentences between Unicode isolates, for right-to-left languages.
    await reporter.getByText(`Report progress on “\u2068${INDICATOR}\u2069”`).click();
    await reporter.getByLabel('Period from').fill('2025-07-01');
    await reporter.getByLabel('Period to').fill('2025-12-31');
    await reporter.getByLabel('Value (officers)').fill('250');
    await reporter.getByLabel('Narrative').fill('Four courses held in Mombasa and Kilifi.');
    await reporter.getByLabel('How the period went').selectOption({ label: 'On track' });
    await reporter.getByRole('button', { name: 'Send the report' }).click();
    await reporter.getByRole('status').filter({ hasText: 'Your report is sent.' }).waitFor();
    await expect(reporter.locator('.report-table tbody tr').first().textContent()).resolves.toContain(
      'Awaiting approval',
    );
    await expect(reporter.getByRole('button', { name: /^Approve/ }).count()).resolves.toBe(0);

    await openPage(page, harness.baseUrl, `${planPath}?lang=en`);
    await page.getByRole('button', { name: /^Approve the report for/ }).click();
    await page.getByRole('status').filter({ hasText: 'is approved' }).waitFor();
    // The approve button is gone: focus went to the indicator's heading, which the note follows.
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('H5');
    await page.waitForFunction(
      (name) =>
        [...document.querySelectorAll('.indicator-progress tbody tr')].some(
          (row) => row.textContent?.includes(name) && row.textContent.includes('On track'),
        ),
      INDICATOR,
    );
    await expect(indicatorStatus(page)).resolves.toBe('On track');
    await expect(page.locator('.report-table tbody tr').first().textContent()).resolves.toContain(
      'Approved by',
    );
    await expect(axeViolations(page)).resolves.toEqual([]);
    // The printable report, in the reader's language (served by src/plans/report-routes.ts).
    await expect(
      page.getByRole('link', { name: /^Open the report \(HTML\)/ }).getAttribute('href'),
    ).resolves.toBe(`/api/v1${planPath}/report.html?lang=en`);
    await expect(
      page.getByRole('link', { name: 'Download the report (PDF)' }).getAttribute('href'),
    ).resolves.toBe(`/api/v1${planPath}/report.pdf?lang=en`);

    await openPage(page, harness.baseUrl, '/plans?lang=en');
    const row = page.getByRole('row').filter({ hasText: TITLE });
    // Countries are named once the reference names have loaded, which may follow the list.
    await row.filter({ hasText: 'Kenya' }).waitFor();
    await expect(row.textContent()).resolves.toContain('0 of 1 done');
    await expect(axeViolations(page)).resolves.toEqual([]);

    await openPage(page, harness.baseUrl, `${planPath}?lang=ar`);
    await expect(page.evaluate(() => document.documentElement.dir)).resolves.toBe('rtl');
    await expect(page.locator('h1').textContent()).resolves.toBe(TITLE);
    await page.locator('.indicator-progress').waitFor();
    await expect(indicatorStatus(page)).resolves.toBe('على المسار الصحيح');
    await expect(axeViolations(page)).resolves.toEqual([]);

    await openPage(page, harness.baseUrl, `${planPath}/edit?lang=ar`);
    await expect(page.getByLabel('عنوان الخطة').inputValue()).resolves.toBe(TITLE);
    await expect(axeViolations(page)).resolves.toEqual([]);
    // Three people's pages, each checked by axe: longer than one page's test.
  }, 240_000);

  it('offers visitors who may not draw a plan up no way to a new one', async () => {
    const page = await harness.newPage();
    const viewer = DEMO_USERS.find((user) => user.role === 'viewer');
    await signIn(harness, page, viewer?.email ?? '');
    await openPage(page, harness.baseUrl, '/plans?lang=en');
    await expect(page.locator('h1').textContent()).resolves.toBe('Plans of action');
    await expect(page.getByRole('link', { name: 'Draw up a new plan' }).count()).resolves.toBe(0);
    await expect(axeViolations(page)).resolves.toEqual([]);
  });
});
