// Signing a demo user in through the form, with the authenticator code when the account has a second
// factor, for browser tests of pages that only case staff open.
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/access/demo.js';
import { currentTotp } from '../../src/access/totp.js';
import { type Harness, openPage } from './harness.js';

export async function signIn(harness: Harness, page: Page, email: string, totpSecret?: string) {
  await openPage(page, harness.baseUrl, '/sign-in?lang=en');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  if (totpSecret) {
    const code = page.getByLabel('Six-digit code');
    await code.waitFor();
    await code.fill(currentTotp(totpSecret));
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
  }
  await page.locator('.user-menu-button').waitFor();
}

/** How wide the page is drawn: wider than the window means sideways scrolling on a phone. */
export const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);
