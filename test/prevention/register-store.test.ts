// The stored register on both engines: who may write it, what an anonymous request may read (agencies,
// licences, inspections, sanctions; never a complaint, only counts at or above the small-count minimum),
// and the look-up over the database answering as the engine does, in English, Arabic and Russian. Every
// agency, licence and authority here is invented.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { membershipsOf } from '../../src/access/accounts.js';
import { ANONYMOUS_ACTOR, actorOf, asActor, type DatabaseActor } from '../../src/access/context.js';
import { users } from '../../src/access/schema.js';
import { rowsOf } from '../../src/platform/db.js';
import { sqlStateOf } from '../../src/platform/errors.js';
import { sayStanding } from '../../src/prevention/register/index.js';
import type { AgencyInput } from '../../src/prevention/register-store/index.js';
import {
  addComplaint,
  addInspection,
  addSanction,
  createAgency,
  publicCountsOf,
  registerLookupFor,
  saveLicence,
  searchRegister,
} from '../../src/prevention/register-store/index.js';
import { demoEmail, startTestApp, type TestApp } from '../support/app.js';
import { TEST_ENGINES } from '../support/databases.js';

const AS_OF = '2026-06-30';
const AUTHORITY = 'Labour Licensing Office of Examplestan';

const agencyInput = (fields: Partial<AgencyInput>): AgencyInput => ({
  name: 'Testfield Agency',
  otherNames: [],
  kind: 'recruitment',
  country: 'PHL',
  address: null,
  registrationNumber: null,
  keeperOrganisationId: null,
  ...fields,
});

const licence = (number: string, validUntil: string) => ({
  number,
  issuingAuthority: AUTHORITY,
  status: 'active' as const,
  validFrom: '2024-01-01',
  validUntil,
  statusSince: null,
  statusUntil: null,
});

describe.each(TEST_ENGINES)('the stored register on $name', (engine) => {
  let t: TestApp;
  const actors: Record<string, DatabaseActor> = {};
  const ids: Record<string, string> = {};

  const as = <T>(actor: DatabaseActor | undefined, work: Parameters<typeof asActor<T>>[2]) =>
    asActor(t.database.db, actor ?? ANONYMOUS_ACTOR, work);

  beforeAll(async () => {
    t = await startTestApp(engine);
    const rows = await t.database.db.select({ id: users.id, email: users.email }).from(users);
    for (const role of ['coordinator', 'editor', 'case_worker'] as const) {
      const id = rows.find((row) => row.email === demoEmail(role))?.id ?? '';
      const memberships = await membershipsOf(t.database.db, id);
      actors[role] = actorOf({ kind: 'user', userId: id, memberships, via: 'session', secondFactor: true });
    }
    await as(actors.coordinator, async (tx) => {
      ids.licensed = await createAgency(
        tx,
        agencyInput({ name: 'Testfield Licensed Recruitment Ltd', otherNames: ['Testfield Manpower'] }),
        null,
      );
      await saveLicence(tx, ids.licensed, licence('TF-100-LB', '2027-12-31'));
      ids.lapsed = await createAgency(tx, agencyInput({ name: 'Brightwater Overseas Placement Inc.' }), null);
      await saveLicence(tx, ids.lapsed, licence('TF-200-LB', '2025-12-31'));
      await addInspection(
        tx,
        ids.lapsed,
        { date: '2026-03-01', outcome: 'violations', authority: null },
        null,
      );
      await addSanction(
        tx,
        ids.lapsed,
        { imposedOn: '2026-02-01', kind: 'fine', until: null, authority: AUTHORITY },
        null,
      );
      for (let i = 1; i <= 6; i += 1)
        await addComplaint(
          tx,
          ids.lapsed,
          { receivedOn: `2026-0${i}-10`, category: 'fees', status: 'received' },
          null,
        );
      for (let i = 1; i <= 3; i += 1)
        await addComplaint(
          tx,
          ids.licensed,
          { receivedOn: `2026-0${i}-10`, category: 'debt', status: 'upheld' },
          null,
        );
    });
  });
  afterAll(() => t?.close());

  it('lets an anonymous request read the register but not one complaint', async () => {
    const seen = await as(ANONYMOUS_ACTOR, async (tx) => ({
      agencies: await rowsOf<{ id: string }>(tx, sql`select id from intermediary_agencies`),
      licences: await rowsOf<{ id: string }>(tx, sql`select id from intermediary_licences`),
      sanctions: await rowsOf<{ id: string }>(tx, sql`select id from intermediary_sanctions`),
      complaints: await rowsOf<{ id: string }>(tx, sql`select id from intermediary_complaints`),
      links: await rowsOf<{ id: string }>(tx, sql`select referral_id from intermediary_referral_links`),
    }));
    expect(seen.agencies.length).toBeGreaterThanOrEqual(2);
    expect(seen.licences.length).toBeGreaterThanOrEqual(2);
    expect(seen.sanctions.length).toBeGreaterThanOrEqual(1);
    expect(seen.complaints).toEqual([]);
    expect(seen.links).toEqual([]);
    const keepers = await as(actors.coordinator, (tx) =>
      rowsOf<{ n: number }>(tx, sql`select count(*)::int as n from intermediary_complaints`),
    );
    expect(keepers[0]?.n).toBeGreaterThanOrEqual(9);
  });

  it('gives anonymous requests complaint counts only from the minimum on', async () => {
    const counts = await as(ANONYMOUS_ACTOR, (tx) =>
      publicCountsOf(tx, [ids.lapsed ?? '', ids.licensed ?? ''], AS_OF),
    );
    expect(counts.get(ids.lapsed ?? '')).toEqual({ complaints: 6, referrals: 0 });
    // Three complaints show as nothing at all: the same as none.
    expect(counts.get(ids.licensed ?? '')).toEqual({ complaints: 0, referrals: 0 });
  });

  it('refuses writes by anonymous requests and by editors of no keeping organisation', async () => {
    const anonymous = await as(ANONYMOUS_ACTOR, (tx) =>
      createAgency(tx, agencyInput({ name: 'Should Not Exist Agency' }), null),
    ).catch(sqlStateOf);
    expect(anonymous).toBe('42501');
    const editor = await as(actors.editor, (tx) =>
      addComplaint(
        tx,
        ids.lapsed ?? '',
        { receivedOn: '2026-05-01', category: 'fees', status: 'received' },
        null,
      ),
    ).catch(sqlStateOf);
    expect(editor).toBe('42501');
  });

  it('lets the editors of the keeping organisation keep their agencies', async () => {
    const shelter = t.organisationIds.shelter ?? '';
    const id = await as(actors.editor, async (tx) => {
      const created = await createAgency(
        tx,
        agencyInput({ name: 'Keeper Test Travel', kind: 'travel', keeperOrganisationId: shelter }),
        null,
      );
      await addComplaint(
        tx,
        created,
        { receivedOn: '2026-05-01', category: 'fees', status: 'received' },
        null,
      );
      return created;
    });
    const complaints = await as(actors.editor, (tx) =>
      rowsOf<{ n: number }>(
        tx,
        sql`select count(*)::int as n from intermediary_complaints where agency_id = ${id}`,
      ),
    );
    expect(complaints[0]?.n).toBe(1);
  });

  it('finds a licensed agency by name and by licence number, and reports a lapsed one', async () => {
    const byName = await as(ANONYMOUS_ACTOR, (tx) =>
      searchRegister(tx, { name: 'testfield licensed recruitment' }, { asOf: AS_OF, offset: 0, limit: 10 }),
    );
    expect(byName.answer.lookup).toEqual({ status: 'licensed', checkedOn: AS_OF });
    expect(byName.matches[0]?.entry.id).toBe(ids.licensed);
    const byLicence = await as(ANONYMOUS_ACTOR, (tx) =>
      registerLookupFor(tx, { licenceNumber: 'tf 100 lb', name: 'Testfield Manpower' }, { asOf: AS_OF }),
    );
    expect(byLicence.status).toBe('licensed');
    const lapsed = await as(ANONYMOUS_ACTOR, (tx) =>
      searchRegister(tx, { licenceNumber: 'TF-200-LB' }, { asOf: AS_OF, offset: 0, limit: 10 }),
    );
    expect(lapsed.answer.lookup.status).toBe('lapsed');
    const entry = lapsed.matches[0]?.entry;
    expect(entry?.signs.map((sign) => sign.id)).toEqual(
      expect.arrayContaining(['licence_lapsed', 'inspection_violations', 'complaints']),
    );
    expect(entry?.signs.find((sign) => sign.id === 'complaints')?.values.count).toBe('5');
    expect(JSON.stringify(entry)).not.toContain('receivedOn');
    const standing = entry?.standing;
    if (!standing) throw new Error('no standing');
    expect(sayStanding(standing, 'en')).toContain('2025-12-31');
    expect(sayStanding(standing, 'ar')).toMatch(/[\u0600-\u06FF]/);
    expect(sayStanding(standing, 'ru')).toMatch(/[\u0400-\u04FF]/);
  });

  it('asks for the licence number when only a part of a name is given', async () => {
    const answer = await as(ANONYMOUS_ACTOR, (tx) =>
      searchRegister(tx, { name: 'Brightwater' }, { asOf: AS_OF, offset: 0, limit: 10 }),
    );
    expect(answer.matches[0]?.entry.id).toBe(ids.lapsed);
    expect(answer.answer.lookup.status).toBe('unknown');
    expect(answer.answer.note?.key).toBe('name_not_exact');
  });

  it('answers not found for a name nowhere in the register', async () => {
    const lookup = await as(ANONYMOUS_ACTOR, (tx) =>
      registerLookupFor(tx, { name: 'Qqqzzz Nonexistent Xylophone' }, { asOf: AS_OF }),
    );
    expect(lookup.status).toBe('not_found');
  });

  it('holds invented demo agencies in each standing, whenever the demo was seeded', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const states = await as(ANONYMOUS_ACTOR, async (tx) => {
      const found: Record<string, string> = {};
      for (const number of ['DEMO-LB-001', 'DEMO-LB-002', 'DEMO-MB-003', 'DEMO-MD-004'])
        found[number] = (await registerLookupFor(tx, { licenceNumber: number }, { asOf: today })).status;
      return found;
    });
    expect(states).toEqual({
      'DEMO-LB-001': 'licensed',
      'DEMO-LB-002': 'lapsed',
      'DEMO-MB-003': 'revoked',
      'DEMO-MD-004': 'suspended',
    });
  });
});
