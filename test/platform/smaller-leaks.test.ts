// Smaller leaks closed: security headers, 405 with Allow, sign-out that really clears the cookie, idempotent revocation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { breakGlassGrants } from '../../src/access/schema.js';
import { demoEmail, type Session, startTestApp, type TestApp } from '../support/app.js';
import { TEST_ENGINES } from '../support/databases.js';

describe.each(TEST_ENGINES)('smaller leaks on $name', (engine) => {
  let t: TestApp;
  let editor: Session;

  beforeAll(async () => {
    t = await startTestApp(engine);
    editor = await t.signInAs(demoEmail('editor'));
  });
  afterAll(() => t?.close());

  it('sends the security headers on answers, refusals and unknown routes alike', async () => {
    const replies = [
      await t.as(null, 'GET', '/api/health'),
      await t.as(null, 'GET', '/api/v1/activities'),
      await t.as(null, 'POST', '/api/v1/activities', {}),
      await t.as(null, 'GET', '/api/v1/nowhere'),
      await t.as(null, 'GET', `/api/v1/activities/${'x'.repeat(300)}`),
    ];
    const policies = new Set(replies.map((reply) => reply.headers['content-security-policy']));
    expect(policies.size).toBe(1);
    for (const reply of replies) {
      const csp = String(reply.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
      expect(reply.headers['referrer-policy']).toBe('no-referrer');
      expect(reply.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('keeps the API documentation’s own script hashes but forbids framing it', async () => {
    const docs = await t.as(null, 'GET', '/api/docs/static/index.html');
    const csp = String(docs.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
  });

  it('answers a known path with an unknown method 405 and says which methods it takes', async () => {
    const put = await t.as(editor, 'PUT', '/api/v1/activities');
    expect(put.statusCode).toBe(405);
    expect(put.headers.allow).toBe('GET, HEAD, POST');
    expect(put.json()).toMatchObject({ code: 'method_not_allowed', status: 405 });
    const post = await t.as(editor, 'POST', `/api/v1/organisations/${t.organisationIds.shelter}`, {});
    expect(post.statusCode).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD, PATCH');
    expect((await t.as(null, 'PUT', '/api/v1/nowhere')).statusCode).toBe(404);
  });

  it('answers a malformed or overlong address with a problem+json 400', async () => {
    for (const url of ['/api/v1/%E0%A4%A', `/api/v1/activities/${'x'.repeat(300)}`]) {
      const reply = await t.as(null, 'GET', url);
      expect(reply.statusCode).toBe(400);
      expect(reply.headers['content-type']).toContain('application/problem+json');
      expect(reply.json().errors[0]).toMatchObject({ path: 'url' });
    }
  });

  it('clears the session cookie on sign-out with the attributes it was set with', async () => {
    const session = await t.signInAs(demoEmail('viewer'));
    const signIn = await t.as(null, 'POST', '/api/v1/auth/sign-in', {
      email: demoEmail('viewer'),
      password: 'demo-only-passphrase-2026',
    });
    const set = attributesOf(String(signIn.headers['set-cookie']));
    const out = await t.as(session, 'POST', '/api/v1/auth/sign-out', {});
    expect(out.statusCode, out.body).toBe(204);
    const cleared = attributesOf(String(out.headers['set-cookie']));
    expect(cleared.get('expires')).toMatch(/1970/);
    for (const attribute of ['path', 'httponly', 'samesite', 'secure'])
      expect([attribute, cleared.get(attribute)]).toEqual([attribute, set.get(attribute)]);
  });

  it('keeps the first revocation of a break-glass grant: revoking again changes nothing', async () => {
    const legalAdmin = await t.signInAs('legal.admin@demo.concerted.invalid');
    const worker = await t.signInAs(demoEmail('case_worker'));
    const [grant] = await t.database.db
      .insert(breakGlassGrants)
      .values({
        userId: worker.userId,
        resourceType: 'organisation',
        resourceId: t.organisationIds.legal ?? '',
        organisationId: t.organisationIds.legal ?? '',
        reason: 'Night duty: a survivor needs a lawyer from this centre now',
        expiresAt: new Date(Date.now() + 3_600_000),
      })
      .returning();
    const url = `/api/v1/break-glass/${grant?.id}/revoke`;
    const first = await t.as(legalAdmin, 'POST', url, { reason: 'Not an emergency after all' });
    expect(first.statusCode).toBe(200);
    const second = await t.as(legalAdmin, 'POST', url, { reason: 'Clicked twice' });
    expect(second.statusCode).toBe(200);
    expect(second.json().data.revokedAt).toBe(first.json().data.revokedAt);
    expect(second.json().data.active).toBe(false);
  });
});

/** A Set-Cookie header's attributes by lower-case name (flags map to "true"). */
function attributesOf(header: string): Map<string, string> {
  const [, ...parts] = header.split(';').map((part) => part.trim());
  return new Map(
    parts.map((part) => {
      const [name = '', value = 'true'] = part.split('=');
      return [name.toLowerCase(), name.toLowerCase() === 'expires' ? part.slice(8) : value];
    }),
  );
}
