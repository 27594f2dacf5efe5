// The knowledge library in Chromium: a visitor searches in English, Arabic and Chinese and sees the found words
// marked, facets named in their language with counts, filters kept in the address, and an item with its other
// language versions; a typing mistake shows close matches. An editor writes a case-law draft (a file of the
// wrong kind refused beside its field, then a PDF attached) and a coordinator reviews and publishes it, after
// which anyone finds it. Every page checked by axe.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../src/access/demo.js';
import { helveticaPdf } from '../../src/knowledge/attachments/testing/documents.js';
import { axeViolations, type Harness, openPage, startHarness } from './harness.js';
import { signIn } from './signed-in.js';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

const editor = DEMO_USERS.find((user) => user.role === 'editor');
const coordinator = DEMO_USERS.find((user) => user.role === 'coordinator');

async function search(page: Page, label: string, words: string, button: string) {
  await page.getByLabel(label).fill(words);
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.waitForFunction(
    (expected) =>
      new URL(window.location.href).searchParams.get('q') === expected &&
      document.querySelector('.results')?.getAttribute('aria-busy') === 'false',
    words,
  );
}

const marked = (page: Page) => page.locator('.hit-snippet mark').allTextContents();

describe('the knowledge library', () => {
  it('finds items in English with marked words and facets, filters in the address, and opens a version in French', async () => {
    const page = await harness.newPage();
    await openPage(page, harness.baseUrl, '/knowledge?lang=en');
    await expect(page.locator('h1').textContent()).resolves.toBe('Knowledge library');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Knowledge' }).getAttribute('aria-current')).resolves.toBe(
      'page',
    );
    await expect(page.locator('.result-count').textContent()).resolves.toMatch(/^\d+ items found$/);

    // A chosen kind narrows the results, not its own facet: the other kinds stay offered, to add to it.
    const kinds = page.getByRole('group', { name: 'Kind of item' });
    const kindsOffered = await kinds.getByRole('checkbox').count();
    expect(kindsOffered).toBeGreaterThan(1);
    await kinds.getByRole('checkbox', { name: /^Guideline/ }).check();
    await page.waitForFunction(() => new URL(window.location.href).searchParams.get('type') === 'guideline');
    await page.waitForFunction(
      () => document.querySelector('.results')?.getAttribute('aria-busy') === 'false',
    );
    await expect(kinds.getByRole('checkbox').count()).resolves.toBe(kindsOffered);
    await kinds.getByRole('checkbox', { name: /^Guideline/ }).uncheck();
    await page.waitForFunction(() => !new URL(window.location.href).searchParams.has('type'));

    await search(page, 'Words to find', 'border officials', 'Search');
    expect((await marked(page)).map((word) => word.toLowerCase())).toContain('border');
    await expect(kinds.getByRole('checkbox', { name: /^Guideline \(\d+\)$/ }).count()).resolves.toBe(1);
    const countries = page.getByRole('group', { name: 'Country' });
    await expect(countries.getByRole('checkbox', { name: /^Kenya \(\d+\)$/ }).count()).resolves.toBe(1);
    await expect(axeViolations(page)).resolves.toEqual([]);

    await kinds.getByRole('checkbox', { name: /^Guideline/ }).check();
    await page.waitForFunction(() => new URL(window.location.href).searchParams.get('type') === 'guideline');
    await page.waitForFunction(
      () => document.querySelector('.results')?.getAttribute('aria-busy') === 'false',
    );
    await expect(page.locator('.hits > li').count()).resolves.toBe(1);
    // The address holds the view: opened again, it shows the same.
    await openPage(page, harness.baseUrl, `/knowledge${new URL(page.url()).search}`);
    await expect(page.getByRole('checkbox', { name: /^Guideline/ }).isChecked()).resolves.toBe(true);

    await page.getByRole('link', { name: /^Identifying victims of trafficking at border posts/ }).click();
    await page.locator('h1', { hasText: 'Identifying victims of trafficking at border posts' }).waitFor();
    const facts = page.locator('.item-facts').first();
    await expect(facts.textContent()).resolves.toContain('Kenya');
    await expect(facts.textContent()).resolves.toContain('Guideline');
    const versions = page.getByRole('navigation', { name: 'Other language versions' });
    await expect(versions.textContent()).resolves.toContain('Also in:');
    await expect(axeViolations(page)).resolves.toEqual([]);

    await versions.getByRole('link', { name: 'Français' }).click();
    await page.locator('h1', { hasText: 'Identifier les victimes de la traite' }).waitFor();
    await expect(page.locator('h1').getAttribute('lang')).resolves.toBe('fr');
    await expect(page.locator('.item-summary [lang="fr"]').count()).resolves.toBe(1);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(axeViolations(page)).resolves.toEqual([]);
  }, 120_000);

  it('shows titles close to a mistyped word, and what to try when nothing is found', async () => {
    const page = await harness.newPage();
    await openPage(page, harness.baseUrl, '/knowledge?lang=en');
    await search(page, 'Words to find', 'inspecton', 'Search');
    await expect(page.locator('.close-matches').textContent()).resolves.toContain('did you mean');
    await expect(page.locator('.hits').textContent()).resolves.toContain('Joint labour inspections');
    await search(page, 'Words to find', 'zqxwv', 'Search');
    await expect(page.locator('.empty').textContent()).resolves.toContain('No item matches “zqxwv”.');
    await expect(axeViolations(page)).resolves.toEqual([]);
  });

  it('searches in Arabic, right to left, and opens an Arabic item', async () => {
    const page = await harness.newPage();
    await openPage(page, harness.baseUrl, '/knowledge?lang=ar');
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    await expect(page.locator('h1').textContent()).resolves.toBe('مكتبة المعارف');
    await search(page, 'الكلمات المطلوب البحث عنها', 'المأوى', 'بحث');
    expect((await marked(page)).length).toBeGreaterThan(0);
    await expect(page.locator('.result-count').textContent()).resolves.toBe('عُثر على مادة واحدة');
    const kinds = page.getByRole('group', { name: 'نوع المادة' });
    await expect(kinds.getByRole('checkbox', { name: /^ممارسة جيدة \(\d+\)$/ }).count()).resolves.toBe(1);
    await expect(page.getByRole('group', { name: 'البلد' }).textContent()).resolves.toContain('كينيا');
    await expect(axeViolations(page)).resolves.toEqual([]);

    await page.locator('.hit-title a').first().click();
    await page.locator('h1', { hasText: 'إحالة ضحايا الاتجار بالبشر إلى المأوى' }).waitFor();
    // Written in the interface's language: nothing to mark.
    await expect(page.locator('h1').getAttribute('lang')).resolves.toBeNull();
    await expect(page.locator('.item-facts').first().textContent()).resolves.toContain('كينيا');
    await expect(axeViolations(page)).resolves.toEqual([]);
  }, 120_000);

  it('searches in Chinese and opens a Chinese item; an English item there is marked as English', async () => {
    const page = await harness.newPage();
    await openPage(page, harness.baseUrl, '/knowledge?lang=zh');
    await expect(page.locator('h1').textContent()).resolves.toBe('知识库');
    await search(page, '要查找的词语', '人口贩运', '搜索');
    expect(await marked(page)).toContain('人口贩运');
    await expect(page.getByRole('group', { name: '条目类型' }).textContent()).resolves.toContain('培训材料');
    await expect(page.getByRole('group', { name: '国家' }).textContent()).resolves.toContain('肯尼亚');
    await expect(axeViolations(page)).resolves.toEqual([]);

    await page.getByRole('link', { name: /^打击人口贩运执法人员培训手册/ }).click();
    await page.locator('h1', { hasText: '打击人口贩运执法人员培训手册' }).waitFor();
    await expect(axeViolations(page)).resolves.toEqual([]);

    await openPage(page, harness.baseUrl, '/knowledge?lang=zh&type=case_law');
    await page.locator('.hit-title a').first().click();
    await page.locator('h1[lang="en"]').waitFor();
    await expect(page.locator('.note').first().textContent()).resolves.toContain('English');
    await expect(page.locator('.people-counts caption').first().textContent()).resolves.toContain('被害人');
    await expect(axeViolations(page)).resolves.toEqual([]);
  }, 120_000);

  it('lets an editor write a case-law draft with a file, and a coordinator review and publish it', async () => {
    const title = 'Conviction for forced labour on fishing boats (browser test)';
    const page = await harness.newPage();
    await signIn(harness, page, editor?.email ?? '');
    await openPage(page, harness.baseUrl, '/knowledge?lang=en');
    await page.getByRole('link', { name: 'Write a new item' }).click();
    await page.locator('h1', { hasText: 'Write a new item' }).waitFor();
    await page.getByLabel('Kind of item').selectOption({ label: 'Case law' });
    await page.getByRole('button', { name: 'Save the draft' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    await expect(summary.textContent()).resolves.toContain('Enter Title.');
    await expect(summary.textContent()).resolves.toContain('Enter Court.');

    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Summary').fill('Boat owners convicted of forced labour of migrant fishers.');
    await page.getByLabel('Court', { exact: true }).fill('High Court of Mombasa (illustrative)');
    await page.getByLabel('Date of the decision').fill('2025-03-10');
    await page.getByLabel('Jurisdiction').selectOption({ label: 'Kenya' });
    await page.getByLabel('Outcome').selectOption({ label: 'Conviction' });
    await page.getByRole('checkbox', { name: 'Recruitment' }).check();
    await page.getByRole('checkbox', { name: 'Deception' }).check();
    await page.getByRole('button', { name: 'Add a row to “Victims”' }).click();
    const row = page.getByRole('group', { name: 'Victims, row 1' });
    await row.getByLabel('Sex').selectOption({ label: 'Male' });
    await row.getByLabel('Age group').selectOption({ label: 'Adults (18 and over)' });
    await row.getByLabel('Number of people').fill('4');
    await expect(axeViolations(page)).resolves.toEqual([]);
    await page.getByRole('button', { name: 'Save the draft' }).click();
    await page.locator('h1', { hasText: title }).waitFor();
    await expect(page.locator('.item-actions').textContent()).resolves.toContain('Status: Draft.');
    // An editor writes; only a coordinator reviews.
    await expect(page.getByRole('button', { name: 'Mark as reviewed' }).count()).resolves.toBe(0);
    await expect(page.locator('.people-counts').textContent()).resolves.toContain('Victims: 4 in all');

    // A file whose name says PDF but whose bytes do not: refused, beside the file field.
    const fileField = page.getByLabel('PDF or Word file');
    await fileField.setInputFiles({
      name: 'notes.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('plain text'),
    });
    await page.getByRole('button', { name: 'Attach the file' }).click();
    await page.locator('.attach-form .field-error').waitFor();
    await expect(page.locator('.attach-form .field-error').textContent()).resolves.toContain(
      'neither a PDF nor a Word',
    );
    await expect(fileField.getAttribute('aria-invalid')).resolves.toBe('true');
    await fileField.setInputFiles({
      name: 'judgment.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(helveticaPdf(['The court found the fishers were deceived about their wages.'])),
    });
    await page.getByRole('button', { name: 'Attach the file' }).click();
    await page.getByRole('status').filter({ hasText: 'judgment.pdf is attached.' }).waitFor();
    await expect(page.getByRole('link', { name: 'judgment.pdf' }).count()).resolves.toBe(1);
    await expect(axeViolations(page)).resolves.toEqual([]);
    const itemPath = new URL(page.url()).pathname;

    const reviewer = await harness.newPage();
    await signIn(harness, reviewer, coordinator?.email ?? '');
    await openPage(reviewer, harness.baseUrl, '/knowledge/drafts?lang=en');
    await reviewer.getByRole('link', { name: title }).click();
    await reviewer.locator('h1', { hasText: title }).waitFor();
    await reviewer.getByRole('button', { name: 'Mark as reviewed' }).click();
    await reviewer.getByRole('status').filter({ hasText: 'Reviewed, not published yet' }).waitFor();
    await reviewer.getByRole('button', { name: 'Publish' }).click();
    await reviewer.getByRole('status').filter({ hasText: 'Published' }).waitFor();
    // The actions are drawn again from the published item a moment after the status.
    await reviewer.getByRole('button', { name: 'Return to draft' }).waitFor();
    await expect(reviewer.getByRole('button', { name: 'Publish' }).count()).resolves.toBe(0);
    await expect(axeViolations(reviewer)).resolves.toEqual([]);

    // Published: a visitor finds it, also by a word only in its file.
    const visitor = await harness.newPage();
    await openPage(visitor, harness.baseUrl, '/knowledge?lang=en');
    await search(visitor, 'Words to find', 'fishers deceived wages', 'Search');
    await expect(visitor.locator('.hits').textContent()).resolves.toContain(title);
    await openPage(visitor, harness.baseUrl, `${itemPath}?lang=en`);
    await expect(visitor.locator('.item-decision').textContent()).resolves.toContain('Deception');
    await expect(visitor.getByRole('button', { name: 'Return to draft' }).count()).resolves.toBe(0);
  }, 240_000);
});
