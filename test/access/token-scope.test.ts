// API tokens stay inside their scope: they never manage the account that made them, and security
// changes made from a session need the password again.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/access/demo.js';
import { users } from '../../src/access/schema.js';
import { currentTotp } from '../../src/access/totp.js';
import { demoEmail, type Session, startTestApp, type TestApp } from '../support/app.js';
import { TEST_ENGINES } from '../support/databases.js';

const ACCOUNT_ROUTES: { method: string; url: string; body?: unknown }[] = [
  { method: 'GET', url: '/api/v1/account/tokens' },
  {
    method: 'POST',
    url: '/api/v1/account/tokens',
    body: { name: 'child', roles: ['admin'], currentPassword: DEMO_PASSWORD },
  },
  { method: 'DELETE', url: '/api/v1/account/tokens/00000000-0000-4000-8000-000000000000' },
  { method: 'GET', url: '/api/v1/account/sessions' },
  {
    method: 'POST',
    url: '/api/v1/account/password',
    body: { currentPassword: DEMO_PASSWORD, newPassword: 'a new and long enough passphrase' },
  },
  { method: 'POST', url: '/api/v1/account/totp/setup', body: { currentPassword: DEMO_PASSWORD } },
  { method: 'POST', url: '/api/v1/account/totp/enable', body: { code: '123456' } },
  { method: 'POST', url: '/api/v1/account/totp/disable', body: { password: DEMO_PASSWORD, code: '123456' } },
  { method: 'POST', url: '/api/v1/auth/sign-out', body: { everywhere: true } },
];

describe.each(TEST_ENGINES)('API tokens and account routes on $name', (engine) => {
  let t: TestApp;
  let admin: Session;
  let bearer: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await t.signInAs(demoEmail('admin'));
    const created = await t.as(admin, 'POST', '/api/v1/account/tokens', {
      name: 'script',
      roles: ['admin'],
      currentPassword: DEMO_PASSWORD,
    });
    bearer = { authorization: `Bearer ${created.json().data.token}` };
  });
  afterAll(() => t?.close());

  it.each(ACCOUNT_ROUTES)('refuses $method $url to an API token', async (route) => {
    const reply = await t.as(null, route.method, route.url, route.body, bearer);
    expect(reply.statusCode).toBe(403);
    expect(reply.json()).toMatchObject({ code: 'forbidden' });
    expect(reply.json().detail).toMatch(/API token/);
  });

  it('left the session, its tokens and the password as they were after the token’s attempts', async () => {
    expect((await t.as(admin, 'GET', '/api/v1/me')).statusCode).toBe(200);
    const tokens = await t.as(admin, 'GET', '/api/v1/account/tokens');
    expect(tokens.json().data.map((token: { name: string }) => token.name)).toEqual(['script']);
    expect((await t.as(null, 'GET', '/api/v1/me', undefined, bearer)).statusCode).toBe(200);
  });

  it('creates a token only with the current password', async () => {
    const body = { name: 'another script', roles: ['admin'] };
    const without = await t.as(admin, 'POST', '/api/v1/account/tokens', body);
    const wrong = await t.as(admin, 'POST', '/api/v1/account/tokens', { ...body, currentPassword: 'guess' });
    expect(without.statusCode).toBe(400);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([expect.objectContaining({ path: 'body.currentPassword' })]);
    const right = await t.as(admin, 'POST', '/api/v1/account/tokens', {
      ...body,
      currentPassword: DEMO_PASSWORD,
    });
    expect(right.statusCode).toBe(201);
  });

  it('starts setting up a second factor only with the current password', async () => {
    const analyst = await t.signInAs(demoEmail('analyst'));
    const wrong = await t.as(analyst, 'POST', '/api/v1/account/totp/setup', { currentPassword: 'guess' });
    expect(wrong.statusCode).toBe(400);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, analyst.userId));
    expect(row?.totpSecretSealed).toBeNull();
    const right = await t.as(analyst, 'POST', '/api/v1/account/totp/setup', {
      currentPassword: DEMO_PASSWORD,
    });
    expect(right.statusCode).toBe(200);
  });

  it('refuses to turn the second factor off with a code already used to sign in', async () => {
    const worker = DEMO_USERS.find((user) => user.role === 'case_worker');
    const code = currentTotp(worker?.totpSecret ?? '');
    const signedIn = await t.as(null, 'POST', '/api/v1/auth/sign-in', {
      email: worker?.email,
      password: DEMO_PASSWORD,
      code,
    });
    expect(signedIn.statusCode).toBe(200);
    const session: Session = {
      cookie: String(signedIn.headers['set-cookie']).split(';')[0] ?? '',
      csrfToken: signedIn.json().data.csrfToken,
      userId: signedIn.json().data.id,
    };
    const replay = await t.as(session, 'POST', '/api/v1/account/totp/disable', {
      password: DEMO_PASSWORD,
      code,
    });
    expect(replay.statusCode).toBe(400);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, session.userId));
    expect(row?.totpEnabledAt).not.toBeNull();
  });
});
