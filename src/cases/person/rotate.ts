// Master key rotation while the server keeps serving: a new key is written to the key directory and made
// current (servers wrap new persons with it from their next write), then every data key still wrapped by an
// older key is re-wrapped in small batches. The switch waits for every write that has already read the old
// key (they hold KEY_SWITCH_LOCK shared), so each of them is committed before the batches look; a last pass
// holds writers back briefly as a second guard. The sealed fields themselves are never touched.
import { sql } from 'drizzle-orm';
import { type DatabaseHandle, rowsOf } from '../../platform/db.js';
import { unwrapDataKey, wrapDataKey } from './envelope.js';
import { KEY_SWITCH_LOCK, type KeyRing } from './keyring.js';

export type RotationReport = {
  newKeyId: string;
  retiredKeyIds: string[];
  rewrapped: number;
  leftOnOldKeys: number;
};

const BATCH = 500;

export async function rotateMasterKey(
  database: DatabaseHandle,
  ring: KeyRing,
  onProgress: (rewrapped: number, remaining: number) => void = () => {},
): Promise<RotationReport> {
  const newKeyId = await ring.create();
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${KEY_SWITCH_LOCK})`);
    await tx.execute(sql`update master_keys set is_current = false where is_current`);
    await tx.execute(sql`insert into master_keys (id, is_current) values (${newKeyId}, true)`);
  });
  let rewrapped = 0;
  for (;;) {
    const done = await rewrapBatch(database, ring, newKeyId, false);
    rewrapped += done;
    onProgress(rewrapped, await remainingOn(database, newKeyId));
    if (done < BATCH) break;
  }
  rewrapped += await rewrapBatch(database, ring, newKeyId, true);
  const retired = await rowsOf<{ id: string }>(
    database.db,
    sql`update master_keys set retired_at = now()
        where id <> ${newKeyId} and retired_at is null
          and not exists (select 1 from persons p where p.master_key_id = master_keys.id)
        returning id`,
  );
  return {
    newKeyId,
    retiredKeyIds: retired.map((row) => row.id),
    rewrapped,
    leftOnOldKeys: await remainingOn(database, newKeyId),
  };
}

/** Re-wraps up to a batch (all of them when `final`, with writers held back by a table lock). */
async function rewrapBatch(database: DatabaseHandle, ring: KeyRing, newKeyId: string, final: boolean) {
  const newKey = await ring.key(newKeyId);
  return database.db.transaction(async (tx) => {
    if (final) {
      await tx.execute(sql`select pg_advisory_xact_lock(${KEY_SWITCH_LOCK})`);
      await tx.execute(sql`lock table persons in share row exclusive mode`);
    }
    const rows = await rowsOf<{ case_id: string; master_key_id: string; wrapped_data_key: string }>(
      tx,
      sql`select case_id, master_key_id, wrapped_data_key from persons
          where master_key_id <> ${newKeyId} order by case_id ${final ? sql`` : sql`limit ${BATCH}`} for update`,
    );
    const rewrapped = [];
    for (const row of rows) {
      const dataKey = unwrapDataKey(await ring.key(row.master_key_id), row.wrapped_data_key, row.case_id);
      rewrapped.push({ case_id: row.case_id, wrapped: wrapDataKey(newKey, dataKey, row.case_id) });
    }
    // One statement per batch: the new wrappings travel as one JSON document.
    if (rewrapped.length)
      await tx.execute(
        sql`update persons p set master_key_id = ${newKeyId}, wrapped_data_key = v.wrapped
            from jsonb_to_recordset(${JSON.stringify(rewrapped)}::jsonb) as v(case_id uuid, wrapped text)
            where p.case_id = v.case_id`,
      );
    return rows.length;
  });
}

async function remainingOn(database: DatabaseHandle, newKeyId: string): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from persons where master_key_id <> ${newKeyId}`,
  );
  return Number(row?.n ?? 0);
}
