// Reporting on a plan: progress reports submitted by a measure's owner or contributors and approved by the
// plan's coordinator, and a measure's status set by its owner. Row-level security decides who may; these
// use cases turn "nothing was changed" into a sentence saying why.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { planIndicators, planMeasures, planProgressReports } from './schema.js';
import type { ProgressReportInput } from './schemas.js';

export async function submitReport(
  db: Queryable,
  planId: string,
  indicatorId: string,
  input: ProgressReportInput,
  userId: string,
  sourceNote: string | null = null,
): Promise<string> {
  const [indicator] = await db
    .select({ id: planIndicators.id, disaggregatedBy: planIndicators.disaggregatedBy })
    .from(planIndicators)
    .where(and(eq(planIndicators.id, indicatorId), eq(planIndicators.planId, planId)));
  if (!indicator) throw new AppError('not_found', 'The plan has no such indicator.');
  refuseUnaskedDisaggregation(indicator.disaggregatedBy, input);
  const [row] = await db
    .insert(planProgressReports)
    .values({
      planId,
      indicatorId,
      periodStart: input.start,
      periodEnd: input.end,
      sex: input.sex,
      age: input.age,
      value: input.value,
      narrative: input.narrative,
      evidenceLinks: input.evidenceLinks,
      status: input.status,
      sourceNote,
      submittedBy: userId,
    })
    .returning({ id: planProgressReports.id });
  if (!row) throw new AppError('forbidden', 'Only the measure’s owner and contributors report on it.');
  return row.id;
}

function refuseUnaskedDisaggregation(asked: string[], input: ProgressReportInput): void {
  const fields = [
    ...(input.sex && !asked.includes('sex') ? [{ path: 'body.sex', dimension: 'sex' }] : []),
    ...(input.age && !asked.includes('age') ? [{ path: 'body.age', dimension: 'age' }] : []),
  ];
  if (fields.length === 0) return;
  throw new AppError(
    'validation_failed',
    'The indicator is not measured by this dimension: report the total, or change the indicator first.',
    fields.map(({ path, dimension }) => ({
      path,
      message: `The indicator is not disaggregated by ${dimension}`,
      code: 'not_disaggregated',
    })),
  );
}

export async function approveReport(db: Queryable, planId: string, reportId: string, userId: string) {
  const [report] = await db
    .select({ approvedAt: planProgressReports.approvedAt })
    .from(planProgressReports)
    .where(and(eq(planProgressReports.id, reportId), eq(planProgressReports.planId, planId)));
  if (!report) throw new AppError('not_found', 'The plan has no such progress report.');
  if (report.approvedAt)
    throw new AppError('invalid_transition', 'This progress report is already approved.');
  const approved = await db
    .update(planProgressReports)
    .set({ approvedAt: sql`now()`, approvedBy: userId })
    .where(and(eq(planProgressReports.id, reportId), isNull(planProgressReports.approvedAt)))
    .returning({ id: planProgressReports.id });
  if (approved.length === 0)
    throw new AppError('forbidden', 'Only the plan’s coordinating organisation approves progress reports.');
}

export async function withdrawReport(db: Queryable, planId: string, reportId: string) {
  const removed = await db
    .delete(planProgressReports)
    .where(and(eq(planProgressReports.id, reportId), eq(planProgressReports.planId, planId)))
    .returning({ id: planProgressReports.id });
  if (removed.length === 0)
    throw new AppError(
      'not_found',
      'There is no such progress report you may withdraw: an approved report is withdrawn by the plan’s coordinator only.',
    );
}

export async function setMeasureStatus(db: Queryable, planId: string, measureId: string, status: string) {
  const [measure] = await db
    .select({ id: planMeasures.id })
    .from(planMeasures)
    .where(and(eq(planMeasures.id, measureId), eq(planMeasures.planId, planId)));
  if (!measure) throw new AppError('not_found', 'The plan has no such measure.');
  const changed = await db
    .update(planMeasures)
    .set({ status })
    .where(eq(planMeasures.id, measureId))
    .returning({ id: planMeasures.id });
  if (changed.length === 0)
    throw new AppError('forbidden', 'Only the measure’s owner or the plan’s coordinator sets its status.');
}
