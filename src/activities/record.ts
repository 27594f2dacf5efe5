// An activity between its three forms: API input, table row and API view; and the rules it must keep. Pure.
import { type CodeListName, codesOf, parentOf } from '../reference/vocabulary.js';
import { tidyCounts, totalOf } from './people.js';
import type { ActivityNarrativesValue, activities } from './schema.js';
import type { Activity, ActivityInput } from './schemas.js';

export type ActivityRow = typeof activities.$inferSelect;
export type ActivityValues = Omit<
  typeof activities.$inferInsert,
  'id' | 'createdAt' | 'updatedAt' | 'version'
>;

/** A problem with one field of an activity, by its path in the API shape (for example "countries.0.iso3"). */
export type FieldProblem = { path: string; message: string };

/** Roles whose organisations carry the activity out and so count as "who does it" in coverage. */
export const DOING_ROLES: ReadonlySet<string> = new Set(['implementing']);

export function pillarOf(activityType: string | null): string | null {
  if (!activityType) return null;
  return parentOf('activity_type' as CodeListName, activityType)?.code ?? null;
}

/** The rules that zod cannot see field by field: pillar and type agree, dates are in order, and so on. */
export function checkActivity(input: ActivityInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const pillar = pillarOf(input.activityType);
  if (input.pillar && pillar && input.pillar !== pillar)
    problems.push({
      path: 'pillar',
      message: `Activity type ${input.activityType} belongs to the ${pillar} pillar, not ${input.pillar}`,
    });
  for (const [start, end] of [
    ['plannedStart', 'plannedEnd'],
    ['actualStart', 'actualEnd'],
  ] as const) {
    const from = input[start];
    const to = input[end];
    if (from && to && from > to)
      problems.push({ path: end, message: `${end} ${to} is before ${start} ${from}` });
  }
  const seen = new Set<string>();
  input.countries.forEach((country, i) => {
    const key = `${country.iso3}:${country.role}`;
    if (seen.has(key))
      problems.push({
        path: `countries.${i}`,
        message: `${country.iso3} is listed twice as ${country.role}`,
      });
    seen.add(key);
  });
  input.participants.forEach((participant, i) => {
    if (!participant.organisationId && !participant.name)
      problems.push({
        path: `participants.${i}`,
        message: 'Give the organisation’s id or, outside the registry, its name',
      });
  });
  return problems;
}

/** The table values for a checked input; participant names of registry organisations come from `names`. */
export function valuesOf(
  input: ActivityInput & { identifier: string },
  names: ReadonlyMap<string, string>,
): ActivityValues {
  const participants = byRole(input.participants, PARTICIPANT_ORDER).map((p) => ({
    organisationId: p.organisationId ?? null,
    name: (p.organisationId ? names.get(p.organisationId) : undefined) ?? p.name ?? '',
    ref: p.ref ?? null,
    role: p.role,
  }));
  const doers = participants
    .filter((p) => p.organisationId && DOING_ROLES.has(p.role))
    .map((p) => p.organisationId!);
  const countries = byRole(input.countries, COUNTRY_ORDER).map((c) => ({
    iso3: c.iso3,
    role: c.role,
    places: [...(c.places ?? [])],
    percentage: c.percentage ?? null,
  }));
  const peopleTargeted = tidyCounts(input.peopleTargeted ?? {});
  const peopleReached = tidyCounts(input.peopleReached ?? {});
  return {
    identifier: input.identifier,
    title: input.title,
    description: input.description ?? null,
    leadOrganisationId: input.leadOrganisationId,
    participants,
    organisationIds: [...new Set([input.leadOrganisationId, ...doers])],
    // An unclassified activity keeps no pillar either: coverage must not count it under one.
    pillar: input.activityType ? (pillarOf(input.activityType) ?? input.pillar ?? 'partnership') : null,
    activityType: input.activityType ?? null,
    classificationHints: input.activityType ? [] : [...(input.classificationHints ?? [])],
    forms: distinct(input.forms),
    targetGroups: distinct(input.targetGroups),
    chainStage: input.chainStage ?? null,
    countries,
    countryCodes: distinct(countries.map((c) => c.iso3)),
    recipientRegions: [...(input.recipientRegions ?? [])],
    narratives: input.narratives ?? {},
    plannedStart: input.plannedStart ?? null,
    plannedEnd: input.plannedEnd ?? null,
    actualStart: input.actualStart ?? null,
    actualEnd: input.actualEnd ?? null,
    status: input.status,
    budgetAmount: input.budget ? input.budget.amount : null,
    budgetCurrency: input.budget ? input.budget.currency : null,
    funderName: input.budget?.funder ?? null,
    peopleTargeted,
    peopleReached,
    targetedTotal: totalOf(peopleTargeted),
    reachedTotal: totalOf(peopleReached),
    genderMarker: input.genderMarker ?? null,
    coordinationMechanismId: input.coordinationMechanismId ?? null,
    source: input.provenance?.source ?? null,
    reportedBy: input.provenance?.reportedBy ?? null,
    reportedOn: input.provenance?.reportedOn ?? null,
    isPublished: input.isPublished ?? false,
  };
}

const PARTICIPANT_ORDER = codesOf('iati_organisation_role');
const COUNTRY_ORDER = codesOf('country_role');

/** Sorted by role in code-list order, keeping the given order within a role: one canonical form per record. */
function byRole<T extends { role: string }>(items: readonly T[], order: readonly string[]): readonly T[] {
  // Most records name one organisation or country per list: nothing to sort (Array.sort is stable).
  if (items.length < 2) return items;
  return [...items].sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
}

/** The distinct values in first-seen order. */
function distinct<T>(values: readonly T[]): T[] {
  return values.length < 2 ? [...values] : [...new Set(values)];
}

export function activityView(row: ActivityRow): Activity {
  return {
    id: row.id,
    identifier: row.identifier,
    ...contentOf(row),
    needsClassification: row.activityType === null,
    targetedTotal: row.targetedTotal,
    reachedTotal: row.reachedTotal,
    isIllustrative: row.isIllustrative,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

type Content = Omit<
  Activity,
  | 'id'
  | 'identifier'
  | 'needsClassification'
  | 'targetedTotal'
  | 'reachedTotal'
  | 'isIllustrative'
  | 'version'
  | 'createdAt'
  | 'updatedAt'
>;

/** What a person entered, in a fixed key order: two activities with equal content are the same record. */
export function contentOf(row: ActivityValues | ActivityRow): Content {
  return {
    title: row.title,
    description: row.description ?? null,
    leadOrganisationId: row.leadOrganisationId,
    participants: (row.participants ?? []).map((p) => ({
      organisationId: p.organisationId,
      name: p.name,
      ref: p.ref,
      role: p.role as Activity['participants'][number]['role'],
    })),
    pillar: (row.pillar ?? null) as Activity['pillar'],
    activityType: (row.activityType ?? null) as Activity['activityType'],
    classificationHints: [...(row.classificationHints ?? [])] as Activity['classificationHints'],
    forms: [...(row.forms ?? [])] as Activity['forms'],
    targetGroups: [...(row.targetGroups ?? [])] as Activity['targetGroups'],
    chainStage: (row.chainStage ?? null) as Activity['chainStage'],
    countries: (row.countries ?? []).map((c) => ({
      iso3: c.iso3,
      role: c.role as Activity['countries'][number]['role'],
      places: [...c.places],
      percentage: c.percentage ?? null,
    })),
    recipientRegions: (row.recipientRegions ?? []).map((r) => ({
      code: r.code,
      vocabulary: r.vocabulary,
      vocabularyUri: r.vocabularyUri ?? null,
      percentage: r.percentage ?? null,
    })),
    narratives: canonicalNarratives(row.narratives ?? {}),
    plannedStart: row.plannedStart ?? null,
    plannedEnd: row.plannedEnd ?? null,
    actualStart: row.actualStart ?? null,
    actualEnd: row.actualEnd ?? null,
    status: row.status as Activity['status'],
    budget:
      row.budgetAmount === null || row.budgetAmount === undefined
        ? null
        : {
            amount: Number(row.budgetAmount),
            currency: row.budgetCurrency ?? '',
            funder: row.funderName ?? null,
          },
    peopleTargeted: tidyCounts(row.peopleTargeted ?? {}),
    peopleReached: tidyCounts(row.peopleReached ?? {}),
    genderMarker: (row.genderMarker ?? null) as Activity['genderMarker'],
    coordinationMechanismId: row.coordinationMechanismId ?? null,
    provenance: {
      source: row.source ?? null,
      reportedBy: row.reportedBy ?? null,
      reportedOn: row.reportedOn ?? null,
    },
    isPublished: row.isPublished ?? false,
  };
}

export function isSameContent(a: ActivityValues | ActivityRow, b: ActivityValues | ActivityRow): boolean {
  return JSON.stringify(contentOf(a)) === JSON.stringify(contentOf(b));
}

/** The input that would recreate a stored activity (for patches and round trips). */
export function inputOf(activity: Activity): ActivityInput & { identifier: string } {
  return {
    identifier: activity.identifier,
    title: activity.title,
    description: activity.description,
    leadOrganisationId: activity.leadOrganisationId,
    participants: activity.participants.map((p) => ({ ...p, name: p.name })),
    pillar: activity.pillar ?? undefined,
    activityType: activity.activityType,
    classificationHints: activity.classificationHints,
    forms: activity.forms,
    targetGroups: activity.targetGroups,
    chainStage: activity.chainStage,
    countries: activity.countries,
    recipientRegions: activity.recipientRegions,
    narratives: activity.narratives,
    plannedStart: activity.plannedStart,
    plannedEnd: activity.plannedEnd,
    actualStart: activity.actualStart,
    actualEnd: activity.actualEnd,
    status: activity.status,
    budget: activity.budget,
    peopleTargeted: activity.peopleTargeted,
    peopleReached: activity.peopleReached,
    genderMarker: activity.genderMarker,
    coordinationMechanismId: activity.coordinationMechanismId,
    provenance: activity.provenance,
    isPublished: activity.isPublished,
  };
}

/** Narratives in a fixed key order, so that the same narratives compare equal however they were stored. */
function canonicalNarratives(narratives: ActivityNarrativesValue): Activity['narratives'] {
  const result: Activity['narratives'] = {};
  if (narratives.title?.length) result.title = narratives.title.map((n) => ({ lang: n.lang, text: n.text }));
  if (narratives.description?.length)
    result.description = narratives.description.map((n) => ({ lang: n.lang, text: n.text, type: n.type }));
  return result;
}
