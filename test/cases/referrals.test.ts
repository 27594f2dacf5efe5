// Referrals on both engines, between two organisations as a national referral mechanism works: consent
// first (or a case manager's audited override), minimum necessary fields for the receiver and only while
// the referral is open, withdrawal and expiry stopping the next share, and the inbox with overdue flags.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberships, users } from '../../src/access/schema.js';
import { rowsOf } from '../../src/platform/db.js';
import { demoEmail, type Session, startTestApp, type TestApp } from '../support/app.js';
import { TEST_ENGINES } from '../support/databases.js';

/** Invented person. */
const PERSON = {
  names: [{ kind: 'name', value: 'Orsolya Fenwhistle' }],
  dateOfBirth: '2001-02-03',
  contacts: [{ kind: 'phone', value: '+99 555 0199 1234' }],
  identityDocuments: [{ kind: 'passport', number: 'XK4400912' }],
  addresses: [{ text: '12 Invented Lane, Nowhere' }],
};

describe.each(TEST_ENGINES)('referrals on $name', (engine) => {
  let t: TestApp;
  let manager: Session;
  let worker: Session;
  let receiver: Session;
  let shelter: string;
  let legal: string;

  beforeAll(async () => {
    t = await startTestApp(engine);
    manager = await t.signInAs(demoEmail('case_manager'));
    worker = await t.signInAs(demoEmail('case_worker'));
    shelter = t.organisationIds.shelter ?? '';
    legal = t.organisationIds.legal ?? '';
    receiver = await caseWorkerOf(legal, 'receiver.legal@example.org');
  });
  afterAll(() => t?.close());

  async function caseWorkerOf(organisationId: string, email: string): Promise<Session> {
    const [user] = await t.database.db
      .insert(users)
      .values({ email, displayName: 'Rhea Receiver', totpEnabledAt: new Date() })
      .returning({ id: users.id });
    await t.database.db
      .insert(memberships)
      .values({ userId: user?.id ?? '', organisationId, role: 'case_worker' });
    return t.openSessionAs(email);
  }

  async function caseWithPerson() {
    const reply = await t.as(worker, 'POST', '/api/v1/cases', {
      organisationId: shelter,
      facts: { sex: 'female', citizenship: 'NPL', formsOfExploitation: ['sexual_exploitation'] },
      person: PERSON,
    });
    expect(reply.statusCode, reply.body).toBe(201);
    return reply.json().data.id as string;
  }
  const consent = (caseId: string, decision: string, extra: Record<string, unknown> = {}) =>
    t.as(worker, 'POST', `/api/v1/cases/${caseId}/consents`, {
      purpose: 'share_with_organisation',
      recipientOrganisationId: legal,
      decision,
      ...extra,
    });
  const refer = (as: Session, caseId: string, body: Record<string, unknown> = {}) =>
    t.as(as, 'POST', `/api/v1/cases/${caseId}/referrals`, {
      toOrganisationId: legal,
      service: 'legal_aid',
      ...body,
    });
  const open = (id: string) => t.as(receiver, 'GET', `/api/v1/referrals/${id}`);

  it('refuses a referral without consent, and lets only a case manager override it, audited', async () => {
    const caseId = await caseWithPerson();
    const refused = await refer(worker, caseId);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('consent_required');
    const reason = 'The survivor is unconscious in hospital and needs a lawyer before the hearing tomorrow';
    const workerOverride = await refer(worker, caseId, { consentOverride: { reason } });
    expect(workerOverride.statusCode).toBe(403);
    const overridden = await refer(manager, caseId, { consentOverride: { reason } });
    expect(overridden.statusCode, overridden.body).toBe(201);
    expect(overridden.json().data.consentOverride).toMatchObject({ reason });
    const [entry] = await rowsOf<{ reason: string; details: string }>(
      t.database.db,

      sql`select reason, details::text as details from audit_entries where action = 'referrals.write' and outcome = 'allowed' and resource_id = ${caseId} order by seq desc limit 1`,
    );
    expect(entry?.reason).toBe(reason);
    expect(entry?.details).toContain('"consentOverride": true');
    expect(entry?.details).not.toContain('Fenwhistle');
  });

  it('gives the receiver only what the service needs, and only while the referral is open', async () => {
    const caseId = await caseWithPerson();
    await consent(caseId, 'given');
    const created = await refer(worker, caseId, { service: 'shelter', dueOn: '2020-01-01' });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().data.id as string;
    const seen = (await open(id)).json().data;
    expect(seen.caseId).toBeNull();
    expect(seen.shared.available).toBe(true);
    expect(Object.keys(seen.shared.person).sort()).toEqual(['contacts', 'names']);
    expect(seen.shared.person.names[0].value).toBe('Orsolya Fenwhistle');
    expect(Object.keys(seen.shared.facts).sort()).toEqual(['ageBandAtIdentification', 'gender', 'sex']);
    expect((await t.as(receiver, 'GET', `/api/v1/cases/${caseId}`)).statusCode).toBe(404);

    const inbox = (await t.as(receiver, 'GET', '/api/v1/referrals?box=inbox&overdue=true')).json().data;
    expect(inbox).toEqual([expect.objectContaining({ id, overdue: true, status: 'requested' })]);
    const declined = await t.as(receiver, 'POST', `/api/v1/referrals/${id}/status`, {
      status: 'declined',
      version: 1,
    });
    expect(declined.statusCode).toBe(400);
    const done = await t.as(receiver, 'POST', `/api/v1/referrals/${id}/status`, {
      status: 'declined',
      reason: 'No place free in our shelter this month',
      version: 1,
    });
    expect(done.json().data).toMatchObject({ status: 'declined', open: false, overdue: false });
    const after = (await open(id)).json().data;
    expect(after.shared).toEqual({ available: false, facts: {}, person: {} });
  });

  it('stops the next share when consent is withdrawn or expires', async () => {
    const caseId = await caseWithPerson();
    await consent(caseId, 'given');
    const id = (await refer(worker, caseId)).json().data.id as string;
    expect((await open(id)).json().data.shared.person.identityDocuments[0].number).toBe('XK4400912');
    await consent(caseId, 'withdrawn');
    expect((await open(id)).json().data.shared.available).toBe(false);
    expect((await refer(worker, caseId)).json().code).toBe('consent_required');

    const second = await caseWithPerson();
    await consent(second, 'given', { expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
    const secondId = (await refer(worker, second)).json().data.id as string;
    expect((await open(secondId)).json().data.shared.available).toBe(true);
    await t.database.db.execute(
      sql`update case_consents set expires_at = now() - interval '1 second' where case_id = ${second}`,
    );
    expect((await open(secondId)).json().data.shared.available).toBe(false);
  });

  it('follows the referral from requested to completed, each side making its own moves', async () => {
    const caseId = await caseWithPerson();
    await consent(caseId, 'given');
    const id = (await refer(worker, caseId, { service: 'health_care' })).json().data.id as string;
    const move = (as: Session, status: string, version: number, reason?: string) =>
      t.as(as, 'POST', `/api/v1/referrals/${id}/status`, { status, version, ...(reason ? { reason } : {}) });
    const asReceiver = (await open(id)).json().data;
    expect(asReceiver.side).toBe('receiver');
    expect(asReceiver.nextSteps).toEqual([
      { status: 'accepted', needsReason: false },
      { status: 'declined', needsReason: true },
    ]);
    const asSender = (await t.as(worker, 'GET', `/api/v1/referrals/${id}`)).json().data;
    expect(asSender).toMatchObject({ side: 'sender', nextSteps: [{ status: 'closed', needsReason: true }] });
    expect((await move(worker, 'accepted', 1)).json().code).toBe('invalid_transition');
    expect((await move(receiver, 'accepted', 1)).statusCode).toBe(200);
    expect((await move(receiver, 'accepted', 1)).statusCode).toBe(409);
    expect((await move(receiver, 'in_progress', 2)).statusCode).toBe(200);
    const completed = await move(receiver, 'completed', 3);
    expect(completed.json().data).toMatchObject({ status: 'completed', open: false });
    const history = (await t.as(worker, 'GET', `/api/v1/referrals/${id}`)).json().data;
    expect(history.events.map((e: { status: string }) => e.status)).toEqual([
      'requested',
      'accepted',
      'in_progress',
      'completed',
    ]);
    expect(history.shared).toBeNull();
    expect(history.nextSteps).toEqual([]);
    const fromCase = (await t.as(worker, 'GET', `/api/v1/cases/${caseId}/referrals`)).json().data;
    expect(fromCase).toEqual([expect.objectContaining({ id, status: 'completed' })]);
  });

  it('keeps referrals of other organisations out of the inbox', async () => {
    const elsewhere = await caseWorkerOf(t.organisationIds.institute ?? '', 'other.worker@example.org');
    const caseId = await caseWithPerson();
    await consent(caseId, 'given');
    const id = (await refer(worker, caseId)).json().data.id as string;
    expect((await t.as(elsewhere, 'GET', `/api/v1/referrals/${id}`)).statusCode).toBe(404);
    expect((await t.as(elsewhere, 'GET', '/api/v1/referrals')).json().data).toEqual([]);
  });
});
