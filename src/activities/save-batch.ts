// The import's batch writer: a batch of activities and their version rows in two set-based statements, each
// taking the whole batch as one JSON parameter. Building a many-row INSERT through the query builder cost
// more than the database's own work; one parameter per batch leaves the time to PostgreSQL (or PGlite).
import { randomUUID } from 'node:crypto';
import { getTableColumns, sql } from 'drizzle-orm';
import { type Queryable, rowsOf } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { type ActivityRow, type ActivityValues, activityView, isSameContent } from './record.js';
import { activities } from './schema.js';
import type { ChangeContext } from './store.js';

/** [property, column name] of every activities column the writer sets, in table order (not generated ones). */
const ACTIVITY_COLUMNS = Object.entries(getTableColumns(activities))
  .filter(([, column]) => !column.generated)
  .map(([key, column]) => [key, column.name] as const);
/** What an update replaces: everything but the key, the first creation time and the illustrative mark. */
const UPDATED_COLUMNS = ACTIVITY_COLUMNS.map(([, name]) => name).filter(
  (name) => !['id', 'identifier', 'created_at', 'is_illustrative'].includes(name),
);
const COLUMN_LIST = ACTIVITY_COLUMNS.map(([, name]) => `"${name}"`).join(', ');
const UPDATE_LIST = UPDATED_COLUMNS.map((name) => `"${name}" = excluded."${name}"`).join(', ');

/**
 * Writes an import's batches: new identifiers are inserted, changed ones updated (version + 1), unchanged ones
 * left alone; each written activity gets a version row. One batch is in flight while the caller reads the next:
 * the counts are known before the write, and a failed write surfaces at the next `save` or at `finish`, so the
 * caller's transaction fails. Should another writer have changed or created one of the activities since
 * `existing` was read, the write fails with a conflict rather than overwrite that change.
 */
export class ActivityBatchWriter {
  private inFlight: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Queryable,
    private readonly context: ChangeContext,
  ) {}

  /** `existing` holds the stored rows of the batch's identifiers, read in the same transaction. */
  async save(batch: readonly ActivityValues[], existing: ReadonlyMap<string, ActivityRow>) {
    const rows: ActivityRow[] = [];
    let created = 0;
    for (const values of batch) {
      const stored = existing.get(values.identifier);
      if (stored && isSameContent(values, stored)) continue;
      if (!stored) created++;
      rows.push(rowToWrite(values, stored, this.context));
    }
    await this.inFlight;
    if (rows.length > 0) {
      this.inFlight = writeActivities(this.db, rows).then(() =>
        writeVersions(this.db, rows, existing, this.context),
      );
      // Marked as handled now; the error still surfaces at the next await of inFlight.
      this.inFlight.catch(() => {});
    }
    return { created, updated: rows.length - created, unchanged: batch.length - rows.length };
  }

  /** Waits for the last write; rejects when any write failed. */
  async finish(): Promise<void> {
    await this.inFlight;
  }
}

/** One batch written to the end. */
export async function saveBatch(
  db: Queryable,
  batch: readonly ActivityValues[],
  existing: ReadonlyMap<string, ActivityRow>,
  context: ChangeContext,
) {
  const writer = new ActivityBatchWriter(db, context);
  const counts = await writer.save(batch, existing);
  await writer.finish();
  return counts;
}

/** The full row as it will be stored, so that its version snapshot needs no read back. */
function rowToWrite(
  values: ActivityValues,
  stored: ActivityRow | undefined,
  context: ChangeContext,
): ActivityRow {
  return {
    ...values,
    id: stored?.id ?? randomUUID(),
    isIllustrative: stored?.isIllustrative ?? false,
    version: stored ? stored.version + 1 : 1,
    createdAt: stored?.createdAt ?? context.at,
    updatedAt: context.at,
  } as ActivityRow;
}

async function writeActivities(db: Queryable, rows: readonly ActivityRow[]) {
  const records = rows.map((row) => {
    const record: Record<string, unknown> = {};
    for (const [key, name] of ACTIVITY_COLUMNS) record[name] = row[key as keyof ActivityRow] ?? null;
    return record;
  });
  // An update applies only to the version that was read: a row changed or created by another writer since
  // is left out of the answer, and the batch is refused below rather than overwriting that change.
  const written = await rowsOf<{ identifier: string }>(
    db,
    sql`insert into activities (${sql.raw(COLUMN_LIST)})
        select ${sql.raw(COLUMN_LIST)} from json_populate_recordset(null::activities, ${JSON.stringify(records)}::json)
        on conflict (identifier) do update set ${sql.raw(UPDATE_LIST)}
        where activities.version = excluded.version - 1
        returning identifier`,
  );
  if (written.length !== rows.length)
    throw new AppError(
      'conflict',
      'Some of these activities were changed by someone else during the import; import the file again.',
    );
}

async function writeVersions(
  db: Queryable,
  rows: readonly ActivityRow[],
  existing: ReadonlyMap<string, ActivityRow>,
  context: ChangeContext,
) {
  const records = rows.map((row) => ({
    activity_id: row.id,
    version: row.version,
    change: existing.has(row.identifier) ? 'updated' : 'created',
    changed_at: context.at,
    changed_by: context.userId,
    via: context.via,
    lead_organisation_id: row.leadOrganisationId,
    is_published: row.isPublished,
    snapshot: activityView(row),
  }));
  await db.execute(sql`
    insert into activity_versions
      (activity_id, version, change, changed_at, changed_by, via, lead_organisation_id, is_published, snapshot)
    select activity_id, version, change, changed_at, changed_by, via, lead_organisation_id, is_published, snapshot
    from json_populate_recordset(null::activity_versions, ${JSON.stringify(records)}::json)`);
}

/** The stored rows of these identifiers, by identifier. */
export async function findByIdentifiers(db: Queryable, identifiers: readonly string[]) {
  if (identifiers.length === 0) return new Map<string, ActivityRow>();
  const rows = await db
    .select()
    .from(activities)
    .where(sql`${activities.identifier} = any(${toTextArray(identifiers)}::text[])`);
  return new Map(rows.map((row) => [row.identifier, row]));
}

/** One array parameter instead of one parameter per identifier. */
function toTextArray(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
}
