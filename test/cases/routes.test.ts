// Cases through the API on both engines, as their users work: a worker opens a case, the manager assigns
// it, the person record is sealed and every opening audited, screenings and consents are kept on the case,
// and nobody outside the case sees it unless a break-glass grant opens it.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/access/demo.js';
import { memberships } from '../../src/access/schema.js';
import { rowsOf } from '../../src/platform/db.js';
import { demoEmail, type Session, startTestApp, type TestApp } from '../support/app.js';
import { TEST_ENGINES } from '../support/databases.js';

/** Invented person; these strings must never leave the sealed record. */
const CANARY = { name: 'Quilliana Brassmoor', phone: '+99 555 0142 8866', passport: 'ZP7730041' };
const CHILD_ANSWERS = {
  ageAtRecruitment: 15,
  answers: { recruited: 'yes', harboured: 'yes', forced_labour: 'yes', crossed_border: 'no' },
  indicators: ['no_pay_or_very_low_pay'],
};

describe.each(TEST_ENGINES)('cases API on $name', (engine) => {
  let t: TestApp;
  let manager: Session;
  let worker: Session;
  let coordinator: Session;
  let orgAdmin: Session;
  let shelter: string;
  let legal: string;

  beforeAll(async () => {
    t = await startTestApp(engine);
    manager = await t.signInAs(demoEmail('case_manager'));
    worker = await t.signInAs(demoEmail('case_worker'));
    coordinator = await t.signInAs(demoEmail('coordinator'));
    orgAdmin = await t.signInAs(demoEmail('org_admin'));
    shelter = t.organisationIds.shelter ?? '';
    legal = t.organisationIds.legal ?? '';
  });
  afterAll(() => t?.close());

  async function openCase(as: Session, body: Record<string, unknown> = {}) {
    const reply = await t.as(as, 'POST', '/api/v1/cases', { organisationId: shelter, ...body });
    expect(reply.statusCode, reply.body).toBe(201);
    return reply.json().data as { id: string; code: string; version: number; workers: { userId: string }[] };
  }

  it('opens a case by code, assigns whoever opened it, and shows it to them and their manager only', async () => {
    const opened = await openCase(worker, { facts: { sex: 'female', citizenship: 'NPL' } });
    expect(opened.code).toMatch(/^C-\d{4}-[0-9A-Z]{6}$/);
    expect(opened.workers.map((w) => w.userId)).toEqual([worker.userId]);
    const seenByManager = await t.as(manager, 'GET', `/api/v1/cases/${opened.id}`);
    expect(seenByManager.statusCode).toBe(200);
    expect(seenByManager.json().data.facts).toMatchObject({ sex: 'female', citizenship: 'NPL' });
    const managersOwn = await openCase(manager);
    expect((await t.as(worker, 'GET', `/api/v1/cases/${managersOwn.id}`)).statusCode).toBe(404);
    const listed = (await t.as(worker, 'GET', '/api/v1/cases')).json().data as { id: string }[];
    expect(listed.map((c) => c.id)).toContain(opened.id);
    expect(listed.map((c) => c.id)).not.toContain(managersOwn.id);
  });

  it('never lets coordinators, administrators or tokens into a case', async () => {
    const opened = await openCase(manager);
    for (const session of [coordinator, orgAdmin]) {
      expect((await t.as(session, 'GET', `/api/v1/cases/${opened.id}`)).statusCode).toBe(403);
      expect((await t.as(session, 'GET', '/api/v1/cases')).statusCode).toBe(403);
    }
    const refused = await t.as(worker, 'POST', '/api/v1/cases', { organisationId: legal });
    expect(refused.statusCode).toBe(403);
  });

  it('seals the person record, audits every opening and keeps names out of the audit trail', async () => {
    const opened = await openCase(worker, {
      person: {
        names: [{ kind: 'name', value: CANARY.name }],
        contacts: [{ kind: 'phone', value: CANARY.phone }],
        identityDocuments: [{ kind: 'passport', number: CANARY.passport, issuingCountry: 'NPL' }],
      },
    });
    const read = await t.as(worker, 'GET', `/api/v1/cases/${opened.id}/person`);
    expect(read.statusCode).toBe(200);
    expect(read.headers['cache-control']).toBe('no-store');
    expect(read.json().data.person.names).toEqual([{ kind: 'name', value: CANARY.name }]);
    const stored = await rowsOf<{ fields: string }>(
      t.database.db,
      sql`select fields::text as fields from persons where case_id = ${opened.id}`,
    );
    expect(stored[0]?.fields).not.toContain(CANARY.name);
    expect(stored[0]?.fields).not.toContain(CANARY.passport);
    const audit = await t.as(orgAdmin, 'GET', `/api/v1/audit?resourceId=${opened.id}&limit=50`);
    const entries = audit.json().data as { action: string; resourceType: string }[];
    expect(entries).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'persons.read', resourceType: 'person' })]),
    );
    for (const secret of Object.values(CANARY)) expect(audit.body).not.toContain(secret);
  });

  it('changes the person record only from the version read', async () => {
    const opened = await openCase(worker);
    const first = await t.as(worker, 'PUT', `/api/v1/cases/${opened.id}/person`, {
      version: 0,
      person: { dateOfBirth: '2009-04-01' },
    });
    expect(first.json().data).toMatchObject({ version: 1, person: { dateOfBirth: '2009-04-01' } });
    const stale = await t.as(worker, 'PUT', `/api/v1/cases/${opened.id}/person`, {
      version: 0,
      person: { dateOfBirth: null },
    });
    expect(stale.statusCode).toBe(409);
  });

  it('lets the manager assign only case staff of the case’s organisation', async () => {
    const opened = await openCase(manager);
    const staff = await t.as(manager, 'GET', `/api/v1/cases/${opened.id}/staff`);
    expect(staff.statusCode, staff.body).toBe(200);
    const staffIds = (staff.json().data as { userId: string }[]).map((member) => member.userId);
    expect(staffIds).toContain(worker.userId);
    expect(staffIds).not.toContain(orgAdmin.userId);
    expect((await t.as(worker, 'GET', `/api/v1/cases/${opened.id}/staff`)).statusCode).toBe(403);
    const assigned = await t.as(manager, 'PUT', `/api/v1/cases/${opened.id}/workers/${worker.userId}`);
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect((await t.as(worker, 'GET', `/api/v1/cases/${opened.id}`)).statusCode).toBe(200);
    const notStaff = await t.as(manager, 'PUT', `/api/v1/cases/${opened.id}/workers/${orgAdmin.userId}`);
    expect(notStaff.statusCode).toBe(400);
    expect(notStaff.json().errors[0]).toMatchObject({ path: 'params.userId' });
    await t.as(manager, 'DELETE', `/api/v1/cases/${opened.id}/workers/${worker.userId}`);
    expect((await t.as(worker, 'GET', `/api/v1/cases/${opened.id}`)).statusCode).toBe(404);
  });

  it('closes a case only with a reason code, never by a status change alone', async () => {
    const opened = await openCase(worker);
    const bare = await t.as(worker, 'PATCH', `/api/v1/cases/${opened.id}`, { version: 1, status: 'Closed' });
    expect(bare.statusCode).toBe(400);
    const closed = await t.as(worker, 'POST', `/api/v1/cases/${opened.id}/closure`, {
      version: 1,
      reason: 'goals_met',
    });
    expect(closed.json().data).toMatchObject({ status: 'Closed', closureReason: 'goals_met', version: 2 });
  });

  it('keeps a screening with its rule version and explains it again in another language', async () => {
    const opened = await openCase(worker);
    const kept = await t.as(worker, 'POST', `/api/v1/cases/${opened.id}/screenings`, CHILD_ANSWERS);
    expect(kept.statusCode, kept.body).toBe(201);
    const { id, outcomes, rulesVersion } = kept.json().data;
    expect(outcomes[0]).toBe('presumed_trafficking');
    const list = (await t.as(worker, 'GET', `/api/v1/cases/${opened.id}/screenings`)).json().data;
    expect(list).toEqual([expect.objectContaining({ id, rulesVersion, outcomes })]);
    const arabic = await t.as(worker, 'GET', `/api/v1/cases/${opened.id}/screenings/${id}?lang=ar`);
    expect(arabic.json().data.outcomes).toEqual(outcomes);
    expect(arabic.json().data.summary).toMatch(/[\u0600-\u06FF]/);
    const withNote = await t.as(worker, 'POST', `/api/v1/cases/${opened.id}/screenings`, {
      ...CHILD_ANSWERS,
      description: 'a free-text note could name someone',
    });
    expect(withNote.statusCode).toBe(400);
  });

  it('screens answers without a case and stores nothing', async () => {
    const before = await rowsOf<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from case_screenings`,
    );
    const reply = await t.as(coordinator, 'POST', '/api/v1/screening?lang=fr', CHILD_ANSWERS);
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.json().data.outcomes[0]).toBe('presumed_trafficking');
    const after = await rowsOf<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from case_screenings`,
    );
    expect(after[0]?.n).toBe(before[0]?.n);
    const unknown = await t.as(coordinator, 'POST', '/api/v1/screening', {
      answers: { no_such_question: 'yes' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(JSON.stringify(unknown.json().errors)).toContain('no_such_question');
  });

  it('gives the questions and indicators of the current rules in the language asked for', async () => {
    const arabic = await t.as(coordinator, 'GET', '/api/v1/screening/questions?lang=ar');
    expect(arabic.statusCode, arabic.body).toBe(200);
    const data = arabic.json().data;
    const recruited = data.questions.find((q: { code: string }) => q.code === 'recruited');
    expect(recruited.topic).toBe('act');
    expect(recruited.question).toBe('هل جنّد أحدٌ الشخص (عرض عمل أو زواج أو دراسة أو سفر)؟');
    const debt = data.indicators.find((i: { code: string }) => i.code === 'debt_bondage');
    expect(debt).toMatchObject({ element: 'means', strength: 'strong' });
    expect(data.childUnder).toBe(18);
    const english = (await t.as(coordinator, 'GET', '/api/v1/screening/questions')).json().data;
    expect(english.rulesVersion).toBe(data.rulesVersion);
    expect(english.questions.map((q: { code: string }) => q.code)).toEqual(
      data.questions.map((q: { code: string }) => q.code),
    );
    const unknown = await t.as(coordinator, 'GET', '/api/v1/screening/questions?lang=xx');
    expect(unknown.statusCode).toBe(400);
  });

  it('keeps consent decisions per purpose and recipient; a withdrawal or an expiry ends it', async () => {
    const opened = await openCase(worker);
    const consent = (body: Record<string, unknown>) =>
      t.as(worker, 'POST', `/api/v1/cases/${opened.id}/consents`, body);
    const allows = async (purpose: string, recipient: string | null) => {
      const [row] = await rowsOf<{ allows: boolean }>(
        t.database.db,
        sql`select app_consent_allows(${opened.id}::uuid, ${purpose}, ${recipient}::uuid) as allows`,
      );
      return row?.allows;
    };
    expect((await consent({ purpose: 'share_with_organisation', decision: 'given' })).statusCode).toBe(400);
    const given = await consent({
      purpose: 'share_with_organisation',
      recipientOrganisationId: legal,
      decision: 'given',
    });
    expect(given.statusCode, given.body).toBe(201);
    expect(given.json().data.current).toEqual([
      expect.objectContaining({
        purpose: 'share_with_organisation',
        recipientOrganisationId: legal,
        inForce: true,
      }),
    ]);
    expect(await allows('share_with_organisation', legal)).toBe(true);
    expect(await allows('share_with_organisation', shelter)).toBe(false);
    const withdrawn = await consent({
      purpose: 'share_with_organisation',
      recipientOrganisationId: legal,
      decision: 'withdrawn',
    });
    expect(withdrawn.json().data.current[0]).toMatchObject({ decision: 'withdrawn', inForce: false });
    expect(withdrawn.json().data.history).toHaveLength(2);
    expect(await allows('share_with_organisation', legal)).toBe(false);

    const past = new Date(Date.now() - 60_000).toISOString();
    expect((await consent({ purpose: 'statistics', decision: 'given', expiresAt: past })).statusCode).toBe(
      400,
    );
    await consent({
      purpose: 'statistics',
      decision: 'given',
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(await allows('statistics', null)).toBe(true);
    // The clock moves on: the same row, an hour later, no longer allows anything.
    await t.database.db.execute(
      sql`update case_consents set expires_at = now() - interval '1 second' where case_id = ${opened.id} and purpose = 'statistics'`,
    );
    expect(await allows('statistics', null)).toBe(false);
    const read = await t.as(worker, 'GET', `/api/v1/cases/${opened.id}/consents`);
    expect(read.json().data.current).toEqual(
      expect.arrayContaining([expect.objectContaining({ purpose: 'statistics', inForce: false })]),
    );
  });

  it('opens a case to an unassigned worker only through an audited break-glass grant', async () => {
    const opened = await openCase(manager);
    expect((await t.as(worker, 'GET', `/api/v1/cases/${opened.id}`)).statusCode).toBe(404);
    await backdateCaseRole(worker.userId, 40);
    const grant = await t.as(worker, 'POST', '/api/v1/break-glass', {
      resourceType: 'case',
      resourceId: opened.id,
      reason: 'Night duty: the survivor called the hotline and needs her safety plan now',
    });
    expect(grant.statusCode, grant.body).toBe(201);
    expect(grant.json().data).toMatchObject({ state: 'active' });
    expect((await t.as(worker, 'GET', `/api/v1/cases/${opened.id}`)).statusCode).toBe(200);
    expect((await t.as(worker, 'GET', `/api/v1/cases/${opened.id}/person`)).statusCode).toBe(200);
  });

  it('refuses an API token even to a case manager', async () => {
    const token = await t.as(manager, 'POST', '/api/v1/account/tokens', {
      name: 'scripts',
      roles: ['case_manager'],
      expiresInDays: 1,
      currentPassword: DEMO_PASSWORD,
    });
    expect(token.statusCode, token.body).toBe(201);
    const secret = token.json().data.token as string;
    const reply = await t.as(null, 'GET', '/api/v1/cases', undefined, { authorization: `Bearer ${secret}` });
    expect(reply.statusCode).toBe(403);
  });

  async function backdateCaseRole(userId: string, days: number) {
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`alter table memberships disable trigger memberships_role_since`);
      await tx
        .update(memberships)
        .set({ roleSince: new Date(Date.now() - days * 86_400_000) })
        .where(eq(memberships.userId, userId));
      await tx.execute(sql`alter table memberships enable trigger memberships_role_since`);
    });
  }
});
