// Key rotation against concurrent person writes, on both engines: a write that has read which master key
// is current cannot commit a data key wrapped by it after the rotation has moved every data key on.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ENGINES, type TestDatabase } from '../../../test/support/databases.js';
import { actorOf, asRequester, type DatabaseActor } from '../../access/context.js';
import { loadInstallationKey } from '../../platform/crypto.js';
import { rowsOf } from '../../platform/db.js';
import { createCase, readPerson } from '../store.js';
import { KeyRing, recordInitialMasterKey } from './keyring.js';
import { rotateMasterKey } from './rotate.js';

/** Invented person. */
const PERSON = { names: [{ kind: 'name' as const, value: 'Ilvara Quenstock' }] };

/**
 * A key ring whose first key look-up waits for the test to let it go: a person write looks up the master
 * key right after reading which one is current, so the write is held exactly inside the race window.
 */
class GatedKeyRing extends KeyRing {
  #release: () => void = () => {};
  readonly released = new Promise<void>((resolve) => {
    this.#release = resolve;
  });
  #reached: () => void = () => {};
  readonly reached = new Promise<void>((resolve) => {
    this.#reached = resolve;
  });

  release() {
    this.#release();
  }

  override async key(id: string): Promise<Buffer> {
    this.#reached();
    await this.released;
    return super.key(id);
  }
}

describe.each(TEST_ENGINES)('master key rotation during person writes on $name', (engine) => {
  let database: TestDatabase;
  let keysDir: string;
  let ring: KeyRing;
  let organisationId: string;
  let worker: { id: string; actor: DatabaseActor };

  beforeAll(async () => {
    database = await engine.open({ seed: false });
    keysDir = await mkdtemp(path.join(tmpdir(), 'rotation-race-'));
    ring = await KeyRing.load({ dataDir: keysDir });
    await recordInitialMasterKey(database.db, ring);
    const [org] = await rowsOf<{ id: string }>(
      database.db,
      sql`insert into organisations (name, actor_type) values ('Shelter R', 'ngo') returning id`,
    );
    organisationId = org?.id as string;
    const [user] = await rowsOf<{ id: string }>(
      database.db,
      sql`insert into users (email, display_name) values ('race@example.org', 'Race') returning id`,
    );
    const userId = user?.id as string;
    await database.db.execute(
      sql`insert into memberships (user_id, organisation_id, role) values (${userId}, ${organisationId}, 'case_worker')`,
    );
    worker = {
      id: userId,
      actor: actorOf({
        kind: 'user',
        userId,
        memberships: [{ organisationId, role: 'case_worker' }],
        via: 'session',
        secondFactor: true,
      }),
    };
  });
  afterAll(async () => {
    await database?.dispose();
    await rm(keysDir, { recursive: true, force: true });
  });

  const newCase = (keys: KeyRing) =>
    asRequester(database, worker.actor, (tx) =>
      createCase(tx, keys, { organisationId, facts: { sex: 'female' }, person: PERSON }, worker.id),
    );

  async function keysInUse(): Promise<Record<string, number>> {
    const rows = await rowsOf<{ id: string; n: number }>(
      database.db,
      sql`select master_key_id as id, count(*)::int as n from persons group by master_key_id`,
    );
    return Object.fromEntries(rows.map((row) => [row.id, Number(row.n)]));
  }

  it('waits for a write that read the old key id, then re-wraps what it wrote', async () => {
    await newCase(ring);
    const gated = new GatedKeyRing({ dataDir: keysDir }, ring.initialKeyId);
    gated.add(await loadInstallationKey({ dataDir: keysDir }));
    await gated.reload();
    const oldKeyId = ring.initialKeyId;
    // The write reads which key is current (the old one), then stops before wrapping and inserting.
    const write = newCase(gated);
    await gated.reached;
    const rotation = rotateMasterKey(database, ring);
    // Given every chance to finish first: a rotation that did would leave the write's key on the old one.
    const finishedFirst = await Promise.race([
      rotation.then(() => true),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), 300)),
    ]);
    gated.release();
    const [written, report] = await Promise.all([write, rotation]);
    expect(await keysInUse()).toEqual({ [report.newKeyId]: 2 });
    expect(report.leftOnOldKeys).toBe(0);
    expect(report.retiredKeyIds).toContain(oldKeyId);
    expect(finishedFirst).toBe(false);
    const fresh = await KeyRing.load({ dataDir: keysDir });
    const person = await asRequester(database, worker.actor, (tx) => readPerson(tx, fresh, written.id));
    expect(person.person.names?.[0]?.value).toBe(PERSON.names[0]?.value);
  });

  it('leaves nothing on an older key while writers keep adding persons through a rotation', async () => {
    let isWriting = true;
    const writers = Array.from({ length: 4 }, async () => {
      let written = 0;
      while (isWriting || written === 0) {
        await newCase(ring);
        written += 1;
        // The embedded engine answers without a turn of the event loop: let the rotation's file I/O run.
        await new Promise((resolve) => setImmediate(resolve));
      }
      return written;
    });
    const reports = [];
    for (let round = 0; round < 2; round += 1) reports.push(await rotateMasterKey(database, ring));
    isWriting = false;
    const written = await Promise.all(writers);
    expect(written.every((count) => count > 0)).toBe(true);
    const last = reports.at(-1);
    expect(reports.every((report) => report.leftOnOldKeys === 0)).toBe(true);
    expect(Object.keys(await keysInUse())).toEqual([last?.newKeyId]);
    const [onRetired] = await rowsOf<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from persons p join master_keys k on k.id = p.master_key_id
          where k.retired_at is not null`,
    );
    expect(Number(onRetired?.n)).toBe(0);
  });
});
