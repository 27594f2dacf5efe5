// Sign-in, sessions, anti-forgery tokens, API tokens and odd input: clear 4xx answers, never a 500,
// and nothing that tells whether an email address is registered.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/access/demo.js';
import { currentTotp } from '../../src/access/totp.js';
import { verifyAuditChain } from '../../src/audit/chain.js';
import { demoEmail, startTestApp, type TestApp } from '../support/app.js';
import { TEST_ENGINES } from '../support/databases.js';

const SIGN_IN = '/api/v1/auth/sign-in';
const withoutRequestId = (body: string) => {
  const { requestId: _ignored, ...rest } = JSON.parse(body) as Record<string, unknown>;
  return rest;
};

describe.each(TEST_ENGINES)('sign-in and sessions on $name', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(() => t?.close());

  it('answers a wrong password and an unknown address with the same problem', async () => {
    const wrong = await t.as(null, 'POST', SIGN_IN, {
      email: demoEmail('editor'),
      password: 'not the right passphrase',
    });
    const unknown = await t.as(null, 'POST', SIGN_IN, {
      email: 'no.one@example.org',
      password: 'not the right passphrase',
    });
    expect(wrong.statusCode).toBe(401);
    expect(withoutRequestId(wrong.body)).toEqual({ ...withoutRequestId(unknown.body) });
    expect(wrong.json()).toMatchObject({ code: 'invalid_credentials' });
  });

  it('locks an address out after five failures, registered or not, with the same answer', async () => {
    for (const email of ['analyst@demo.concerted.invalid', 'ghost@example.org']) {
      const replies = [];
      for (let attempt = 0; attempt < 6; attempt++)
        replies.push(await t.as(null, 'POST', SIGN_IN, { email, password: 'guessing-guessing-guessing' }));
      expect(replies.map((reply) => reply.statusCode)).toEqual([401, 401, 401, 401, 401, 429]);
      expect(replies[5]?.json()).toMatchObject({ code: 'too_many_attempts' });
    }
    const rightPasswordWhileLocked = await t.as(null, 'POST', SIGN_IN, {
      email: 'analyst@demo.concerted.invalid',
      password: DEMO_PASSWORD,
    });
    expect(rightPasswordWhileLocked.statusCode).toBe(429);
  });

  it('asks for the code of a user with a second factor only after the right password, and refuses a replay', async () => {
    const worker = DEMO_USERS.find((user) => user.role === 'case_worker');
    const email = worker?.email ?? '';
    const noCode = await t.as(null, 'POST', SIGN_IN, { email, password: DEMO_PASSWORD });
    expect(noCode.json()).toMatchObject({ code: 'totp_required' });
    const code = currentTotp(worker?.totpSecret ?? '');
    const first = await t.as(null, 'POST', SIGN_IN, { email, password: DEMO_PASSWORD, code });
    expect(first.statusCode).toBe(200);
    expect(first.json().data.secondFactor).toEqual({ enabled: true, verified: true, required: true });
    const replay = await t.as(null, 'POST', SIGN_IN, { email, password: DEMO_PASSWORD, code });
    expect(replay.json()).toMatchObject({ code: 'invalid_credentials' });
  });

  it('sets an HttpOnly, SameSite session cookie', async () => {
    const reply = await t.as(null, 'POST', SIGN_IN, { email: demoEmail('viewer'), password: DEMO_PASSWORD });
    const cookie = String(reply.headers['set-cookie']);
    expect(cookie).toMatch(/concerted_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
  });

  it('refuses a write with a missing or another session’s anti-forgery token', async () => {
    const editor = await t.signInAs(demoEmail('editor'));
    const other = await t.signInAs(demoEmail('org_admin'));
    const body = { name: 'csrf probe', roles: ['editor'], currentPassword: DEMO_PASSWORD };
    const missing = await t.as(editor, 'POST', '/api/v1/account/tokens', body, { 'x-csrf-token': '' });
    const foreign = await t.as(editor, 'POST', '/api/v1/account/tokens', body, {
      'x-csrf-token': other.csrfToken,
    });
    const right = await t.as(editor, 'POST', '/api/v1/account/tokens', body);
    expect([missing.statusCode, foreign.statusCode, right.statusCode]).toEqual([403, 403, 201]);
    expect(foreign.json()).toMatchObject({ code: 'csrf_failed' });
  });

  it('ends a session on sign-out, and says so when the old cookie comes back', async () => {
    const session = await t.signInAs(demoEmail('editor'));
    expect((await t.as(session, 'POST', '/api/v1/auth/sign-out', {})).statusCode).toBe(204);
    const after = await t.as(session, 'GET', '/api/v1/me');
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ code: 'session_expired' });
  });

  it('ends every session with sign-out everywhere', async () => {
    const first = await t.signInAs(demoEmail('coordinator'));
    const second = await t.signInAs(demoEmail('coordinator'));
    await t.as(first, 'POST', '/api/v1/auth/sign-out', { everywhere: true });
    expect((await t.as(second, 'GET', '/api/v1/me')).statusCode).toBe(401);
  });

  it('ends a session idle for longer than the limit', async () => {
    const session = await t.signInAs(demoEmail('editor'));
    await t.database.db.execute(sql`update sessions set last_seen_at = now() - interval '3 hours'`);
    expect((await t.as(session, 'GET', '/api/v1/me')).json()).toMatchObject({ code: 'session_expired' });
  });

  it('accepts a personal API token limited to its roles, and refuses it once revoked', async () => {
    const admin = await t.signInAs(demoEmail('admin'));
    const created = await t.as(admin, 'POST', '/api/v1/account/tokens', {
      name: 'script',
      roles: ['admin'],
      currentPassword: DEMO_PASSWORD,
    });
    expect(created.statusCode).toBe(201);
    const { token, id, prefix } = created.json().data as { token: string; id: string; prefix: string };
    expect(token.startsWith(prefix)).toBe(true);
    const bearer = { authorization: `Bearer ${token}` };
    const audit = await t.as(null, 'GET', '/api/v1/audit?limit=1', undefined, bearer);
    expect(audit.statusCode).toBe(200);
    // A token-authenticated write needs no anti-forgery token: no browser sends it on its own.
    const org = await t.as(
      null,
      'POST',
      '/api/v1/organisations',
      { name: 'Token-made organisation', actorType: 'donor' },
      bearer,
    );
    expect(org.statusCode).toBe(201);
    const listed = await t.as(admin, 'GET', '/api/v1/account/tokens');
    expect(JSON.stringify(listed.json())).not.toContain(token);
    await t.as(admin, 'DELETE', `/api/v1/account/tokens/${id}`);
    const revoked = await t.as(null, 'GET', '/api/v1/audit?limit=1', undefined, bearer);
    expect(revoked.statusCode).toBe(401);
  });

  it('refuses personal data to an API token and to a session without a second factor', async () => {
    const manager = await t.signInAs(demoEmail('case_manager'));
    const created = await t.as(manager, 'POST', '/api/v1/account/tokens', {
      name: 'cases',
      roles: ['case_manager'],
      currentPassword: DEMO_PASSWORD,
    });
    const bearer = { authorization: `Bearer ${created.json().data.token}` };
    const request = {
      resourceType: 'organisation',
      resourceId: t.organisationIds.legal,
      reason: 'Scripted break-glass must not be possible at all',
    };
    const viaToken = await t.as(null, 'POST', '/api/v1/break-glass', request, bearer);
    expect(viaToken.statusCode).toBe(403);
    expect(viaToken.json().detail).toMatch(/API token/);
  });

  it('rejects injection, over-long and odd Unicode input with 4xx problems', async () => {
    const cases = [
      { email: "x' or '1'='1@example.org", password: 'whatever-whatever' },
      { email: `${'a'.repeat(300)}@example.org`, password: 'x' },
      { email: 'person@example.org', password: 'p'.repeat(10_000) },
      { email: 'person@example.org', password: 'x', extra: true },
      { email: 'person\u0000@example.org', password: 'x' },
      { email: ['person@example.org'], password: 'x' },
    ];
    for (const body of cases) {
      const reply = await t.as(null, 'POST', SIGN_IN, body);
      expect(reply.statusCode, JSON.stringify(body).slice(0, 80)).toBeGreaterThanOrEqual(400);
      expect(reply.statusCode).toBeLessThan(500);
      expect(reply.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    const admin = await t.signInAs(demoEmail('admin'));
    const bidi = await t.as(admin, 'POST', '/api/v1/organisations', {
      name: 'Evil\u202Egro',
      actorType: 'ngo',
    });
    expect(bidi.statusCode).toBe(400);
    expect(bidi.json().errors[0].path).toBe('body.name');
    const badJson = await t.app.inject({
      method: 'POST',
      url: SIGN_IN,
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(badJson.statusCode).toBe(400);
  });

  it('refuses a weak new password with the reason, and accepts a good one', async () => {
    const viewer = await t.signInAs(demoEmail('viewer'));
    for (const newPassword of ['short', 'passwordpassword', '1qaz2wsx3edc4rfv', 'qwertyuiop2026!!!!!']) {
      const reply = await t.as(viewer, 'POST', '/api/v1/account/password', {
        currentPassword: DEMO_PASSWORD,
        newPassword,
      });
      expect(reply.statusCode, newPassword).toBe(400);
      const error = reply.json().errors[0];
      expect(error.path).toBe('body.newPassword');
      if (newPassword === 'short')
        expect(error).toMatchObject({ code: 'too_small', origin: 'string', minimum: 15 });
      else expect(error.code, newPassword).toBe('common_password');
    }
    const good = await t.as(viewer, 'POST', '/api/v1/account/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'lantern harbour morning tide',
    });
    expect(good.statusCode).toBe(204);
  });

  it('recorded every one of these writes in an intact hash chain', async () => {
    const result = await verifyAuditChain(t.database.db);
    expect(result.firstBroken).toBeNull();
    expect(result.checked).toBeGreaterThan(20);
    const denied = await t.database.db.execute(
      sql`select count(*)::int as n from audit_entries where outcome = 'denied'`,
    );
    expect(Number((denied as unknown as { rows: { n: number }[] }).rows[0]?.n)).toBeGreaterThan(0);
  });
});
