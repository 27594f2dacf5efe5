// Match keys computed again from the person records themselves: for records written before keys existed
// (migration 0035), or made with another installation key, so that the duplicate check sees them too.
// Each batch opens its records, replaces their keys and appends one audit entry, in one transaction: a
// batch is kept whole or not at all, and a run stopped half-way is finished by running it again.
import { inArray, sql } from 'drizzle-orm';
import { appendAudit } from '../../audit/chain.js';
import { type Database, rowsOf } from '../../platform/db.js';
import type { KeyRing } from '../person/keyring.js';
import { persons } from '../schema.js';
import { openStoredPerson } from '../store.js';
import { matchSecret, replaceMatchKeys } from './match-keys.js';

export type RebuildReport = { persons: number; rebuilt: number };

export type RebuildOptions = {
  /** Every record, not only those without keys of the current hashing key. */
  all: boolean;
  batchSize?: number;
  progress?: (done: number, total: number) => void;
};

export async function rebuildMatchKeys(
  db: Database,
  ring: KeyRing,
  options: RebuildOptions,
): Promise<RebuildReport> {
  const secret = await matchSecret(ring);
  const [{ count } = { count: 0 }] = await rowsOf<{ count: number }>(
    db,
    sql`select count(*)::int as count from ${persons}`,
  );
  const pending = await rowsOf<{ caseId: string }>(
    db,
    sql`select p.case_id as "caseId" from ${persons} p
        where ${options.all} or not exists (
          select 1 from person_match_keys k where k.case_id = p.case_id and k.key_id = ${secret.id})
        order by p.case_id`,
  );
  const ids = pending.map((row) => row.caseId);
  const size = options.batchSize ?? 200;
  for (let start = 0; start < ids.length; start += size) {
    const batch = ids.slice(start, start + size);
    await db.transaction(async (tx) => {
      const rows = await tx.select().from(persons).where(inArray(persons.caseId, batch)).for('update');
      for (const row of rows) {
        const opened = await openStoredPerson(ring, row);
        await replaceMatchKeys(tx, row.caseId, opened.person, secret);
      }
      await appendAudit(tx, {
        actorUserId: null,
        actorVia: 'cli',
        action: 'cases.write',
        outcome: 'allowed',
        resourceType: 'person',
        details: { duplicateCheckKeys: rows.length, all: options.all },
      });
    });
    options.progress?.(Math.min(start + size, ids.length), ids.length);
  }
  return { persons: count, rebuilt: ids.length };
}
