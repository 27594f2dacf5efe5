// The home page: headline figures for everyone, one's own work when signed in, Arabic, and keyboard order.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/access/demo.js';
import { axeViolations, type Harness, openPage, startHarness } from './harness.js';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

async function signIn(page: Page, email: string) {
  await openPage(page, harness.baseUrl, '/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.locator('.user-menu-button').waitFor();
}

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe('home page', () => {
  it('shows everyone the response at a glance: headline figures and activities by country', async () => {
    const page = await harness.newPage();
    await openPage(page, harness.baseUrl, '/');
    // Official statistics first: detected victims in the latest well-covered year, and the women-and-girls share.
    const share = page.locator('.tile', { hasText: 'women and girls among detected victims' });
    await share.waitFor();
    const percent = Number(/(\d+)\s*%/.exec((await share.locator('.tile-value').textContent()) ?? '')?.[1]);
    expect(percent).toBeGreaterThan(0);
    expect(percent).toBeLessThanOrEqual(100);
    // The demo release is invented: the tile says so.
    await expect(page.locator('.tile', { hasText: 'illustrative demo figures' }).count()).resolves.toBe(1);
    const tiles = page.locator('.tiles .tile');
    await expect(tiles.count()).resolves.toBe(6);
    await expect(page.locator('.tile', { hasText: 'activities recorded' }).count()).resolves.toBe(1);
    await page
      .locator('.tile', { hasText: 'open gap' })
      .locator('.tile-value', { hasNotText: '…' })
      .waitFor();
    const shaded = await page.$$eval('.choropleth path[data-iso3]', (paths) =>
      paths.filter((p) => p.getAttribute('fill') !== '#d5d9de').map((p) => p.getAttribute('data-iso3')),
    );
    expect(shaded).toContain('KEN');
    await expect(page.getByRole('heading', { name: /Your work/ }).count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: /Partners sign in/ }).count()).resolves.toBe(1);
  });

  it('shows a signed-in editor their organisation’s activities, overdue work and recent changes', async () => {
    const page = await harness.newPage();
    await signIn(page, 'editor@demo.concerted.invalid');
    await openPage(page, harness.baseUrl, '/');
    await page.getByRole('heading', { name: 'Your work at Safe Harbour Shelter Network (demo)' }).waitFor();
    await expect(page.locator('.own-activities tbody tr').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('.recent-changes li').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('.recent-changes').textContent()).resolves.toContain('demo dataset');
    // Navigation offers only what the role may open: plans, the knowledge library and prevention, but no
    // cases for an editor.
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const name of ['Plans', 'Knowledge', 'Prevention']) {
      await expect(nav.getByRole('link', { name, exact: true }).count(), name).resolves.toBe(1);
    }
    await expect(nav.getByRole('link', { name: 'Cases' }).count()).resolves.toBe(0);
    expect(await pageWidth(page)).toBeLessThanOrEqual(1280);
  });

  it('lays the dashboard out right to left in Arabic, no wider than the window', async () => {
    const page = await harness.newPage();
    await signIn(page, 'org.admin@demo.concerted.invalid');
    await openPage(page, harness.baseUrl, '/?lang=ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.locator('.your-work h2').waitFor();
    await expect(page.locator('.your-work h2').textContent()).resolves.toContain('عملك في');
    expect(await pageWidth(page)).toBeLessThanOrEqual(1280);
    await expect(axeViolations(page)).resolves.toEqual([]);
  });

  it('switches to Arabic: right to left, lang="ar", translated navigation, remembered', async () => {
    const page = await harness.newPage();
    await openPage(page, harness.baseUrl, '/');
    await page.getByRole('link', { name: 'العربية' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'ar');
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    const nav = page.getByRole('navigation', { name: 'القائمة الرئيسية' });
    await expect(nav.getByRole('link', { name: 'الشركاء' }).count()).resolves.toBe(1);
    await expect(nav.getByRole('link', { name: 'البيانات المرجعية' }).count()).resolves.toBe(1);
    expect(new URL(page.url()).searchParams.get('lang')).toBe('ar');
    await expect(page.title()).resolves.toContain('العمل المنسَّق');

    // The navigation sits on the right in right-to-left layout.
    const navBox = await nav.boundingBox();
    const mainBox = await page.locator('main').boundingBox();
    expect(navBox && mainBox && navBox.x > mainBox.x).toBe(true);

    // Remembered: a visit without ?lang comes back in Arabic.
    await page.goto(new URL('/reference', harness.baseUrl).toString());
    await page.waitForFunction(() => document.documentElement.lang === 'ar');
    await expect(page.locator('h1').textContent()).resolves.toBe('البيانات المرجعية');
  });

  it('reaches the skip link first, then the main navigation, by keyboard', async () => {
    const page = await harness.newPage();
    await openPage(page, harness.baseUrl, '/');
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => document.activeElement?.textContent);
    expect(first).toBe('Skip to main content');
    await expect(page.locator('.skip-link').isVisible()).resolves.toBe(true);

    // Header: brand, then the six languages; then the main navigation's first link.
    const focusedInNav: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      const inNav = await page.evaluate(() => document.activeElement?.closest('nav.main-nav') !== null);
      if (inNav) focusedInNav.push((await page.evaluate(() => document.activeElement?.textContent)) ?? '');
    }
    expect(focusedInNav.slice(0, 2)).toEqual(['Home', 'Partners']);

    // The skip link moves focus into <main>.
    await page.keyboard.press('Shift+Tab');
    // Wait for the app to render: a Tab pressed before that finds no skip link yet.
    await openPage(page, harness.baseUrl, '/');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
  });

  it('navigates in-page: focus on the new heading, title updated, back works', async () => {
    const page = await harness.newPage();
    await openPage(page, harness.baseUrl, '/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Partners' }).click();
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    await expect(page.locator('h1').textContent()).resolves.toBe('Partners');
    await expect(page.title()).resolves.toBe('Partners — Concerted');
    await page.getByText('Safe Harbour Shelter Network (demo)').first().waitFor();
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('h1')?.textContent?.startsWith('Coordinated'));
    expect(new URL(page.url()).pathname).toBe('/');
  });
});
