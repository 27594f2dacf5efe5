// Reading and writing commitments inside a requester's transaction. Row-level security decides which
// commitments and progress reports exist for the reader; these functions add the rules of the record itself:
// a withdrawn commitment is final, and no progress is reported before the day the commitment was signed.
import { and, arrayContains, asc, desc, eq, inArray, min, ne, or, type SQL, sql } from 'drizzle-orm';
import { organisations } from '../partners/schema.js';
import type { Queryable } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { commitmentProgressReports, commitments } from './schema.js';
import type { CommitmentChange, CommitmentFilters, NewCommitment, NewProgress } from './schemas.js';

type CommitmentRow = typeof commitments.$inferSelect;
type ProgressRow = typeof commitmentProgressReports.$inferSelect;

export type CommitmentRecord = CommitmentRow & {
  organisationName: string;
  organisationActorType: string;
  progress: ProgressRow[];
};

function filtersOf(query: CommitmentFilters): SQL[] {
  const filters: SQL[] = [];
  if (query.code) filters.push(eq(commitments.code, query.code));
  if (query.status) filters.push(eq(commitments.status, query.status));
  if (query.organisationId) filters.push(eq(commitments.organisationId, query.organisationId));
  if (query.sector) filters.push(arrayContains(commitments.sectors, [query.sector]));
  if (query.country) {
    // No country named: the commitment covers every country where the signatory works.
    const covers = or(
      arrayContains(commitments.countries, [query.country]),
      and(
        sql`cardinality(${commitments.countries}) = 0`,
        arrayContains(organisations.countriesOfOperation, [query.country]),
      ),
    );
    if (covers) filters.push(covers);
  }
  return filters;
}

async function selectCommitments(db: Queryable, where: SQL | undefined): Promise<CommitmentRecord[]> {
  const rows = await db
    .select({
      commitment: commitments,
      organisationName: organisations.name,
      organisationActorType: organisations.actorType,
    })
    .from(commitments)
    .innerJoin(organisations, eq(organisations.id, commitments.organisationId))
    .where(where)
    .orderBy(asc(organisations.name), desc(commitments.signedOn), asc(commitments.id));
  const progress = await progressOf(
    db,
    rows.map((row) => row.commitment.id),
  );
  return rows.map((row) => ({
    ...row.commitment,
    organisationName: row.organisationName,
    organisationActorType: row.organisationActorType,
    progress: progress.get(row.commitment.id) ?? [],
  }));
}

/** The progress reports the reader may see, latest first, by commitment. */
async function progressOf(db: Queryable, ids: string[]): Promise<Map<string, ProgressRow[]>> {
  const byCommitment = new Map<string, ProgressRow[]>();
  if (ids.length === 0) return byCommitment;
  const rows = await db
    .select()
    .from(commitmentProgressReports)
    .where(inArray(commitmentProgressReports.commitmentId, ids))
    .orderBy(desc(commitmentProgressReports.reportedOn), desc(commitmentProgressReports.createdAt));
  for (const row of rows) {
    const list = byCommitment.get(row.commitmentId) ?? [];
    list.push(row);
    byCommitment.set(row.commitmentId, list);
  }
  return byCommitment;
}

export function listCommitments(db: Queryable, query: CommitmentFilters): Promise<CommitmentRecord[]> {
  return selectCommitments(db, and(...filtersOf(query)));
}

export async function getCommitment(db: Queryable, id: string): Promise<CommitmentRecord> {
  const [found] = await selectCommitments(db, eq(commitments.id, id));
  if (!found) throw new AppError('not_found', `No commitment ${id}.`);
  return found;
}

export async function createCommitment(
  db: Queryable,
  input: NewCommitment,
  userId: string | null,
): Promise<string> {
  const [row] = await db
    .insert(commitments)
    .values({ ...input, createdBy: userId })
    .returning({ id: commitments.id });
  if (!row) throw new AppError('internal_error');
  return row.id;
}

/**
 * Touches the commitment unless it was withdrawn, and returns its signing day. The update locks the row, so
 * that a withdrawal or a new signing day cannot slip between this check and the change that follows it.
 */
async function lockUnlessWithdrawn(db: Queryable, id: string): Promise<string | null> {
  const [row] = await db
    .update(commitments)
    .set({ updatedAt: new Date() })
    .where(and(eq(commitments.id, id), ne(commitments.status, 'withdrawn')))
    .returning({ signedOn: commitments.signedOn });
  return row?.signedOn ?? null;
}

export async function changeCommitment(db: Queryable, id: string, change: CommitmentChange): Promise<void> {
  if ((await lockUnlessWithdrawn(db, id)) === null)
    throw new AppError('invalid_transition', 'A withdrawn commitment is final: record a new one instead.');
  if (change.signedOn) await refuseReportsBefore(db, id, change.signedOn);
  const otherCodeName = change.code === undefined ? {} : { otherCodeName: change.otherCodeName ?? null };
  await db
    .update(commitments)
    .set({ ...change, ...otherCodeName })
    .where(eq(commitments.id, id));
}

/** Moving the signing day after a report already made would leave progress on a commitment not yet made. */
async function refuseReportsBefore(db: Queryable, commitmentId: string, signedOn: string): Promise<void> {
  const [earliest] = await db
    .select({ day: min(commitmentProgressReports.reportedOn) })
    .from(commitmentProgressReports)
    .where(eq(commitmentProgressReports.commitmentId, commitmentId));
  if (earliest?.day && earliest.day < signedOn)
    throw new AppError(
      'progress_before_signing',
      `A progress report is dated ${earliest.day}, before ${signedOn}: the commitment was signed by then.`,
    );
}

export async function addProgress(
  db: Queryable,
  id: string,
  input: NewProgress,
  userId: string | null,
): Promise<void> {
  const signedOn = await lockUnlessWithdrawn(db, id);
  if (signedOn === null)
    throw new AppError('commitment_withdrawn', 'The commitment was withdrawn: it takes no more reports.');
  if (input.reportedOn < signedOn)
    throw new AppError(
      'progress_before_signing',
      `The commitment was signed on ${signedOn}; date the report on or after that day.`,
    );
  await db.insert(commitmentProgressReports).values({ ...input, commitmentId: id, createdBy: userId });
}
