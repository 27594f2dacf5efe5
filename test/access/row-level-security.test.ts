// Defence in depth: even a query that forgets to filter returns only what the requester may see.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { membershipsOf } from '../../src/access/accounts.js';
import { actorOf, asActor, type DatabaseActor } from '../../src/access/context.js';
import { breakGlassGrants, users } from '../../src/access/schema.js';
import { rowsOf } from '../../src/platform/db.js';
import { demoEmail, startTestApp, type TestApp } from '../support/app.js';
import { TEST_ENGINES } from '../support/databases.js';

describe.each(TEST_ENGINES)('row-level security on $name', (engine) => {
  let t: TestApp;
  const actors: Record<string, DatabaseActor> = {};
  const userIds: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp(engine);
    const rows = await t.database.db.select({ id: users.id, email: users.email }).from(users);
    for (const role of ['coordinator', 'org_admin', 'editor', 'case_worker', 'viewer'] as const) {
      const id = rows.find((row) => row.email === demoEmail(role))?.id ?? '';
      userIds[role] = id;
      const memberships = await membershipsOf(t.database.db, id);
      actors[role] = actorOf({ kind: 'user', userId: id, memberships, via: 'session', secondFactor: true });
    }
  });
  afterAll(() => t?.close());

  const unfiltered = <T>(actor: DatabaseActor, query: ReturnType<typeof sql>) =>
    asActor(t.database.db, actor, (tx) => rowsOf<T>(tx, query));

  it('runs requests as a role that neither is a superuser nor bypasses policies', async () => {
    const [me] = await unfiltered<{ name: string; superuser: boolean; bypass: boolean }>(
      actors.editor as DatabaseActor,
      sql`select current_user as name, rolsuper as superuser, rolbypassrls as bypass
          from pg_roles where rolname = current_user`,
    );
    expect(me).toEqual({ name: 'concerted_app', superuser: false, bypass: false });
  });

  it('shows an editor only the memberships and users of their own organisation', async () => {
    const shelter = t.organisationIds.shelter;
    const all = await rowsOf<{ organisation_id: string }>(
      t.database.db,
      sql`select organisation_id from memberships`,
    );
    const seen = await unfiltered<{ organisation_id: string }>(
      actors.editor as DatabaseActor,
      sql`select * from memberships`,
    );
    expect(all.some((row) => row.organisation_id !== shelter)).toBe(true);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((row) => row.organisation_id === shelter)).toBe(true);
    const people = await unfiltered<{ email: string }>(
      actors.editor as DatabaseActor,
      sql`select * from users`,
    );
    expect(people.map((row) => row.email)).not.toContain(demoEmail('viewer'));
    expect(people.map((row) => row.email)).toContain(demoEmail('case_worker'));
  });

  it('shows a coordinator every organisation’s memberships', async () => {
    const all = await rowsOf<{ n: number }>(t.database.db, sql`select count(*)::int as n from memberships`);
    const seen = await unfiltered<{ n: number }>(
      actors.coordinator as DatabaseActor,
      sql`select count(*)::int as n from memberships`,
    );
    expect(seen[0]?.n).toBe(all[0]?.n);
  });

  it('shows each user only their own sessions and tokens', async () => {
    await t.signInAs(demoEmail('viewer'));
    const sessions = await unfiltered<{ user_id: string }>(
      actors.editor as DatabaseActor,
      sql`select user_id from sessions`,
    );
    expect(sessions.every((row) => row.user_id === userIds.editor)).toBe(true);
  });

  it('refuses a write into another organisation even when the query asks for it', async () => {
    const attempt = asActor(t.database.db, actors.org_admin as DatabaseActor, (tx) =>
      tx.execute(sql`insert into memberships (user_id, organisation_id, role)
                     values (${userIds.viewer}, ${t.organisationIds.office}, 'org_admin')`),
    );
    expect(await failureOf(attempt)).toMatch(/row-level security/);
    const changed = await asActor(t.database.db, actors.org_admin as DatabaseActor, (tx) =>
      rowsOf(
        tx,
        sql`update memberships set role = 'admin' where organisation_id = ${t.organisationIds.legal} returning *`,
      ),
    );
    expect(changed).toEqual([]);
  });

  it('lets nobody under the request role change or delete an audit entry', async () => {
    const update = asActor(t.database.db, actors.coordinator as DatabaseActor, (tx) =>
      tx.execute(sql`update audit_entries set action = 'forged'`),
    );
    expect(await failureOf(update)).toMatch(/permission denied/);
  });

  it('never opens another organisation’s member list, even to a break-glass grant on it', async () => {
    const legal = t.organisationIds.legal ?? '';
    const worker = actors.case_worker as DatabaseActor;
    await t.database.db.insert(breakGlassGrants).values({
      id: randomUUID(),
      userId: userIds.case_worker ?? '',
      resourceType: 'organisation',
      resourceId: legal,
      organisationId: legal,
      reason: 'Test: urgent check of who can take a referral',
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    const during = await unfiltered<{ organisation_id: string }>(
      worker,
      sql`select * from memberships where organisation_id = ${legal}`,
    );
    expect(during).toEqual([]);
  });

  it('lets an organisation administrator change memberships but not a member’s account row', async () => {
    const orgAdmin = actors.org_admin as DatabaseActor;
    const changed = await unfiltered<{ id: string }>(
      orgAdmin,
      sql`update users set display_name = 'Renamed by an administrator' where id = ${userIds.editor ?? ''} returning id`,
    );
    expect(changed).toEqual([]);
    const roles = await unfiltered<{ user_id: string }>(
      orgAdmin,
      sql`update memberships set team = 'night' where user_id = ${userIds.editor ?? ''} returning user_id`,
    );
    expect(roles).toHaveLength(1);
  });

  it('refuses a break-glass approval by the person who asked, in the database itself', async () => {
    const legal = t.organisationIds.legal ?? '';
    const grant = {
      id: randomUUID(),
      userId: userIds.case_worker ?? '',
      resourceType: 'case',
      resourceId: randomUUID(),
      organisationId: legal,
      reason: 'Test: a self-approved grant must not exist',
      expiresAt: new Date(Date.now() + 3_600_000),
      requiresApproval: true,
    };
    await t.database.db.insert(breakGlassGrants).values(grant);
    await expect(
      t.database.db.execute(
        sql`update break_glass_grants set approved_at = now(), approved_by = user_id where id = ${grant.id}`,
      ),
    ).rejects.toThrow();
  });

  it('shows a break-glass grant to the organisation that holds the record', async () => {
    const legalViewer = actors.viewer as DatabaseActor;
    const seen = await unfiltered<{ reason: string }>(
      legalViewer,
      sql`select reason from break_glass_grants`,
    );
    expect(seen.map((row) => row.reason)).toContain('Test: urgent check of who can take a referral');
    const editorSees = await unfiltered(
      actors.editor as DatabaseActor,
      sql`select * from break_glass_grants`,
    );
    expect(editorSees).toEqual([]);
  });
});

/** The database's own message, under the query wrapper's. */
async function failureOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause;
    return cause?.message ?? (error as Error).message;
  }
  return 'it succeeded';
}
