// The audit hash chain: the hash itself (pure), and appending, verifying and listing on a real database.
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ENGINES, type TestDatabase } from '../../test/support/databases.js';
import { asActor, type DatabaseActor } from '../access/context.js';
import type { Database, Transaction } from '../platform/db.js';
import {
  type AuditEvent,
  appendAudit,
  entryHash,
  GENESIS_HASH,
  type HashedEntry,
  listAuditEntries,
  verifyAuditChain,
} from './chain.js';
import { auditEntries } from './schema.js';
import { AuditQuery } from './schemas.js';

const ENTRY: HashedEntry = {
  seq: 7,
  at: new Date('2025-03-04T05:06:07.089Z'),
  actorUserId: '6f1c1f0e-4b7a-4f43-9d8e-2f8b4c1d2e3f',
  actorVia: 'session',
  action: 'organisations.update',
  outcome: 'allowed',
  resourceType: 'organisation',
  resourceId: 'b1c2d3e4-0000-4000-8000-000000000001',
  organisationId: 'b1c2d3e4-0000-4000-8000-000000000001',
  reason: null,
  ipAddress: '192.0.2.10',
  requestId: 'req-1',
  details: { fields: ['name', 'website'], nested: { b: 2, a: 1 } },
};

describe('entryHash', () => {
  it('is a stable SHA-256 over the previous hash and the entry', () => {
    const hash = entryHash(GENESIS_HASH, ENTRY);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    // Pinned: changing how entries are hashed would make every stored chain look broken.
    expect(hash).toBe(entryHash(GENESIS_HASH, structuredClone(ENTRY)));
    expect(hash).toMatchInlineSnapshot(`"c11a77267d04c3826c6e499cad31d71cf2a149b3776eda11bfaaf48610ea7e5c"`);
  });

  it('does not depend on the order of keys, at any depth', () => {
    const reordered: HashedEntry = {
      ...ENTRY,
      details: { nested: { a: 1, b: 2 }, fields: ['name', 'website'] },
    };
    expect(entryHash(GENESIS_HASH, reordered)).toBe(entryHash(GENESIS_HASH, ENTRY));
  });

  it('changes when any field, or the previous hash, changes', () => {
    const base = entryHash(GENESIS_HASH, ENTRY);
    const changes: Partial<HashedEntry>[] = [
      { seq: 8 },
      { at: new Date('2025-03-04T05:06:07.090Z') },
      { actorUserId: null },
      { actorVia: 'token' },
      { action: 'organisations.create' },
      { outcome: 'denied' },
      { resourceType: 'user' },
      { resourceId: 'other' },
      { organisationId: null },
      { reason: 'because' },
      { ipAddress: null },
      { requestId: 'req-2' },
      { details: { fields: ['name'], nested: { a: 1, b: 2 } } },
      { details: { fields: ['name', 'website'], nested: { a: 1, b: 2, c: null } } },
    ];
    for (const change of changes) expect(entryHash(GENESIS_HASH, { ...ENTRY, ...change })).not.toBe(base);
    expect(entryHash('f'.repeat(64), ENTRY)).not.toBe(base);
  });
});

const event = (overrides: Partial<AuditEvent> = {}): AuditEvent => ({
  actorUserId: null,
  actorVia: 'system',
  action: 'test.event',
  outcome: 'allowed',
  ...overrides,
});

const member = (userId: string, managed: string[] = []): DatabaseActor => ({
  userId,
  organisationIds: managed,
  managedOrganisationIds: managed,
  isAdmin: false,
  isCoordinator: false,
});

const filters = (input: Record<string, unknown> = {}) => AuditQuery.parse(input);

class Rollback extends Error {}

/** Runs `work` in a transaction that is always rolled back, so tampering never outlives one test. */
async function rolledBack<T>(db: Database, work: (tx: Transaction) => Promise<T>): Promise<T> {
  let result: T | undefined;
  try {
    await db.transaction(async (tx) => {
      result = await work(tx);
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return result as T;
}

/** Changes stored entries as only someone with the table owner's rights could, bypassing the trigger. */
async function tamper(tx: Transaction, change: () => Promise<unknown>) {
  await tx.execute(sql`alter table audit_entries disable trigger audit_entries_no_update`);
  await change();
  await tx.execute(sql`alter table audit_entries enable trigger audit_entries_no_update`);
}

/** The error text including its cause: drizzle wraps the driver's error. */
async function failureOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause;
    return `${(error as Error).message} ${cause?.message ?? ''}`;
  }
  throw new Error('expected a failure');
}

describe.each(TEST_ENGINES)('the audit chain on $name', (engine) => {
  let database: TestDatabase;
  let db: Database;

  beforeAll(async () => {
    database = await engine.open({ seed: false });
    db = database.db;
    for (let i = 0; i < 3; i += 1) await appendAudit(db, event({ details: { i } }));
  });

  afterAll(async () => {
    await database?.dispose();
  });

  const entryAt = async (seq: number) =>
    (await db.select().from(auditEntries).where(eq(auditEntries.seq, seq)))[0];

  it('starts at the genesis hash and links each entry to the one before', async () => {
    expect((await entryAt(1))?.prevHash).toBe(GENESIS_HASH);
    const at = new Date('2024-05-06T07:08:09.123Z');
    const first = await db.transaction((tx) => appendAudit(tx, event(), at));
    const second = await db.transaction((tx) =>
      appendAudit(tx, event({ details: { b: [1, { y: 2, x: 1 }] } })),
    );
    expect(second.seq).toBe(first.seq + 1);
    const stored = await entryAt(second.seq);
    expect(stored).toMatchObject({ prevHash: first.hash, hash: second.hash });
    expect((await entryAt(first.seq))?.at.getTime()).toBe(at.getTime());
  });

  it('lets a requester append but never change or remove an entry', async () => {
    const actor = member(randomUUID());
    const { seq } = await asActor(db, actor, (tx) =>
      appendAudit(
        tx,
        event({ actorUserId: actor.userId, actorVia: 'session', details: { at: new Date(0) } }),
      ),
    );
    const update = asActor(db, actor, (tx) =>
      tx.update(auditEntries).set({ action: 'x' }).where(eq(auditEntries.seq, seq)),
    );
    expect(await failureOf(update)).toMatch(/permission denied/);
    const remove = asActor(db, actor, (tx) => tx.delete(auditEntries).where(eq(auditEntries.seq, seq)));
    expect(await failureOf(remove)).toMatch(/permission denied/);
    expect((await verifyAuditChain(db)).firstBroken).toBeNull();
  });

  it('refuses changes even from the privileged connection while the trigger is on', async () => {
    const update = db.update(auditEntries).set({ action: 'x' }).where(eq(auditEntries.seq, 1));
    expect(await failureOf(update)).toMatch(/append-only/);
    expect(await failureOf(db.delete(auditEntries).where(eq(auditEntries.seq, 1)))).toMatch(/append-only/);
  });

  it('keeps concurrent appends in one gap-free chain', async () => {
    const appends = Array.from({ length: 8 }, (_, i) =>
      db.transaction((tx) => appendAudit(tx, event({ details: { i } }))),
    );
    const seqs = (await Promise.all(appends)).map((entry) => entry.seq).sort((a, b) => a - b);
    expect(seqs.at(-1)! - seqs[0]!).toBe(7);
    expect((await verifyAuditChain(db)).firstBroken).toBeNull();
  });

  it('keeps concurrent appends outside a transaction in one gap-free chain', async () => {
    const appends = Array.from({ length: 8 }, (_, i) => appendAudit(db, event({ details: { i } })));
    const seqs = (await Promise.all(appends)).map((entry) => entry.seq).sort((a, b) => a - b);
    expect(seqs.at(-1)! - seqs[0]!).toBe(7);
    expect((await verifyAuditChain(db)).firstBroken).toBeNull();
  });

  it('hashes text in any script, and characters JSON escapes, as the verifier does', async () => {
    const text = 'تجربة 中文 Ελληνικά \u{1F600} "quoted" \\ \n\t \u2028';
    const { seq, hash } = await appendAudit(
      db,
      event({ reason: 'Пример', resourceId: text, details: { [text]: [text, 1.5, -0, 1e21, null] } }),
    );
    const stored = await entryAt(seq);
    expect(stored?.hash).toBe(hash);
    expect(entryHash(stored!.prevHash, stored!)).toBe(hash);
  });

  it('writes text PostgreSQL cannot store (NUL, a lone surrogate) as U+FFFD, and the chain still verifies', async () => {
    const text = 'a\u0000b \ud800 c\udfff \u{1F600}';
    const { seq } = await appendAudit(db, event({ reason: text, details: { [text]: [text] } }));
    const stored = await entryAt(seq);
    const expected = 'a\ufffdb \ufffd c\ufffd \u{1F600}';
    expect(stored).toMatchObject({ reason: expected, details: { [expected]: [expected] } });
    expect((await verifyAuditChain(db)).firstBroken).toBeNull();
  });

  it('verifies an intact chain in batches and reports progress', async () => {
    const progress: [number, number][] = [];
    const result = await verifyAuditChain(db, {
      batchSize: 2,
      onProgress: (checked, total) => progress.push([checked, total]),
    });
    expect(result.firstBroken).toBeNull();
    expect(result.checked).toBe(result.total);
    expect(result.total).toBeGreaterThanOrEqual(3);
    expect(progress.length).toBe(Math.ceil(result.total / 2));
    expect(progress.at(-1)).toEqual([result.total, result.total]);
  });

  it('names an entry that was changed after it was written', async () => {
    const result = await rolledBack(db, async (tx) => {
      await tamper(tx, () => tx.update(auditEntries).set({ action: 'x' }).where(eq(auditEntries.seq, 2)));
      return verifyAuditChain(tx);
    });
    expect(result.firstBroken).toEqual({
      seq: 2,
      reason: 'entry 2 was changed after it was written: its hash does not match its content',
    });
    expect(result.checked).toBe(1);
  });

  it('names the next entry when a changed entry’s hash was recomputed to match', async () => {
    const result = await rolledBack(db, async (tx) => {
      const row = (await tx.select().from(auditEntries).where(eq(auditEntries.seq, 2)))[0]!;
      const forged = { ...row, action: 'x' };
      await tamper(tx, () =>
        tx
          .update(auditEntries)
          .set({ action: 'x', hash: entryHash(row.prevHash, forged) })
          .where(eq(auditEntries.seq, 2)),
      );
      return verifyAuditChain(tx);
    });
    expect(result.firstBroken).toEqual({
      seq: 3,
      reason: 'entry 3 does not follow entry 2: prev_hash differs',
    });
  });

  it('names an entry that was removed', async () => {
    const result = await rolledBack(db, async (tx) => {
      await tamper(tx, () => tx.delete(auditEntries).where(eq(auditEntries.seq, 2)));
      return verifyAuditChain(tx, { batchSize: 1 });
    });
    expect(result.firstBroken).toEqual({ seq: 2, reason: 'entry 2 is missing' });
  });

  it('shows a user with no installation role only their own entries', async () => {
    const me = member(randomUUID());
    const someoneElse = randomUUID();
    await appendAudit(db, event({ actorUserId: me.userId, actorVia: 'session', action: 'account.update' }));
    await appendAudit(db, event({ actorUserId: someoneElse, actorVia: 'session' }));
    const page = await asActor(db, me, (tx) => listAuditEntries(tx, filters()));
    expect(page.data.length).toBeGreaterThan(0);
    expect(page.data.every((entry) => entry.actorUserId === me.userId)).toBe(true);
    expect(page.data[0]).toMatchObject({ action: 'account.update', actorVia: 'session' });
  });

  it('shows an organisation administrator the entries about the organisations they manage', async () => {
    const managed = randomUUID();
    const admin = member(randomUUID(), [managed]);
    await appendAudit(db, event({ actorUserId: randomUUID(), actorVia: 'token', organisationId: managed }));
    await appendAudit(
      db,
      event({ actorUserId: randomUUID(), actorVia: 'token', organisationId: randomUUID() }),
    );
    const page = await asActor(db, admin, (tx) => listAuditEntries(tx, filters()));
    expect(page.data.map((entry) => entry.organisationId)).toEqual([managed]);
  });

  it('pages newest first with a cursor, and filters by resource and time', async () => {
    const resourceId = randomUUID();
    const start = new Date('2030-01-01T00:00:00.000Z');
    for (let i = 0; i < 5; i += 1) {
      const at = new Date(start.getTime() + i * 60_000);
      await appendAudit(db, event({ resourceType: 'plan', resourceId, details: { i } }), at);
    }
    const first = await listAuditEntries(db, filters({ resourceType: 'plan', resourceId, limit: 2 }));
    expect(first.data.map((entry) => entry.details.i)).toEqual([4, 3]);
    const second = await listAuditEntries(db, filters({ resourceId, limit: 2, before: first.nextBefore }));
    expect(second.data.map((entry) => entry.details.i)).toEqual([2, 1]);
    const last = await listAuditEntries(db, filters({ resourceId, limit: 2, before: second.nextBefore }));
    expect(last).toMatchObject({ data: [{ details: { i: 0 } }], nextBefore: null });
    const window = await listAuditEntries(
      db,
      filters({ resourceId, from: '2030-01-01T00:01:00Z', to: '2030-01-01T00:03:00Z' }),
    );
    expect(window.data.map((entry) => entry.at)).toEqual([
      '2030-01-01T00:02:00.000Z',
      '2030-01-01T00:01:00.000Z',
    ]);
  });
});
