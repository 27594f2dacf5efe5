// kill -9, on both engines, of the real server (`concerted serve`) while clients open cases, give and
// withdraw consent, refer, accept and rewrite persons, and of `concerted keys rotate` (on a server while
// the server serves; embedded, where only one process opens the data directory, between server runs).
// After every kill the database must open and hold every change a client saw acknowledged, nothing
// half-written (each change with its audit record, each referral with its events), every person's data
// key wrapped by a live key and every sealed field opening, all data keys on the new key once a rotation
// said it finished, and an audit chain that verifies. The kill moments come from a seeded random source:
// KILL_SEED=<n> repeats a run.
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csrfTokenFor, openSession, SESSION_COOKIE } from '../../src/access/accounts.js';
import { actorOf, asRequester } from '../../src/access/context.js';
import { DEMO_ORGANISATIONS } from '../../src/access/demo.js';
import { memberships, users } from '../../src/access/schema.js';
import { appendAudit, verifyAuditChain } from '../../src/audit/chain.js';
import { openField, unwrapDataKey } from '../../src/cases/person/envelope.js';
import { KeyRing, recordInitialMasterKey } from '../../src/cases/person/keyring.js';
import { createCase } from '../../src/cases/store.js';
import { organisations } from '../../src/partners/schema.js';
import { loadInstallationKey, Sealer } from '../../src/platform/crypto.js';
import { type DatabaseHandle, migrateDatabase, rowsOf } from '../../src/platform/db.js';
import { seedDatabase } from '../../src/server/seed.js';
import {
  exitOf,
  type KillTarget,
  prepareKillTarget,
  runChild,
  seededRandom,
  untilOutput,
} from '../support/child-process.js';
import { TEST_ENGINES } from '../support/databases.js';

const SEED = Number(process.env.KILL_SEED ?? 18_11);
const ROUNDS = 3;
/** Persons already there, so that a rotation re-wraps in more than one batch and a kill can fall between. */
const PERSONS_BEFORE = 550;
/** How long clients work before the server is killed, at most. */
const DRIVE_MS = 900;
const ROTATE = path.resolve('test/cases/kill-nine-rotate.ts');

type Session = { cookie: string; csrfToken: string; userId: string };
type Step =
  | { kind: 'consent'; decision: 'given' | 'withdrawn' }
  | { kind: 'refer' }
  | { kind: 'move'; referralId: string; status: 'accepted' }
  | { kind: 'person'; name: string };
/** What clients saw acknowledged about one case, and the one request whose answer never came. */
type Story = {
  caseId: string;
  name: string;
  personVersion: number;
  consents: string[];
  referrals: Map<string, string>;
  /** The version of each referral as its creation answered. */
  referralVersions: Map<string, number>;
  inDoubt: Step | null;
};
type Rotation = { newKeyId: string; leftOnOldKeys: number } | null;

/** An invented name per story: never a real person's. */
const inventedName = (n: number) => `Kilnine Testperson ${n}`;

describe.each(TEST_ENGINES)('kill -9 of the server and of a key rotation on $name', (engine) => {
  const random = seededRandom(SEED);
  let target: KillTarget;
  let worker: Session;
  let receiver: Session;
  let shelter: string;
  let legal: string;
  const stories: Story[] = [];
  const unexpected: string[] = [];
  const outcomes: string[] = [];
  /** The demo's invented cases are seeded, not written through the API: they have no audit records to check. */
  let seededCases = '{}';

  beforeAll(async () => {
    target = await prepareKillTarget(engine.name);
    const handle = await target.open();
    try {
      await migrateDatabase(handle);
      const sealer = new Sealer(await loadInstallationKey({ dataDir: target.dataDir }));
      await seedDatabase(handle.db, { demo: true, sealer });
      const seeded = await rowsOf<{ id: string }>(handle.db, sql`select id::text as id from cases`);
      seededCases = `{${seeded.map((row) => row.id).join(',')}}`;
      const ids = await handle.db
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations);
      const idOf = (key: string) =>
        ids.find((row) => row.name === DEMO_ORGANISATIONS.find((org) => org.key === key)?.name)?.id ?? '';
      shelter = idOf('shelter');
      legal = idOf('legal');
      worker = await sessionOf(handle, 'case.worker@demo.concerted.invalid');
      const [user] = await handle.db
        .insert(users)
        .values({
          email: 'receiver.kill@example.org',
          displayName: 'Rune Receiver',
          totpEnabledAt: new Date(),
        })
        .returning({ id: users.id });
      await handle.db
        .insert(memberships)
        .values({ userId: user?.id ?? '', organisationId: legal, role: 'case_worker' });
      receiver = await sessionOf(handle, 'receiver.kill@example.org');
      await personsBefore(handle);
    } finally {
      await handle.close();
    }
  }, 300_000);
  afterAll(() => target?.dispose());

  async function sessionOf(handle: DatabaseHandle, email: string): Promise<Session> {
    const [user] = await handle.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    const client = { ipAddress: '127.0.0.1', userAgent: 'kill test' };
    const { sessionToken } = await openSession(handle.db, user?.id ?? '', true, client);
    return {
      cookie: `${SESSION_COOKIE}=${encodeURIComponent(sessionToken)}`,
      csrfToken: csrfTokenFor(sessionToken),
      userId: user?.id ?? '',
    };
  }

  /** Cases opened as through the API (with their audit records), in one transaction. */
  async function personsBefore(handle: DatabaseHandle) {
    const keys = await KeyRing.load({ dataDir: target.dataDir });
    await recordInitialMasterKey(handle.db, keys);
    const actor = actorOf({
      kind: 'user',
      userId: worker.userId,
      memberships: [{ organisationId: shelter, role: 'case_worker' }],
      via: 'session',
      secondFactor: true,
    });
    await asRequester(handle, actor, async (tx) => {
      for (let n = 0; n < PERSONS_BEFORE; n += 1) {
        const person = { names: [{ kind: 'name' as const, value: inventedName(-n) }] };
        const created = await createCase(
          tx,
          keys,
          { organisationId: shelter, facts: { sex: 'female' }, person },
          worker.userId,
        );
        await appendAudit(tx, {
          actorUserId: worker.userId,
          actorVia: 'session',
          action: 'cases.write',
          outcome: 'allowed',
          resourceType: 'case',
          resourceId: created.id,
          organisationId: shelter,
          details: { withPerson: true },
        });
      }
    });
  }

  /** One request; null when no answer came (the server died): then it may or may not have committed. */
  async function call(base: string, session: Session, method: string, url: string, body: unknown) {
    try {
      const response = await fetch(`${base}${url}`, {
        method,
        headers: {
          cookie: session.cookie,
          'x-csrf-token': session.csrfToken,
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
      });
      return {
        status: response.status,
        body: (await response.json()) as { data: { id: string; version: number }; code?: string },
      };
    } catch {
      return null;
    }
  }

  /** One client's work: case after case, each through consent, referral, acceptance, withdrawal. */
  async function client(base: string, isStopped: () => boolean, onCaseOpened: () => void) {
    while (!isStopped()) {
      const name = inventedName(stories.length + 1);
      const opened = await call(base, worker, 'POST', '/api/v1/cases', {
        organisationId: shelter,
        facts: { sex: 'female', citizenship: 'NPL', formsOfExploitation: ['forced_labour'] },
        person: { names: [{ kind: 'name', value: name }] },
      });
      if (!opened) return;
      if (opened.status !== 201) return void unexpected.push(`open case: ${opened.status}`);
      const story: Story = {
        caseId: opened.body.data.id,
        name,
        personVersion: 1,
        consents: [],
        referrals: new Map(),
        referralVersions: new Map(),
        inDoubt: null,
      };
      stories.push(story);
      onCaseOpened();
      const steps: (() => Promise<boolean>)[] = [
        () => consent(base, story, 'given'),
        () => refer(base, story, 201),
        () => accept(base, story),
        () => rewritePerson(base, story),
        () => consent(base, story, 'withdrawn'),
        // Refused for want of consent: the failure the client sees must have written nothing.
        () => refer(base, story, 409),
      ];
      for (const step of steps) if (!(await step())) return;
    }
  }

  async function consent(base: string, story: Story, decision: 'given' | 'withdrawn') {
    const reply = await call(base, worker, 'POST', `/api/v1/cases/${story.caseId}/consents`, {
      purpose: 'share_with_organisation',
      recipientOrganisationId: legal,
      decision,
    });
    if (!reply) story.inDoubt = { kind: 'consent', decision };
    else if (reply.status === 201) story.consents.push(decision);
    else unexpected.push(`consent ${decision}: ${reply.status}`);
    return reply?.status === 201;
  }

  async function refer(base: string, story: Story, expected: 201 | 409) {
    const reply = await call(base, worker, 'POST', `/api/v1/cases/${story.caseId}/referrals`, {
      toOrganisationId: legal,
      service: 'legal_aid',
    });
    if (!reply) story.inDoubt = { kind: 'refer' };
    else if (reply.status !== expected) unexpected.push(`referral: ${reply.status}, not ${expected}`);
    else if (expected === 201) {
      story.referrals.set(reply.body.data.id, 'requested');
      story.referralVersions.set(reply.body.data.id, reply.body.data.version);
    } else expect(reply.body.code).toBe('consent_required');
    return reply?.status === expected;
  }

  async function accept(base: string, story: Story) {
    const [referralId] = [...story.referrals.keys()];
    if (!referralId) return false;
    const reply = await call(base, receiver, 'POST', `/api/v1/referrals/${referralId}/status`, {
      status: 'accepted',
      version: story.referralVersions.get(referralId),
    });
    if (!reply) story.inDoubt = { kind: 'move', referralId, status: 'accepted' };
    else if (reply.status === 200) story.referrals.set(referralId, 'accepted');
    else unexpected.push(`accept: ${reply.status}`);
    return reply?.status === 200;
  }

  async function rewritePerson(base: string, story: Story) {
    const name = `${story.name} Renamed`;
    const reply = await call(base, worker, 'PUT', `/api/v1/cases/${story.caseId}/person`, {
      version: story.personVersion,
      person: { names: [{ kind: 'name', value: name }] },
    });
    if (!reply) story.inDoubt = { kind: 'person', name };
    else if (reply.status === 200) {
      story.personVersion += 1;
      story.name = name;
    } else unexpected.push(`person: ${reply.status}`);
    return reply?.status === 200;
  }

  /** The server runs while two clients work, and is killed at a random moment. */
  async function serverRound(round: number, rotation: Promise<void>) {
    const server = runChild({ ...target.env, HOST: '127.0.0.1', PORT: '0' }, ['serve', '--no-demo']);
    const exit = exitOf(server);
    const started = await untilOutput(server, 'Concerted is running');
    const base = /running at (http:\/\/[^ ]+)/.exec(started)?.[1] ?? '';
    let isStopped = false;
    let onCaseOpened = () => {};
    // Counted from the first case the server acknowledged, so that each round has changes to lose.
    const firstCase = new Promise<void>((resolve) => {
      onCaseOpened = resolve;
    });
    const clients = [0, 1].map(() => client(base, () => isStopped, onCaseOpened));
    await Promise.race([firstCase, Promise.all(clients)]);
    const delay = random() * DRIVE_MS;
    await new Promise((resolve) => setTimeout(resolve, delay));
    server.kill('SIGKILL');
    isStopped = true;
    const { signal } = await exit;
    await Promise.all([...clients, rotation]);
    outcomes.push(`server ${signal ?? 'exited'} after ${Math.round(delay)} ms in round ${round}`);
  }

  /** `keys rotate`, killed after `killAfter` ms of work, or left to finish (undefined). */
  async function rotate(killAfter: number | undefined): Promise<{ report: Rotation; ms: number }> {
    const child: ChildProcess = runChild(target.env, [], ROTATE);
    const exit = exitOf(child);
    await untilOutput(child, 'database open');
    const opened = performance.now();
    if (killAfter !== undefined) setTimeout(() => child.kill('SIGKILL'), killAfter);
    const { code, signal, output } = await exit;
    const ms = performance.now() - opened;
    if (signal) {
      outcomes.push(`rotation killed after ${Math.round(ms)} ms`);
      return { report: null, ms };
    }
    expect(code, output).toBe(0);
    outcomes.push(`rotation finished in ${Math.round(ms)} ms`);
    return { report: JSON.parse(output.slice(output.indexOf('{'))) as Rotation, ms };
  }

  it('keeps every acknowledged change, nothing half-written, keys whole and the audit chain verifying', async () => {
    const started = performance.now();
    let rotationMs = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      // The first rotation finishes, to time one; the others are killed somewhere inside that time.
      const killAfter = round === 0 ? undefined : random() * rotationMs;
      let finished: Rotation = null;
      const rotation = async () => {
        const { report, ms } = await rotate(killAfter);
        finished = report;
        if (round === 0) rotationMs = ms;
      };
      if (engine.name === 'pglite') {
        // Only one process opens an embedded database: the rotation runs while the server is down.
        await serverRound(round, Promise.resolve());
        await rotation();
      } else await serverRound(round, rotation());
      await checkDatabase(finished);
    }
    // After rotations cut off anywhere, the next one still finishes with nothing left behind.
    const last = await rotate(undefined);
    expect(last.report?.leftOnOldKeys).toBe(0);
    await checkDatabase(last.report);
    expect(unexpected).toEqual([]);
    expect(stories.length).toBeGreaterThan(0);
    console.info(
      `kill -9 on ${engine.name} (KILL_SEED=${SEED}), ${stories.length} cases driven in ${((performance.now() - started) / 1000).toFixed(1)} s: ${outcomes.join('; ')}`,
    );
  }, 600_000);

  async function checkDatabase(finishedRotation: Rotation) {
    // The data directory (or server database) opens after the kill.
    const handle = await target.open();
    try {
      expect((await verifyAuditChain(handle.db)).firstBroken).toBeNull();
      expect(await halfWritten(handle)).toEqual([]);
      await checkKeys(handle, finishedRotation);
      for (const story of stories) await checkStory(handle, story);
    } finally {
      await handle.close();
    }
  }

  /** Every change with its audit record in the same commit, referrals with their events. */
  async function halfWritten(handle: DatabaseHandle) {
    const written = sql`c.id <> all(${seededCases}::uuid[])`;
    const allowed = (condition: ReturnType<typeof sql>) =>
      sql`(select count(*) from audit_entries a where a.outcome = 'allowed' and ${condition})`;
    return rowsOf<{ what: string; id: string }>(
      handle.db,
      sql`select 'case without its audit record' as what, c.id::text as id from cases c
          where ${allowed(sql`a.resource_type = 'case' and a.resource_id = c.id::text and a.details ? 'withPerson'`)} <> 1
            and ${written}
          union all
          select 'case without its person', c.id::text from cases c
          where not exists (select 1 from persons p where p.case_id = c.id) and ${written}
          union all
          select 'consents and their audit records differ', c.id::text from cases c
          where (select count(*) from case_consents k where k.case_id = c.id)
             <> ${allowed(sql`a.resource_type = 'case' and a.resource_id = c.id::text and a.details ? 'consent'`)}
            and ${written}
          union all
          select 'referrals and their audit records differ', c.id::text from cases c
          where (select count(*) from referrals r where r.case_id = c.id)
             <> ${allowed(sql`a.resource_type = 'case' and a.resource_id = c.id::text and a.details ? 'referral'`)}
            and ${written}
          union all
          select 'referral events and their audit records differ', r.id::text from referrals r
          where (select count(*) from referral_events e where e.referral_id = r.id)
             <> 1 + ${allowed(sql`a.resource_type = 'referral' and a.resource_id = r.id::text and a.details ? 'to'`)}
             or r.status <> (select e.status from referral_events e where e.referral_id = r.id
                             order by e.at desc limit 1)
          union all
          select 'person writes and their audit records differ', p.case_id::text from persons p
          where p.version - 1
             <> ${allowed(sql`a.resource_type = 'person' and a.resource_id = p.case_id::text and a.details ? 'fields'`)}`,
    );
  }

  /** Each data key wrapped by a live key whose file is there; each sealed field opens. */
  async function checkKeys(handle: DatabaseHandle, finishedRotation: Rotation) {
    const keys = await KeyRing.load({ dataDir: target.dataDir });
    const [state] = await rowsOf<{ current: number; onRetired: number }>(
      handle.db,
      sql`select (select count(*)::int from master_keys where is_current) as current,
                 (select count(*)::int from persons p join master_keys k on k.id = p.master_key_id
                  where k.retired_at is not null) as "onRetired"`,
    );
    expect(state).toEqual({ current: 1, onRetired: 0 });
    const [current] = await rowsOf<{ id: string }>(
      handle.db,
      sql`select id from master_keys where is_current`,
    );
    expect((await keys.key(current?.id ?? '')).length).toBe(32);
    const persons = await rowsOf<{
      case_id: string;
      master_key_id: string;
      wrapped_data_key: string;
      fields: Record<string, string>;
    }>(handle.db, sql`select case_id, master_key_id, wrapped_data_key, fields from persons`);
    let opened = 0;
    for (const person of persons) {
      const dataKey = unwrapDataKey(
        await keys.key(person.master_key_id),
        person.wrapped_data_key,
        person.case_id,
      );
      for (const [field, sealed] of Object.entries(person.fields)) {
        openField(dataKey, person.case_id, field, sealed);
        opened += 1;
      }
    }
    expect(opened).toBeGreaterThanOrEqual(persons.length);
    if (finishedRotation) {
      const used = await rowsOf<{ id: string }>(
        handle.db,
        sql`select distinct master_key_id as id from persons`,
      );
      expect(used.map((row) => row.id)).toEqual([finishedRotation.newKeyId]);
    }
  }

  /** What the clients saw acknowledged is there; the unanswered request is there whole or not at all. */
  async function checkStory(handle: DatabaseHandle, story: Story) {
    const doubt = story.inDoubt;
    const consents = await rowsOf<{ decision: string }>(
      handle.db,
      sql`select decision from case_consents where case_id = ${story.caseId} order by recorded_at, id`,
    );
    const decisions = consents.map((row) => row.decision);
    const withDoubt = doubt?.kind === 'consent' ? [[...story.consents, doubt.decision]] : [];
    expect([story.consents, ...withDoubt]).toContainEqual(decisions);
    const referrals = await rowsOf<{ id: string; status: string }>(
      handle.db,
      sql`select id, status from referrals where case_id = ${story.caseId}`,
    );
    expect(referrals.length - story.referrals.size).toBeGreaterThanOrEqual(0);
    expect(referrals.length - story.referrals.size).toBeLessThanOrEqual(doubt?.kind === 'refer' ? 1 : 0);
    for (const [id, status] of story.referrals) {
      const stored = referrals.find((row) => row.id === id)?.status;
      const moved = doubt?.kind === 'move' && doubt.referralId === id ? [doubt.status] : [];
      expect([status, ...moved]).toContain(stored);
    }
    const [person] = await rowsOf<{ version: number }>(
      handle.db,
      sql`select version from persons where case_id = ${story.caseId}`,
    );
    const versions =
      doubt?.kind === 'person' ? [story.personVersion, story.personVersion + 1] : [story.personVersion];
    expect(versions).toContain(person?.version);
  }
});
