// Saving a plan as one document: the plan row and its objectives, measures, indicators, funding and links,
// in the caller's transaction. Items keep their ids across saves so that progress reports stay with their
// indicators; whatever the document no longer holds is removed (with its reports) only after the moves.
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { activities } from '../activities/schema.js';
import { organisations } from '../partners/schema.js';
import type { Queryable } from '../platform/db.js';
import { AppError, type FieldError } from '../platform/errors.js';
import {
  planIndicators,
  planMeasureActivities,
  planMeasureFunding,
  planMeasures,
  planObjectives,
  plans,
} from './schema.js';
import type { MeasureInput, PlanInput } from './schemas.js';

type Flat = {
  objectives: (typeof planObjectives.$inferInsert)[];
  measures: (typeof planMeasures.$inferInsert)[];
  indicators: (typeof planIndicators.$inferInsert)[];
  links: (typeof planMeasureActivities.$inferInsert)[];
  funding: (typeof planMeasureFunding.$inferInsert)[];
};

/** Creates the plan; `userId` is null when the system draws it up (the demo). */
export async function createPlan(db: Queryable, input: PlanInput, userId: string | null): Promise<string> {
  await checkReferences(db, input);
  const [row] = await db
    .insert(plans)
    .values({ ...planColumns(input), createdBy: userId })
    .returning({ id: plans.id });
  if (!row) throw new AppError('forbidden', 'You may not create a plan for this coordinating organisation.');
  await replaceItems(db, row.id, input);
  return row.id;
}

/** Replaces the whole document, provided nobody saved it since `version` was read. */
export async function replacePlan(
  db: Queryable,
  id: string,
  input: PlanInput,
  version: number,
): Promise<void> {
  const [current] = await db.select({ version: plans.version }).from(plans).where(eq(plans.id, id));
  if (!current) throw new AppError('not_found', 'There is no such plan, or you may not see it.');
  if (current.version !== version)
    throw new AppError(
      'conflict',
      `The plan was saved by someone else meanwhile (version ${current.version}, not ${version}): reload it and apply your change again.`,
    );
  await checkReferences(db, input);
  const [updated] = await db
    .update(plans)
    .set({ ...planColumns(input), updatedAt: sql`now()`, version: sql`${plans.version} + 1` })
    .where(and(eq(plans.id, id), eq(plans.version, version)))
    .returning({ id: plans.id });
  if (!updated)
    throw new AppError('forbidden', 'Only the plan’s coordinating organisation may change the plan.');
  await replaceItems(db, id, input);
}

export async function deletePlan(db: Queryable, id: string): Promise<void> {
  const removed = await db.delete(plans).where(eq(plans.id, id)).returning({ id: plans.id });
  if (removed.length === 0)
    throw new AppError(
      'not_found',
      'There is no such plan, or only its coordinating organisation may remove it.',
    );
}

function planColumns(input: PlanInput) {
  return {
    title: input.title,
    description: input.description,
    scope: input.scope,
    countries: input.countries,
    periodStart: input.period.start,
    periodEnd: input.period.end,
    coordinatorOrganisationId: input.coordinatorOrganisationId,
  };
}

async function replaceItems(db: Queryable, planId: string, input: PlanInput): Promise<void> {
  const flat = flatten(planId, input);
  // Upserts first, so that an item moved under another parent is moved before stale parents cascade away.
  await upsertOwned(db, planObjectives, flat.objectives, planId, {
    position: sql`excluded.position`,
    title: sql`excluded.title`,
    pillar: sql`excluded.pillar`,
  });
  await upsertOwned(db, planMeasures, flat.measures, planId, measureUpdates());
  await upsertOwned(db, planIndicators, flat.indicators, planId, indicatorUpdates());
  await removeStale(db, planId, flat);
  await db.delete(planMeasureActivities).where(eq(planMeasureActivities.planId, planId));
  if (flat.links.length > 0) await db.insert(planMeasureActivities).values(flat.links);
  await db.delete(planMeasureFunding).where(eq(planMeasureFunding.planId, planId));
  if (flat.funding.length > 0) await db.insert(planMeasureFunding).values(flat.funding);
}

type OwnedTable = typeof planObjectives | typeof planMeasures | typeof planIndicators;

/** Inserts or updates items by id; an id that belongs to another plan is refused rather than taken over. */
async function upsertOwned<T extends OwnedTable>(
  db: Queryable,
  table: T,
  rows: T['$inferInsert'][],
  planId: string,
  set: Record<string, unknown>,
): Promise<void> {
  if (rows.length === 0) return;
  const written = await db
    .insert(table)
    .values(rows as never)
    .onConflictDoUpdate({ target: table.id, set: set as never, setWhere: sql`${table.planId} = ${planId}` })
    .returning({ id: table.id });
  if (written.length !== rows.length)
    throw new AppError(
      'conflict',
      'The plan names an objective, measure or indicator that belongs to another plan: leave its id out to add a new one.',
    );
}

function measureUpdates(): Record<string, unknown> {
  const names = [
    'objective_id',
    'position',
    'title',
    'owner_organisation_id',
    'contributing_organisation_ids',
    'deadline',
    'budget_minor',
    'budget_currency',
    'status',
    'countries',
  ];
  return excludedSet(names, {
    objectiveId: 'objective_id',
    ownerOrganisationId: 'owner_organisation_id',
    contributingOrganisationIds: 'contributing_organisation_ids',
    budgetMinor: 'budget_minor',
    budgetCurrency: 'budget_currency',
  });
}

function indicatorUpdates(): Record<string, unknown> {
  const names = [
    'measure_id',
    'position',
    'name',
    'definition',
    'unit',
    'direction',
    'baseline',
    'disaggregated_baselines',
    'targets',
    'disaggregated_by',
    'source',
  ];
  return excludedSet(names, {
    measureId: 'measure_id',
    disaggregatedBaselines: 'disaggregated_baselines',
    disaggregatedBy: 'disaggregated_by',
  });
}

/** `{ property: excluded.column }` for drizzle's update set, from column names and the renamed properties. */
function excludedSet(columns: string[], renamed: Record<string, string>): Record<string, unknown> {
  const propertyOf = new Map(Object.entries(renamed).map(([property, column]) => [column, property]));
  return Object.fromEntries(
    columns.map((column) => [propertyOf.get(column) ?? column, sql.raw(`excluded."${column}"`)]),
  );
}

async function removeStale(db: Queryable, planId: string, flat: Flat): Promise<void> {
  const keep = (ids: (string | undefined)[]) => ids.filter((id): id is string => id !== undefined);
  const stale = async (table: OwnedTable, ids: string[]) => {
    const inPlan = eq(table.planId, planId);
    await db.delete(table).where(ids.length > 0 ? and(inPlan, notInArray(table.id, ids)) : inPlan);
  };
  await stale(planIndicators, keep(flat.indicators.map((row) => row.id)));
  await stale(planMeasures, keep(flat.measures.map((row) => row.id)));
  await stale(planObjectives, keep(flat.objectives.map((row) => row.id)));
}

function flatten(planId: string, input: PlanInput): Flat {
  const flat: Flat = { objectives: [], measures: [], indicators: [], links: [], funding: [] };
  input.objectives.forEach((objective, position) => {
    const objectiveId = objective.id ?? randomUUID();
    flat.objectives.push({
      id: objectiveId,
      planId,
      position,
      title: objective.title,
      pillar: objective.pillar,
    });
    objective.measures.forEach((measure, measurePosition) => {
      flattenMeasure(flat, planId, objectiveId, measure, measurePosition);
    });
  });
  return flat;
}

function flattenMeasure(
  flat: Flat,
  planId: string,
  objectiveId: string,
  measure: MeasureInput,
  position: number,
) {
  const measureId = measure.id ?? randomUUID();
  flat.measures.push({
    id: measureId,
    planId,
    objectiveId,
    position,
    title: measure.title,
    ownerOrganisationId: measure.ownerOrganisationId,
    contributingOrganisationIds: [...new Set(measure.contributingOrganisationIds)],
    deadline: measure.deadline,
    budgetMinor: measure.budget?.amountMinor ?? null,
    budgetCurrency: measure.budget?.currency ?? null,
    status: measure.status,
    countries: [...new Set(measure.countries)],
  });
  for (const activityId of new Set(measure.activityIds)) flat.links.push({ measureId, activityId, planId });
  for (const funding of measure.funding) flat.funding.push({ ...funding, measureId, planId });
  measure.indicators.forEach((indicator, indicatorPosition) => {
    const { id, ...rest } = indicator;
    flat.indicators.push({ ...rest, id: id ?? randomUUID(), planId, measureId, position: indicatorPosition });
  });
}

/** Names the organisations and activities the document points to that do not exist, all at once. */
async function checkReferences(db: Queryable, input: PlanInput): Promise<void> {
  const organisationPaths = new Map<string, string>();
  const activityPaths = new Map<string, string>();
  organisationPaths.set(input.coordinatorOrganisationId, 'body.coordinatorOrganisationId');
  input.objectives.forEach((objective, o) => {
    objective.measures.forEach((measure, m) => {
      const at = `body.objectives.${o}.measures.${m}`;
      if (!organisationPaths.has(measure.ownerOrganisationId))
        organisationPaths.set(measure.ownerOrganisationId, `${at}.ownerOrganisationId`);
      measure.contributingOrganisationIds.forEach((id, c) => {
        if (!organisationPaths.has(id)) organisationPaths.set(id, `${at}.contributingOrganisationIds.${c}`);
      });
      measure.funding.forEach((funding, f) => {
        if (!organisationPaths.has(funding.funderOrganisationId))
          organisationPaths.set(funding.funderOrganisationId, `${at}.funding.${f}.funderOrganisationId`);
      });
      measure.activityIds.forEach((id, a) => {
        if (!activityPaths.has(id)) activityPaths.set(id, `${at}.activityIds.${a}`);
      });
    });
  });
  const errors = [
    ...(await missing(db, organisations, organisationPaths, 'No partner organisation has this id')),
    ...(await missing(db, activities, activityPaths, 'No activity in the 4W register has this id')),
  ];
  if (errors.length > 0)
    throw new AppError(
      'validation_failed',
      'The plan points to organisations or activities that do not exist.',
      errors,
    );
}

async function missing(
  db: Queryable,
  table: typeof organisations | typeof activities,
  paths: Map<string, string>,
  message: string,
): Promise<FieldError[]> {
  if (paths.size === 0) return [];
  const found = await db
    .select({ id: table.id })
    .from(table)
    .where(inArray(table.id, [...paths.keys()]));
  const known = new Set(found.map((row) => row.id));
  return [...paths]
    .filter(([id]) => !known.has(id))
    .map(([, path]) => ({ path, message, code: 'unknown_reference' }));
}
