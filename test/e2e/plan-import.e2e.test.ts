// A plan imported from a file in Chromium: a coordinator reads an invented IATI file, is shown what the mapping
// still needs beside each field, chooses the pillars, the missing owner and the coordinator, and lands on the
// new plan with its dashboard; a broken file shows its problems and where; English and Arabic pass axe.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../src/access/demo.js';
import { inventedIatiPlanFile } from '../plans/plan-import.fixtures.js';
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
const Y = new Date().getUTCFullYear() - 1;
const CONTENT = inventedIatiPlanFile(Y);

async function readFile(page: Page, label: string, content: string, button: string) {
  await page
    .getByLabel(label)
    .setInputFiles({ name: 'donor-results.xml', mimeType: 'application/xml', buffer: Buffer.from(content) });
  await page.getByRole('button', { name: button }).click();
}

describe('a plan imported from a file', () => {
  it('maps the file’s objectives and measures, then goes to the new plan', async () => {
    const page = await harness.newPage();
    await signIn(harness, page, coordinator?.email ?? '');
    await openPage(page, harness.baseUrl, '/plans?lang=en');
    await page.getByRole('link', { name: 'Import a plan from a file' }).click();
    await page.locator('h1', { hasText: 'Import a plan from a file' }).waitFor();
    await expect(axeViolations(page)).resolves.toEqual([]);
    await readFile(page, 'Results file', CONTENT, 'Read the file');
    await page.locator('h2', { hasText: 'Map the plan' }).waitFor();
    // The step's heading takes focus, so that a screen reader hears where it is.
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Map the plan');
    await expect(page.getByLabel('Title of the plan').inputValue()).resolves.toBe('donor results');
    const shelterOwner = page.getByLabel('Owner of the measure “Shelter capacity programme”');
    await expect(shelterOwner.locator('option:checked').textContent()).resolves.toBe(
      'Safe Harbour Shelter Network (demo) (SHSN)',
    );
    await expect(axeViolations(page)).resolves.toEqual([]);

    await page.getByRole('button', { name: 'Create the plan' }).click();
    await page.locator('.error-summary').waitFor();
    const pillar = page.getByLabel('Pillar of “Victims find safe accommodation”');
    await expect(pillar.getAttribute('aria-invalid')).resolves.toBe('true');
    await pillar.selectOption({ label: 'Protection and assistance' });
    await page
      .getByLabel('Pillar of “Traffickers are brought to justice”')
      .selectOption({ label: 'Prosecution' });
    await page
      .getByLabel('Owner of the measure “Court monitoring”')
      .selectOption({ label: 'Regional Legal Aid Centre (demo) (RLAC)' });
    await page
      .getByLabel('Coordinating organisation')
      .selectOption({ label: 'National Anti-Trafficking Coordination Office (demo) (NACO)' });
    await page.getByRole('button', { name: 'Create the plan' }).click();
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}(\?|$)/);
    await page.locator('h1', { hasText: 'donor results' }).waitFor();
    await page.locator('.indicator-progress').waitFor();
    await expect(page.locator('.indicator-progress').textContent()).resolves.toContain(
      'Shelter places available',
    );
  }, 120_000);

  it('reads the file in Arabic, right to left, with no axe findings', async () => {
    const page = await harness.newPage();
    await signIn(harness, page, coordinator?.email ?? '');
    await openPage(page, harness.baseUrl, '/plans/import?lang=ar');
    await expect(page.evaluate(() => document.documentElement.dir)).resolves.toBe('rtl');
    await expect(page.locator('h1').textContent()).resolves.toBe('استيراد خطة من ملف');
    await readFile(page, 'ملف النتائج', CONTENT, 'قراءة الملف');
    await page.locator('h2', { hasText: 'مطابقة الخطة' }).waitFor();
    await expect(page.getByText('الهدف: Victims find safe accommodation').count()).resolves.toBe(1);
    await expect(axeViolations(page)).resolves.toEqual([]);
  }, 120_000);

  it('shows a broken file’s problems with where they are, and lets another file be chosen', async () => {
    const page = await harness.newPage();
    await signIn(harness, page, coordinator?.email ?? '');
    await openPage(page, harness.baseUrl, '/plans/import?lang=en');
    await readFile(
      page,
      'Results file',
      CONTENT.replace('value="55"', 'value="fifty-five"'),
      'Read the file',
    );
    await page.locator('h2', { hasText: 'The file cannot be imported as it is' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'fifty-five' });
    await expect(row.textContent()).resolves.toContain(
      'iati-activity[1]/result[1]/indicator[1]/period[1]/actual[1]',
    );
    await expect(axeViolations(page)).resolves.toEqual([]);
    await page.getByRole('button', { name: 'Choose another file' }).click();
    await page.getByLabel('Results file').waitFor();
  }, 120_000);
});
