// Loads what the coverage rules look at, in a handful of set-based queries, as the requester sees it.
import { and, arrayOverlaps, not, type SQL, sql } from 'drizzle-orm';
import { activities } from '../activities/index.js';
import { coordinationMechanisms, mechanismMembers, organisations } from '../partners/index.js';
import { type Queryable, rowsOf } from '../platform/db.js';
import { coverageConditions } from './matrix.js';
import type { AnalysedActivity, AnalysisInput } from './model.js';
import { collectNeeds, type NeedSource } from './needs.js';
import type { CoverageQuery } from './schemas.js';

/** Qualified: inside a subquery Drizzle would print a bare "id", which the inner table's own id would capture. */
const MECHANISM_ID = sql.raw('"coordination_mechanisms"."id"');

export async function loadAnalysisInput(
  db: Queryable,
  query: CoverageQuery,
  sources?: readonly NeedSource[],
): Promise<AnalysisInput & { needSources: string[] }> {
  // One after the other: a transaction's queries share one connection, which runs them in turn anyway.
  const { rows, corridorsWorkedElsewhere } = await loadActivities(db, query);
  return { ...(await loadAnalysisContext(db, query, sources)), activities: rows, corridorsWorkedElsewhere };
}

/** Everything the rules look at but the activities. */
export type AnalysisContext = Omit<AnalysisInput, 'activities'> & { needSources: string[] };

/** Everything the rules look at but the activities: organisations, mechanisms, need, the period and filters. */
export async function loadAnalysisContext(
  db: Queryable,
  query: CoverageQuery,
  sources?: readonly NeedSource[],
): Promise<AnalysisContext> {
  const orgs = await db
    .select({ id: organisations.id, name: organisations.name, actorType: organisations.actorType })
    .from(organisations);
  const memberships = await db
    .select({ mechanismId: mechanismMembers.mechanismId, organisationId: mechanismMembers.organisationId })
    .from(mechanismMembers)
    .where(sql`${mechanismMembers.leftOn} is null`);
  const mechanisms = await db
    .select({
      id: coordinationMechanisms.id,
      name: coordinationMechanisms.name,
      kind: coordinationMechanisms.kind,
      countries: coordinationMechanisms.countries,
      members: sql<number>`(select count(*)::int from ${mechanismMembers} m
          where m.mechanism_id = ${MECHANISM_ID} and m.left_on is null)`,
    })
    .from(coordinationMechanisms);
  const mechanismsOf = new Map<string, Set<string>>();
  for (const m of memberships)
    mechanismsOf.set(
      m.organisationId,
      new Set([...(mechanismsOf.get(m.organisationId) ?? []), m.mechanismId]),
    );
  const years = {
    fromYear: query.from ? Number(query.from.slice(0, 4)) : 1900,
    toYear: query.to ? Number(query.to.slice(0, 4)) : 2200,
  };
  const { needs, sources: needSources } = await collectNeeds(db, years, query.country, sources);
  return {
    period: { from: query.from ?? null, to: query.to ?? null },
    organisations: new Map(orgs.map((o) => [o.id, { name: o.name, actorType: o.actorType }])),
    mechanismsOf,
    mechanisms: mechanisms.map((m) => ({ ...m, members: Number(m.members) })),
    needs: needs.filter((n) => coversQuery(n, query)),
    needSources,
    scope: { pillar: query.pillar, activityType: query.activityType, countries: query.country },
    thresholds: { minActivities: query.minActivities, minReachedShare: query.minReachedShare },
  };
}

/** A need outside the filters (another pillar, form or group than asked for) is not judged. */
function coversQuery(
  need: { pillar: string | null; form: string | null; targetGroup: string | null },
  query: CoverageQuery,
) {
  if (query.pillar && need.pillar && need.pillar !== query.pillar) return false;
  if (query.form && need.form && need.form !== query.form) return false;
  if (query.targetGroup && need.targetGroup && need.targetGroup !== query.targetGroup) return false;
  return true;
}

type LoadedRow = Omit<AnalysedActivity, 'participantIds'> & {
  participants: { organisationId: string | null }[];
};

/**
 * The activities of some countries found through the coverage slots (migration 0022), which the database reads
 * by index under row-level security, where it would otherwise test every activity's countries. As an array of
 * ids, not IN: the planner then fetches each activity by its key instead of hashing a scan of all of them.
 */
export function inCountries(countries: readonly string[]): SQL {
  return sql`id = any(array(select activity_id from coverage_slots
    where iso3 = any(${`{${countries.join(',')}}`}::text[])))`;
}

/**
 * The activities in view; for a country filter, also which of their corridors are worked on the destination side
 * in other countries (demand-side work at the destination, for that origin or for none named): whether a
 * corridor is worked from its destination end must not depend on which end was asked for. Only that yes or no
 * is needed, not the work itself.
 */
async function loadActivities(
  db: Queryable,
  query: CoverageQuery,
): Promise<{ rows: AnalysedActivity[]; corridorsWorkedElsewhere: string[] }> {
  if (!query.country?.length)
    return { rows: await loadActivityRows(db, coverageConditions(query)), corridorsWorkedElsewhere: [] };
  const rows = await loadActivityRows(db, [...coverageConditions(query), inCountries(query.country)]);
  const wanted = new Set(query.country);
  const corridors = new Map<string, { origin: string; destination: string }>();
  for (const row of rows) {
    if (row.chainStage === 'demand' || row.chainStage === 'transit') continue;
    for (const o of row.countries)
      for (const d of row.countries)
        if (o.role === 'origin' && d.role === 'destination' && o.iso3 !== d.iso3 && !wanted.has(d.iso3))
          corridors.set(`${o.iso3}>${d.iso3}`, { origin: o.iso3, destination: d.iso3 });
  }
  if (corridors.size === 0) return { rows, corridorsWorkedElsewhere: [] };
  // One look per corridor, which stops at the first demand-side activity found at its destination.
  const candidates = sql.join(
    [...corridors.values()].map((c) => sql`(${c.origin}::text, ${c.destination}::text)`),
    sql`, `,
  );
  const worked = await rowsOf<{ corridor: string }>(
    db,
    sql`select c.origin || '>' || c.destination as corridor from (values ${candidates}) c(origin, destination)
        where exists (select 1 from activities where ${and(
          ...coverageConditions({ ...query, country: undefined }),
          sql`id = any(array(select activity_id from coverage_slots where iso3 = c.destination))`,
          sql`chain_stage = 'demand'`,
          not(arrayOverlaps(activities.countryCodes, [...wanted])),
          sql`activities.countries @> jsonb_build_array(jsonb_build_object('iso3', c.destination, 'role', 'destination'))`,
          sql`(activities.countries @> jsonb_build_array(jsonb_build_object('iso3', c.origin, 'role', 'origin'))
            or not activities.countries @> '[{"role": "origin"}]'::jsonb)`,
        )})`,
  );
  return { rows, corridorsWorkedElsewhere: worked.map((w) => w.corridor) };
}

/** Activities per query: one JSON value each, small enough for any engine however many activities there are. */
const CHUNK = 25_000;

/**
 * The activities as JSON values of CHUNK activities each, in identifier order: PGlite converts rows one by one
 * slowly and a single value fast, but one value for a million activities would pass the largest string a
 * JavaScript engine holds. Each chunk continues after the last identifier of the one before (the unique index).
 */
export async function loadActivityRows(
  db: Queryable,
  conditions: SQL[],
  chunk = CHUNK,
): Promise<AnalysedActivity[]> {
  const all: AnalysedActivity[] = [];
  let after: string | null = null;
  for (;;) {
    const page: SQL[] = after === null ? conditions : [...conditions, sql`identifier > ${after}`];
    const result = await rowsOf<{ data: string | null }>(
      db,
      sql`select json_agg(json_build_object(
            'id', id, 'identifier', identifier, 'title', title, 'leadOrganisationId', lead_organisation_id,
            'doerIds', organisation_ids,
            'participants', participants,
            'pillar', pillar, 'activityType', activity_type, 'forms', forms, 'targetGroups', target_groups,
            'chainStage', chain_stage, 'countries', countries,
            'start', coalesce(actual_start, planned_start)::text, 'end', coalesce(actual_end, planned_end)::text,
            'reached', reached_total, 'mechanismId', coordination_mechanism_id) order by identifier)::text as data
          from (select * from activities where ${and(...page)} order by identifier limit ${chunk}) chunk`,
    );
    const rows = JSON.parse(result[0]?.data ?? '[]') as LoadedRow[];
    for (const row of rows) all.push(analysed(row));
    if (rows.length < chunk) return all;
    after = rows.at(-1)?.identifier ?? null;
  }
}

function analysed({ participants, ...row }: LoadedRow): AnalysedActivity {
  return {
    ...row,
    participantIds: [
      ...new Set([
        row.leadOrganisationId,
        ...participants.flatMap((p) => (p.organisationId ? [p.organisationId] : [])),
      ]),
    ],
  };
}
