// Cases and persons on both engines, under the request role: who sees which case, personal data sealed at
// rest, versions, and master key rotation with nothing left on the old key.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ENGINES, type TestDatabase } from '../../test/support/databases.js';
import { actorOf, asRequester, type DatabaseActor } from '../access/context.js';
import type { Role } from '../access/schema.js';
import { rowsOf } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { closeCase } from './follow-up/closure.js';
import { KeyRing, recordInitialMasterKey } from './person/keyring.js';
import { rotateMasterKey } from './person/rotate.js';
import {
  assignWorker,
  createCase,
  getCase,
  listCases,
  readPerson,
  updateCase,
  writePerson,
} from './store.js';

const CANARY = { name: 'Zorbaline Canaryfield', phone: '+99 555 0100 7788', passport: 'QX9911223' };

type People = Record<
  'managerA' | 'workerA' | 'otherWorkerA' | 'managerB' | 'coordinator',
  { id: string; actor: DatabaseActor }
>;

async function expectNotFound(work: Promise<unknown>) {
  await expect(work).rejects.toSatisfy((error) => error instanceof AppError && error.code === 'not_found');
}

describe.each(TEST_ENGINES)('cases on $name', (engine) => {
  let database: TestDatabase;
  let ring: KeyRing;
  let keysDir: string;
  let people: People;
  let orgA: string;
  let orgB: string;

  beforeAll(async () => {
    database = await engine.open({ seed: false });
    keysDir = await mkdtemp(path.join(tmpdir(), 'case-keys-'));
    ring = await KeyRing.load({ dataDir: keysDir });
    await recordInitialMasterKey(database.db, ring);
    const orgs = await Promise.all(
      ['Shelter A', 'Shelter B'].map(async (name) => {
        const [row] = await rowsOf<{ id: string }>(
          database.db,
          sql`insert into organisations (name, actor_type) values (${name}, 'ngo') returning id`,
        );
        return row?.id as string;
      }),
    );
    orgA = orgs[0] as string;
    orgB = orgs[1] as string;
    const person = async (label: string, role: Role, organisationId: string) => {
      const [user] = await rowsOf<{ id: string }>(
        database.db,
        sql`insert into users (email, display_name) values (${`${label}@example.org`}, ${label}) returning id`,
      );
      const id = user?.id as string;
      await database.db.execute(
        sql`insert into memberships (user_id, organisation_id, role) values (${id}, ${organisationId}, ${role})`,
      );
      const actor = actorOf({
        kind: 'user',
        userId: id,
        memberships: [{ organisationId, role }],
        via: 'session',
        secondFactor: true,
      });
      return { id, actor };
    };
    people = {
      managerA: await person('manager-a', 'case_manager', orgA),
      workerA: await person('worker-a', 'case_worker', orgA),
      otherWorkerA: await person('other-worker-a', 'case_worker', orgA),
      managerB: await person('manager-b', 'case_manager', orgB),
      coordinator: await person('coordinator', 'coordinator', orgA),
    };
  });

  afterAll(async () => {
    await database?.dispose();
    await rm(keysDir, { recursive: true, force: true });
  });

  const as = <T>(who: keyof People, work: Parameters<typeof asRequester<T>>[2]) =>
    asRequester(database, people[who].actor, work);

  const newCase = (who: keyof People = 'workerA') =>
    as(who, (tx) =>
      createCase(
        tx,
        ring,
        {
          organisationId: orgA,
          facts: { sex: 'female', ageBandWhenTrafficked: '9-17', formsOfExploitation: ['forced_labour'] },
          person: {
            names: [{ kind: 'name', value: CANARY.name }],
            contacts: [{ kind: 'phone', value: CANARY.phone }],
            identityDocuments: [{ kind: 'passport', number: CANARY.passport, issuingCountry: 'MDA' }],
          },
        },
        people[who].id,
      ),
    );

  it('a worker opens a case, is assigned to it and reads the person back', async () => {
    const created = await newCase();
    expect(created.code).toMatch(/^C-\d{4}-[0-9A-Z]{6}$/);
    expect(created.workers.map((w) => w.userId)).toEqual([people.workerA.id]);
    expect(created.hasPerson).toBe(true);
    const person = await as('workerA', (tx) => readPerson(tx, ring, created.id));
    expect(person.person.names?.[0]?.value).toBe(CANARY.name);
    expect(person.person.identityDocuments?.[0]?.number).toBe(CANARY.passport);
  });

  it('keeps no personal data in the clear in the database', async () => {
    await newCase();
    const [dump] = await rowsOf<{ text: string }>(
      database.db,
      sql`select coalesce(string_agg(p::text, ' '), '') as text from persons p`,
    );
    expect(dump?.text.length).toBeGreaterThan(0);
    for (const canary of Object.values(CANARY)) expect(dump?.text).not.toContain(canary);
    const [cases] = await rowsOf<{ text: string }>(
      database.db,
      sql`select string_agg(c::text, ' ') as text from cases c`,
    );
    for (const canary of Object.values(CANARY)) expect(cases?.text).not.toContain(canary);
  });

  it('shows a case to its organisation’s managers and assigned workers only', async () => {
    const created = await newCase();
    expect((await as('managerA', (tx) => getCase(tx, created.id))).code).toBe(created.code);
    await expectNotFound(as('otherWorkerA', (tx) => getCase(tx, created.id)));
    await expectNotFound(as('managerB', (tx) => getCase(tx, created.id)));
    await expectNotFound(as('coordinator', (tx) => readPerson(tx, ring, created.id)));
    expect(await as('coordinator', (tx) => listCases(tx, { limit: 100 }))).toEqual([]);
    expect(await as('managerB', (tx) => listCases(tx, { limit: 100 }))).toEqual([]);
    const [raw] = await rowsOf<{ n: number }>(database.db, sql`select count(*)::int as n from persons`);
    expect(Number(raw?.n)).toBeGreaterThan(0);
    await as('managerA', (tx) => assignWorker(tx, created.id, people.otherWorkerA.id));
    expect((await as('otherWorkerA', (tx) => getCase(tx, created.id))).id).toBe(created.id);
  });

  it('refuses a case in an organisation where one holds no case role', async () => {
    await expect(
      as('managerB', (tx) => createCase(tx, ring, { organisationId: orgA, facts: {} }, people.managerB.id)),
    ).rejects.toThrow();
    await expect(
      as('coordinator', (tx) =>
        createCase(tx, ring, { organisationId: orgA, facts: {} }, people.coordinator.id),
      ),
    ).rejects.toThrow();
  });

  it('refuses a change made on an old version, and a status change of a closed case', async () => {
    const created = await newCase();
    const changed = await as('workerA', (tx) =>
      updateCase(tx, created.id, { version: created.version, status: 'FollowUp' }),
    );
    expect(changed.version).toBe(created.version + 1);
    await expect(
      as('workerA', (tx) => updateCase(tx, created.id, { version: created.version, status: 'Active' })),
    ).rejects.toSatisfy((error) => error instanceof AppError && error.code === 'conflict');
    const closed = await as('workerA', (tx) =>
      closeCase(
        tx,
        changed,
        { version: changed.version, reason: 'referred_elsewhere', note: null },
        {},
        people.workerA.id,
      ),
    );
    expect(closed).toMatchObject({ status: 'ClosedReferred', closureReason: 'referred_elsewhere' });
    await expect(
      as('workerA', (tx) => updateCase(tx, created.id, { version: closed.version, status: 'Active' })),
    ).rejects.toSatisfy((error) => error instanceof AppError && error.code === 'invalid_transition');
    await expect(
      as('workerA', (tx) => writePerson(tx, ring, created.id, 0, { dateOfBirth: '2009-02-03' })),
    ).rejects.toSatisfy((error) => error instanceof AppError && error.code === 'conflict');
  });

  it('rotates the master key: old ciphertext still opens and nothing stays wrapped by the old key', async () => {
    const before = await newCase();
    const sealedBefore = await rowsOf<{ fields: unknown }>(
      database.db,
      sql`select fields from persons where case_id = ${before.id}`,
    );
    const report = await rotateMasterKey(database, ring);
    expect(report.rewrapped).toBeGreaterThan(0);
    expect(report.leftOnOldKeys).toBe(0);
    expect(report.retiredKeyIds).toContain(ring.initialKeyId);
    const keys = await rowsOf<{ master_key_id: string }>(
      database.db,
      sql`select distinct master_key_id from persons`,
    );
    expect(keys.map((row) => row.master_key_id)).toEqual([report.newKeyId]);
    const sealedAfter = await rowsOf<{ fields: unknown }>(
      database.db,
      sql`select fields from persons where case_id = ${before.id}`,
    );
    expect(sealedAfter).toEqual(sealedBefore);
    const fresh = await KeyRing.load({ dataDir: keysDir });
    const person = await as('workerA', (tx) => readPerson(tx, fresh, before.id));
    expect(person.person.contacts?.[0]?.value).toBe(CANARY.phone);
    const after = await newCase();
    const [row] = await rowsOf<{ master_key_id: string }>(
      database.db,
      sql`select master_key_id from persons where case_id = ${after.id}`,
    );
    expect(row?.master_key_id).toBe(report.newKeyId);
  });
});
