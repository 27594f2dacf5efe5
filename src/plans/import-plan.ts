// A new plan drawn up from a results file and its mapping: the plan through createPlan, then the file's
// actuals as approved progress reports, in the caller's transaction. All or nothing: a problem in the file,
// a choice left open or an organisation that is not registered, and nothing is written.
import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { organisations } from '../partners/index.js';
import type { Queryable } from '../platform/db.js';
import { AppError, type FieldError, fieldErrorsFromZod } from '../platform/errors.js';
import { countsOf } from './engine/plan-import-draft.js';
import { reportRow } from './import-results.js';
import { mappedOrganisations, planDocumentOf, unmappedOf } from './plan-import-document.js';
import { readPlanFile } from './plan-import-file.js';
import type { PlanFile, PlanImportMapping, PlanImportSummary } from './plan-import-schemas.js';
import { createPlan } from './save-plan.js';
import { planProgressReports } from './schema.js';
import { PlanInput } from './schemas.js';

/** `userId` is null for the operator at the command line. */
export async function importPlan(
  db: Queryable,
  file: PlanFile,
  mapping: PlanImportMapping,
  userId: string | null,
): Promise<PlanImportSummary> {
  const { draft, problems, notes } = await readPlanFile(file);
  const refused = [
    ...problems,
    ...unmappedOf(draft, mapping),
    ...(await unregistered(db, mappedOrganisations(draft, mapping))),
  ];
  if (refused.length > 0) throw refusal(file, refused);
  const { document, actuals } = planDocumentOf(draft, mapping, randomUUID);
  const parsed = PlanInput.safeParse(document);
  if (!parsed.success) throw refusal(file, fieldErrorsFromZod(parsed.error.issues, 'plan'));
  const id = await createPlan(db, parsed.data, userId);
  const context = { userId, fileName: file.fileName };
  const rows = actuals.flatMap(({ indicatorId, reports }) =>
    reports.map((report) => reportRow(id, indicatorId, report, context)),
  );
  if (rows.length > 0) {
    const inserted = await db
      .insert(planProgressReports)
      .values(rows)
      .returning({ id: planProgressReports.id });
    if (inserted.length !== rows.length)
      throw new AppError('forbidden', 'Only the plan’s coordinating organisation imports its results.');
  }
  const counts = countsOf(draft);
  return {
    id,
    title: parsed.data.title,
    objectives: counts.objectives,
    measures: counts.measures,
    indicators: counts.indicators,
    actuals: rows.length,
    notes,
  };
}

function refusal(file: PlanFile, problems: FieldError[]): AppError {
  return new AppError(
    'validation_failed',
    `Nothing was imported: ${problems.length} problem(s) with “${file.fileName}” or its mapping. Fix them and import the file again.`,
    problems,
  );
}

async function unregistered(
  db: Queryable,
  named: readonly { id: string; path: string; what: string }[],
): Promise<FieldError[]> {
  if (named.length === 0) return [];
  const found = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(inArray(organisations.id, [...new Set(named.map((n) => n.id))]));
  const known = new Set(found.map((row) => row.id));
  return named
    .filter((n) => !known.has(n.id))
    .map((n) => ({
      path: n.path,
      code: 'unknown_organisation',
      message: `No registered organisation has the id given for ${n.what}: choose one of the partner organisations.`,
    }));
}
