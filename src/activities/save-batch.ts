// The import's batch writer. A batch goes first to a temporary staging table of text columns (on PostgreSQL as
// one COPY … FROM STDIN, on PGlite as one INSERT … SELECT FROM unnest of text arrays), then into activities and
// their version rows. New activities are plain inserts whose first snapshot was built with their text
// (batch-encoding); changed ones are updated in one statement whose snapshots the database builds from the
// stored rows. Each row is encoded when it is read, before the batch's stored rows are known, so that the
// database waits for JavaScript as little as possible between batches.
//
// Everything runs under the caller's role, the staging included: COPY FROM STDIN into a temporary table needs no
// privilege beyond the right to create temporary tables, so row-level security applies, as for any INSERT, to
// what lands in activities and activity_versions.
import { finished } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import { from as copyFrom } from 'pg-copy-streams';
import { CopyBytes, copyField, copyJsonField, postgresClientOf } from '../platform/copy-text.js';
import { type Queryable, rowsOf } from '../platform/db.js';
import { AppError, sqlStateOf } from '../platform/errors.js';
import { textArray } from '../platform/sql-arrays.js';
import { timeOrderedId } from '../platform/time-ordered-id.js';
import {
  CONTENT_COLUMNS,
  contentTexts,
  copyContent,
  type Encoded,
  firstSnapshot,
  STAGED,
} from './batch-encoding.js';
import { type ActivityRow, type ActivityValues, isSameContent } from './record.js';
import { activities } from './schema.js';
import type { ChangeContext } from './store.js';

const STAGE = 'activity_import_stage';
const STAGE_COLUMNS = STAGED.map((name) => `"${name}"`).join(', ');
/** The staged columns that activities takes: all but the snapshot. */
const ROW_COLUMNS = STAGED.slice(0, -1)
  .map((name) => `"${name}"`)
  .join(', ');

/** Staged text → the column's type, in STAGED order (the snapshot aside). */
const CAST_LIST = [
  's."id"::uuid',
  's."identifier"',
  's."version"::integer',
  ...CONTENT_COLUMNS.map((c) => `s."${c.name}"::${c.type}`),
].join(', ');
/** What an update replaces: the content, the version and the time of change. */
const UPDATE_LIST = [...CONTENT_COLUMNS.map((c) => c.name), 'version', 'updated_at']
  .map((name) => `"${name}" = excluded."${name}"`)
  .join(', ');

/** ISO 8601 in UTC with milliseconds, as JavaScript's toISOString writes it. */
const iso = (column: string) => `to_char(w.${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * A changed activity's version snapshot: the stored activity in its API shape (activityView), built by the
 * database from the row `w` just written. The jsonb columns are stored in that shape already (batch-encoding).
 * Exported for the test that holds firstSnapshot to it.
 */
export const SNAPSHOT = `jsonb_build_object(
  'id', w.id, 'identifier', w.identifier, 'title', w.title, 'description', w.description,
  'leadOrganisationId', w.lead_organisation_id, 'participants', w.participants, 'pillar', w.pillar,
  'activityType', w.activity_type, 'classificationHints', w.classification_hints, 'forms', to_jsonb(w.forms),
  'targetGroups', to_jsonb(w.target_groups), 'chainStage', w.chain_stage, 'countries', w.countries,
  'recipientRegions', w.recipient_regions, 'narratives', w.narratives, 'plannedStart', w.planned_start,
  'plannedEnd', w.planned_end, 'actualStart', w.actual_start, 'actualEnd', w.actual_end, 'status', w.status,
  'budget', case when w.budget_amount is null then null else jsonb_build_object('amount', w.budget_amount::float8,
    'currency', coalesce(w.budget_currency, ''), 'funder', w.funder_name) end,
  'peopleTargeted', w.people_targeted, 'peopleReached', w.people_reached, 'genderMarker', w.gender_marker,
  'coordinationMechanismId', w.coordination_mechanism_id,
  'provenance', jsonb_build_object('source', w.source, 'reportedBy', w.reported_by, 'reportedOn', w.reported_on),
  'isPublished', w.is_published, 'needsClassification', w.activity_type is null,
  'targetedTotal', w.targeted_total, 'reachedTotal', w.reached_total, 'isIllustrative', w.is_illustrative,
  'version', w.version, 'createdAt', ${iso('created_at')}, 'updatedAt', ${iso('updated_at')})`;

/**
 * A row encoded for the staging table as a new activity (with a new time-ordered id and its first snapshot);
 * should the identifier turn out to be stored already, it is staged again as the stored activity's next
 * version. On PostgreSQL the row is a COPY line in `bytes`, from `start` to `end`.
 */
export type PreparedRow = {
  readonly values: ActivityValues;
  readonly copy: { bytes: CopyBytes; start: number; end: number } | null;
  /** PGlite: the fields of a new activity, in STAGED order. */
  readonly fields: Encoded[] | null;
};

const CONFLICT =
  'Some of these activities were changed by someone else during the import; import the file again.';

/**
 * Writes an import's batches: new identifiers are inserted, changed ones updated (version + 1), unchanged ones
 * left alone; each written activity gets a version row. One batch is in flight while the caller reads the next:
 * the counts are known before the write, and a failed write surfaces at the next `save` or at `finish`, so the
 * caller's transaction fails. Should another writer have changed or created one of the activities since
 * `existing` was read, the write fails with a conflict rather than overwrite that change.
 */
export class ActivityBatchWriter {
  /**
   * Rows a batch holds unless the caller says otherwise. Each batch costs the server its own statements (the
   * identifiers' look-up, the staging, the inserts and their statement triggers) and both sides a wait for the
   * other; on a busy machine every wait is also a wait for a core. At 200,000 activities on PostgreSQL, 6,000
   * rows took 5–10 % less server CPU than 2,000 and 15–30 % less wall time; 10,000 did no better than 6,000.
   * PGlite keeps 2,000: its batch is one statement of text arrays in the engine's own memory.
   */
  readonly batchSize: number;
  private inFlight: Promise<void> = Promise.resolve();
  private hasStage = false;
  private readonly viaCopy: boolean;
  private readonly atIso: string;
  /** The COPY lines of rows prepared since the last save. */
  private lines = new CopyBytes();
  /**
   * The buffer of the batch being written, filled again once that write is done: two buffers serve the whole
   * import, instead of megabytes of fresh memory per batch that the system maps page by page and the garbage
   * collector counts as pressure.
   */
  private spare: CopyBytes | null = null;

  constructor(
    private readonly db: Queryable,
    private readonly context: ChangeContext,
  ) {
    this.viaCopy = postgresClientOf(db) !== null;
    this.batchSize = this.viaCopy ? 6000 : 2000;
    this.atIso = context.at.toISOString();
  }

  /** Encodes a row as a new activity; done as rows are read, while the previous batch is being written. */
  prepare(values: ActivityValues): PreparedRow {
    const id = timeOrderedId();
    const texts = contentTexts(values);
    const snapshot = firstSnapshot(id, values, texts, this.atIso);
    if (!this.viaCopy)
      return { values, copy: null, fields: [id, values.identifier, '1', ...texts, snapshot] };
    const bytes = this.lines;
    const start = bytes.length;
    // In three parts: the snapshot, the longest, is written as the flat string it already is.
    bytes.append(`${id}\t${copyField(values.identifier)}\t1\t${copyContent(texts)}\t`);
    bytes.append(copyJsonField(snapshot));
    const end = bytes.appendByte(0x0a);
    return { values, copy: { bytes, start, end }, fields: null };
  }

  /** `existing` holds the stored rows of the batch's identifiers, read in the same transaction. */
  async save(batch: readonly PreparedRow[], existing: ReadonlyMap<string, ActivityRow>) {
    const written: { row: PreparedRow; stored: ActivityRow | undefined }[] = [];
    let created = 0;
    for (const row of batch) {
      const stored = existing.get(row.values.identifier);
      if (stored && isSameContent(row.values, stored)) continue;
      if (!stored) created++;
      written.push({ row, stored });
    }
    const staged: Staged = this.viaCopy ? { bytes: this.copyLines(written) } : { rows: fieldsOf(written) };
    const updated = written.length - created;
    await this.inFlight;
    // The previous write is done: its buffer takes the next batch's lines, and this batch's waits for them.
    const filled = this.lines;
    this.lines = this.spare ?? new CopyBytes(Math.max(1 << 20, Math.ceil(filled.length * 1.25)));
    this.lines.clear();
    this.spare = filled;
    if (written.length > 0) {
      this.inFlight = this.write(staged, created, updated);
      // Marked as handled now; the error still surfaces at the next await of inFlight.
      this.inFlight.catch(() => {});
    }
    return { created, updated, unchanged: batch.length - written.length };
  }

  /**
   * The batch's COPY text: the prepared lines as they are when every row is new and they follow one another
   * (the usual case), else copied line by line, stored rows given their id and next version.
   */
  private copyLines(written: readonly { row: PreparedRow; stored: ActivityRow | undefined }[]): Buffer {
    const lines = this.lines;
    let expected = 0;
    for (const { row, stored } of written) {
      if (stored || row.copy?.bytes !== lines || row.copy.start !== expected) {
        expected = -1;
        break;
      }
      expected = row.copy.end;
    }
    if (expected >= 0) return lines.slice(0, expected);
    const out = new CopyBytes(lines.length);
    for (const { row, stored } of written) {
      const copy = row.copy as NonNullable<PreparedRow['copy']>;
      if (!stored) {
        out.appendBytes(copy.bytes.slice(copy.start, copy.end));
        continue;
      }
      // Stored identifiers are few in most imports: their content is encoded again rather than kept apart.
      const content = copyContent(contentTexts(row.values));
      out.append(
        `${stored.id}\t${copyField(row.values.identifier)}\t${stored.version + 1}\t${content}\t\\N\n`,
      );
    }
    return out.slice(0, out.length);
  }

  /** Waits for the last write; rejects when any write failed. */
  async finish(): Promise<void> {
    await this.inFlight;
  }

  private async write(staged: Staged, created: number, updated: number) {
    if (!this.hasStage) {
      // Dropped at the end of the caller's transaction; `if not exists` for a second writer in the same one.
      await this.db.execute(
        sql.raw(
          `create temp table if not exists ${STAGE} (${STAGED.map((n) => `"${n}" text`).join(', ')}) on commit drop`,
        ),
      );
      this.hasStage = true;
    }
    await this.db.execute(sql.raw(`truncate ${STAGE}`));
    await stage(this.db, staged);
    if (created > 0) await this.insertNew(created);
    if (updated > 0) await this.updateChanged(updated);
  }

  /**
   * New activities and their first versions. Should another writer have created one of the identifiers since
   * they were looked up, the unique index refuses the batch.
   */
  private async insertNew(count: number) {
    const { at, userId, via } = this.context;
    try {
      const [result] = await rowsOf<{ written: number }>(
        this.db,
        sql`with written as (
              insert into activities (${sql.raw(ROW_COLUMNS)}, created_at, updated_at)
              select ${sql.raw(CAST_LIST)}, ${at.toISOString()}::timestamptz, ${at.toISOString()}::timestamptz
              from ${sql.raw(STAGE)} s where s.snapshot is not null
              returning 1
            ), versions as (
              insert into activity_versions
                (activity_id, version, change, changed_at, changed_by, via, lead_organisation_id, is_published, snapshot)
              select s.id::uuid, 1, 'created', ${at.toISOString()}::timestamptz, ${userId}::uuid, ${via},
                s.lead_organisation_id::uuid, s.is_published::boolean, s.snapshot::jsonb
              from ${sql.raw(STAGE)} s where s.snapshot is not null
            )
            select count(*)::int as written from written`,
      );
      if (Number(result?.written) !== count) throw new AppError('conflict', CONFLICT);
    } catch (error) {
      if (sqlStateOf(error) === '23505') throw new AppError('conflict', CONFLICT);
      throw error;
    }
  }

  /**
   * Changed activities, each applied only to the version that was read: a row changed by another writer since
   * is left out of `written`, and the batch is refused rather than overwriting that change.
   */
  private async updateChanged(count: number) {
    const { at, userId, via } = this.context;
    const [result] = await rowsOf<{ written: number }>(
      this.db,
      sql`with written as (
            insert into activities (${sql.raw(ROW_COLUMNS)}, created_at, updated_at)
            select ${sql.raw(CAST_LIST)}, ${at.toISOString()}::timestamptz, ${at.toISOString()}::timestamptz
            from ${sql.raw(STAGE)} s where s.snapshot is null
            on conflict (identifier) do update set ${sql.raw(UPDATE_LIST)}
            where activities.version = excluded.version - 1
            returning *
          ), versions as (
            insert into activity_versions
              (activity_id, version, change, changed_at, changed_by, via, lead_organisation_id, is_published, snapshot)
            select w.id, w.version, 'updated', ${at.toISOString()}::timestamptz, ${userId}::uuid, ${via},
              w.lead_organisation_id, w.is_published, ${sql.raw(SNAPSHOT)}
            from written w
          )
          select count(*)::int as written from written`,
    );
    if (Number(result?.written) !== count) throw new AppError('conflict', CONFLICT);
  }
}

/** A batch as COPY text (PostgreSQL) or as rows of fields (PGlite). */
type Staged = { bytes: Buffer } | { rows: Encoded[][] };

/** Fills the staging table: one COPY on PostgreSQL, one INSERT of unnested text arrays on PGlite. */
async function stage(db: Queryable, staged: Staged) {
  const client = postgresClientOf(db);
  if ('bytes' in staged) {
    if (!client) throw new Error('COPY needs a PostgreSQL client');
    const stream = client.query(copyFrom(`copy ${STAGE} (${STAGE_COLUMNS}) from stdin`));
    stream.end(staged.bytes);
    // Resolves when the server has taken every row; rejects when it refused one.
    await finished(stream);
    return;
  }
  const { rows } = staged;
  const columns = STAGED.map((_, j) => textArray(rows.map((row) => row[j] ?? null)));
  await db.execute(
    sql`insert into ${sql.raw(STAGE)} (${sql.raw(STAGE_COLUMNS)}) select * from unnest(${sql.join(
      columns.map((column) => sql`${column}::text[]`),
      sql`, `,
    )})`,
  );
}

/** PGlite's rows: a stored activity's with its id, the version after the one read and no snapshot. */
function fieldsOf(written: readonly { row: PreparedRow; stored: ActivityRow | undefined }[]): Encoded[][] {
  return written.map(({ row, stored }) => {
    const fields = row.fields as Encoded[];
    if (!stored) return fields;
    const changed = [...fields];
    changed[0] = stored.id;
    changed[2] = String(stored.version + 1);
    changed[changed.length - 1] = null;
    return changed;
  });
}

/** One batch written to the end. */
export async function saveBatch(
  db: Queryable,
  batch: readonly ActivityValues[],
  existing: ReadonlyMap<string, ActivityRow>,
  context: ChangeContext,
) {
  const writer = new ActivityBatchWriter(db, context);
  const counts = await writer.save(
    batch.map((values) => writer.prepare(values)),
    existing,
  );
  await writer.finish();
  return counts;
}

/** The stored rows of these identifiers, by identifier. */
export async function findByIdentifiers(db: Queryable, identifiers: readonly string[]) {
  if (identifiers.length === 0) return new Map<string, ActivityRow>();
  const rows = await db
    .select()
    .from(activities)
    .where(sql`${activities.identifier} = any(${textArray(identifiers)}::text[])`);
  return new Map(rows.map((row) => [row.identifier, row]));
}
