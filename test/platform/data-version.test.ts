// The data version (migration 0018) and the anonymous answers kept while it holds: every committed
// write raises it, nothing else does, and an answer kept in memory is never served once a write
// committed, nor to anyone but an anonymous requester (signed-in ones: test/access/kept-answers.test.ts).
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keptAnswers } from '../../src/access/answer-cache.js';
import { ANONYMOUS_ACTOR, asActor, settingsFor } from '../../src/access/context.js';
import { DataVersionReader } from '../../src/access/data-version.js';
import { activities } from '../../src/activities/schema.js';
import { organisations } from '../../src/partners/schema.js';
import { IMPORTER_ROLE } from '../../src/platform/database-roles.js';
import { rowsOf } from '../../src/platform/db.js';
import { demoEmail, startTestApp, type TestApp } from '../support/app.js';
import { TEST_ENGINES } from '../support/databases.js';

describe('kept answers', () => {
  const limits = { maxEntries: 2, maxSize: 10, maxEntrySize: 6 };
  const entry = (body: string) => ({ body: Buffer.from(body), contentType: 'application/json' });
  const text = (kept: { body: Buffer } | undefined) => kept?.body.toString();

  it('serves an answer only for the data version it was made after, and forgets older ones', () => {
    const answers = keptAnswers(limits);
    answers.set('a', '5', entry('one'));
    expect(text(answers.get('a', '5'))).toBe('one');
    expect(answers.get('a', '6')).toBeUndefined();
    answers.set('b', '6', entry('two'));
    expect(answers.get('a', '5')).toBeUndefined();
    expect(answers.count).toBe(1);
    // An answer made after an older version, finishing late, is not kept.
    answers.set('a', '5', entry('old'));
    expect(answers.get('a', '6')).toBeUndefined();
  });

  it('drops the answer used least recently first', () => {
    const answers = keptAnswers(limits);
    answers.set('a', '1', entry('a'));
    answers.set('b', '1', entry('b'));
    expect(text(answers.get('a', '1'))).toBe('a');
    answers.set('c', '1', entry('c'));
    expect(answers.get('b', '1')).toBeUndefined();
    expect(text(answers.get('a', '1'))).toBe('a');
    expect(text(answers.get('c', '1'))).toBe('c');
  });

  it('counts the size of an answer in bytes', () => {
    const answers = keptAnswers(limits);
    answers.set('a', '1', entry('éééé'));
    expect(answers.get('a', '1')).toBeUndefined();
    answers.set('a', '1', entry('éé'));
    expect(answers.bytes).toBe(4);
  });

  it('keeps within its limits of count and size, dropping the oldest', () => {
    const answers = keptAnswers(limits);
    answers.set('a', '1', entry('aaaa'));
    answers.set('b', '1', entry('bbbb'));
    answers.set('c', '1', entry('cc'));
    expect(answers.get('a', '1')).toBeUndefined();
    expect(answers.count).toBe(2);
    answers.set('d', '1', entry('ddddddd'));
    expect(answers.get('d', '1')).toBeUndefined();
    answers.set('e', '1', entry('eeeeee'));
    expect(answers.get('b', '1')).toBeUndefined();
    expect(text(answers.get('e', '1'))).toBe('eeeeee');
  });

  it('answers each caller with a read sent after it asked, sharing reads among waiting callers', async () => {
    const sent: Array<(value: string) => void> = [];
    const reader = new DataVersionReader(() => new Promise((resolve) => sent.push(resolve)));
    const first = reader.fresh();
    expect(sent).toHaveLength(1);
    // These arrive while the first read runs: its answer may be older than their arrival.
    const second = reader.fresh();
    const third = reader.fresh();
    expect(sent).toHaveLength(1);
    sent[0]?.('1');
    expect(await first).toBe('1');
    await Promise.resolve();
    expect(sent).toHaveLength(2);
    sent[1]?.('2');
    expect(await second).toBe('2');
    expect(await third).toBe('2');
    const fourth = reader.fresh();
    expect(sent).toHaveLength(3);
    sent[2]?.('3');
    expect(await fourth).toBe('3');
  });

  it('lets a failed read fail its callers only', async () => {
    let calls = 0;
    const reader = new DataVersionReader(async () => {
      calls += 1;
      if (calls === 1) throw new Error('connection lost');
      return String(calls);
    });
    await expect(reader.fresh()).rejects.toThrow('connection lost');
    expect(await reader.fresh()).toBe('2');
  });
});

/** Drizzle wraps the driver's error: the database's refusal is its cause. */
function isPermissionDenied(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } }).cause;
  return (cause ?? (error as { code?: string })).code === '42501';
}

describe.each(TEST_ENGINES)('data version on $name', (engine) => {
  let t: TestApp;
  const version = async () => BigInt(await t.database.readDataVersion());
  const activityList = '/api/v1/activities/?limit=100';
  const titles = (body: string) =>
    (JSON.parse(body) as { data: { identifier: string; title: string }[] }).data.map((a) => a.title);

  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(() => t?.close());

  it('watches every table with the triggers that mark a writing transaction', async () => {
    const unwatched = await rowsOf<{ name: string; kind: string }>(
      t.database.db,
      sql`select c.relname as name, c.relkind as kind from pg_class c
          join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind in ('r', 'p')
            and c.relname not in ('data_version', 'data_version_marks')
            -- findings kept as they are read (migration 0037): keeping them changes no data
            and c.relname not in ('coverage_country_versions', 'coverage_findings_entries', 'coverage_findings_kept',
                                  'coverage_findings_queries')
            -- a table an import fills before it becomes a partition (the import writes its release too)
            and not (c.relname like 'statistic\\_observations\\_%' and not c.relispartition)
            and (not exists (select 1 from pg_trigger g where g.tgrelid = c.oid
                             and g.tgname = 'data_version_note')
                 or (not c.relispartition and not exists (select 1 from pg_trigger g
                     where g.tgrelid = c.oid and g.tgname = 'data_version_note_truncate')))`,
    );
    expect(unwatched).toEqual([]);
    const partitions = await rowsOf<{ name: string }>(
      t.database.db,
      sql`select c.relname as name from pg_class c join pg_inherits i on i.inhrelid = c.oid
          where i.inhparent = 'statistic_observations'::regclass`,
    );
    expect(partitions.length).toBeGreaterThan(0);
  });

  it('rises by one with each committed write, and not for reads or rolled-back writes', async () => {
    const before = await version();
    const [org] = await t.database.db.select().from(organisations).limit(1);
    if (!org) throw new Error('no organisation');
    await t.database.db.transaction(async (tx) => {
      await tx.update(organisations).set({ mandate: 'one' }).where(eq(organisations.id, org.id));
      await tx.update(organisations).set({ mandate: 'two' }).where(eq(organisations.id, org.id));
    });
    expect(await version()).toBe(before + 1n);
    await t.database.db.transaction(async (tx) => {
      await tx.select().from(organisations);
    });
    await expect(
      t.database.db.transaction(async (tx) => {
        await tx.update(organisations).set({ mandate: 'three' }).where(eq(organisations.id, org.id));
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await version()).toBe(before + 1n);
    // A write in a savepoint that is rolled back, then one that stays: counted once.
    await t.database.db.transaction(async (tx) => {
      await tx
        .transaction(async (inner) => {
          await inner.update(organisations).set({ mandate: 'four' }).where(eq(organisations.id, org.id));
          throw new Error('undo');
        })
        .catch(() => {});
      await tx.update(organisations).set({ mandate: 'five' }).where(eq(organisations.id, org.id));
    });
    expect(await version()).toBe(before + 2n);
    const marks = await rowsOf<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from data_version_marks`,
    );
    expect(marks[0]?.n).toBe(0);
  });

  it('cannot be changed by a request nor by an import', async () => {
    await expect(
      t.database.ownerTransaction(settingsFor(ANONYMOUS_ACTOR, IMPORTER_ROLE), (tx) =>
        tx.execute(sql`update data_version set version = version + 100`),
      ),
    ).rejects.toSatisfy(isPermissionDenied);
    await expect(
      asActor(t.database.db, ANONYMOUS_ACTOR, (tx) =>
        tx.execute(sql`update data_version set version = version + 100`),
      ),
    ).rejects.toSatisfy(isPermissionDenied);
    await expect(
      asActor(t.database.db, ANONYMOUS_ACTOR, (tx) =>
        tx.execute(sql`insert into data_version_marks values (pg_current_xact_id())`),
      ),
    ).rejects.toSatisfy(isPermissionDenied);
  });

  it('serves a kept anonymous answer until a write commits, even one made outside the application', async () => {
    const first = await t.as(null, 'GET', activityList);
    expect(first.statusCode).toBe(200);
    const again = await t.as(null, 'GET', activityList);
    expect(again.body).toBe(first.body);
    expect(again.headers['content-type']).toBe(first.headers['content-type']);
    expect(again.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
    const [published] = await t.database.db
      .select({ id: activities.id, title: activities.title })
      .from(activities)
      .where(eq(activities.isPublished, true))
      .limit(1);
    if (!published) throw new Error('no published activity');
    // As another process would: straight into the database, past the application.
    await t.database.db
      .update(activities)
      .set({ title: `${published.title} (renamed)` })
      .where(eq(activities.id, published.id));
    const after = await t.as(null, 'GET', activityList);
    expect(titles(after.body)).toContain(`${published.title} (renamed)`);
    expect(titles(after.body)).not.toContain(published.title);
  });

  it('serves a kept anonymous answer to nobody signed in, nor a signed-in answer to the public', async () => {
    const [hidden] = await t.database.db
      .update(activities)
      .set({ isPublished: false })
      .where(eq(activities.isPublished, true))
      .returning({ title: activities.title });
    if (!hidden) throw new Error('no published activity');
    const anonymous = await t.as(null, 'GET', activityList);
    expect(titles(anonymous.body)).not.toContain(hidden.title);
    const session = await t.signInAs(demoEmail('viewer'));
    const signedIn = await t.as(session, 'GET', activityList);
    expect(signedIn.statusCode).toBe(200);
    expect(titles(signedIn.body)).toContain(hidden.title);
    // Signing in wrote a session, so the version moved: the signed-in answer comes first now.
    const signedInFirst = await t.as(session, 'GET', '/api/v1/activities/?limit=99');
    const anonymousAfter = await t.as(null, 'GET', '/api/v1/activities/?limit=99');
    expect(signedInFirst.statusCode).toBe(anonymousAfter.statusCode);
    if (signedInFirst.statusCode === 200) {
      expect(titles(signedInFirst.body)).toContain(hidden.title);
      expect(titles(anonymousAfter.body)).not.toContain(hidden.title);
    }
  });

  it('answers a request with an ended session afresh, telling the browser to forget the cookie', async () => {
    await t.as(null, 'GET', activityList);
    const reply = await t.as(null, 'GET', activityList, undefined, {
      cookie: 'concerted_session=ended-or-never-was',
    });
    expect(reply.statusCode).toBe(200);
    expect(String(reply.headers['set-cookie'])).toMatch(/concerted_session=;/);
  });

  it('keeps no answer that failed', async () => {
    const url = '/api/v1/statistics/query?indicator=No%20such%20indicator';
    const first = await t.as(null, 'GET', url);
    expect(first.statusCode).toBe(404);
    const second = await t.as(null, 'GET', url);
    expect(second.statusCode).toBe(404);
    expect(second.json().requestId).not.toBe(first.json().requestId);
  });
});
