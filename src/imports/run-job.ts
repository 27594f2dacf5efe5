// Accepts an import as a job and runs it after the response, holding the request's import slot, as the
// person who started it: row-level security applies to the import and to every write to the job.
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import { actorOf, asRequester, type DatabaseActor } from '../access/context.js';
import { auditEventFor } from '../access/plugin.js';
import type { AuditSubject } from '../access/request-context.js';
import { type AuditEvent, appendAudit } from '../audit/chain.js';
import type { DatabaseHandle, Transaction } from '../platform/db.js';
import { AppError, problemFor } from '../platform/errors.js';
import { toAppError } from '../platform/http-errors.js';
import { keepSlotAfterResponse } from '../uploads/index.js';
import { ProgressThrottle } from './progress-throttle.js';
import type { ImportJob, ImportJobKind, ImportJobProgress } from './schemas.js';
import { HEARTBEAT_MS, INTERRUPTED_DETAIL } from './settle-interrupted.js';
import { createImportJob, failJob, finishJob, markJobRunning, recordJobProgress, touchJob } from './store.js';

export const JOBS_PATH = '/api/v1/import-jobs';

/** What an import reports when it ends: its report, and the figures the job's progress shows. */
export type JobOutcome = { result: Record<string, unknown>; rowsRead: number; rowsWritten: number | null };

/** What the import's own code may do with its job. */
export type RunningJob = {
  readonly id: string;
  /** Notes progress; it is stored at most every half second. */
  progress(progress: Omit<ImportJobProgress, 'phase'> & { phase?: ImportJobProgress['phase'] }): void;
  /**
   * Marks the job finished inside the import's own transaction, so that the job says "succeeded" exactly
   * when the import's writes are committed, even if the process stops right after.
   */
  finishIn(tx: Transaction, outcome: JobOutcome): Promise<void>;
  /** Appends the import's audit entry in its own transaction, as the request that started it. */
  audit(tx: Transaction, subject: AuditSubject): Promise<void>;
};

export type JobSpec = {
  kind: ImportJobKind;
  fileName: string | null;
  byteSize: number;
  options: Record<string, unknown>;
};

export type JobContext = { database: DatabaseHandle; actor: DatabaseActor; log: FastifyBaseLogger };

/** Whether the client asked for an answer before the work is done (RFC 7240, `Prefer: respond-async`). */
export function prefersAsync(request: FastifyRequest): boolean {
  const header = request.headers.prefer;
  const values = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',');
  return values.some((value) => value.trim().split(';')[0]?.trim().toLowerCase() === 'respond-async');
}

/**
 * Records the job (its audit entry in the same transaction), hands the request's slot to it and starts
 * `work` in the background; returns the job as queued, for a 202 answer.
 */
export async function acceptImportJob(
  request: FastifyRequest,
  spec: JobSpec,
  work: (job: RunningJob, context: JobContext) => Promise<JobOutcome>,
): Promise<ImportJob> {
  const principal = request.principal;
  if (principal.kind !== 'user') throw new AppError('unauthenticated', 'Sign in first.');
  const organisations = [...new Set(principal.memberships.map((m) => m.organisationId))];
  const job = await request.transaction(async (tx) => {
    const created = await createImportJob(tx, {
      ...spec,
      startedBy: principal.userId,
      organisationId: organisations.length === 1 ? (organisations[0] ?? null) : null,
    });
    request.auditSubject = {
      resourceType: 'import_job',
      resourceId: created.id,
      details: { ...request.auditSubject?.details, kind: spec.kind, asynchronous: true },
    };
    return created;
  });
  // The request's entry says the job was accepted; the import's own entry is written with its data.
  const started = auditEventFor(request, 'allowed');
  const release = keepSlotAfterResponse(request);
  const context: JobContext = {
    database: request.server.database,
    actor: actorOf(principal),
    log: request.log.child({ importJob: job.id }),
  };
  const server = request.server;
  void runJob(job.id, context, started, work)
    .then((succeeded) => {
      // What the import wrote is committed: work that follows from that data may start.
      if (succeeded) server.dataChanges.notify(spec.kind);
    })
    .finally(release);
  return job;
}

async function runJob(
  id: string,
  context: JobContext,
  started: AuditEvent,
  work: (job: RunningJob, context: JobContext) => Promise<JobOutcome>,
): Promise<boolean> {
  const { database, actor } = context;
  const asStarter = <T>(step: (tx: Transaction) => Promise<T>) => asRequester(database, actor, step);
  const throttle = new ProgressThrottle((progress) =>
    asStarter((tx) => recordJobProgress(tx, id, progress, new Date())),
  );
  const running: RunningJob = {
    id,
    progress: ({ phase = 'reading', ...counts }) => throttle.note({ phase, ...counts }),
    finishIn: async (tx, outcome) => {
      // A job already settled as interrupted must not gain data after its starter was told nothing was saved.
      if (!(await finishJob(tx, id, outcome, new Date()))) {
        throw new AppError('import_interrupted', INTERRUPTED_DETAIL);
      }
    },
    audit: async (tx, subject) => {
      await appendAudit(tx, {
        ...started,
        resourceType: subject.resourceType,
        resourceId: subject.resourceId ?? null,
        organisationId: subject.organisationId ?? null,
        details: { ...started.details, ...subject.details, importJob: id },
      });
    },
  };
  const heartbeat = setInterval(() => {
    asStarter((tx) => touchJob(tx, id, new Date())).catch(() => undefined);
  }, HEARTBEAT_MS);
  heartbeat.unref();
  try {
    await asStarter((tx) => markJobRunning(tx, id, new Date()));
    const outcome = await work(running, context);
    await throttle.stop();
    // A dry run or a refused file wrote nothing, so its report is stored after the import's transaction.
    await asStarter((tx) => finishJob(tx, id, outcome, new Date()));
    return true;
  } catch (error) {
    await throttle.stop();
    const problem = toAppError(error, 'POST');
    if (problem.status >= 500) context.log.error({ err: error }, 'import job failed');
    await asStarter((tx) => failJob(tx, id, problemFor(problem, `${JOBS_PATH}/${id}`), new Date())).catch(
      (failure: unknown) => context.log.error({ err: failure }, 'could not record the import job’s failure'),
    );
    return false;
  } finally {
    clearInterval(heartbeat);
  }
}
