// A case's history through the API on both engines: everyone who may see the case reads everything that
// happened to it (a colleague's work included, which the audit trail's own view would hide from a case
// worker), by name and in order, and nothing of another case or of the person's data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail, type Session, startTestApp, type TestApp } from '../support/app.js';
import { TEST_ENGINES } from '../support/databases.js';

/** Invented person: must never appear in a history. */
const CANARY = { name: 'Orsolya Thimbleweed', passport: 'QX4471902' };

type HistoryEntry = {
  seq: number;
  event: string;
  actorName: string | null;
  status: string | null;
  facts: string[];
  personFields: string[];
  workerName: string | null;
  screeningOutcomes: string[];
  consent: { purpose: string; decision: string; recipientName: string | null } | null;
  referral: { toOrganisationName: string | null; service: string | null } | null;
};

describe.each(TEST_ENGINES)('case history on $name', (engine) => {
  let t: TestApp;
  let manager: Session;
  let worker: Session;
  let coordinator: Session;
  let shelter: string;
  let legal: string;

  beforeAll(async () => {
    t = await startTestApp(engine);
    manager = await t.signInAs(demoEmail('case_manager'));
    worker = await t.signInAs(demoEmail('case_worker'));
    coordinator = await t.signInAs(demoEmail('coordinator'));
    shelter = t.organisationIds.shelter ?? '';
    legal = t.organisationIds.legal ?? '';
  });
  afterAll(() => t?.close());

  async function send(as: Session, method: string, url: string, body?: unknown) {
    const reply = await t.as(as, method, url, body);
    expect(reply.statusCode, reply.body).toBeLessThan(300);
    return reply.json().data;
  }

  async function history(as: Session, id: string, query = '') {
    const reply = await t.as(as, 'GET', `/api/v1/cases/${id}/history${query}`);
    expect(reply.statusCode, reply.body).toBe(200);
    return reply.json() as { data: HistoryEntry[]; nextBefore: number | null };
  }

  /** A case the manager opens and works on, with the worker assigned and a few steps taken by each. */
  async function workedCase() {
    const opened = await send(manager, 'POST', '/api/v1/cases', {
      organisationId: shelter,
      facts: { sex: 'female' },
      person: { names: [{ kind: 'name', value: CANARY.name }] },
    });
    await send(manager, 'PUT', `/api/v1/cases/${opened.id}/workers/${worker.userId}`);
    await send(manager, 'PATCH', `/api/v1/cases/${opened.id}`, {
      version: opened.version,
      status: 'FollowUp',
      facts: { citizenship: 'NPL' },
    });
    await send(manager, 'POST', `/api/v1/cases/${opened.id}/consents`, {
      purpose: 'share_with_organisation',
      recipientOrganisationId: legal,
      decision: 'given',
    });
    await send(worker, 'GET', `/api/v1/cases/${opened.id}/person`);
    await send(worker, 'PUT', `/api/v1/cases/${opened.id}/person`, {
      version: 1,
      person: { identityDocuments: [{ kind: 'passport', number: CANARY.passport }] },
    });
    await send(worker, 'POST', `/api/v1/cases/${opened.id}/screenings`, {
      ageAtRecruitment: 15,
      answers: { recruited: 'yes', forced_labour: 'yes' },
    });
    await send(worker, 'POST', `/api/v1/cases/${opened.id}/referrals`, {
      toOrganisationId: legal,
      service: 'legal_aid',
    });
    return opened as { id: string };
  }

  it('tells a case worker everything done on the case, a colleague’s work included, newest first and by name', async () => {
    const theCase = await workedCase();
    const { data } = await history(worker, theCase.id);
    expect(data.map((entry) => entry.event)).toEqual([
      'referral_made',
      'screened',
      'person_changed',
      'person_opened',
      'consent_recorded',
      'case_changed',
      'worker_assigned',
      'case_opened',
    ]);
    const seqs = data.map((entry) => entry.seq);
    expect([...seqs].sort((a, b) => b - a)).toEqual(seqs);
    const byEvent = new Map(data.map((entry) => [entry.event, entry]));
    expect(byEvent.get('case_opened')?.actorName).toBe('Mina Casemanager (demo)');
    expect(byEvent.get('worker_assigned')?.workerName).toBe('Wes Caseworker (demo)');
    expect(byEvent.get('case_changed')).toMatchObject({ status: 'FollowUp', facts: ['citizenship'] });
    expect(byEvent.get('consent_recorded')?.consent).toEqual({
      purpose: 'share_with_organisation',
      decision: 'given',
      recipientName: 'Regional Legal Aid Centre (demo)',
    });
    expect(byEvent.get('person_opened')?.actorName).toBe('Wes Caseworker (demo)');
    expect(byEvent.get('person_changed')?.personFields).toEqual(['identityDocuments']);
    expect(byEvent.get('screened')?.screeningOutcomes[0]).toBe('presumed_trafficking');
    expect(byEvent.get('referral_made')?.referral).toMatchObject({
      toOrganisationName: 'Regional Legal Aid Centre (demo)',
      service: 'legal_aid',
    });
    // The case manager reads the same history.
    expect((await history(manager, theCase.id)).data.map((entry) => entry.seq)).toEqual(seqs);
  });

  it('keeps the person’s data and other cases out of the history', async () => {
    const first = await workedCase();
    const second = await workedCase();
    const reply = await t.as(worker, 'GET', `/api/v1/cases/${first.id}/history?limit=200`);
    expect(reply.body).not.toContain(CANARY.name);
    expect(reply.body).not.toContain(CANARY.passport);
    expect(reply.body).not.toContain('127.0.0.1');
    const firstSeqs = new Set((reply.json().data as HistoryEntry[]).map((entry) => entry.seq));
    for (const entry of (await history(worker, second.id, '?limit=200')).data)
      expect(firstSeqs.has(entry.seq)).toBe(false);
  });

  it('answers not found for a case out of reach and refuses roles that never see cases', async () => {
    const managersOwn = await send(manager, 'POST', '/api/v1/cases', { organisationId: shelter });
    expect((await t.as(worker, 'GET', `/api/v1/cases/${managersOwn.id}/history`)).statusCode).toBe(404);
    expect((await t.as(coordinator, 'GET', `/api/v1/cases/${managersOwn.id}/history`)).statusCode).toBe(403);
    expect((await history(manager, managersOwn.id)).data.map((entry) => entry.event)).toEqual([
      'case_opened',
    ]);
  });

  it('pages through a long history without losing or repeating an entry', async () => {
    const theCase = await workedCase();
    const all = (await history(worker, theCase.id)).data.map((entry) => entry.seq);
    const seen: number[] = [];
    let before: number | null = null;
    do {
      const page = await history(worker, theCase.id, `?limit=3${before ? `&before=${before}` : ''}`);
      expect(page.data.length).toBeLessThanOrEqual(3);
      seen.push(...page.data.map((entry) => entry.seq));
      before = page.nextBefore;
    } while (before !== null);
    expect(seen).toEqual(all);
  });

  it('lists the cases one is assigned to, a page at a time', async () => {
    // The one who opens a case is assigned to it; the manager of the worker's case is not.
    const assigned = await send(worker, 'POST', '/api/v1/cases', { organisationId: shelter });
    await workedCase();
    const mine = (await send(manager, 'GET', '/api/v1/cases?assigned=me&limit=500')) as { id: string }[];
    expect(mine.map((c) => c.id)).not.toContain(assigned.id);
    const workers = (await send(worker, 'GET', '/api/v1/cases?assigned=me&limit=500')) as { id: string }[];
    expect(workers.map((c) => c.id)).toContain(assigned.id);
    const firstPage = await t.as(manager, 'GET', '/api/v1/cases?limit=2');
    const { data, nextOffset } = firstPage.json() as { data: { id: string }[]; nextOffset: number | null };
    expect(data).toHaveLength(2);
    expect(nextOffset).toBe(2);
    const second = (await t.as(manager, 'GET', '/api/v1/cases?limit=2&offset=2')).json().data as {
      id: string;
    }[];
    expect(second.map((c) => c.id)).not.toContain(data[0]?.id);
  });
});
