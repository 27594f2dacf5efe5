// Break-glass end to end: asked with a reason, granted at once, audited, shown to the owning organisation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail, type Session, startTestApp, type TestApp } from '../support/app.js';
import { TEST_ENGINES } from '../support/databases.js';

describe.each(TEST_ENGINES)('break-glass on $name', (engine) => {
  let t: TestApp;
  let worker: Session;
  let legalAdmin: Session;
  let legal: string;

  beforeAll(async () => {
    t = await startTestApp(engine);
    worker = await t.signInAs(demoEmail('case_worker'));
    legalAdmin = await t.signInAs('legal.admin@demo.concerted.invalid');
    legal = t.organisationIds.legal ?? '';
  });
  afterAll(() => t?.close());

  it('refuses a grant without a real reason', async () => {
    const reply = await t.as(worker, 'POST', '/api/v1/break-glass', {
      resourceType: 'organisation',
      resourceId: legal,
      reason: 'need it',
    });
    expect(reply.statusCode).toBe(400);
    expect(reply.json().errors[0].path).toBe('body.reason');
  });

  it('grants three hours by default, opens the record, audits it and shows it to the owner', async () => {
    const before = await t.as(worker, 'GET', `/api/v1/organisations/${legal}/members`);
    expect(before.statusCode).toBe(403);
    const reason = 'Night duty: a survivor needs a legal aid lawyer from this centre now';
    const granted = await t.as(worker, 'POST', '/api/v1/break-glass', {
      resourceType: 'organisation',
      resourceId: legal,
      reason,
    });
    expect(granted.statusCode).toBe(201);
    const grant = granted.json().data as {
      id: string;
      grantedAt: string;
      expiresAt: string;
      active: boolean;
    };
    expect(Date.parse(grant.expiresAt) - Date.parse(grant.grantedAt)).toBeCloseTo(3 * 3_600_000, -4);
    expect(grant.active).toBe(true);

    const during = await t.as(worker, 'GET', `/api/v1/organisations/${legal}/members`);
    expect(during.statusCode).toBe(200);
    expect(during.json().data.length).toBeGreaterThan(0);

    const ownerView = await t.as(legalAdmin, 'GET', '/api/v1/break-glass?active=true');
    expect(ownerView.json().data).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: grant.id, reason, userDisplayName: 'Wes Caseworker (demo)' }),
      ]),
    );
    const audit = await t.as(legalAdmin, 'GET', `/api/v1/audit?resourceId=${legal}&limit=50`);
    const actions = (audit.json().data as { action: string; reason: string | null }[]).map((e) => [
      e.action,
      e.reason,
    ]);
    expect(actions).toContainEqual(['break_glass.request', reason]);
    expect(actions).toContainEqual(['users.read', null]);

    const revoked = await t.as(legalAdmin, 'POST', `/api/v1/break-glass/${grant.id}/revoke`, {
      reason: 'Lawyer found',
    });
    expect(revoked.json().data.active).toBe(false);
    expect((await t.as(worker, 'GET', `/api/v1/organisations/${legal}/members`)).statusCode).toBe(403);
  });
});
