// The import's batch writer. A batch goes first to a temporary staging table of text columns (on PostgreSQL as
// one COPY … FROM STDIN, on PGlite as one INSERT … SELECT FROM unnest of text arrays), then into activities and
// their version rows in one statement, whose version snapshots the database builds from the stored rows. Per row,
// JavaScript only turns values into text: no row objects rebuilt, no view or JSON of the whole activity.
//
// Everything runs under the caller's role, the staging included: COPY FROM STDIN into a temporary table needs no
// privilege beyond the right to create temporary tables, so row-level security applies, as for any INSERT, to
// what lands in activities and activity_versions.
import { randomUUID } from 'node:crypto';
import { finished } from 'node:stream/promises';
import { getTableColumns, sql } from 'drizzle-orm';
import { from as copyFrom } from 'pg-copy-streams';
import { copyField, postgresClientOf } from '../platform/copy-text.js';
import { type Queryable, rowsOf } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { textArray } from '../platform/sql-arrays.js';
import { type ActivityRow, type ActivityValues, isSameContent } from './record.js';
import type { ActivityNarrativesValue, RecipientRegionValue } from './schema.js';
import { activities } from './schema.js';
import type { ChangeContext } from './store.js';

type Encoded = string | null;
/** How one value of a column becomes the text PostgreSQL reads for its type (null stays null). */
type Encoder = (value: unknown) => Encoded;

/** The columns an import sets from what a person entered: all but the key, version, times and illustrative mark. */
const CONTENT_COLUMNS = Object.entries(getTableColumns(activities))
  .filter(
    ([key, column]) =>
      !column.generated &&
      !['id', 'identifier', 'version', 'createdAt', 'updatedAt', 'isIllustrative'].includes(key),
  )
  .map(([key, column]) => ({
    key: key as keyof ActivityValues,
    name: column.name,
    type: column.getSQLType(),
    encode: encoderFor(key, column.getSQLType()),
    /** Whether its text can hold a backslash, tab or line break, which COPY needs escaped. */
    mayNeedEscape: !/^(uuid|integer|numeric|date|boolean)/.test(column.getSQLType()),
  }));

/** The staging table's columns, in the order every staged row lists its fields. */
const STAGED = ['id', 'identifier', 'version', ...CONTENT_COLUMNS.map((c) => c.name)];
const STAGE = 'activity_import_stage';
const STAGE_COLUMNS = STAGED.map((name) => `"${name}"`).join(', ');

/** Staged text → the column's type, in STAGED order. */
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
 * The version snapshot: the stored activity in its API shape (activityView), built by the database from the row
 * just written. The jsonb columns are stored in that shape already (see encoderFor).
 */
const SNAPSHOT = `jsonb_build_object(
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
 * Writes an import's batches: new identifiers are inserted, changed ones updated (version + 1), unchanged ones
 * left alone; each written activity gets a version row. One batch is in flight while the caller reads the next:
 * the counts are known before the write, and a failed write surfaces at the next `save` or at `finish`, so the
 * caller's transaction fails. Should another writer have changed or created one of the activities since
 * `existing` was read, the write fails with a conflict rather than overwrite that change.
 */
export class ActivityBatchWriter {
  private inFlight: Promise<void> = Promise.resolve();
  private hasStage = false;

  constructor(
    private readonly db: Queryable,
    private readonly context: ChangeContext,
  ) {}

  /** `existing` holds the stored rows of the batch's identifiers, read in the same transaction. */
  async save(batch: readonly ActivityValues[], existing: ReadonlyMap<string, ActivityRow>) {
    const viaCopy = postgresClientOf(this.db) !== null;
    const rows: Encoded[][] = [];
    const lines: string[] = [];
    let created = 0;
    for (const values of batch) {
      const stored = existing.get(values.identifier);
      if (stored && isSameContent(values, stored)) continue;
      if (!stored) created++;
      if (viaCopy) lines.push(copyLineOf(values, stored));
      else rows.push(fieldsOf(values, stored));
    }
    const written = viaCopy ? lines.length : rows.length;
    await this.inFlight;
    if (written > 0) {
      this.inFlight = this.write(viaCopy ? { lines } : { rows }, written);
      // Marked as handled now; the error still surfaces at the next await of inFlight.
      this.inFlight.catch(() => {});
    }
    return { created, updated: written - created, unchanged: batch.length - written };
  }

  /** Waits for the last write; rejects when any write failed. */
  async finish(): Promise<void> {
    await this.inFlight;
  }

  private async write(staged: Staged, count: number) {
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
    const { at, userId, via } = this.context;
    // An update applies only to the version that was read: a row changed or created by another writer since
    // is left out of `written`, and the batch is refused below rather than overwriting that change.
    const [result] = await rowsOf<{ written: number }>(
      this.db,
      sql`with written as (
            insert into activities (${sql.raw(STAGE_COLUMNS)}, created_at, updated_at)
            select ${sql.raw(CAST_LIST)}, ${at.toISOString()}::timestamptz, ${at.toISOString()}::timestamptz
            from ${sql.raw(STAGE)} s
            on conflict (identifier) do update set ${sql.raw(UPDATE_LIST)}
            where activities.version = excluded.version - 1
            returning *
          ), versions as (
            insert into activity_versions
              (activity_id, version, change, changed_at, changed_by, via, lead_organisation_id, is_published, snapshot)
            select w.id, w.version, case when w.version = 1 then 'created' else 'updated' end,
              ${at.toISOString()}::timestamptz, ${userId}::uuid, ${via}, w.lead_organisation_id, w.is_published,
              ${sql.raw(SNAPSHOT)}
            from written w
          )
          select count(*)::int as written from written`,
    );
    if (Number(result?.written) !== count)
      throw new AppError(
        'conflict',
        'Some of these activities were changed by someone else during the import; import the file again.',
      );
  }
}

/** A batch as COPY text lines (PostgreSQL) or as rows of fields (PGlite). */
type Staged = { lines: string[] } | { rows: Encoded[][] };

/** Fills the staging table: one COPY on PostgreSQL, one INSERT of unnested text arrays on PGlite. */
async function stage(db: Queryable, staged: Staged) {
  const client = postgresClientOf(db);
  if ('lines' in staged) {
    if (!client) throw new Error('COPY needs a PostgreSQL client');
    const stream = client.query(copyFrom(`copy ${STAGE} (${STAGE_COLUMNS}) from stdin`));
    stream.end(`${staged.lines.join('\n')}\n`);
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

/** One row as a line of COPY text, fields in STAGED order; only fields that may hold special characters escaped. */
function copyLineOf(values: ActivityValues, stored: ActivityRow | undefined): string {
  let line = `${stored?.id ?? randomUUID()}\t${copyField(values.identifier)}\t${stored ? stored.version + 1 : 1}`;
  for (let j = 0; j < CONTENT_COLUMNS.length; j++) {
    const column = CONTENT_COLUMNS[j] as (typeof CONTENT_COLUMNS)[number];
    const text = column.encode(values[column.key]);
    line += text === null ? '\t\\N' : `\t${column.mayNeedEscape ? copyField(text) : text}`;
  }
  return line;
}

/** One row's staged fields in STAGED order. */
function fieldsOf(values: ActivityValues, stored: ActivityRow | undefined): Encoded[] {
  const fields = new Array<Encoded>(STAGED.length);
  fields[0] = stored?.id ?? randomUUID();
  fields[1] = values.identifier;
  fields[2] = stored ? String(stored.version + 1) : '1';
  for (let j = 0; j < CONTENT_COLUMNS.length; j++) {
    const column = CONTENT_COLUMNS[j] as (typeof CONTENT_COLUMNS)[number];
    fields[j + 3] = column.encode(values[column.key]);
  }
  return fields;
}

function encoderFor(key: string, type: string): Encoder {
  if (key === 'narratives') return (value) => jsonText(canonicalNarratives(value as ActivityNarrativesValue));
  if (key === 'recipientRegions')
    return (value) => jsonText(((value ?? []) as RecipientRegionValue[]).map(canonicalRegion));
  if (type === 'jsonb') return jsonText;
  if (type.endsWith('[]'))
    return (value) => (value === null || value === undefined ? null : textArray(value as string[]));
  return scalarText;
}

function jsonText(value: unknown): Encoded {
  if (value === null || value === undefined) return null;
  // Empty lists and objects are the most common values of these columns.
  if (Array.isArray(value)) return value.length === 0 ? '[]' : JSON.stringify(value);
  for (const _ in value as object) return JSON.stringify(value);
  return '{}';
}

function scalarText(value: unknown): Encoded {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return String(value);
}

/**
 * Narratives and regions as the API shows them (record.ts contentOf), so that the snapshot can take the stored
 * column as it is: empty lists left out, absent fields as null.
 */
function canonicalNarratives(
  narratives: ActivityNarrativesValue | null | undefined,
): ActivityNarrativesValue {
  const result: ActivityNarrativesValue = {};
  if (narratives?.title?.length) result.title = narratives.title.map((n) => ({ lang: n.lang, text: n.text }));
  if (narratives?.description?.length)
    result.description = narratives.description.map((n) => ({ lang: n.lang, text: n.text, type: n.type }));
  return result;
}

function canonicalRegion(region: RecipientRegionValue): RecipientRegionValue {
  return {
    code: region.code,
    vocabulary: region.vocabulary,
    vocabularyUri: region.vocabularyUri ?? null,
    percentage: region.percentage ?? null,
  };
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

/** The stored rows of these identifiers, by identifier. */
export async function findByIdentifiers(db: Queryable, identifiers: readonly string[]) {
  if (identifiers.length === 0) return new Map<string, ActivityRow>();
  const rows = await db
    .select()
    .from(activities)
    .where(sql`${activities.identifier} = any(${textArray(identifiers)}::text[])`);
  return new Map(rows.map((row) => [row.identifier, row]));
}
