// Break-glass end to end: only victims' records are targets; someone new to the case role waits for a
// second person (the record's organisation or the coordinator); everything is audited and shown.
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasActiveGrant } from '../../src/access/accounts.js';
import { registerBreakGlassTarget } from '../../src/access/break-glass-targets.js';
import { memberships } from '../../src/access/schema.js';
import { demoEmail, type Session, startTestApp, type TestApp } from '../support/app.js';
import { TEST_ENGINES } from '../support/databases.js';

/** Stands in for case records until they exist: each invented record id belongs to an organisation. */
const recordOwners = new Map<string, string>();
registerBreakGlassTarget('test_record', async (_db, id) => recordOwners.get(id) ?? null);

const REASON = 'Night duty: a survivor in danger needs her case history now';

describe.each(TEST_ENGINES)('break-glass on $name', (engine) => {
  let t: TestApp;
  let worker: Session;
  let legalAdmin: Session;
  let shelterAdmin: Session;
  let legal: string;

  beforeAll(async () => {
    t = await startTestApp(engine);
    worker = await t.signInAs(demoEmail('case_worker'));
    legalAdmin = await t.signInAs('legal.admin@demo.concerted.invalid');
    shelterAdmin = await t.signInAs(demoEmail('org_admin'));
    legal = t.organisationIds.legal ?? '';
  });
  afterAll(() => t?.close());

  const newRecord = () => {
    const id = randomUUID();
    recordOwners.set(id, legal);
    return id;
  };
  const ask = (recordId: string) =>
    t.as(worker, 'POST', '/api/v1/break-glass', {
      resourceType: 'test_record',
      resourceId: recordId,
      reason: REASON,
    });
  const isOpenTo = (recordId: string) =>
    hasActiveGrant(
      t.database.db,
      { kind: 'user', userId: worker.userId, memberships: [], via: 'session', secondFactor: true },
      'test_record',
      recordId,
    );

  it('refuses a grant without a real reason', async () => {
    const reply = await t.as(worker, 'POST', '/api/v1/break-glass', {
      resourceType: 'test_record',
      resourceId: newRecord(),
      reason: 'need it',
    });
    expect(reply.statusCode).toBe(400);
    expect(reply.json().errors[0].path).toBe('body.reason');
  });

  it('never breaks the glass into a member list', async () => {
    const reply = await t.as(worker, 'POST', '/api/v1/break-glass', {
      resourceType: 'organisation',
      resourceId: legal,
      reason: REASON,
    });
    expect(reply.statusCode).toBe(400);
    expect(reply.json().errors[0]).toMatchObject({ path: 'body.resourceType' });
    expect((await t.as(worker, 'GET', `/api/v1/organisations/${legal}/members`)).statusCode).toBe(403);
  });

  it('makes someone new to the case role wait for a second person', async () => {
    const recordId = newRecord();
    const asked = await ask(recordId);
    expect(asked.statusCode).toBe(201);
    expect(asked.json().data).toMatchObject({
      state: 'awaiting_approval',
      active: false,
      requiresApproval: true,
    });
    expect(await isOpenTo(recordId)).toBe(false);
  });

  it('refuses approval from another organisation, and accepts the record’s organisation’s', async () => {
    const recordId = newRecord();
    const grant = (await ask(recordId)).json().data as { id: string };
    // Another organisation does not even see the grant.
    const foreign = await t.as(shelterAdmin, 'POST', `/api/v1/break-glass/${grant.id}/approve`);
    expect(foreign.statusCode).toBe(404);
    expect(await isOpenTo(recordId)).toBe(false);
    const approved = await t.as(legalAdmin, 'POST', `/api/v1/break-glass/${grant.id}/approve`);
    expect(approved.statusCode).toBe(200);
    const view = approved.json().data as { state: string; approvedAt: string; expiresAt: string };
    expect(view).toMatchObject({ state: 'active', approvedByDisplayName: expect.any(String) });
    // The requested three hours start at approval, not at the request.
    expect(Date.parse(view.expiresAt) - Date.parse(view.approvedAt)).toBeCloseTo(3 * 3_600_000, -4);
    expect(await isOpenTo(recordId)).toBe(true);
    const again = await t.as(legalAdmin, 'POST', `/api/v1/break-glass/${grant.id}/approve`);
    expect(again.statusCode).toBe(409);
  });

  it('lets the coordinator approve on any organisation’s record', async () => {
    const coordinator = await t.signInAs(demoEmail('coordinator'));
    const grant = (await ask(newRecord())).json().data as { id: string };
    const approved = await t.as(coordinator, 'POST', `/api/v1/break-glass/${grant.id}/approve`);
    expect(approved.json().data).toMatchObject({ state: 'active' });
  });

  it('opens the record at once to someone long in the case role, audits it and shows it to the owner', async () => {
    await backdateCaseRole(40);
    const recordId = newRecord();
    const asked = await ask(recordId);
    expect(asked.json().data).toMatchObject({ state: 'active', requiresApproval: false });
    expect(await isOpenTo(recordId)).toBe(true);
    const ownerView = await t.as(legalAdmin, 'GET', '/api/v1/break-glass?active=true');
    expect(ownerView.json().data).toEqual(
      expect.arrayContaining([expect.objectContaining({ resourceId: recordId, reason: REASON })]),
    );
    const audit = await t.as(legalAdmin, 'GET', `/api/v1/audit?resourceId=${recordId}&limit=50`);
    expect(audit.json().data).toEqual([
      expect.objectContaining({ action: 'break_glass.request', reason: REASON }),
    ]);
  });

  it('starts the time in the role again when the role changes', async () => {
    await backdateCaseRole(40);
    const mine = eq(memberships.userId, worker.userId);
    await t.database.db.update(memberships).set({ role: 'case_manager' }).where(mine);
    const [changed] = await t.database.db.select().from(memberships).where(mine);
    expect(Date.now() - (changed?.roleSince.getTime() ?? 0)).toBeLessThan(60_000);
    expect((await ask(newRecord())).json().data).toMatchObject({ state: 'awaiting_approval' });
    await t.database.db.update(memberships).set({ role: 'case_worker' }).where(mine);
  });

  /** The trigger keeps role_since on every update that leaves the role alone, so tests switch it off. */
  async function backdateCaseRole(days: number) {
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`alter table memberships disable trigger memberships_role_since`);
      await tx
        .update(memberships)
        .set({ roleSince: new Date(Date.now() - days * 86_400_000) })
        .where(eq(memberships.userId, worker.userId));
      await tx.execute(sql`alter table memberships enable trigger memberships_role_since`);
    });
  }
});
