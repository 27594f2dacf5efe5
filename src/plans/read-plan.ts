// Reading plans whole: their rows in a fixed number of set-based queries, run one after the other, assembled
// into the engine's model (for the analyses) and kept with the names people read (organisations, activities,
// who reported and approved).
import { asc, eq, getTableColumns, inArray, type SQL, sql } from 'drizzle-orm';
import { activities } from '../activities/schema.js';
import { organisations } from '../partners/schema.js';
import type { Queryable } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import type { Indicator, Measure, Plan, ProgressReport } from './engine/model.js';
import {
  planIndicators,
  planMeasureActivities,
  planMeasureFunding,
  planMeasures,
  planObjectives,
  planProgressReports,
  plans,
} from './schema.js';

export type PlanRow = typeof plans.$inferSelect;
export type ReportRow = typeof planProgressReports.$inferSelect & {
  submittedByName: string | null;
  approvedByName: string | null;
};

/** A stored plan: the model the analyses read, and what the views need besides. */
export type StoredPlan = {
  row: PlanRow;
  plan: Plan;
  reports: Map<string, ReportRow>;
  organisationNames: Map<string, string>;
  activityTitles: Map<string, string>;
};

export async function readPlan(db: Queryable, id: string): Promise<StoredPlan> {
  const [stored] = await readPlans(db, eq(plans.id, id));
  if (!stored) throw new AppError('not_found', 'There is no such plan, or you may not see it.');
  return stored;
}

/**
 * The plans a condition on the plans table selects, read whole in a fixed number of queries however many they
 * are, one after the other (a connection runs one query at a time), in the order of their start.
 */
export async function readPlans(db: Queryable, which: SQL): Promise<StoredPlan[]> {
  const rows = await db.select().from(plans).where(which).orderBy(asc(plans.periodStart), asc(plans.id));
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const objectives = await db
    .select()
    .from(planObjectives)
    .where(inArray(planObjectives.planId, ids))
    .orderBy(asc(planObjectives.position));
  const measures = await db
    .select()
    .from(planMeasures)
    .where(inArray(planMeasures.planId, ids))
    .orderBy(asc(planMeasures.position));
  const indicators = await db
    .select()
    .from(planIndicators)
    .where(inArray(planIndicators.planId, ids))
    .orderBy(asc(planIndicators.position));
  const links = await db
    .select()
    .from(planMeasureActivities)
    .where(inArray(planMeasureActivities.planId, ids));
  const funding = await db.select().from(planMeasureFunding).where(inArray(planMeasureFunding.planId, ids));
  const reports = await readReports(db, ids);
  const measureModels = measureModelsOf(measures, links, funding, indicators, reports);
  const objectivesByPlan = groupBy(objectives, (objective) => objective.planId);
  const measuresByObjective = groupBy(measures, (measure) => measure.objectiveId);
  const models = rows.map((row) =>
    planOf(row, objectivesByPlan.get(row.id) ?? [], (objective) =>
      (measuresByObjective.get(objective) ?? []).map((measure) => measureModels.get(measure.id) as Measure),
    ),
  );
  const organisationNames = await namesOfOrganisations(db, [...new Set(models.flatMap(organisationIdsOf))]);
  const activityTitles = await titlesOfActivities(db, [...new Set(links.map((link) => link.activityId))]);
  const reportsByPlan = groupBy(reports, (report) => report.planId);
  return rows.map((row, index) => ({
    row,
    plan: models[index] as Plan,
    reports: new Map((reportsByPlan.get(row.id) ?? []).map((report) => [report.id, report])),
    organisationNames,
    activityTitles,
  }));
}

/** Each measure as the engine models it, with its activities, funding and indicators (with their reports). */
function measureModelsOf(
  measures: (typeof planMeasures.$inferSelect)[],
  links: (typeof planMeasureActivities.$inferSelect)[],
  funding: (typeof planMeasureFunding.$inferSelect)[],
  indicators: (typeof planIndicators.$inferSelect)[],
  reports: ReportRow[],
): Map<string, Measure> {
  const models = new Map<string, Measure>();
  for (const measure of measures) models.set(measure.id, measureOf(measure));
  for (const link of links) models.get(link.measureId)?.activityIds.push(link.activityId);
  for (const money of funding)
    models.get(money.measureId)?.funding.push({
      funderOrganisationId: money.funderOrganisationId,
      committed: { amountMinor: money.committedMinor, currency: money.currency },
      spent: { amountMinor: money.spentMinor, currency: money.currency },
    });
  const reportsByIndicator = groupBy(reports, (report) => report.indicatorId);
  for (const indicator of indicators)
    models
      .get(indicator.measureId)
      ?.indicators.push(indicatorOf(indicator, (reportsByIndicator.get(indicator.id) ?? []).map(reportOf)));
  return models;
}

function planOf(
  row: PlanRow,
  objectives: (typeof planObjectives.$inferSelect)[],
  measuresOf: (objectiveId: string) => Measure[],
): Plan {
  return {
    id: row.id,
    title: row.title,
    scope: row.scope as Plan['scope'],
    countries: row.countries,
    period: { start: row.periodStart, end: row.periodEnd },
    coordinatorOrganisationId: row.coordinatorOrganisationId,
    objectives: objectives.map((objective) => ({
      id: objective.id,
      title: objective.title,
      pillar: objective.pillar as Plan['objectives'][number]['pillar'],
      measures: measuresOf(objective.id),
    })),
  };
}

async function readReports(db: Queryable, planIds: string[]): Promise<ReportRow[]> {
  return db
    .select({
      ...getTableColumns(planProgressReports),
      submittedByName: sql<string | null>`app_user_display_name(${planProgressReports.submittedBy})`,
      approvedByName: sql<string | null>`app_user_display_name(${planProgressReports.approvedBy})`,
    })
    .from(planProgressReports)
    .where(inArray(planProgressReports.planId, planIds))
    .orderBy(asc(planProgressReports.periodEnd), asc(planProgressReports.submittedAt));
}

function measureOf(row: typeof planMeasures.$inferSelect): Measure {
  return {
    id: row.id,
    title: row.title,
    ownerOrganisationId: row.ownerOrganisationId,
    contributingOrganisationIds: row.contributingOrganisationIds,
    deadline: row.deadline,
    budget:
      row.budgetMinor !== null && row.budgetCurrency !== null
        ? { amountMinor: row.budgetMinor, currency: row.budgetCurrency }
        : null,
    status: row.status as Measure['status'],
    countries: row.countries,
    activityIds: [],
    funding: [],
    indicators: [],
  };
}

function indicatorOf(row: typeof planIndicators.$inferSelect, reports: ProgressReport[]): Indicator {
  return {
    id: row.id,
    name: row.name,
    definition: row.definition,
    unit: row.unit,
    direction: row.direction as Indicator['direction'],
    baseline: row.baseline as Indicator['baseline'],
    disaggregatedBaselines: row.disaggregatedBaselines as Indicator['disaggregatedBaselines'],
    targets: row.targets as Indicator['targets'],
    disaggregatedBy: row.disaggregatedBy as Indicator['disaggregatedBy'],
    source: row.source as Indicator['source'],
    reports,
  };
}

function reportOf(row: ReportRow): ProgressReport {
  return {
    id: row.id,
    start: row.periodStart,
    end: row.periodEnd,
    ...(row.sex ? { sex: row.sex as ProgressReport['sex'] } : {}),
    ...(row.age ? { age: row.age as ProgressReport['age'] } : {}),
    value: row.value,
    narrative: row.narrative,
    evidenceLinks: row.evidenceLinks,
    status: row.status as ProgressReport['status'],
    approvedAt: row.approvedAt?.toISOString() ?? null,
    sourceNote: row.sourceNote ?? undefined,
  };
}

function organisationIdsOf(plan: Plan): string[] {
  const ids = new Set([plan.coordinatorOrganisationId]);
  for (const objective of plan.objectives)
    for (const measure of objective.measures) {
      ids.add(measure.ownerOrganisationId);
      for (const id of measure.contributingOrganisationIds) ids.add(id);
      for (const funding of measure.funding) ids.add(funding.funderOrganisationId);
    }
  return [...ids];
}

export async function namesOfOrganisations(db: Queryable, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, ids));
  return new Map(rows.map((row) => [row.id, row.name]));
}

async function titlesOfActivities(db: Queryable, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: activities.id, title: activities.title })
    .from(activities)
    .where(inArray(activities.id, ids));
  return new Map(rows.map((row) => [row.id, row.title]));
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
