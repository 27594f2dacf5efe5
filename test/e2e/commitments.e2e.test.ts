// The commitments page in Chromium: the public list of signatories with published commitments only, the
// filters kept in the address, Arabic right to left and on a phone's screen, a signatory's editor recording
// a commitment, publishing it and reporting progress, and no axe findings. The signatories are invented.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../src/access/demo.js';
import { axeViolations, type Harness, openPage, startHarness } from './harness.js';
import { pageWidth, signIn } from './signed-in.js';

const editor = DEMO_USERS.find((user) => user.role === 'editor');
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

describe('commitments page', () => {
  it('lists the published commitments to everyone, by signatory, and never a draft', async () => {
    const page = await harness.newPage();
    await openPage(page, harness.baseUrl, '/commitments?lang=en');
    await expect(page.locator('h1').textContent()).resolves.toBe(
      'Commitments of employers and the travel sector',
    );
    await page.waitForSelector('article.commitment');
    const signatories = await page.locator('.signatory h2').allTextContents();
    expect(signatories).toEqual([
      'Fair Employers’ Alliance of East Africa (demo)',
      'Lakeside Travel and Tourism Association (demo)',
    ]);
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('Travel and tourism code for the protection of children from sexual exploitation');
    expect(main).toContain('Trained 120 front-desk staff');
    expect(main).not.toContain('Regional code of conduct for labour recruiters (demo)');
    expect(main).not.toContain('follow-up visits planned');
    await expect(page.getByText('Record a commitment').count()).resolves.toBe(0);
    await expect(axeViolations(page)).resolves.toEqual([]);
  });

  it('filters by code and country and keeps the choice in the address', async () => {
    const page = await harness.newPage();
    await openPage(page, harness.baseUrl, '/commitments?lang=en');
    await page.waitForSelector('article.commitment');
    await page.getByLabel('Code or principle signed').selectOption({ label: 'Employer pays principle' });
    await page.waitForFunction(() => document.querySelectorAll('article.commitment').length === 1);
    expect(new URL(page.url()).searchParams.get('code')).toBe('employer_pays_principle');
    await page.getByLabel('Country').selectOption({ label: 'United Republic of Tanzania' });
    await page.getByText('No commitment matches these filters.').waitFor();
    expect(new URL(page.url()).searchParams.get('country')).toBe('TZA');
  });

  it('leads from a signatory to its profile, which lists its commitments and leads back to them', async () => {
    const page = await harness.newPage();
    await openPage(page, harness.baseUrl, '/commitments?lang=en');
    await page.getByRole('link', { name: 'Lakeside Travel and Tourism Association (demo)' }).click();
    await page.getByRole('heading', { name: 'Commitments signed' }).waitFor();
    const section = page.locator('section', {
      has: page.getByRole('heading', { name: 'Commitments signed' }),
    });
    await expect(section.locator('li').allTextContents()).resolves.toEqual([
      'Travel and tourism code for the protection of children from sexual exploitation — Active',
      'Athens Ethical Principles — Lapsed',
    ]);
    await expect(axeViolations(page)).resolves.toEqual([]);
    await section.getByRole('link', { name: 'Read these commitments and the progress reported' }).click();
    await page.waitForFunction(() => document.querySelectorAll('article.commitment').length === 2);
    await expect(page.getByLabel('Signatory').inputValue()).resolves.not.toBe('');
    await expect(axeViolations(page)).resolves.toEqual([]);
  });

  it('reads right to left in Arabic, with the codes and statuses in Arabic', async () => {
    const page = await harness.newPage();
    await openPage(page, harness.baseUrl, '/commitments?lang=ar');
    await expect(page.locator('h1').textContent()).resolves.toBe('التزامات أصحاب العمل وقطاع السفر');
    await expect(page.evaluate(() => document.documentElement.dir)).resolves.toBe('rtl');
    await page.waitForSelector('article.commitment');
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('مبدأ تحمّل صاحب العمل للتكاليف');
    expect(main).toContain('منقضٍ');
    await expect(axeViolations(page)).resolves.toEqual([]);
  });

  it('fits a phone’s screen in Arabic, without sideways scrolling', async () => {
    const page = await harness.newPage({ width: 360, height: 740 });
    await openPage(page, harness.baseUrl, '/commitments?lang=ar');
    await page.waitForSelector('article.commitment');
    await expect(pageWidth(page)).resolves.toBeLessThanOrEqual(360);
  });

  it('lets a signatory’s editor record a commitment, report progress and publish it', async () => {
    const page = await harness.newPage();
    await signIn(harness, page, editor?.email ?? '');
    await openPage(page, harness.baseUrl, '/commitments?lang=en');
    await page.getByText('Record a commitment', { exact: true }).first().click();
    const form = page.locator('form.assistance-form');
    await form.getByLabel('Signatory').selectOption({ label: 'Safe Harbour Shelter Network (demo)' });
    await form.getByLabel('Code or principle signed').selectOption({ label: 'Another code or principle' });
    await form.getByLabel('Name of the code or principle').fill('Shelter pledge on ethical referrals (test)');
    await form.getByLabel('Signed on').fill('2025-02-01');
    await form.getByRole('group', { name: 'Sectors covered' }).getByLabel('Domestic work').check();
    await form.getByLabel('What the organisation committed to').fill('Refer only to licensed agencies.');
    await expect(axeViolations(page)).resolves.toEqual([]);
    await form.getByRole('button', { name: 'Record a commitment' }).click();
    await page.getByText('The commitment was recorded.').waitFor();

    const card = page.getByRole('article', { name: 'Shelter pledge on ethical referrals (test)' });
    await expect(card.textContent()).resolves.toContain('Draft, not public');
    await card.locator('summary', { hasText: 'Report progress' }).click();
    await card.getByLabel('Date').fill('2025-01-15');
    await card.getByLabel('What was done').fill('Briefed ten workers (test).');
    await card.getByLabel('Show this report to the public').check();
    await card.getByRole('button', { name: 'Report progress' }).click();
    // Before the signing day: the server's problem in the reader's words, the draft kept.
    await card.getByText('cannot be dated before the day the commitment was signed').waitFor();
    await expect(card.getByLabel('What was done').inputValue()).resolves.toBe('Briefed ten workers (test).');
    await card.getByLabel('Date').fill('2025-03-15');
    await card.getByRole('button', { name: 'Report progress' }).click();
    await card.getByText('Briefed ten workers (test).', { exact: true }).waitFor();

    await card.locator('summary', { hasText: 'Change status or publication' }).click();
    await card.getByLabel('Show this commitment to the public').check();
    await card.getByRole('button', { name: 'Change status or publication' }).click();
    await card.getByText('The commitment was changed.').waitFor();
    // The card is drawn again from the changed commitment a moment after the message.
    await card.getByText('Draft, not public').waitFor({ state: 'detached' });
    await expect(axeViolations(page)).resolves.toEqual([]);

    const visitor = await harness.newPage();
    await openPage(visitor, harness.baseUrl, '/commitments?lang=en');
    await visitor.getByText('Briefed ten workers (test).', { exact: true }).waitFor();
  });
});
