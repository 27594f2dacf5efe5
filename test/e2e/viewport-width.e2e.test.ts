// No main page is wider than the screen, on a phone or a desktop, in English and in Arabic (right to
// left): tables and charts scroll inside their own frame, long words wrap and grids collapse instead.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/access/demo.js';
import { type Harness, openPage, startHarness } from './harness.js';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

const SCREENS = [
  { name: 'a phone', width: 390, height: 844 },
  { name: 'a desktop', width: 1280, height: 900 },
];

const PUBLIC_PAGES = [
  '/',
  '/partners',
  '/activities',
  '/coverage',
  '/statistics',
  '/statistics/countries/KEN',
  '/releases',
  '/reference',
];
const EDITOR_PAGES = ['/activities/new', '/profile'];
const ADMIN_PAGES = ['/admin', '/audit', '/releases/new'];

async function signIn(page: Page, email: string) {
  await openPage(page, harness.baseUrl, '/sign-in?lang=en');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.locator('.user-menu-button').waitFor();
}

/**
 * The page's width, and when it is too wide the chain of elements down to the one whose removal makes
 * it fit: what sticks out may be a hidden label escaping a scroll frame, so boxes alone do not say.
 */
async function measure(page: Page): Promise<{ scrollWidth: number; innerWidth: number; culprit: string }> {
  return page.evaluate(() => {
    const fits = () => document.documentElement.scrollWidth <= window.innerWidth;
    const chain: string[] = [];
    let element: Element = document.body;
    while (!fits()) {
      const culprit = [...element.children].find((child) => {
        if (!(child instanceof HTMLElement || child instanceof SVGElement)) return false;
        const display = child.style.display;
        child.style.display = 'none';
        const found = fits();
        child.style.display = display;
        return found;
      });
      if (!culprit) break;
      chain.push(
        `${culprit.tagName.toLowerCase()}${[...culprit.classList].map((name) => `.${name}`).join('')}`,
      );
      element = culprit;
    }
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      culprit: chain.join(' > '),
    };
  });
}

async function expectFitsTheScreen(page: Page, pathname: string, language: string) {
  await openPage(page, harness.baseUrl, `${pathname}?lang=${language}`);
  const { scrollWidth, innerWidth, culprit } = await measure(page);
  const where = `${pathname} in ${language} is too wide because of ${culprit}`;
  expect(scrollWidth, where).toBeLessThanOrEqual(innerWidth);
}

describe.each(SCREENS.flatMap((screen) => ['en', 'ar'].map((language) => ({ ...screen, language }))))(
  'on $name ($width px) in $language',
  ({ width, height, language }) => {
    it.each(PUBLIC_PAGES)('%s is no wider than the screen', async (pathname) => {
      const page = await harness.newPage({ width, height });
      await expectFitsTheScreen(page, pathname, language);
      await page.context().close();
    });

    it('the editor’s pages are no wider than the screen', async () => {
      const page = await harness.newPage({ width, height });
      await signIn(page, 'editor@demo.concerted.invalid');
      for (const pathname of EDITOR_PAGES) await expectFitsTheScreen(page, pathname, language);
      await page.context().close();
    });

    it('the administrator’s pages are no wider than the screen', async () => {
      const page = await harness.newPage({ width, height });
      await signIn(page, 'admin@demo.concerted.invalid');
      for (const pathname of ADMIN_PAGES) await expectFitsTheScreen(page, pathname, language);
      await page.context().close();
    });
  },
);

describe('a table wider than a phone', () => {
  it('scrolls in a named frame that the keyboard reaches and scrolls', async () => {
    const page = await harness.newPage({ width: 390, height: 844 });
    await openPage(page, harness.baseUrl, '/reference/countries?lang=en');
    const frame = page.getByRole('region', { name: /countries/i }).first();
    await frame.waitFor();
    expect(await frame.getAttribute('tabindex')).toBe('0');
    await frame.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('End');
    await expect.poll(() => frame.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
    await page.context().close();
  });

  it('leaves a frame that fits without an extra tab stop', async () => {
    const page = await harness.newPage({ width: 1280, height: 900 });
    await openPage(page, harness.baseUrl, '/reference/countries?lang=en');
    await page.locator('.table-scroll').first().waitFor();
    const tabStops = await page.locator('.table-scroll[tabindex]').count();
    expect(tabStops).toBe(0);
    await page.context().close();
  });
});
