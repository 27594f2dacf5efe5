// SQL for import jobs. Every function but settleInterruptedJobs runs in a transaction as the starter, so
// row-level security decides which jobs a query sees; visibility is never checked after loading.
import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Queryable } from '../platform/db.js';
import type { Problem } from '../platform/errors.js';
import { importJobs } from './schema.js';
import type { ImportJob, ImportJobKind, ImportJobProgress } from './schemas.js';

type Row = typeof importJobs.$inferSelect;

export type NewImportJob = {
  kind: ImportJobKind;
  fileName: string | null;
  byteSize: number;
  options: Record<string, unknown>;
  startedBy: string;
  organisationId: string | null;
};

export const QUEUED: ImportJobProgress = { phase: 'queued', rowsRead: 0, rowsWritten: 0 };

export async function createImportJob(db: Queryable, job: NewImportJob): Promise<ImportJob> {
  const [row] = await db
    .insert(importJobs)
    .values({ ...job, progress: QUEUED })
    .returning();
  return jobView(row as Row);
}

/** The job, when the caller may see it (their own; every job for the installation-wide roles). */
export async function findImportJob(db: Queryable, id: string): Promise<ImportJob | null> {
  const [row] = await db.select().from(importJobs).where(eq(importJobs.id, id));
  return row ? jobView(row) : null;
}

/** The caller's own most recent jobs, newest first. */
export async function listOwnImportJobs(db: Queryable, userId: string, limit: number): Promise<ImportJob[]> {
  const rows = await db
    .select()
    .from(importJobs)
    .where(eq(importJobs.startedBy, userId))
    .orderBy(desc(importJobs.createdAt), desc(importJobs.id))
    .limit(limit);
  return rows.map(jobView);
}

export async function markJobRunning(db: Queryable, id: string, at: Date): Promise<void> {
  await db
    .update(importJobs)
    .set({
      state: 'running',
      startedAt: at,
      updatedAt: at,
      progress: { phase: 'reading', rowsRead: 0, rowsWritten: 0 },
    })
    .where(and(eq(importJobs.id, id), eq(importJobs.state, 'queued')));
}

/** Progress of a running job; once the job has finished, a late progress write changes nothing. */
export async function recordJobProgress(
  db: Queryable,
  id: string,
  progress: ImportJobProgress,
  at: Date,
): Promise<void> {
  await db
    .update(importJobs)
    .set({ progress, updatedAt: at })
    .where(and(eq(importJobs.id, id), eq(importJobs.state, 'running')));
}

/** Returns whether the job was still open: a job already settled as interrupted is left as it is. */
export async function finishJob(
  db: Queryable,
  id: string,
  outcome: { result: Record<string, unknown>; rowsRead: number; rowsWritten: number | null },
  at: Date,
): Promise<boolean> {
  const rows = await db
    .update(importJobs)
    .set({
      state: 'succeeded',
      result: outcome.result,
      progress: { phase: 'finished', rowsRead: outcome.rowsRead, rowsWritten: outcome.rowsWritten },
      updatedAt: at,
      finishedAt: at,
    })
    .where(and(eq(importJobs.id, id), inArray(importJobs.state, ['queued', 'running'])))
    .returning({ id: importJobs.id });
  return rows.length > 0;
}

/** Shows that the process running the job is alive, so that no other process settles it as interrupted. */
export async function touchJob(db: Queryable, id: string, at: Date): Promise<void> {
  await db
    .update(importJobs)
    .set({ updatedAt: at })
    .where(and(eq(importJobs.id, id), inArray(importJobs.state, ['queued', 'running'])));
}

export async function failJob(db: Queryable, id: string, problem: Problem, at: Date): Promise<void> {
  await db
    .update(importJobs)
    .set({
      state: 'failed',
      problem,
      progress: sql`jsonb_set(${importJobs.progress}, '{phase}', '"finished"')`,
      updatedAt: at,
      finishedAt: at,
    })
    .where(and(eq(importJobs.id, id), inArray(importJobs.state, ['queued', 'running'])));
}

/**
 * On the owner's connection: open jobs whose process stopped are failed — every open job (`silentSince`
 * null, when only this process can use the database) or those silent since the given time. Each import
 * is one transaction, so a job that never reported its end wrote nothing; returns how many were settled.
 */
export async function settleInterruptedJobs(
  db: Queryable,
  problem: Problem,
  at: Date,
  silentSince: Date | null,
): Promise<number> {
  const open = inArray(importJobs.state, ['queued', 'running']);
  const rows = await db
    .update(importJobs)
    .set({
      state: 'failed',
      problem,
      progress: sql`jsonb_set(${importJobs.progress}, '{phase}', '"finished"')`,
      updatedAt: at,
      finishedAt: at,
    })
    .where(silentSince ? and(open, lt(importJobs.updatedAt, silentSince)) : open)
    .returning({ id: importJobs.id });
  return rows.length;
}

function jobView(row: Row): ImportJob {
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    fileName: row.fileName,
    byteSize: row.byteSize,
    options: row.options,
    progress: row.progress as ImportJobProgress,
    result: (row.result ?? null) as never,
    problem: (row.problem ?? null) as Problem | null,
    startedBy: row.startedBy,
    organisationId: row.organisationId,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  } as ImportJob;
}
