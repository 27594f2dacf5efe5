// Importing results (IATI results, CSV or XLSX) into a plan: each result must name one of the plan's measures;
// its indicators replace those of the same name (keeping their ids and other reports), and its actuals
// replace the reports for the same period and people. All or nothing: any problem, and nothing is written.
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../platform/db.js';
import { AppError, type FieldError } from '../platform/errors.js';
import type { Indicator, Measure, ProgressReport } from './engine/model.js';
import type { ImportedMeasureResults, ResultsImport } from './engine/results-vocabulary.js';
import { indicatorInputOf, planInputOf } from './plan-input.js';
import { readPlan } from './read-plan.js';
import { replacePlan } from './save-plan.js';
import { planProgressReports } from './schema.js';
import type { MeasureInput } from './schemas.js';

export type ResultsImportSummary = {
  dryRun: boolean;
  measures: number;
  indicators: number;
  reports: number;
  notes: FieldError[];
};

/** Who imports: a user, or null for the operator at the command line. */
type Context = { userId: string | null; fileName: string; dryRun: boolean };
type Placed = { indicator: Indicator; storedId: string };

export async function importResults(
  db: Queryable,
  planId: string,
  imported: ResultsImport,
  context: Context,
): Promise<ResultsImportSummary> {
  const stored = await readPlan(db, planId);
  const measures = new Map(
    stored.plan.objectives.flatMap((objective) =>
      objective.measures.map((measure) => [measure.id, measure] as const),
    ),
  );
  const problems = [...imported.problems, ...unmatched(imported.measures, measures)];
  if (problems.length > 0)
    throw new AppError(
      'validation_failed',
      `Nothing was imported: ${problems.length} problem(s) in “${context.fileName}”. Fix them and import the file again.`,
      problems,
    );
  const placed = imported.measures.flatMap((result) =>
    placeIndicators(result, measures.get(result.measureId as string) as Measure),
  );
  const summary = {
    dryRun: context.dryRun,
    // A measure's row without indicators (the table keeps measures that have none) brings no results.
    measures: imported.measures.filter((result) => result.indicators.length > 0).length,
    indicators: placed.length,
    reports: placed.reduce((sum, item) => sum + item.indicator.reports.length, 0),
    notes: imported.notes,
  };
  if (context.dryRun) return summary;
  const input = planInputOf(stored.plan, stored.row.description);
  for (const objective of input.objectives)
    for (const measure of objective.measures) mergeIndicators(measure, placed);
  await replacePlan(db, planId, input, stored.row.version);
  await replaceReports(db, planId, placed, context);
  return summary;
}

function unmatched(results: readonly ImportedMeasureResults[], measures: Map<string, Measure>): FieldError[] {
  return results.flatMap((result, index) =>
    result.measureId !== null && measures.has(result.measureId)
      ? []
      : [
          {
            path: `results.${index}`,
            message: `The result “${result.title}” names no measure of this plan: export the plan’s results to see the identifiers it expects.`,
            code: 'unmatched_result',
          },
        ],
  );
}

/** Each imported indicator, with the id of the measure's indicator of the same name, or a new one. */
function placeIndicators(
  result: ImportedMeasureResults,
  measure: Measure,
): (Placed & { measureId: string })[] {
  const byName = new Map(
    measure.indicators.map((indicator) => [indicator.name.trim().toLowerCase(), indicator.id]),
  );
  return result.indicators.map((indicator) => ({
    indicator,
    measureId: measure.id,
    storedId: byName.get(indicator.name.trim().toLowerCase()) ?? randomUUID(),
  }));
}

function mergeIndicators(measure: MeasureInput, placed: readonly (Placed & { measureId: string })[]): void {
  const incoming = placed.filter((item) => item.measureId === measure.id);
  if (incoming.length === 0) return;
  const replaced = new Set(incoming.map((item) => item.storedId));
  measure.indicators = [
    ...measure.indicators.filter((indicator) => !replaced.has(indicator.id as string)),
    ...incoming.map((item) => ({ ...indicatorInputOf(item.indicator), id: item.storedId })),
  ];
}

/** The imported actuals replace the reports for the same indicator, period and people; approved on import. */
async function replaceReports(db: Queryable, planId: string, placed: readonly Placed[], context: Context) {
  const rows = placed.flatMap(({ indicator, storedId }) =>
    indicator.reports.map((report) => reportRow(planId, storedId, report, context)),
  );
  if (rows.length === 0) return;
  const keys = rows.map(
    (row) => `${row.indicatorId}|${row.periodStart}|${row.periodEnd}|${row.sex ?? ''}|${row.age ?? ''}`,
  );
  await db
    .delete(planProgressReports)
    .where(
      and(
        eq(planProgressReports.planId, planId),
        inArray(
          sql`${planProgressReports.indicatorId}::text || '|' || ${planProgressReports.periodStart}::text || '|' || ${planProgressReports.periodEnd}::text || '|' || coalesce(${planProgressReports.sex}, '') || '|' || coalesce(${planProgressReports.age}, '')`,
          keys,
        ),
      ),
    );
  const inserted = await db
    .insert(planProgressReports)
    .values(rows)
    .returning({ id: planProgressReports.id });
  if (inserted.length !== rows.length)
    throw new AppError('forbidden', 'Only the plan’s coordinating organisation imports its results.');
}

/** A report row as an import writes it: approved by whoever imports, since the file says it counts. */
export function reportRow(
  planId: string,
  indicatorId: string,
  report: ProgressReport,
  context: Pick<Context, 'userId' | 'fileName'>,
) {
  return {
    planId,
    indicatorId,
    periodStart: report.start,
    periodEnd: report.end,
    sex: report.sex ?? null,
    age: report.age ?? null,
    value: report.value,
    narrative: report.narrative,
    evidenceLinks: report.evidenceLinks,
    status: report.status,
    sourceNote: report.sourceNote ?? `Imported from “${context.fileName}”`,
    submittedBy: context.userId,
    approvedBy: context.userId,
    approvedAt: sql`now()`,
  };
}
