// Follow-up of a case on both engines: services delivered are kept as written and corrected only by
// superseding records, the case plan changes only from the version read, and a case closes with a reason
// code that decides its HTCDS status and reopens with a reason, each audited. Text kept in the clear on a
// case is refused when it would identify the person.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/platform/db.js';
import { demoEmail, type Session, startTestApp, type TestApp } from '../support/app.js';
import { TEST_ENGINES } from '../support/databases.js';

/** Invented person. */
const PERSON = {
  names: [{ kind: 'name', value: 'Orsolya Fennimore-Plack' }],
  dateOfBirth: '2001-07-19',
  contacts: [{ kind: 'phone', value: '+99 555 0133 2101' }],
  identityDocuments: [{ kind: 'passport', number: 'XV4417730' }],
};

describe.each(TEST_ENGINES)('case follow-up on $name', (engine) => {
  let t: TestApp;
  let worker: Session;
  let manager: Session;
  let orgAdmin: Session;
  let shelter: string;
  let legal: string;

  beforeAll(async () => {
    t = await startTestApp(engine);
    worker = await t.signInAs(demoEmail('case_worker'));
    manager = await t.signInAs(demoEmail('case_manager'));
    orgAdmin = await t.signInAs(demoEmail('org_admin'));
    shelter = t.organisationIds.shelter ?? '';
    legal = t.organisationIds.legal ?? '';
  });
  afterAll(() => t?.close());

  async function openCase(as: Session = worker) {
    const reply = await t.as(as, 'POST', '/api/v1/cases', { organisationId: shelter, person: PERSON });
    expect(reply.statusCode, reply.body).toBe(201);
    return reply.json().data as { id: string; version: number };
  }

  async function auditActions(caseId: string) {
    return rowsOf<{ action: string; details: Record<string, unknown> }>(
      t.database.db,
      sql`select action, details from audit_entries where resource_id = ${caseId} and outcome = 'allowed' order by seq`,
    );
  }

  it('records services delivered and corrects one only by a new record that supersedes it', async () => {
    const opened = await openCase();
    const first = await t.as(worker, 'POST', `/api/v1/cases/${opened.id}/services`, {
      category: 'shelter',
      providerOrganisationId: shelter,
      deliveredOn: '2026-03-02',
      notes: 'Two nights of emergency accommodation',
    });
    expect(first.statusCode, first.body).toBe(201);
    const original = first.json().data;
    expect(original).toMatchObject({ category: 'shelter', providerOrganisationName: expect.any(String) });
    await t.as(worker, 'POST', `/api/v1/cases/${opened.id}/services`, {
      category: 'legal_aid',
      providerName: 'Bar association duty desk',
      deliveredOn: '2026-03-04',
    });
    const correction = await t.as(worker, 'POST', `/api/v1/cases/${opened.id}/services`, {
      category: 'shelter',
      providerOrganisationId: shelter,
      deliveredOn: '2026-03-03',
      notes: 'Three nights of emergency accommodation',
      supersedes: original.id,
      correctionReason: 'The number of nights was wrong',
    });
    expect(correction.statusCode, correction.body).toBe(201);
    const services = (await t.as(worker, 'GET', `/api/v1/cases/${opened.id}/services`)).json().data;
    expect(services.current.map((s: { category: string }) => s.category)).toEqual(['legal_aid', 'shelter']);
    expect(services.current[1].notes).toBe('Three nights of emergency accommodation');
    expect(services.history).toHaveLength(3);
    const kept = services.history.find((s: { id: string }) => s.id === original.id);
    expect(kept).toMatchObject({
      notes: 'Two nights of emergency accommodation',
      supersededBy: correction.json().data.id,
    });
    const again = await t.as(worker, 'POST', `/api/v1/cases/${opened.id}/services`, {
      category: 'food',
      deliveredOn: '2026-03-03',
      supersedes: original.id,
      correctionReason: 'Second try',
    });
    expect(again.statusCode).toBe(409);
    const unexplained = await t.as(worker, 'POST', `/api/v1/cases/${opened.id}/services`, {
      category: 'food',
      deliveredOn: '2026-03-03',
      supersedes: correction.json().data.id,
    });
    expect(unexplained.statusCode).toBe(400);
    expect(unexplained.json().errors[0]).toMatchObject({ path: 'body.correctionReason', code: 'required' });
  });

  it('refuses to change or remove a service record in the database, even as its owner', async () => {
    const opened = await openCase();
    await t.as(worker, 'POST', `/api/v1/cases/${opened.id}/services`, {
      category: 'food',
      deliveredOn: '2026-01-05',
    });
    const refusal = (query: Promise<unknown>) =>
      query.then(
        () => 'done',
        (error: Error & { cause?: Error }) => error.cause?.message ?? error.message,
      );
    expect(
      await refusal(
        t.database.db.execute(sql`update case_services set notes = 'x' where case_id = ${opened.id}`),
      ),
    ).toMatch(/kept as recorded/);
    expect(
      await refusal(t.database.db.execute(sql`delete from case_services where case_id = ${opened.id}`)),
    ).toMatch(/kept as recorded/);
    const [grants] = await rowsOf<{ can_update: boolean; can_delete: boolean }>(
      t.database.db,
      sql`select has_table_privilege('concerted_app', 'case_services', 'UPDATE') as can_update,
                 has_table_privilege('concerted_app', 'case_services', 'DELETE') as can_delete`,
    );
    expect(grants).toEqual({ can_update: false, can_delete: false });
  });

  it('refuses notes and reasons that would identify the person, naming the field, not the text', async () => {
    const opened = await openCase();
    const texts = [
      'Met Orsolya at the station',
      'Called her on +99 555 0133 2101',
      'Passport XV4417730 copied',
      'Wrote to helper@example.org',
    ];
    for (const notes of texts) {
      const reply = await t.as(worker, 'POST', `/api/v1/cases/${opened.id}/services`, {
        category: 'counselling',
        deliveredOn: '2026-02-01',
        notes,
      });
      expect(reply.statusCode, notes).toBe(400);
      expect(reply.json().errors[0]).toMatchObject({ path: 'body.notes', code: 'identifying_text' });
      expect(reply.body).not.toContain(notes);
    }
    const history = (await t.as(worker, 'GET', `/api/v1/cases/${opened.id}/services`)).json().data.history;
    expect(history).toEqual([]);
  });

  it('replaces the case plan only from the version read, and flags overdue actions', async () => {
    const opened = await openCase();
    const plan = {
      version: 0,
      goals: [
        {
          title: 'Safe accommodation',
          actions: [
            {
              title: 'Find a shelter place',
              owner: { kind: 'worker', userId: worker.userId },
              dueOn: '2020-01-10',
            },
            {
              title: 'Attend the intake interview',
              owner: { kind: 'person' },
              status: 'done',
              dueOn: '2020-01-10',
            },
          ],
        },
        {
          title: 'Legal advice',
          actions: [{ title: 'First consultation', owner: { kind: 'organisation', organisationId: legal } }],
        },
      ],
    };
    const first = await t.as(worker, 'PUT', `/api/v1/cases/${opened.id}/plan`, plan);
    expect(first.statusCode, first.body).toBe(200);
    const view = first.json().data;
    expect(view.version).toBe(1);
    expect(view.goals[0].actions[0]).toMatchObject({
      ownerName: expect.any(String),
      isOverdue: true,
      status: 'planned',
    });
    expect(view.goals[0].actions[1]).toMatchObject({ isOverdue: false, status: 'done' });
    expect(view.goals[1].actions[0].owner).toEqual({ kind: 'organisation', organisationId: legal });
    const stale = await t.as(worker, 'PUT', `/api/v1/cases/${opened.id}/plan`, { ...plan, goals: [] });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('conflict');
    const next = await t.as(manager, 'PUT', `/api/v1/cases/${opened.id}/plan`, {
      version: 1,
      goals: [{ title: 'Safe accommodation', status: 'achieved', actions: [] }],
    });
    expect(next.json().data).toMatchObject({ version: 2, goals: [{ status: 'achieved', actions: [] }] });
    const read = (await t.as(worker, 'GET', `/api/v1/cases/${opened.id}/plan`)).json().data;
    expect(read.goals).toHaveLength(1);
    const notOnCase = await t.as(worker, 'PUT', `/api/v1/cases/${opened.id}/plan`, {
      version: 2,
      goals: [
        {
          title: 'Work',
          actions: [{ title: 'Interview', owner: { kind: 'worker', userId: orgAdmin.userId } }],
        },
      ],
    });
    expect(notOnCase.statusCode).toBe(400);
    expect(notOnCase.json().errors[0]).toMatchObject({ code: 'not_on_case' });
    expect((await t.as(worker, 'GET', `/api/v1/cases/${opened.id}/plan`)).json().data.version).toBe(2);
  });

  it('closes with a reason code that gives Closed or ClosedReferred, reopens with a reason, and audits both', async () => {
    const opened = await openCase();
    const referred = await t.as(worker, 'POST', `/api/v1/cases/${opened.id}/closure`, {
      version: opened.version,
      reason: 'referred_elsewhere',
      note: 'Continues with the legal aid partner',
    });
    expect(referred.statusCode, referred.body).toBe(200);
    expect(referred.json().data).toMatchObject({
      status: 'ClosedReferred',
      closureReason: 'referred_elsewhere',
    });
    const twice = await t.as(worker, 'POST', `/api/v1/cases/${opened.id}/closure`, {
      version: referred.json().data.version,
      reason: 'goals_met',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('invalid_transition');
    const patched = await t.as(worker, 'PATCH', `/api/v1/cases/${opened.id}`, {
      version: referred.json().data.version,
      status: 'Active',
    });
    expect(patched.json().code).toBe('invalid_transition');
    const reopened = await t.as(worker, 'POST', `/api/v1/cases/${opened.id}/reopening`, {
      version: referred.json().data.version,
      reason: 'referral_ended',
      status: 'FollowUp',
    });
    expect(reopened.json().data).toMatchObject({ status: 'FollowUp', closureReason: null });
    const closed = await t.as(worker, 'POST', `/api/v1/cases/${opened.id}/closure`, {
      version: reopened.json().data.version,
      reason: 'goals_met',
    });
    expect(closed.json().data.status).toBe('Closed');
    const history = (await t.as(worker, 'GET', `/api/v1/cases/${opened.id}/status-history`)).json().data;
    expect(history.map((e: { kind: string; reason: string }) => `${e.kind}:${e.reason}`)).toEqual([
      'closed:goals_met',
      'reopened:referral_ended',
      'closed:referred_elsewhere',
    ]);
    const audited = (await auditActions(opened.id)).filter((entry) =>
      entry.details.route?.toString().match(/closure|reopening/),
    );
    expect(audited.map((entry) => entry.details.closure ?? entry.details.reopening).filter(Boolean)).toEqual([
      'referred_elsewhere',
      'referral_ended',
      'goals_met',
    ]);
    const stale = await t.as(worker, 'POST', `/api/v1/cases/${opened.id}/reopening`, {
      version: opened.version,
      reason: 'new_needs',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('conflict');
  });

  it('keeps follow-up out of reach of those outside the case', async () => {
    const managersOwn = await openCase(manager);
    for (const path of ['services', 'plan', 'status-history']) {
      expect((await t.as(worker, 'GET', `/api/v1/cases/${managersOwn.id}/${path}`)).statusCode).toBe(404);
    }
    const refused = await t.as(worker, 'POST', `/api/v1/cases/${managersOwn.id}/services`, {
      category: 'food',
      deliveredOn: '2026-03-01',
    });
    expect(refused.statusCode).toBe(404);
    const [count] = await rowsOf<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from case_services where case_id = ${managersOwn.id}`,
    );
    expect(count?.n).toBe(0);
  });
});
