// The release pages in Chromium: the public list, the wizard from a CSV file to a published k-anonymous
// synthetic release that then appears on the public list, a malformed file's faults in sentences, the
// privacy budgets a differentially private release spends, Arabic right to left, and no axe findings.
import type { Locator, Page } from 'playwright-core';
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
const TITLE = 'Generated victims by sex, age band and citizenship';
const DP_TITLE = 'Differentially private victims by sex and citizenship';

/** 400 invented records in the CTDC layout, from a fixed linear congruential sequence: the same each run. */
function generatedCsv(): Buffer {
  let state = 12345;
  const pick = <T>(values: readonly T[]): T => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    // The high bits: a power-of-two LCG's low bits repeat with a short period.
    return values[(state >>> 16) % values.length] as T;
  };
  const rows = ['gender,ageBroad,citizenship,typeOfExploitation'];
  for (let i = 0; i < 400; i++) {
    rows.push(
      [
        pick(['Female', 'Male']),
        pick(['9--17', '18--20', '21--23', '24--26']),
        pick(['UKR', 'PHL', 'MDA']),
        pick(['labour', 'sexual']),
      ].join(','),
    );
  }
  return Buffer.from(`${rows.join('\n')}\n`, 'utf8');
}

async function uploadAndReadColumns(page: Page, fileLabel: string, readLabel: string, name = 'victims.csv') {
  await page.getByLabel(fileLabel).setInputFiles({ name, mimeType: 'text/csv', buffer: generatedCsv() });
  await page.getByRole('button', { name: readLabel }).click();
  await page.locator('.release-columns tbody tr').first().waitFor();
}

describe('release pages', () => {
  it('shows the public list to everyone, without the way to prepare one, and no axe findings', async () => {
    const page = await harness.newPage();
    await openPage(page, harness.baseUrl, '/releases?lang=en');
    await expect(page.locator('h1').textContent()).resolves.toBe('Releases');
    await expect(page.getByRole('link', { name: 'Prepare a release' }).count()).resolves.toBe(0);
    await expect(axeViolations(page)).resolves.toEqual([]);
  });

  it('takes a coordinator from a CSV file to a published k-anonymous release on the public list', async () => {
    const page = await harness.newPage();
    await signIn(harness, page, coordinator?.email ?? '');
    await openPage(page, harness.baseUrl, '/releases?lang=en');
    await page.getByRole('link', { name: 'Prepare a release' }).click();
    await page.getByRole('heading', { name: 'Step 1 of 4 Data' }).waitFor();
    await uploadAndReadColumns(page, 'CSV file', 'Read the columns');
    // Each step's heading takes focus, so a screen reader hears where it is.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('release-step-heading');
    await expect(page.locator('.release-columns tbody th').allTextContents()).resolves.toEqual([
      'gender',
      'ageBroad',
      'citizenship',
      'typeOfExploitation',
    ]);
    await page.getByLabel('Role of gender').selectOption({ label: 'Quasi-identifier' });
    await page.getByLabel('Role of ageBroad').selectOption({ label: 'Quasi-identifier' });
    await page.getByLabel('Role of citizenship').selectOption({ label: 'Quasi-identifier' });
    await page.getByLabel('Role of typeOfExploitation').selectOption({ label: 'Sensitive' });
    await page.getByRole('button', { name: 'Check disclosure risk' }).click();
    const risk = page.locator('.risk-report');
    await risk.waitFor();
    await expect(risk.textContent()).resolves.toContain('The 400 records form 24 groups');
    await expect(page.locator('.class-size-chart tbody tr').count()).resolves.toBeGreaterThan(0);
    await expect(axeViolations(page)).resolves.toEqual([]);

    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Title of the release').fill(TITLE);
    await page.getByLabel('Synthetic data, k-anonymous').check();
    await page.getByLabel('k, the smallest group').fill('10');
    await page.getByLabel('Seed (optional)').fill('7');
    await page.getByRole('button', { name: 'Prepare the draft' }).click();
    await page.getByRole('heading', { name: 'Step 4 of 4 Result' }).waitFor();
    const result = page.locator('.release-details');
    await expect(result.textContent()).resolves.toContain('Synthetic data, k-anonymous (k = 10)');
    await expect(result.textContent()).resolves.toContain('occurs at least 10 times in the source');
    await expect(
      page.getByRole('heading', { name: 'How close it stays to the source' }).count(),
    ).resolves.toBe(1);
    await expect(axeViolations(page)).resolves.toEqual([]);

    await page.getByRole('button', { name: 'Publish' }).click();
    const dialog = page.getByRole('dialog', { name: `Publish “${TITLE}”?` });
    await dialog.getByRole('button', { name: 'Publish' }).click();
    await page.waitForURL(/\/releases\/[0-9a-f-]{36}/);
    await page.locator('h1', { hasText: TITLE }).waitFor();
    await expect(page.locator('.release-facts').first().textContent()).resolves.toContain('Published');

    const visitor = await harness.newPage();
    await openPage(visitor, harness.baseUrl, '/releases?lang=en');
    const row = visitor.getByRole('row').filter({ hasText: TITLE });
    await expect(row.textContent()).resolves.toContain('Synthetic data, k-anonymous (k = 10)');
    await expect(row.getByRole('link', { name: `Download the data (CSV) ${TITLE}` }).count()).resolves.toBe(
      1,
    );
    await expect(row.locator('.release-checksum code').textContent()).resolves.toMatch(/^[0-9a-f]{16}…$/);
  });

  it('reads right to left in Arabic, through the columns and the risk check, with no axe findings', async () => {
    const page = await harness.newPage();
    await signIn(harness, page, coordinator?.email ?? '');
    await openPage(page, harness.baseUrl, '/releases/new?lang=ar');
    await expect(page.evaluate(() => document.documentElement.dir)).resolves.toBe('rtl');
    await expect(page.locator('h1').textContent()).resolves.toBe('إعداد إصدار');
    await expect(axeViolations(page)).resolves.toEqual([]);
    await uploadAndReadColumns(page, 'ملف CSV', 'قراءة الأعمدة');
    await page.getByLabel('دور gender').selectOption({ label: 'شبه مُعرِّف' });
    await page.getByRole('button', { name: 'التحقق من خطر الكشف' }).click();
    await page.locator('.risk-report').waitFor();
    await expect(page.locator('.risk-report h3').textContent()).resolves.toBe('خطر الكشف');
    await expect(axeViolations(page)).resolves.toEqual([]);
  });

  it('says where a malformed CSV goes wrong and how to fix it, in the reader’s language, never naming other formats', async () => {
    const page = await harness.newPage();
    await signIn(harness, page, coordinator?.email ?? '');
    const broken = Buffer.from('gender,ageBroad,citizenship\nFemale,18--20,NPL\nMale,21--23\n', 'utf8');
    await openPage(page, harness.baseUrl, '/releases/new?lang=en');
    await page
      .getByLabel('CSV file')
      .setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: broken });
    await page.getByRole('button', { name: 'Read the columns' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    const expected =
      'Row 3 has 2 cells, but row 1 names 3 columns. Give every row one cell per column, and put quotes around a value that contains a comma.';
    await expect(summary.textContent()).resolves.toContain(expected);
    await expect(page.locator('.field-error').textContent()).resolves.toContain(expected);
    await expect(page.locator('form').textContent()).resolves.not.toMatch(/XLSX|XML/);
    await expect(page.getByLabel('CSV file').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(axeViolations(page)).resolves.toEqual([]);

    await openPage(page, harness.baseUrl, '/releases/new?lang=ar');
    await page
      .getByLabel('ملف CSV')
      .setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: broken });
    await page.getByRole('button', { name: 'قراءة الأعمدة' }).click();
    await page.locator('.error-summary').waitFor();
    const arabic = (await page.locator('.field-error').textContent()) ?? '';
    expect(arabic).toContain('خليتان، لكن الصف');
    expect(arabic).not.toMatch(/Row|XLSX/);
    await expect(axeViolations(page)).resolves.toEqual([]);
  });

  it('shows what a differentially private release spent and what is left, and lets a coordinator set the total', async () => {
    const page = await harness.newPage();
    await signIn(harness, page, coordinator?.email ?? '');
    await openPage(page, harness.baseUrl, '/releases/new?lang=en');
    await uploadAndReadColumns(page, 'CSV file', 'Read the columns', 'budgeted.csv');
    await page.getByLabel('Role of gender').selectOption({ label: 'Quasi-identifier' });
    await page.getByLabel('Role of citizenship').selectOption({ label: 'Quasi-identifier' });
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Title of the release').fill(DP_TITLE);
    await page.getByLabel('Synthetic data, differentially private').check();
    // ε = 2 spends about an eighth of a new dataset's budget of ρ = 1.
    await page.getByLabel('ε (epsilon), the privacy loss').fill('2');
    await page.getByLabel('Seed (optional)').fill('11');
    await page.getByRole('button', { name: 'Prepare the draft' }).click();
    await page.getByRole('heading', { name: 'Step 4 of 4 Result' }).waitFor();
    await expect(page.getByRole('link', { name: 'Privacy budgets' }).count()).resolves.toBe(1);

    await openPage(page, harness.baseUrl, '/releases?lang=en');
    await page.getByRole('link', { name: 'Privacy budgets' }).click();
    await page.locator('h1', { hasText: 'Privacy budgets' }).waitFor();
    const dataset = 'The file “budgeted.csv”';
    const section = page.getByRole('region', { name: dataset });
    await section.waitFor();
    // Formulas are kept left to right by invisible isolates (for Arabic): read without them.
    const plain = async (locator: Locator) =>
      ((await locator.textContent()) ?? '').replace(/[\u2066-\u2069]/g, '');
    await expect(plain(section.locator('.budget-figures dd').first())).resolves.toBe('ρ = 1');
    const meterText = await plain(section.locator('.budget-meter-text'));
    expect(meterText).toMatch(/^\d+ % spent: ρ = 0\.\d+ of 1, ρ = 0\.\d+ left\.$/);
    await expect(section.getByRole('meter', { name: `Budget spent ${dataset}` }).count()).resolves.toBe(1);
    const link = section.getByRole('link', { name: DP_TITLE });
    await expect(link.getAttribute('href')).resolves.toMatch(/^\/releases\/[0-9a-f-]{36}(\?|$)/);
    await expect(page.locator('main').textContent()).resolves.not.toContain('file:');
    await expect(axeViolations(page)).resolves.toEqual([]);

    const total = section.getByLabel('New total for the file “budgeted.csv”');
    await total.fill('0.01');
    await section.getByRole('button', { name: 'Change the total' }).click();
    await section.locator('.error-summary').waitFor();
    await expect(plain(section.locator('.field-error'))).resolves.toMatch(
      /cannot be below what the dataset has already spent: enter ρ = 0\.\d+ or more\./,
    );
    await expect(axeViolations(page)).resolves.toEqual([]);
    await total.fill('1');
    await section.getByRole('button', { name: 'Change the total' }).click();
    await section
      .getByRole('status')
      .filter({ hasText: /The total for the file “budgeted.csv” is now .?ρ = 1.?\./ })
      .waitFor();
    await section
      .locator('.budget-figures dd', { hasText: /^.?ρ = 1.?$/ })
      .first()
      .waitFor();

    await openPage(page, harness.baseUrl, '/releases/budgets?lang=ar');
    await expect(page.evaluate(() => document.documentElement.dir)).resolves.toBe('rtl');
    await expect(page.locator('h1').textContent()).resolves.toBe('ميزانيات الخصوصية');
    await page.getByRole('region', { name: 'الملف «budgeted.csv»' }).waitFor();
    await expect(axeViolations(page)).resolves.toEqual([]);
  });
});
