// Signed-in answers and session checks kept while the data is unchanged: each requester is served only
// what was made for someone of the same rights, a write makes the next read fresh, and an ended or
// changed session takes effect on the very next request.
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { breakGlassGrants, memberships, sessions, users } from '../../src/access/schema.js';
import { activities } from '../../src/activities/schema.js';
import { organisations } from '../../src/partners/schema.js';
import { rowsOf } from '../../src/platform/db.js';
import { demoEmail, type Session, startTestApp, type TestApp } from '../support/app.js';
import { TEST_ENGINES } from '../support/databases.js';

const SEEN = '/api/v1/test/seen';

type Seen = { userId: string | null; roles: string[]; manages: string; memberships: string[] };

/**
 * An opted-in read whose answer depends on who asks, both in the database (the memberships row-level
 * security lets them see, the organisations they manage) and in the principal: counts its runs.
 */
function seenRoute(runs: { count: number }) {
  return (app: FastifyInstance) => {
    app.get(SEEN, { config: { action: 'account.read', keepAnswers: true } }, async (request) => {
      runs.count += 1;
      const principal = request.principal;
      return request.transaction(async (tx) => {
        const rows = await rowsOf<{ member: string; manages: string }>(
          tx,
          sql`select m.organisation_id || ':' || m.role as member,
                current_setting('app.manage_org_ids') as manages
              from memberships m order by 1`,
        );
        return {
          userId: principal.kind === 'user' ? principal.userId : null,
          roles: principal.kind === 'user' ? principal.memberships.map((m) => m.role) : [],
          manages: rows[0]?.manages ?? '',
          memberships: rows.map((row) => row.member),
        } satisfies Seen;
      });
    });
  };
}

describe.each(TEST_ENGINES)('kept answers and session checks on $name', (engine) => {
  let t: TestApp;
  const runs = { count: 0 };
  const seen = async (session: Session) => {
    const reply = await t.as(session, 'GET', SEEN);
    expect(reply.statusCode).toBe(200);
    return reply.json() as Seen;
  };

  beforeAll(async () => {
    t = await startTestApp(engine, { extraRoutes: seenRoute(runs) });
  });
  afterAll(() => t?.close());
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('serves each user only the answer made for someone of the same rights', async () => {
    const editor = await t.openSessionAs(demoEmail('editor'));
    const analyst = await t.openSessionAs(demoEmail('analyst'));
    const viewer = await t.openSessionAs(demoEmail('viewer'));
    const legalAdmin = await t.openSessionAs('legal.admin@demo.concerted.invalid');
    const first = {
      editor: await seen(editor),
      analyst: await seen(analyst),
      viewer: await seen(viewer),
      legalAdmin: await seen(legalAdmin),
    };
    const before = runs.count;
    // Asked again in another order, with nothing written in between: all from what was kept.
    expect(await seen(legalAdmin)).toEqual(first.legalAdmin);
    expect(await seen(viewer)).toEqual(first.viewer);
    expect(await seen(analyst)).toEqual(first.analyst);
    expect(await seen(editor)).toEqual(first.editor);
    expect(runs.count).toBe(before);
    // Different organisations: row-level security showed each its own members only.
    const shelter = t.organisationIds.shelter ?? '';
    const institute = t.organisationIds.institute ?? '';
    expect(first.editor.memberships.every((m) => m.startsWith(shelter))).toBe(true);
    expect(first.analyst.memberships.every((m) => m.startsWith(institute))).toBe(true);
    expect(first.editor.memberships).not.toEqual(first.analyst.memberships);
    // Same organisation, different roles: the same rows, but not the same rights.
    expect(first.viewer.memberships).toEqual(first.legalAdmin.memberships);
    expect(first.viewer.roles).toEqual(['viewer']);
    expect(first.legalAdmin.roles).toEqual(['org_admin']);
    expect(first.viewer.manages).toBe('{}');
    expect(first.legalAdmin.manages).toBe(`{${t.organisationIds.legal}}`);
  });

  it('keeps the answers of the real list and query routes apart for the public and for partners', async () => {
    const viewer = await t.openSessionAs(demoEmail('viewer'));
    const [hidden] = await t.database.db
      .update(activities)
      .set({ isPublished: false })
      .where(eq(activities.isPublished, true))
      .returning({ title: activities.title });
    if (!hidden) throw new Error('the demo data has no published activity');
    const list = '/api/v1/activities/?limit=100';
    for (let round = 0; round < 2; round++) {
      const signedIn = await t.as(viewer, 'GET', list);
      const anonymous = await t.as(null, 'GET', list);
      expect(signedIn.body).toContain(hidden.title);
      expect(anonymous.body).not.toContain(hidden.title);
    }
  });

  it('answers afresh after a write, even one made outside the application', async () => {
    const editor = await t.openSessionAs(demoEmail('editor'));
    const before = await seen(editor);
    const count = runs.count;
    const [analyst] = await t.database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, demoEmail('analyst')));
    await t.database.db
      .insert(memberships)
      .values({ userId: analyst?.id ?? '', organisationId: t.organisationIds.shelter ?? '', role: 'viewer' });
    const after = await seen(editor);
    expect(runs.count).toBe(count + 1);
    expect(after.memberships).toHaveLength(before.memberships.length + 1);
    expect(after.memberships).toContain(`${t.organisationIds.shelter}:viewer`);
  });

  it('reuses a session check while the data is unchanged', async () => {
    const editor = await t.openSessionAs(demoEmail('editor'));
    await seen(editor);
    const kept = t.app.sessionChecks.count;
    await seen(editor);
    await seen(editor);
    expect(t.app.sessionChecks.count).toBe(kept);
    expect(kept).toBeGreaterThan(0);
  });

  it('keeps a session check across writes that change no access, and reads it again after one that does', async () => {
    const editor = await t.openSessionAs(demoEmail('editor'));
    await seen(editor);
    const asked = t.app.sessionChecks.checksAsked;
    const dataBefore = BigInt(await t.database.readDataVersion());
    await t.database.db
      .update(organisations)
      .set({ updatedAt: new Date() })
      .where(eq(organisations.id, t.organisationIds.shelter ?? ''));
    expect(BigInt(await t.database.readDataVersion())).toBeGreaterThan(dataBefore);
    await seen(editor);
    expect(t.app.sessionChecks.checksAsked).toBe(asked);
    await t.database.db
      .update(users)
      .set({ displayName: sql`${users.displayName}` })
      .where(eq(users.id, editor.userId));
    await seen(editor);
    expect(t.app.sessionChecks.checksAsked).toBe(asked + 1);
  });

  it('raises the access version with sessions, users, memberships and grants, and nothing else', async () => {
    const access = async () => BigInt((await t.database.readVersions()).access);
    const editor = await t.openSessionAs(demoEmail('editor'));
    let before = await access();
    await t.database.db
      .update(organisations)
      .set({ updatedAt: new Date() })
      .where(eq(organisations.id, t.organisationIds.shelter ?? ''));
    expect(await access()).toBe(before);
    // The once-a-minute touch of a session's last use changes no access.
    await t.database.db
      .update(sessions)
      .set({ lastSeenAt: new Date() })
      .where(eq(sessions.userId, editor.userId));
    expect(await access()).toBe(before);
    await t.database.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() + 60_000) })
      .where(eq(sessions.userId, editor.userId));
    expect(await access()).toBe(before + 1n);
    before = await access();
    await t.database.db
      .update(memberships)
      .set({ role: 'editor' })
      .where(eq(memberships.userId, editor.userId));
    expect(await access()).toBe(before + 1n);
    await t.database.db.delete(sessions).where(eq(sessions.userId, editor.userId));
    expect(await access()).toBe(before + 2n);
  });

  it('ends a session at once when it signs out, and every session with "everywhere"', async () => {
    const one = await t.openSessionAs(demoEmail('editor'));
    const two = await t.openSessionAs(demoEmail('editor'));
    await seen(one);
    await seen(two);
    expect((await t.as(one, 'POST', '/api/v1/auth/sign-out', {})).statusCode).toBe(204);
    const ended = await t.as(one, 'GET', SEEN);
    expect(ended.statusCode).toBe(401);
    expect(ended.json().code).toBe('session_expired');
    expect((await t.as(two, 'GET', SEEN)).statusCode).toBe(200);
    const three = await t.openSessionAs(demoEmail('editor'));
    await seen(three);
    const everywhere = await t.as(two, 'POST', '/api/v1/auth/sign-out', { everywhere: true });
    expect(everywhere.statusCode).toBe(204);
    expect((await t.as(two, 'GET', SEEN)).statusCode).toBe(401);
    expect((await t.as(three, 'GET', SEEN)).statusCode).toBe(401);
  });

  it('ends a session revoked outside the application on the next request', async () => {
    const editor = await t.openSessionAs(demoEmail('editor'));
    await seen(editor);
    await seen(editor);
    await t.database.db.delete(sessions).where(eq(sessions.userId, editor.userId));
    expect((await t.as(editor, 'GET', SEEN)).statusCode).toBe(401);
  });

  it('applies a role change and a disabled account on the next request', async () => {
    const viewer = await t.openSessionAs(demoEmail('viewer'));
    expect((await seen(viewer)).roles).toEqual(['viewer']);
    await t.database.db
      .update(memberships)
      .set({ role: 'editor' })
      .where(eq(memberships.userId, viewer.userId));
    expect((await seen(viewer)).roles).toEqual(['editor']);
    await t.database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, viewer.userId));
    expect((await t.as(viewer, 'GET', SEEN)).statusCode).toBe(401);
    await t.database.db.update(users).set({ disabledAt: null }).where(eq(users.id, viewer.userId));
    await t.database.db
      .update(memberships)
      .set({ role: 'viewer' })
      .where(eq(memberships.userId, viewer.userId));
  });

  it('judges expiry by the clock even while the data is unchanged', async () => {
    const editor = await t.openSessionAs(demoEmail('editor'));
    await seen(editor);
    const now = Date.now();
    vi.spyOn(Date, 'now').mockReturnValue(now + 13 * 60 * 60 * 1000);
    expect((await t.as(editor, 'GET', SEEN)).statusCode).toBe(401);
  });

  it('keeps nothing for a user who holds a break-glass grant, as it expires without a write', async () => {
    const analyst = await t.openSessionAs(demoEmail('analyst'));
    await t.database.db.insert(breakGlassGrants).values({
      userId: analyst.userId,
      resourceType: 'organisation',
      resourceId: t.organisationIds.shelter ?? '',
      organisationId: t.organisationIds.shelter ?? '',
      reason: 'a test of kept answers',
      expiresAt: new Date(Date.now() + 60 * 60 * 1000),
    });
    const first = await seen(analyst);
    const count = runs.count;
    expect(await seen(analyst)).toEqual(first);
    expect(runs.count).toBe(count + 1);
    await t.database.db.delete(breakGlassGrants).where(eq(breakGlassGrants.userId, analyst.userId));
  });
});

describe.each(TEST_ENGINES)('without kept answers on $name', (engine) => {
  let t: TestApp;
  const runs = { count: 0 };

  beforeAll(async () => {
    t = await startTestApp(engine, { keepAnswers: false, extraRoutes: seenRoute(runs) });
  });
  afterAll(() => t?.close());

  it('answers every request from the database', async () => {
    const editor = await t.openSessionAs(demoEmail('editor'));
    for (let i = 0; i < 3; i++) expect((await t.as(editor, 'GET', SEEN)).statusCode).toBe(200);
    for (let i = 0; i < 2; i++) await t.as(null, 'GET', '/api/v1/organisations/');
    expect(runs.count).toBe(3);
    expect(t.app.sessionChecks.count).toBe(0);
  });
});
