// Reading and writing activities inside a requester's transaction; every write adds a version row.
import {
  and,
  arrayContains,
  arrayOverlaps,
  asc,
  desc,
  eq,
  exists,
  gt,
  ilike,
  inArray,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import { coordinationMechanisms, organisations } from '../partners/index.js';
import type { Queryable } from '../platform/db.js';
import { AppError, type FieldError } from '../platform/errors.js';
import { changeSource } from './change-source.js';
import { readableIdentifier } from './readable-identifier.js';
import {
  type ActivityRow,
  type ActivityValues,
  activityView,
  checkActivity,
  inputOf,
  isSameContent,
  valuesOf,
} from './record.js';
import { activities, activityVersions } from './schema.js';
import type { Activity, ActivityFilters, ActivityInput, UpdateActivityRequest } from './schemas.js';

/** Who changes, when and through what; written into each version row. */
export type ChangeContext = { userId: string | null; via: string; at: Date };

/** The SQL conditions for the list, export and coverage filters. */
export function activityConditions(filters: Partial<ActivityFilters>): SQL[] {
  const conditions: SQL[] = [];
  if (filters.country?.length) conditions.push(arrayOverlaps(activities.countryCodes, filters.country));
  if (filters.pillar) conditions.push(eq(activities.pillar, filters.pillar));
  if (filters.activityType) conditions.push(eq(activities.activityType, filters.activityType));
  if (filters.targetGroup) conditions.push(arrayContains(activities.targetGroups, [filters.targetGroup]));
  if (filters.form) conditions.push(arrayContains(activities.forms, [filters.form]));
  if (filters.status) conditions.push(eq(activities.status, filters.status));
  if (filters.needsClassification !== undefined)
    conditions.push(eq(activities.needsClassification, filters.needsClassification));
  if (filters.organisationId)
    conditions.push(arrayContains(activities.organisationIds, [filters.organisationId]));
  if (filters.from)
    conditions.push(
      sql`coalesce(${activities.actualEnd}, ${activities.plannedEnd}, 'infinity'::date) >= ${filters.from}::date`,
    );
  if (filters.to)
    conditions.push(
      sql`coalesce(${activities.actualStart}, ${activities.plannedStart}, '-infinity'::date) <= ${filters.to}::date`,
    );
  if (filters.q) {
    const pattern = `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const match = or(ilike(activities.title, pattern), ilike(activities.identifier, pattern));
    if (match) conditions.push(match);
  }
  return conditions;
}

/** One page of activities in identifier order; `next` continues after the last one. */
export async function listActivities(
  db: Queryable,
  filters: Partial<ActivityFilters>,
  page: { limit: number; after?: string | undefined },
) {
  const conditions = activityConditions(filters);
  if (page.after) conditions.push(gt(activities.identifier, page.after));
  const rows = await db
    .select()
    .from(activities)
    .where(and(...conditions))
    .orderBy(asc(activities.identifier))
    .limit(page.limit + 1);
  const hasMore = rows.length > page.limit;
  const data = rows.slice(0, page.limit).map(activityView);
  return { data, next: hasMore ? (data.at(-1)?.identifier ?? null) : null };
}

export async function getActivity(db: Queryable, id: string): Promise<ActivityRow> {
  const [row] = await db.select().from(activities).where(eq(activities.id, id));
  if (!row) throw new AppError('not_found', `No activity ${id}.`);
  return row;
}

/**
 * Every version of an activity, newest first. The public sees only published versions of an activity
 * that is published now (row-level security says the same beneath), and never who made them.
 */
export async function listActivityVersions(
  db: Queryable,
  activityId: string,
  requester: { isSignedIn: boolean },
) {
  const visible = requester.isSignedIn
    ? eq(activityVersions.activityId, activityId)
    : and(
        eq(activityVersions.activityId, activityId),
        eq(activityVersions.isPublished, true),
        exists(
          db
            .select({ id: activities.id })
            .from(activities)
            .where(and(eq(activities.id, activityId), eq(activities.isPublished, true))),
        ),
      );
  const rows = await db
    .select({
      version: activityVersions,
      changedByName: sql<string | null>`app_user_display_name(${activityVersions.changedBy})`,
    })
    .from(activityVersions)
    .where(visible)
    .orderBy(desc(activityVersions.version));
  if (rows.length === 0) throw new AppError('not_found', `No activity ${activityId}.`);
  return rows.map(({ version: row, changedByName }) => ({
    activityId: row.activityId,
    version: row.version,
    change: row.change,
    changedAt: row.changedAt.toISOString(),
    changedBy: requester.isSignedIn ? row.changedBy : null,
    changedByName: requester.isSignedIn ? changedByName : null,
    via: row.via,
    source: changeSource(row.via),
    snapshot: row.snapshot as Partial<Activity>,
  }));
}

/** The names of the registry organisations and mechanisms the inputs refer to, and problems for unknown ones. */
export async function resolveReferences(db: Queryable, input: ActivityInput) {
  const ids = [
    input.leadOrganisationId,
    ...input.participants.flatMap((p) => (p.organisationId ? [p.organisationId] : [])),
  ];
  const found = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, [...new Set(ids)]));
  const names = new Map(found.map((row) => [row.id, row.name]));
  const problems: FieldError[] = [];
  if (!names.has(input.leadOrganisationId))
    problems.push({
      path: 'body.leadOrganisationId',
      message: 'No such organisation in the registry',
      code: 'unknown_reference',
    });
  input.participants.forEach((p, i) => {
    if (p.organisationId && !names.has(p.organisationId))
      problems.push({
        path: `body.participants.${i}.organisationId`,
        message: 'No such organisation in the registry',
        code: 'unknown_reference',
      });
  });
  if (input.coordinationMechanismId) {
    const [mechanism] = await db
      .select({ id: coordinationMechanisms.id })
      .from(coordinationMechanisms)
      .where(eq(coordinationMechanisms.id, input.coordinationMechanismId));
    if (!mechanism)
      problems.push({
        path: 'body.coordinationMechanismId',
        message: 'No such coordination mechanism',
        code: 'unknown_reference',
      });
  }
  return { names, problems };
}

async function checkedValues(
  db: Queryable,
  input: ActivityInput & { identifier: string },
): Promise<ActivityValues> {
  const ruleProblems: FieldError[] = checkActivity(input).map((p) => ({
    path: `body.${p.path}`,
    message: p.message,
    code: 'inconsistent',
  }));
  const { names, problems } = await resolveReferences(db, input);
  const all = [...ruleProblems, ...problems];
  if (all.length > 0)
    throw new AppError('validation_failed', 'Some fields are not valid; see `errors`.', all);
  return valuesOf(input, names);
}

async function appendVersion(
  db: Queryable,
  row: ActivityRow,
  change: 'created' | 'updated' | 'deleted',
  context: ChangeContext,
) {
  await appendVersions(db, [{ row, change }], context);
}

export async function appendVersions(
  db: Queryable,
  changes: { row: ActivityRow; change: 'created' | 'updated' | 'deleted' }[],
  context: ChangeContext,
) {
  if (changes.length === 0) return;
  await db.insert(activityVersions).values(
    changes.map(({ row, change }) => ({
      activityId: row.id,
      version: row.version,
      change,
      changedAt: context.at,
      changedBy: context.userId,
      via: context.via,
      leadOrganisationId: row.leadOrganisationId,
      isPublished: row.isPublished,
      snapshot: activityView(row) as unknown as Record<string, unknown>,
    })),
  );
}

export async function createActivity(db: Queryable, input: ActivityInput, context: ChangeContext) {
  const identifier =
    input.identifier ?? (await readableIdentifier(db, input.leadOrganisationId, context.at.getUTCFullYear()));
  const values = await checkedValues(db, { ...input, identifier });
  const [existing] = await db
    .select({ id: activities.id })
    .from(activities)
    .where(eq(activities.identifier, identifier));
  if (existing)
    throw new AppError(
      'conflict',
      `An activity with identifier ${identifier} exists already (${existing.id}); change that one instead.`,
    );
  const [row] = await db
    .insert(activities)
    .values({ ...values, createdAt: context.at, updatedAt: context.at })
    .returning();
  if (!row) throw new AppError('internal_error');
  await appendVersion(db, row, 'created', context);
  return row;
}

export async function updateActivity(
  db: Queryable,
  id: string,
  patch: UpdateActivityRequest,
  context: ChangeContext,
) {
  const current = await getActivity(db, id);
  const { expectedVersion, ...changes } = patch;
  if (expectedVersion !== undefined && expectedVersion !== current.version)
    throw new AppError(
      'conflict',
      `The activity is at version ${current.version}, not ${expectedVersion}: reload it and apply your change again.`,
    );
  const merged = { ...inputOf(activityView(current)), ...changes };
  if (changes.activityType && !changes.pillar) merged.pillar = undefined;
  const values = await checkedValues(db, { ...merged, identifier: merged.identifier ?? current.identifier });
  if (isSameContent(values, current) && values.identifier === current.identifier) return current;
  const [row] = await db
    .update(activities)
    .set({ ...values, version: current.version + 1, updatedAt: context.at })
    .where(and(eq(activities.id, id), eq(activities.version, current.version)))
    .returning();
  if (!row) throw new AppError('conflict', 'The activity changed while this change was made; try again.');
  await appendVersion(db, row, 'updated', context);
  return row;
}

/** Removes the activity; its versions stay, the last one recording the removal. */
export async function deleteActivity(db: Queryable, id: string, context: ChangeContext) {
  const current = await getActivity(db, id);
  await appendVersion(db, { ...current, version: current.version + 1 }, 'deleted', context);
  await db.delete(activities).where(eq(activities.id, id));
}

// The import's batch writer lives beside the store; re-exported so callers keep one entry point.
export { ActivityBatchWriter, findByIdentifiers, type PreparedRow, saveBatch } from './save-batch.js';
