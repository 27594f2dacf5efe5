// The releases' SQL: privacy budgets (charged in the same transaction as the release they pay for), releases
// and their files. Row-level security decides which drafts the requester sees; published ones are public.
import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { organisations } from '../partners/schema.js';
import type { Queryable } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { releaseBudgets, releases } from './schema.js';
import type { Budget, ColumnChoice, Privacy } from './schemas.js';

/**
 * What a dataset may spend in all unless a coordinator sets otherwise: two or three releases at the default
 * ε = 4 (ρ about 0.33 on a file of 2,000 records, 0.5 on one of 400, where δ is larger).
 */
export const DEFAULT_TOTAL_RHO = 1;

export type BudgetRow = typeof releaseBudgets.$inferSelect;
export type ReleaseRow = typeof releases.$inferSelect;
export type NewRelease = typeof releases.$inferInsert;

export function budgetView(row: BudgetRow): Budget {
  return {
    id: row.id,
    label: row.label,
    totalRho: row.totalRho,
    spentRho: row.spentRho,
    remainingRho: Math.max(0, row.totalRho - row.spentRho),
  };
}

export async function findBudget(db: Queryable, datasetKey: string): Promise<BudgetRow | null> {
  const [row] = await db.select().from(releaseBudgets).where(eq(releaseBudgets.datasetKey, datasetKey));
  return row ?? null;
}

export async function findOrCreateBudget(
  db: Queryable,
  dataset: { datasetKey: string; label: string; organisationId: string | null },
): Promise<BudgetRow> {
  await db
    .insert(releaseBudgets)
    .values({ ...dataset, totalRho: DEFAULT_TOTAL_RHO })
    .onConflictDoNothing({ target: releaseBudgets.datasetKey });
  const found = await findBudget(db, dataset.datasetKey);
  if (!found) throw new AppError('forbidden', 'You may not prepare releases from this dataset.');
  return found;
}

/**
 * Charges rho to the budget, or refuses with what is left. The check and the charge are one statement,
 * so two releases prepared at once cannot both pass on the same remainder.
 */
export async function spendBudget(db: Queryable, budget: BudgetRow, rho: number): Promise<BudgetRow> {
  const [charged] = await db
    .update(releaseBudgets)
    .set({ spentRho: sql`${releaseBudgets.spentRho} + ${rho}`, updatedAt: sql`now()` })
    .where(
      and(
        eq(releaseBudgets.id, budget.id),
        sql`${releaseBudgets.spentRho} + ${rho} <= ${releaseBudgets.totalRho}`,
      ),
    )
    .returning();
  if (charged) return charged;
  const now = (await findBudget(db, budget.datasetKey)) ?? budget;
  const left = Math.max(0, now.totalRho - now.spentRho);
  throw new AppError(
    'privacy_budget_exceeded',
    `This release needs ρ = ${rho.toPrecision(3)} of zero-concentrated privacy, and the dataset “${now.label}” has ρ = ${left.toPrecision(3)} left of ${now.totalRho}. Choose a smaller ε, or ask a coordinator to raise the dataset’s budget.`,
  );
}

/**
 * Sets what a dataset may spend in all, never below what it has spent. The check is part of the update, so
 * a release charged meanwhile cannot slip under a lowered total.
 */
export async function setBudgetTotal(db: Queryable, id: string, totalRho: number): Promise<BudgetRow> {
  const [updated] = await db
    .update(releaseBudgets)
    .set({ totalRho, updatedAt: sql`now()` })
    .where(and(eq(releaseBudgets.id, id), sql`${releaseBudgets.spentRho} <= ${totalRho}`))
    .returning();
  if (updated) return updated;
  const [current] = await db.select().from(releaseBudgets).where(eq(releaseBudgets.id, id));
  if (!current) throw new AppError('not_found', 'There is no such privacy budget.');
  if (totalRho < current.spentRho) throw belowSpent(current);
  throw new AppError('forbidden', 'You may not change this budget.');
}

function belowSpent(budget: BudgetRow): AppError {
  const spent = budget.spentRho.toPrecision(3);
  const message = `The dataset has already spent ρ = ${spent}: set a total of at least ${spent}.`;
  return new AppError('privacy_budget_below_spent', message, [
    { path: 'body.totalRho', message, code: 'too_small', origin: 'number', minimum: budget.spentRho },
  ]);
}

/** A budget with its dataset's organisation, for naming the dataset. */
export type BudgetRecord = BudgetRow & { organisationName: string | null };

export async function listBudgets(db: Queryable): Promise<BudgetRecord[]> {
  const rows = await db
    .select({ budget: releaseBudgets, organisationName: organisations.name })
    .from(releaseBudgets)
    .leftJoin(organisations, eq(organisations.id, releaseBudgets.organisationId))
    .orderBy(desc(releaseBudgets.updatedAt));
  return rows.map((row) => ({ ...row.budget, organisationName: row.organisationName }));
}

export type BudgetSpendingRow = {
  budgetId: string;
  id: string;
  title: string;
  status: string;
  rho: number;
  createdAt: Date;
};

/** Every release the reader may see that spent from a budget, newest first, in one query. */
export async function listBudgetSpending(db: Queryable): Promise<BudgetSpendingRow[]> {
  const rows = await db
    .select({
      budgetId: releases.budgetId,
      id: releases.id,
      title: releases.title,
      status: releases.status,
      rho: sql<number>`coalesce((${releases.privacy}->>'rho')::double precision, 0)`,
      createdAt: releases.createdAt,
    })
    .from(releases)
    .where(isNotNull(releases.budgetId))
    .orderBy(desc(releases.createdAt));
  return rows.map((row) => ({ ...row, budgetId: row.budgetId as string, rho: Number(row.rho) }));
}

export async function insertRelease(db: Queryable, release: NewRelease): Promise<ReleaseRow> {
  const [row] = await db.insert(releases).values(release).returning();
  if (!row) throw new AppError('forbidden', 'You may not prepare this release.');
  return row;
}

/** A release with everything but its files, the organisation's name and the budget it spent from. */
export type ReleaseRecord = Omit<ReleaseRow, 'outputCsvGzip' | 'reportHtml'> & {
  organisationName: string | null;
  budget: BudgetRow | null;
};

const recordColumns = {
  id: releases.id,
  title: releases.title,
  kind: releases.kind,
  method: releases.method,
  status: releases.status,
  sourceKind: releases.sourceKind,
  sourceLabel: releases.sourceLabel,
  organisationId: releases.organisationId,
  budgetId: releases.budgetId,
  inputRows: releases.inputRows,
  inputChecksum: releases.inputChecksum,
  columns: releases.columns,
  parameters: releases.parameters,
  privacy: releases.privacy,
  evaluation: releases.evaluation,
  softwareVersion: releases.softwareVersion,
  seed: releases.seed,
  outputRows: releases.outputRows,
  outputChecksum: releases.outputChecksum,
  createdBy: releases.createdBy,
  createdAt: releases.createdAt,
  publishedBy: releases.publishedBy,
  publishedAt: releases.publishedAt,
  version: releases.version,
  organisationName: organisations.name,
};

async function selectRecords(
  db: Queryable,
  where: ReturnType<typeof eq> | undefined,
): Promise<ReleaseRecord[]> {
  const rows = await db
    .select({ ...recordColumns, budget: releaseBudgets })
    .from(releases)
    .leftJoin(organisations, eq(organisations.id, releases.organisationId))
    .leftJoin(releaseBudgets, eq(releaseBudgets.id, releases.budgetId))
    .where(where)
    .orderBy(desc(releases.createdAt));
  return rows;
}

export async function listReleases(db: Queryable, status?: string): Promise<ReleaseRecord[]> {
  return selectRecords(db, status ? eq(releases.status, status) : undefined);
}

export async function getRelease(db: Queryable, id: string): Promise<ReleaseRecord> {
  const [found] = await selectRecords(db, eq(releases.id, id));
  if (!found) throw new AppError('not_found', 'There is no such release, or it is not published.');
  return found;
}

export async function releaseFile(
  db: Queryable,
  id: string,
  file: 'data' | 'report',
): Promise<{ record: Pick<ReleaseRow, 'title' | 'status' | 'outputChecksum'>; content: Buffer | string }> {
  const [row] = await db
    .select({
      title: releases.title,
      status: releases.status,
      outputChecksum: releases.outputChecksum,
      content: file === 'data' ? releases.outputCsvGzip : releases.reportHtml,
    })
    .from(releases)
    .where(eq(releases.id, id));
  if (!row) throw new AppError('not_found', 'There is no such release, or it is not published.');
  const { content, ...record } = row;
  return { record, content: content as Buffer | string };
}

export async function changeStatus(
  db: Queryable,
  id: string,
  change: { version: number; status: 'published' | 'withdrawn'; userId: string | null },
): Promise<void> {
  const current = await getRelease(db, id);
  if (current.version !== change.version)
    throw new AppError(
      'conflict',
      `The release changed since you read it (version ${current.version}); read it again, then retry.`,
    );
  const allowed =
    change.status === 'published' ? current.status !== 'published' : current.status === 'published';
  if (!allowed)
    throw new AppError(
      'invalid_transition',
      change.status === 'published'
        ? 'The release is already published.'
        : 'Only a published release can be withdrawn.',
    );
  const publication =
    change.status === 'published'
      ? { publishedAt: sql`now()`, publishedBy: change.userId }
      : { publishedAt: sql`coalesce(${releases.publishedAt}, now())` };
  const [updated] = await db
    .update(releases)
    .set({ status: change.status, version: sql`${releases.version} + 1`, ...publication })
    .where(and(eq(releases.id, id), eq(releases.version, change.version)))
    .returning({ id: releases.id });
  if (!updated) throw new AppError('forbidden', 'You may not publish or withdraw this release.');
}

export async function discardDraft(db: Queryable, id: string, version: number): Promise<void> {
  const current = await getRelease(db, id);
  if (current.status !== 'draft')
    throw new AppError(
      'invalid_transition',
      'Only a draft can be discarded; withdraw a published release instead.',
    );
  const removed = await db
    .delete(releases)
    .where(and(eq(releases.id, id), eq(releases.version, version)))
    .returning({ id: releases.id });
  if (removed.length === 0)
    throw new AppError('conflict', 'The release changed since you read it; read it again, then retry.');
}

export type StoredColumns = ColumnChoice[];
export type StoredPrivacy = Privacy;
