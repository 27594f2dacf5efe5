// Access control in the browser: signing in as each demo user, the navigation each role gets, pages a
// role may not open, signing out, managing members, tokens, the second factor and break-glass grants.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/access/demo.js';
import { currentTotp } from '../../src/access/totp.js';
import { axeViolations, type Harness, openPage, startHarness } from './harness.js';

let harness: Harness;
/** One signed-in page per demo user, reused across tests: a sign-in costs a password hash. */
const signedInPages = new Map<string, Page>();

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

type DemoUser = (typeof DEMO_USERS)[number];

function demoUser(email: string): DemoUser {
  const user = DEMO_USERS.find((candidate) => candidate.email === email);
  if (!user) throw new Error(`no demo user ${email}`);
  return user;
}

async function open(page: Page, pathname: string, language = 'en') {
  const separator = pathname.includes('?') ? '&' : '?';
  await openPage(page, harness.baseUrl, `${pathname}${separator}lang=${language}`);
}

/** Signs in through the form, with the authenticator code when the account has a second factor. */
async function signInWithForm(page: Page, email: string, password: string, totpSecret?: string) {
  await open(page, '/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  if (totpSecret) {
    const code = page.getByLabel('Six-digit code');
    await code.waitFor();
    await code.fill(currentTotp(totpSecret));
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
  }
  await page.locator('.user-menu-button').waitFor();
}

async function signedIn(email: string): Promise<Page> {
  const cached = signedInPages.get(email);
  if (cached) return cached;
  const user = demoUser(email);
  const page = await harness.newPage();
  await signInWithForm(page, user.email, DEMO_PASSWORD, user.totpSecret);
  signedInPages.set(email, page);
  return page;
}

async function navigationLinks(page: Page): Promise<string[]> {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents();
}

// Capabilities not built yet are not offered at all.
const COMMON = [
  'Home',
  'Partners',
  'Services',
  'Activities & coverage',
  'Plans',
  'Statistics',
  'Releases',
  'Knowledge',
  'Prevention',
  'Agencies',
  'Technical assistance',
  'Commitments',
  'Reference',
];
/** Case workers and managers also get their cases, referrals and the screening wizard. */
const CASE_STAFF = [
  'Home',
  'Partners',
  'Services',
  'Activities & coverage',
  'Plans',
  'Statistics',
  'Releases',
  'Knowledge',
  'Prevention',
  'Agencies',
  'Technical assistance',
  'Commitments',
  'Cases',
  'Referrals',
  'Screening',
  'Reference',
];
const NAVIGATION: Record<string, string[]> = {
  admin: [...COMMON, 'Break-glass access', 'Administration', 'Audit trail'],
  coordinator: [...COMMON, 'Administration', 'Audit trail'],
  org_admin: [...COMMON, 'Break-glass access', 'Administration', 'Audit trail'],
  editor: COMMON,
  case_manager: [...CASE_STAFF, 'Break-glass access'],
  case_worker: [...CASE_STAFF, 'Break-glass access'],
  analyst: COMMON,
  viewer: COMMON,
};
const ROLE_NAMES: Record<string, string> = {
  admin: 'Administrator',
  coordinator: 'Coordinator',
  org_admin: 'Organisation administrator',
  editor: 'Editor',
  case_manager: 'Case manager',
  case_worker: 'Case worker',
  analyst: 'Analyst',
  viewer: 'Viewer',
};

describe('signing in', () => {
  it('offers visitors only the public pages and sign-in, and asks them to sign in elsewhere', async () => {
    const page = await harness.newPage();
    await open(page, '/');
    expect(await navigationLinks(page)).toEqual([
      'Home',
      'Partners',
      'Services',
      'Activities & coverage',
      'Statistics',
      'Releases',
      'Knowledge',
      'Prevention',
      'Agencies',
      'Commitments',
      'Reference',
      'Sign in',
    ]);
    await open(page, '/audit');
    await expect(page.locator('h1').textContent()).resolves.toBe('Sign in to continue');
    await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
    await page.getByLabel('Email address').waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBe('/audit');
    await page.context().close();
  });

  it('refuses a wrong password with one message, whether or not the account exists', async () => {
    const page = await harness.newPage();
    await open(page, '/sign-in');
    const messages: string[] = [];
    for (const email of ['viewer@demo.concerted.invalid', 'nobody@demo.concerted.invalid']) {
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Password', { exact: true }).fill('not-the-right-passphrase');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      messages.push((await alert.textContent()) ?? '');
      await page.getByLabel('Email address').fill('');
    }
    expect(messages[0]).toContain('The email address, password or code is not right.');
    expect(messages[1]).toBe(messages[0]);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await page.context().close();
  });

  it.each(DEMO_USERS.map((user) => [user.email, user.role] as const))(
    'signs in %s (%s) and shows exactly the navigation of the role',
    async (email, role) => {
      const page = await signedIn(email);
      expect(await navigationLinks(page)).toEqual(NAVIGATION[role]);
      const user = demoUser(email);
      const menuButton = page.locator('.user-menu-button');
      await expect(menuButton.textContent()).resolves.toContain(user.displayName);
      await menuButton.click();
      await expect(page.locator('.user-menu-roles').textContent()).resolves.toContain(ROLE_NAMES[role]);
      await page.keyboard.press('Escape');
      await expect(menuButton.getAttribute('aria-expanded')).resolves.toBe('false');
    },
  );

  it('tells an analyst and a viewer that administration and the audit trail are not for their role', async () => {
    for (const email of ['analyst@demo.concerted.invalid', 'viewer@demo.concerted.invalid']) {
      const page = await signedIn(email);
      for (const pathname of ['/admin', '/audit', '/break-glass']) {
        await open(page, pathname);
        await expect(page.locator('h1').textContent()).resolves.toBe('Not available for your role');
      }
    }
  });

  it('signs out from the user menu', async () => {
    const page = await signedIn('editor@demo.concerted.invalid');
    signedInPages.delete('editor@demo.concerted.invalid');
    await page.locator('.user-menu-button').click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You have signed out.').waitFor();
    expect(await navigationLinks(page)).toEqual([
      'Home',
      'Partners',
      'Services',
      'Activities & coverage',
      'Statistics',
      'Releases',
      'Knowledge',
      'Prevention',
      'Agencies',
      'Commitments',
      'Reference',
      'Sign in',
    ]);
    await open(page, '/profile');
    await expect(page.locator('h1').textContent()).resolves.toBe('Sign in to continue');
    await page.context().close();
  });
});

describe('profile', () => {
  it('shows the server’s reason for a refused new password beside the field, in a sentence', async () => {
    const page = await signedIn('coordinator@demo.concerted.invalid');
    await open(page, '/profile');
    await page
      .getByRole('region', { name: 'Change your password' })
      .getByLabel('Current password')
      .fill(DEMO_PASSWORD);
    await page.getByLabel('New password', { exact: true }).fill('too short');
    await page.getByLabel('New password again').fill('too short');
    await page.getByRole('button', { name: 'Change password' }).click();
    const field = page.getByLabel('New password', { exact: true });
    await page.waitForFunction(() => document.querySelector('[aria-invalid="true"]') !== null);
    const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
    const errorId = describedBy.split(' ').find((id) => id.endsWith('-error')) ?? '';
    const error = await page.locator(`[id="${errorId}"]`).textContent();
    expect(error).toContain('New password needs at least 15 characters.');
    // Focus moved to the summary of errors, whose link leads to the field to correct.
    const summary = page.locator('.error-summary');
    await expect(
      page.evaluate(() => document.activeElement?.classList.contains('error-summary')),
    ).resolves.toBe(true);
    await summary.getByRole('link', { name: 'New password needs at least 15 characters.' }).click();
    await expect(page.evaluate(() => document.activeElement?.getAttribute('type'))).resolves.toBe('password');
  });

  it('creates an API token shown once, lists it and revokes it after a confirmation', async () => {
    const page = await signedIn('admin@demo.concerted.invalid');
    await open(page, '/profile');
    await page.getByLabel('Name', { exact: true }).fill('Monthly export');
    const tokenForm = page.locator('form', { has: page.getByRole('button', { name: 'Create token' }) });
    await tokenForm.getByLabel('Current password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = page.getByLabel('New token “Monthly export”');
    await secret.waitFor();
    await expect(secret.inputValue()).resolves.toMatch(/^cct_/);
    await page.getByRole('button', { name: 'I have stored it' }).click();
    const row = page.locator('tbody tr', { hasText: 'Monthly export' });
    await expect(row.textContent()).resolves.toContain('Active');
    await row.getByRole('button', { name: 'Revoke Monthly export' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke the token “Monthly export”?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Revoke' }).click();
    await page.getByText('The token “Monthly export” was revoked.').waitFor();
    await row.getByText('Revoked', { exact: false }).first().waitFor();
  });
});

describe('administration and the second factor', () => {
  it('adds a case worker, whose first sign-in asks for a second factor and sets it up', async () => {
    const admin = await signedIn('admin@demo.concerted.invalid');
    await open(admin, '/admin');
    await admin.getByRole('link', { name: 'Manage Safe Harbour Shelter Network (demo)' }).click();
    await admin.getByRole('heading', { name: 'Members' }).waitFor();
    await admin.getByLabel('Email address').fill('new.worker@demo.concerted.invalid');
    await admin.getByLabel('Name', { exact: true }).last().fill('Nadia Newworker');
    await admin.getByLabel('Role', { exact: true }).selectOption({ label: 'Case worker' });
    await admin.getByRole('button', { name: 'Add', exact: true }).click();
    const initial = admin.getByLabel('Initial password for Nadia Newworker');
    await initial.waitFor();
    const password = await initial.inputValue();
    expect(password.split('-')).toHaveLength(5);
    // The member list reloads after the password is shown; wait for the new row rather than read once.
    await admin.locator('tbody').getByText('Nadia Newworker', { exact: false }).first().waitFor();

    const worker = await harness.newPage();
    await signInWithForm(worker, 'new.worker@demo.concerted.invalid', password);
    await worker.getByRole('link', { name: 'Set up the second factor now' }).click();
    await worker.getByRole('region', { name: 'Second factor' }).getByLabel('Current password').fill(password);
    await worker.getByRole('button', { name: 'Set up a second factor' }).click();
    const key = (await worker.locator('.totp-secret').textContent())?.replaceAll(' ', '') ?? '';
    await expect(worker.getByRole('img', { name: /QR code/ }).count()).resolves.toBe(1);
    await worker.getByLabel('Code from the app').fill(currentTotp(key));
    await worker.getByRole('button', { name: 'Confirm and turn on' }).click();
    await worker.getByText('The second factor is on.', { exact: false }).first().waitFor();
    await expect(worker.locator('.banner').count()).resolves.toBe(0);
    await worker.context().close();
  });

  it('lets a coordinator read members but not change them', async () => {
    const page = await signedIn('coordinator@demo.concerted.invalid');
    await open(page, '/admin');
    await page.getByRole('link', { name: 'Manage Safe Harbour Shelter Network (demo)' }).click();
    await page.getByRole('heading', { name: 'Members' }).waitFor();
    await page.getByText('Edna Editor (demo)').first().waitFor();
    await expect(page.locator('tbody tr').count()).resolves.toBeGreaterThanOrEqual(4);
    await expect(page.getByRole('button', { name: /^Remove/ }).count()).resolves.toBe(0);
    await expect(page.getByRole('heading', { name: 'Add a person' }).count()).resolves.toBe(0);
  });
});

describe('break-glass access', () => {
  it('tells a case worker that break-glass opens only victims’ records, which do not exist yet', async () => {
    const worker = await signedIn('case.worker@demo.concerted.invalid');
    await open(worker, '/break-glass');
    await worker.getByText('This installation keeps no case records yet').waitFor();
    await expect(worker.getByLabel('Reason').count()).resolves.toBe(0);
  });
});

describe('membership invitations', () => {
  it('invites a person who accepts on their profile page and gets the role', async () => {
    const orgAdmin = await signedIn('org.admin@demo.concerted.invalid');
    await open(orgAdmin, '/admin');
    await orgAdmin.getByRole('link', { name: 'Manage Safe Harbour Shelter Network (demo)' }).click();
    await orgAdmin.getByRole('heading', { name: 'Members' }).waitFor();
    await orgAdmin.getByLabel('Email address').fill('analyst@demo.concerted.invalid');
    await orgAdmin.getByLabel('Name', { exact: true }).last().fill('Ana Analyst');
    await orgAdmin.getByLabel('Role', { exact: true }).selectOption({ label: 'Viewer' });
    await orgAdmin.getByRole('button', { name: 'Add', exact: true }).click();
    await orgAdmin.getByText('analyst@demo.concerted.invalid is invited with the role Viewer.').waitFor();

    const analyst = await signedIn('analyst@demo.concerted.invalid');
    await open(analyst, '/profile');
    await analyst.getByRole('heading', { name: 'Invitations' }).waitFor();
    await analyst.getByRole('button', { name: 'Accept Safe Harbour Shelter Network (demo)' }).click();
    await analyst.getByText('You are now a member of Safe Harbour Shelter Network (demo).').waitFor();
  });
});

describe('audit trail', () => {
  it('filters by action, writes refusals out in words, and finds a person by name', async () => {
    const page = await signedIn('admin@demo.concerted.invalid');
    await open(page, '/audit');
    await page.getByLabel('Action').selectOption('auth.sign_in');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForFunction(() => {
      const cells = [...document.querySelectorAll('tbody tr td:nth-child(3)')];
      // Actions read as translated labels, never as codes.
      return cells.length > 0 && cells.every((cell) => cell.textContent === 'Sign in');
    });
    // The wrong passwords tried earlier are there, refused, and say so in words.
    await expect(page.locator('.outcome-denied').first().textContent()).resolves.toContain('Refused');
    // A person is found by part of their name, not by an id.
    await page.getByLabel('Person').fill('ada admin');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForFunction(() => {
      const cells = [...document.querySelectorAll('tbody tr td:nth-child(2)')];
      return cells.length > 0 && cells.every((cell) => cell.textContent?.includes('You'));
    });
  });
});

describe.each(['en', 'ar'])('accessibility of the access pages in %s', (language) => {
  it('has no axe violations on the sign-in page', async () => {
    const page = await harness.newPage();
    await open(page, '/sign-in', language);
    if (language === 'ar') await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it.each(['/profile', '/admin', '/audit', '/break-glass'])(
    '%s has no axe violations for an administrator',
    async (pathname) => {
      const page = await signedIn('admin@demo.concerted.invalid');
      await open(page, pathname, language);
      expect(await axeViolations(page)).toEqual([]);
    },
  );

  it('an organisation’s profile and members, and the remove dialog, have no axe violations', async () => {
    const page = await signedIn('admin@demo.concerted.invalid');
    await open(page, '/admin', language);
    // An organisation with members (a signatory of the demo's commitments has none to remove).
    await page
      .locator('a[href^="/admin/organisations/"]', {
        hasText: 'National Anti-Trafficking Coordination Office',
      })
      .first()
      .click();
    await page.locator('#members-heading').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.status-loading').length === 0);
    expect(await axeViolations(page)).toEqual([]);
    // The dialog is keyboard-usable: opened from its button, closed with Escape, focus back on the button.
    const remove = page.locator('tbody .button-danger').first();
    await remove.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await expect(remove.evaluate((button) => button === document.activeElement)).resolves.toBe(true);
  });

  it('the break-glass page has no axe violations for a case manager', async () => {
    const page = await signedIn('case.manager@demo.concerted.invalid');
    await open(page, '/break-glass', language);
    expect(await axeViolations(page)).toEqual([]);
  });
});
