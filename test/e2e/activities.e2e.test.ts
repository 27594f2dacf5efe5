// Partners, activities and coverage in the browser: directory search, the register and its map, the activity
// form with the server's inline errors, the coverage page's map, heat-maps and findings, Arabic, and axe.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/access/demo.js';
import { axeViolations, type Harness, openPage, startHarness } from './harness.js';

let harness: Harness;
let anonymous: Page;
let editor: Page;
let createdPath = '';

async function open(page: Page, pathname: string, language = 'en') {
  const separator = pathname.includes('?') ? '&' : '?';
  await openPage(page, harness.baseUrl, `${pathname}${separator}lang=${language}`);
}

async function expectNoAxeViolations(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

beforeAll(async () => {
  harness = await startHarness();
  anonymous = await harness.newPage();
  editor = await harness.newPage();
  await open(editor, '/sign-in');
  await editor.getByLabel('Email address').fill('editor@demo.concerted.invalid');
  await editor.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await editor.getByRole('button', { name: 'Sign in', exact: true }).click();
  await editor.locator('.user-menu-button').waitFor();
});

afterAll(async () => {
  await harness?.close();
});

describe('partner directory', () => {
  it('finds a partner by part of its name and opens its page', async () => {
    await open(anonymous, '/partners');
    await anonymous.getByLabel('Name or acronym').fill('Harbour');
    await anonymous.getByRole('status').filter({ hasText: '1 partner' }).waitFor();
    const names = await anonymous.locator('tbody th').allTextContents();
    expect(names).toEqual(['Safe Harbour Shelter Network (demo)']);
    await expectNoAxeViolations(anonymous);
    await anonymous.getByRole('link', { name: 'Safe Harbour Shelter Network (demo)' }).click();
    await anonymous.getByRole('heading', { name: 'Focal points' }).waitFor();
    expect(await anonymous.locator('h1').textContent()).toBe('Safe Harbour Shelter Network (demo)');
  });
});

describe('activities', () => {
  it('lists the demo activities and maps them by country', async () => {
    await open(editor, '/activities');
    await editor.locator('.activity-table tbody tr').first().waitFor();
    const titles = await editor.locator('.activity-table tbody th a').allTextContents();
    expect(titles).toContain('Shelter for women and girls (demo)');
    const kenya = editor.locator('.world-map path[data-iso3="KEN"]');
    await kenya.waitFor();
    expect(await kenya.getAttribute('fill')).not.toBe('#d5d9de');
    await expectNoAxeViolations(editor);
  });

  it('shows an activity with people by sex and age and its versions', async () => {
    await editor.getByRole('link', { name: 'Shelter for women and girls (demo)' }).click();
    await editor.getByRole('heading', { name: 'Versions' }).waitFor();
    await editor.locator('table caption', { hasText: 'Every change' }).waitFor();
    const reached = editor.locator('table', {
      has: editor.locator('caption', { hasText: 'People reached' }),
    });
    expect(await reached.locator('tbody tr').count()).toBe(3);
    await expectNoAxeViolations(editor);
  });

  it('lets an editor record an activity, showing a refused field inline first', async () => {
    await open(editor, '/activities/new');
    await editor.getByLabel('Title').fill('Peer support for boys (e2e)');
    await editor.getByLabel('Identifier').fill('HAS SPACE');
    await editor.getByLabel('Type of activity').selectOption({ index: 1 });
    await editor.getByLabel('Country 1').selectOption('KEN');
    await expectNoAxeViolations(editor);
    await editor.getByRole('button', { name: 'Record the activity' }).click();
    const identifier = editor.getByLabel('Identifier');
    await editor.locator('.field.has-error').first().waitFor();
    expect(await identifier.getAttribute('aria-invalid')).toBe('true');
    await identifier.fill('E2E-PEER-1');
    await editor.getByRole('button', { name: 'Record the activity' }).click();
    await editor.locator('h1', { hasText: 'Peer support for boys (e2e)' }).waitFor();
    createdPath = new URL(editor.url()).pathname;
    expect(createdPath).toMatch(/^\/activities\/[0-9a-f-]{36}$/);
  });
});

describe('coverage', () => {
  it('shows the choropleth, both heat-maps, and gaps and overlaps linked to activities', async () => {
    await open(editor, '/coverage');
    await editor.locator('.world-map path[data-iso3="UGA"]').waitFor();
    expect(await editor.locator('.heatmap-figure svg').count()).toBe(2);
    expect(await editor.locator('.findings-table tbody tr:not(.group-row)').count()).toBeGreaterThan(0);
    await editor.getByLabel('Kind', { exact: true }).selectOption('overlap');
    await editor
      .getByRole('button', { name: /Show details/ })
      .first()
      .click();
    expect(await editor.locator('.finding-detail a[href^="/activities/"]').count()).toBeGreaterThan(0);
    await editor.locator('.world-map path[data-iso3="UGA"]').click();
    await editor.getByRole('heading', { name: /Coordination profile: Uganda/ }).waitFor();
    await expectNoAxeViolations(editor);
  });

  it('offers the heat-map as PNG and SVG downloads', async () => {
    const [download] = await Promise.all([
      editor.waitForEvent('download'),
      editor.getByRole('button', { name: 'Download as SVG' }).first().click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.svg$/);
  });
});

describe('in Arabic', () => {
  it('sets dir=rtl, translates the labels and passes axe on every page', async () => {
    await open(editor, '/coverage', 'ar');
    expect(await editor.getAttribute('html', 'dir')).toBe('rtl');
    expect(await editor.locator('h1').textContent()).toBe('التغطية');
    await editor.getByRole('heading', { name: 'الثغرات', exact: false }).first().waitFor();
    await expectNoAxeViolations(editor);
    for (const path of ['/partners', '/activities', createdPath || '/activities', '/activities/new']) {
      await open(editor, path, 'ar');
      expect(await editor.getAttribute('html', 'dir')).toBe('rtl');
      await expectNoAxeViolations(editor);
    }
  });
});

describe('activity import', () => {
  const header = 'identifier,title,lead_organisation,activity_type,destination_countries,target_groups';

  it('sends a file as a background job and shows its report, at an address that can be reopened', async () => {
    await open(editor, '/activities');
    await editor.getByRole('link', { name: 'Import a file' }).click();
    await editor.getByRole('heading', { name: 'Import activities from a file' }).waitFor();
    await expectNoAxeViolations(editor);
    await editor.getByLabel('File', { exact: true }).setInputFiles({
      name: 'outreach-e2e.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${header}\nE2E-IMPORT-1,Outreach in Kisumu (e2e),SHSN,identification,KEN,women\n`),
    });
    await editor.getByLabel('Only check the file; save nothing').uncheck();
    await editor.getByRole('button', { name: 'Import', exact: true }).click();
    await editor.getByText('Saved: 1 created, 0 updated, 0 unchanged.').waitFor();
    expect(new URL(editor.url()).searchParams.get('job')).toMatch(/^[0-9a-f-]{36}$/);
    await expectNoAxeViolations(editor);
    await editor.reload();
    await editor.getByText('Saved: 1 created, 0 updated, 0 unchanged.').waitFor();
  });

  it('lists the problems of a refused file by row, in Arabic too', async () => {
    await open(editor, '/activities/import', 'ar');
    await editor.getByRole('heading', { name: 'استيراد الأنشطة من ملف' }).waitFor();
    await editor.getByLabel('الملف', { exact: true }).setInputFiles({
      name: 'refused-e2e.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${header}\nE2E-IMPORT-2,Somebody else’s (e2e),RLAC,legal_aid,UGA,\n`),
    });
    await editor.getByRole('button', { name: 'استيراد', exact: true }).click();
    await editor.getByRole('alert').filter({ hasText: 'وُجدت مشكلة واحدة' }).waitFor();
    const problems = editor.locator('table', {
      has: editor.locator('caption', { hasText: 'المشكلات حسب الصف' }),
    });
    expect(await problems.locator('tbody tr').count()).toBe(1);
    expect(await problems.locator('tbody td').first().textContent()).toBe('2');
    await expectNoAxeViolations(editor);
  });

  it('asks for a file before sending anything', async () => {
    await open(editor, '/activities/import');
    await editor.getByRole('button', { name: 'Import', exact: true }).click();
    await editor.getByText('Choose a file to import.').first().waitFor();
    expect(new URL(editor.url()).searchParams.get('job')).toBeNull();
  });
});
