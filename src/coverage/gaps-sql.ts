// Gaps found by the database: activities counted per country and pillar, the activities of each corridor and of
// each need gathered there, and the findings explained by the same code as the reference engine (gaps.ts).
import { and, type SQL, sql } from 'drizzle-orm';
import type { Names } from './explain.js';
import { LISTED } from './explain.js';
import {
  type ActivitySet,
  type Corridor,
  corridorGapFinding,
  needGapFinding,
  pillarGapFindings,
  WIDER_GROUPS,
} from './gaps.js';
import { coverageConditions } from './matrix.js';
import { type AnalysisInput, type NeedStatement, PILLARS } from './model.js';
import type { ProfileCounts } from './profiles.js';
import type { CoverageQuery, Finding } from './schemas.js';

type GapInput = Names & Pick<AnalysisInput, 'period' | 'thresholds' | 'needs'>;

/** One activity of a set, as the summary lists it: [id, identifier, title, lead, start, end]. */
type ListedRow = [string, string, string, string, string | null, string | null];
type SetRow = {
  count: number;
  listed: ListedRow[];
  first: ListedRow[];
  doers: string[] | null;
  leads: string[];
  reachedActivities: number;
  reachedPeople: number;
};

const toActivity = ([id, identifier, title, lead, start, end]: ListedRow) => ({
  id,
  identifier,
  title,
  leadOrganisationId: lead,
  start,
  end,
});

function activitySetOfRow(names: Names, row: SetRow | undefined): ActivitySet {
  if (!row)
    return {
      involvement: { count: 0, listed: [], organisationIds: [] },
      first: [],
      reached: { activities: 0, people: 0 },
      leadIds: [],
    };
  return {
    involvement: {
      count: row.count,
      listed: row.listed.map((r) => {
        const a = toActivity(r);
        return {
          ...a,
          leadOrganisation: names.organisations.get(a.leadOrganisationId)?.name ?? a.leadOrganisationId,
        };
      }),
      organisationIds: [...(row.doers ?? [])].sort(),
    },
    first: row.first.map(toActivity),
    reached: { activities: row.reachedActivities, people: row.reachedPeople },
    leadIds: row.leads,
  };
}

/** The needs as a VALUES list: index, country, pillar, form and the groups an activity may name to cover it. */
function needValues(needs: readonly NeedStatement[]): SQL {
  if (needs.length === 0)
    return sql`select null::int as i, null::text as iso3, null::text as pillar, null::text as form, null::text[] as groups where false`;
  const rows = needs.map(
    (n, i) =>
      sql`(${i}::int, ${n.iso3}::text, ${n.pillar}::text, ${n.form}::text, ${
        n.targetGroup ? `{${[n.targetGroup, ...(WIDER_GROUPS[n.targetGroup] ?? [])].join(',')}}` : null
      }::text[])`,
  );
  return sql`select * from (values ${sql.join(rows, sql`, `)}) v(i, iso3, pillar, form, groups)`;
}

/**
 * Every activity in view is at hand when no country is asked for: the demand-side work at each destination is
 * read off them in one pass, where a look per corridor would read hundreds of destinations' activities.
 */
const UNWORKED_IN_VIEW = sql.raw(`
  select c.origin, c.destination from (select distinct origin, destination from corridors) c
  where not exists (
    select 1 from scoped s, jsonb_array_elements(s.countries) d
    where s.chain_stage = 'demand' and d->>'role' = 'destination' and d->>'iso3' = c.destination
      and (s.countries @> jsonb_build_array(jsonb_build_object('iso3', c.origin, 'role', 'origin'))
        or not s.countries @> '[{"role": "origin"}]'::jsonb))`);

/**
 * For some countries, whether a corridor is worked at its destination is asked of the destination's activities,
 * found through its coverage slots; each look stops at the first demand-side activity.
 */
function unworkedProbed(otherConditions: SQL[]): SQL {
  return sql`
    select c.origin, c.destination from (select distinct origin, destination from corridors) c
    where not exists (select 1 from activities where ${and(
      ...otherConditions,
      sql`id = any(array(select activity_id from coverage_slots where iso3 = c.destination))`,
      sql`chain_stage = 'demand'`,
      sql`activities.countries @> jsonb_build_array(jsonb_build_object('iso3', c.destination, 'role', 'destination'))`,
      sql`(activities.countries @> jsonb_build_array(jsonb_build_object('iso3', c.origin, 'role', 'origin'))
          or not activities.countries @> '[{"role": "origin"}]'::jsonb)`,
    )})`;
}

/**
 * The sets of activities the gap rules speak of, each summarised by the database: the protection activities of a
 * country (for the imbalance rule), the origin side of each corridor not worked at its destination, and the
 * activities that cover each need.
 */
export function gapSteps(query: CoverageQuery, needs: readonly NeedStatement[]): SQL {
  const wanted = query.country?.length ? sql`${`{${query.country.join(',')}}`}::text[]` : null;
  const inWanted = (column: SQL) => (wanted ? sql`${column} = any(${wanted})` : sql`true`);
  const otherConditions = coverageConditions({ ...query, country: undefined });
  const pillars = query.pillar ? [query.pillar] : [...PILLARS];
  const structural = !query.activityType;
  return sql`places as (select distinct s.id, s.pillar, e->>'iso3' as iso3 from scoped s, jsonb_array_elements(s.countries) e),
    counts as (select iso3, pillar, count(*)::int as n from places where ${inWanted(sql`iso3`)} group by 1, 2),
    profile_activities as (
      select p.iso3, count(*)::int as activities, count(*) filter (where s.mechanism is not null)::int as under_mechanism
      from places p join scoped s using (id) where ${inWanted(sql`p.iso3`)} group by 1),
    profile_doers as (
      select p.iso3, array_agg(distinct d) as doers from places p join scoped s using (id), unnest(s.doers) d
      where ${inWanted(sql`p.iso3`)} group by 1),
    imbalanced as (
      select iso3 from counts where ${structural && pillars.includes('prosecution')}
      group by iso3 having sum(n) filter (where pillar = 'protection') > 0
        and coalesce(sum(n) filter (where pillar = 'prosecution'), 0) = 0),
    corridors as (
      select distinct s.id, o->>'iso3' as origin, d->>'iso3' as destination from scoped s,
        jsonb_array_elements(s.countries) o, jsonb_array_elements(s.countries) d
      where o->>'role' = 'origin' and d->>'role' = 'destination' and o->>'iso3' <> d->>'iso3'
        and s.chain_stage is distinct from 'demand' and s.chain_stage is distinct from 'transit'
        and (${inWanted(sql`o->>'iso3'`)} or ${inWanted(sql`d->>'iso3'`)})),
    unworked as materialized (${wanted ? unworkedProbed(otherConditions) : UNWORKED_IN_VIEW}),
    needs as (${needValues(needs)}),
    set_members as (
      select 'protection|' || p.iso3 as set_key, p.id from places p join imbalanced i using (iso3)
      where p.pillar = 'protection'
      union all
      select 'corridor|' || c.origin || '|' || c.destination, c.id from corridors c join unworked u using (origin, destination)
      union all
      select 'need|' || n.i, s.id from needs n join scoped s
        on s.countries @> jsonb_build_array(jsonb_build_object('iso3', n.iso3))
        and (n.pillar is null or s.pillar = n.pillar)
        and (n.form is null or cardinality(s.forms) = 0 or s.forms && array[n.form, 'mixed'])
        and (n.groups is null or cardinality(s.groups) = 0 or s.groups && n.groups)),
    set_rows as (
      select m.set_key, s.*,
        row_number() over (partition by m.set_key order by s.start_on nulls first, s.identifier collate "C") as by_start,
        row_number() over (partition by m.set_key order by s.identifier) as by_identifier
      from set_members m join scoped s using (id)),
    set_doers as (select set_key, array_agg(distinct d) as doers from set_rows, unnest(set_rows.doers) d group by set_key),
    set_leads as (
      select set_key, array_agg(lead order by first) as leads
      from (select set_key, lead, min(identifier) as first from set_rows group by 1, 2) l group by set_key),
    sets as (
      select set_key, count(*)::int as count,
        coalesce(json_agg(json_build_array(id, identifier, title, lead, start_on::text, end_on::text)
          order by by_start) filter (where by_start <= ${LISTED}), '[]') as listed,
        coalesce(json_agg(json_build_array(id, identifier, title, lead, start_on::text, end_on::text)
          order by by_identifier) filter (where by_identifier <= 5), '[]') as first,
        count(reached_total)::int as reached_activities, coalesce(sum(reached_total), 0)::bigint as reached_people
      from set_rows group by set_key)`;
}

/** The gap steps' answers: activities per country and pillar, and the summary of each set. */
export const GAP_ANSWERS = sql`
      (select coalesce(json_agg(json_build_array(iso3, pillar, n)), '[]')::text from counts) as counts,
      (select coalesce(json_object_agg(s.set_key, json_build_object('count', s.count, 'listed', s.listed,
          'first', s.first, 'doers', d.doers, 'leads', l.leads, 'reachedActivities', s.reached_activities,
          'reachedPeople', s.reached_people)), '{}')::text
        from sets s left join set_doers d using (set_key) left join set_leads l using (set_key)) as sets`;

/** What the country profiles count, per country in view: [country, activities, under a mechanism, doers]. */
export const PROFILE_ANSWER = sql`
      (select coalesce(json_agg(json_build_array(a.iso3, a.activities, a.under_mechanism, coalesce(d.doers, '{}'))),
        '[]')::text from profile_activities a left join profile_doers d using (iso3)) as profiles`;

type ProfileRow = [string, number, number, string[]];

/** The profiles' counts per country, from the answers of the gap steps. */
export function profileCountsFromAnswers(
  row: { counts: string | null; profiles: string | null } | undefined,
) {
  const byPillar = new Map<string, Map<string, number>>();
  for (const [iso3, pillar, n] of JSON.parse(row?.counts ?? '[]') as [string, string, number][])
    byPillar.set(iso3, (byPillar.get(iso3) ?? new Map()).set(pillar, n));
  const counts = new Map<string, ProfileCounts>();
  for (const [iso3, activities, underMechanism, doerIds] of JSON.parse(row?.profiles ?? '[]') as ProfileRow[])
    counts.set(iso3, { activities, underMechanism, doerIds, byPillar: byPillar.get(iso3) ?? new Map() });
  return counts;
}

/** Need gaps, pillar gaps and corridor gaps, from the answers of the gap steps. */
export function gapsFromAnswers(
  query: CoverageQuery,
  input: GapInput,
  row: { counts: string | null; sets: string | null } | undefined,
): Finding[] {
  const counts = JSON.parse(row?.counts ?? '[]') as [string, string, number][];
  const sets = JSON.parse(row?.sets ?? '{}') as Record<string, SetRow>;
  const setOf = (key: string) => activitySetOfRow(input, sets[key]);
  const findings = input.needs.flatMap((need, i) => needGapFinding(input, need, setOf(`need|${i}`)) ?? []);
  if (!query.activityType) findings.push(...pillarGaps(input, query, counts, setOf));
  const corridors = Object.keys(sets)
    .filter((key) => key.startsWith('corridor|'))
    .map((key) => {
      const [, origin = '', destination = ''] = key.split('|');
      return { key, corridor: { origin, destination } satisfies Corridor };
    })
    .sort((a, b) =>
      `${a.corridor.origin}${a.corridor.destination}`.localeCompare(
        `${b.corridor.origin}${b.corridor.destination}`,
      ),
    );
  for (const { key, corridor } of corridors) findings.push(corridorGapFinding(input, corridor, setOf(key)));
  return findings;
}

function pillarGaps(
  input: GapInput,
  query: CoverageQuery,
  counts: [string, string, number][],
  setOf: (key: string) => ActivitySet,
): Finding[] {
  const pillars = query.pillar ? [query.pillar] : [...PILLARS];
  const byCountry = new Map<string, Map<string, number>>();
  for (const [iso3, pillar, n] of counts) {
    const here = byCountry.get(iso3) ?? new Map(pillars.map((p) => [p, 0]));
    if (here.has(pillar)) here.set(pillar, n);
    byCountry.set(iso3, here);
  }
  const totals = new Map<string, number>();
  for (const [iso3, , n] of counts) totals.set(iso3, (totals.get(iso3) ?? 0) + n);
  return [...byCountry.keys()]
    .sort()
    .flatMap((iso3) =>
      pillarGapFindings(input, iso3, byCountry.get(iso3) ?? new Map(), totals.get(iso3) ?? 0, () =>
        setOf(`protection|${iso3}`),
      ),
    );
}
