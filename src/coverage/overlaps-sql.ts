// Overlaps found by the database: the pairs of activities that overlap without a link, found by a join within each
// country, activity type, target group and form; grouped and explained by the same code as the reference engine.
import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, rowsOf } from '../platform/db.js';
import type { Names } from './explain.js';
import { byStartThenIdentifier, LISTED } from './explain.js';
import {
  connectedGroups,
  describedPairs,
  type OverlapActivity,
  type OverlapPair,
  type OverlapSlot,
  overlapFinding,
} from './overlaps.js';
import type { Finding } from './schemas.js';

/**
 * The rule of overlaps.ts as a join. Two activities are linked, and so never overlap, when their lead
 * organisations run a joint activity in the country or share a mechanism working there: those links are per pair of
 * organisations, so the join goes from each activity to the organisations it has no such link with, and only then
 * to their activities in the same bucket (type, group, form): a tenth of the pairs a join on the bucket alone makes.
 * A pair sharing several groups or forms meets in several buckets and is kept in its first one only.
 */
export function overlapSteps(wanted: readonly string[] | null): SQL {
  const inWanted = wanted ? sql`c.iso3 = any(${`{${wanted.join(',')}}`}::text[])` : sql`true`;
  return sql`
    slots as materialized (
      select c.iso3, s.id, s.identifier, s.lead, s.pillar, s.type, s.groups, s.forms, s.mechanism, s.start_on,
        s.end_on, s.doers, c.places,
        case when jsonb_array_length(s.participants) = 0 then array[s.lead]
          else array(select s.lead union select (p->>'organisationId')::uuid
            from jsonb_array_elements(s.participants) p where p->>'organisationId' is not null) end as participant_ids
      from scoped s
      cross join lateral (
        select e->>'iso3' as iso3, coalesce(array_agg(place) filter (where place is not null), '{}') as places
        from jsonb_array_elements(s.countries) e
        left join lateral jsonb_array_elements_text(coalesce(e->'places', '[]')) place on true
        group by 1) c
      where ${inWanted}),
    joint as (
      select distinct s.iso3, x, y from slots s, unnest(s.participant_ids) x, unnest(s.participant_ids) y
      where cardinality(s.participant_ids) > 1 and x < y),
    members as (select mechanism_id, organisation_id from mechanism_members where left_on is null),
    leads as (select distinct iso3, lead from slots),
    mechanism_links as (
      select distinct l.iso3, m1.organisation_id as x, m2.organisation_id as y
      from (select distinct iso3 from slots) l
      join coordination_mechanisms cm on cardinality(cm.countries) = 0 or l.iso3 = any(cm.countries)
      join members m1 on m1.mechanism_id = cm.id
      join members m2 on m2.mechanism_id = cm.id and m1.organisation_id < m2.organisation_id),
    unlinked as materialized (
      select a.iso3, a.lead as x, b.lead as y from leads a join leads b on b.iso3 = a.iso3 and b.lead <> a.lead
      where not exists (select 1 from joint j
          where j.iso3 = a.iso3 and j.x = least(a.lead, b.lead) and j.y = greatest(a.lead, b.lead))
        and not exists (select 1 from mechanism_links m
          where m.iso3 = a.iso3 and m.x = least(a.lead, b.lead) and m.y = greatest(a.lead, b.lead))),
    buckets as materialized (
      select s.*, coalesce(s.start_on, '-infinity') as starts, coalesce(s.end_on, 'infinity') as ends, g, f
      from slots s
      cross join lateral unnest(case when cardinality(s.groups) = 0 then '{""}'::text[] else s.groups end) g
      cross join lateral unnest(case when cardinality(s.forms) = 0 then '{""}'::text[] else s.forms end) f),
    pairs as materialized (
      select x.iso3, x.type, x.id as a, y.id as b,
        nullif(greatest(x.starts, y.starts), '-infinity') as from_on, nullif(least(x.ends, y.ends), 'infinity') as to_on,
        array(select v from unnest(x.groups) v where v = any(y.groups)) as groups,
        array(select v from unnest(x.forms) v where v = any(y.forms)) as forms
      from buckets x
      join unlinked u on u.iso3 = x.iso3 and u.x = x.lead
      join buckets y on y.iso3 = x.iso3 and y.type = x.type and y.g = x.g and y.f = x.f and y.lead = u.y
      where (x.starts < y.starts or (x.starts = y.starts and x.identifier collate "C" < y.identifier collate "C"))
        and x.starts <= y.ends and y.starts <= x.ends
        and (x.mechanism is null or y.mechanism is null or x.mechanism <> y.mechanism)
        and not x.participant_ids && y.participant_ids
        and (cardinality(x.places) = 0 or cardinality(y.places) = 0
          or exists (select 1 from unnest(x.places) p, unnest(y.places) q where lower(p) = lower(q)))
        and x.g = coalesce((select min(v collate "C") from unnest(x.groups) v where v = any(y.groups)), '')
        and x.f = coalesce((select min(v collate "C") from unnest(x.forms) v where v = any(y.forms)), ''))`;
}

/** The overlap steps' answers: the pairs, one line each, and their activities. */
export const OVERLAP_ANSWERS = sql`
      (select string_agg(concat_ws(' ', iso3, type, a, b, coalesce(from_on::text, '-'), coalesce(to_on::text, '-'),
        array_to_string(groups, ','), array_to_string(forms, ',')), E'\n') from pairs) as pairs,
      (select json_agg(json_build_array(s.iso3, s.id, s.identifier, s.lead, s.pillar, s.start_on::text,
          s.end_on::text, s.places, s.doers))::text
        from (select iso3, a as id from pairs union select iso3, b from pairs) e
        join slots s on s.iso3 = e.iso3 and s.id = e.id) as members`;

type MemberRow = [string, string, string, string, string, string | null, string | null, string[], string[]];

/** The unlinked overlaps, from the answers of the overlap steps; titles are read for the activities named. */
export async function overlapsFromAnswers(
  db: Queryable,
  names: Names,
  row: { pairs: string | null; members: string | null } | undefined,
): Promise<Finding[]> {
  const slots = new Map<string, OverlapSlot>();
  for (const [iso3, id, identifier, lead, pillar, start, end, places, doers] of JSON.parse(
    row?.members ?? '[]',
  ) as MemberRow[]) {
    const activity: OverlapActivity = {
      id,
      identifier,
      title: '',
      leadOrganisationId: lead,
      pillar,
      start,
      end,
      doerIds: doers,
    };
    slots.set(`${iso3}|${id}`, { activity, places });
  }
  const cells = new Map<string, OverlapPair[]>();
  for (const line of row?.pairs ? row.pairs.split('\n') : []) {
    const [iso3 = '', type = '', a = '', b = '', from = '-', to = '-', groups = '', forms = ''] =
      line.split(' ');
    const key = `${iso3}|${type}`;
    const pair: OverlapPair = {
      a: slots.get(`${iso3}|${a}`) as OverlapSlot,
      b: slots.get(`${iso3}|${b}`) as OverlapSlot,
      from: from === '-' ? null : from,
      to: to === '-' ? null : to,
      groups: groups ? groups.split(',') : [],
      forms: forms ? forms.split(',') : [],
    };
    const cell = cells.get(key);
    if (cell) cell.push(pair);
    else cells.set(key, [pair]);
  }
  const groups = [...cells].flatMap(([key, pairs]) =>
    connectedGroups(pairs).map((group) => ({ key, group })),
  );
  await fillTitles(
    db,
    groups.flatMap(({ group }) => titledIn(group)),
  );
  return groups.map(({ key, group }) => {
    const [iso3 = '', type = ''] = key.split('|');
    return overlapFinding(names, iso3, type, group);
  });
}

/** The activities a finding names: the first LISTED of its activities, and those of the five pairs described. */
function titledIn(pairs: readonly OverlapPair[]): OverlapActivity[] {
  const activities = [
    ...new Map(pairs.flatMap((p) => [p.a.activity, p.b.activity]).map((a) => [a.id, a])).values(),
  ];
  const listed =
    activities.length <= LISTED ? activities : activities.sort(byStartThenIdentifier).slice(0, LISTED);
  return [...listed, ...describedPairs(pairs).flatMap((p) => [p.a.activity, p.b.activity])];
}

/** Titles are read only for the activities a finding names: at a million activities most are never shown. */
async function fillTitles(db: Queryable, activities: OverlapActivity[]): Promise<void> {
  const ids = [...new Set(activities.map((a) => a.id))];
  if (ids.length === 0) return;
  const [row] = await rowsOf<{ titles: string | null }>(
    db,
    sql`select json_object_agg(id, title)::text as titles from activities
        where id = any(${`{${ids.join(',')}}`}::uuid[])`,
  );
  const titles = JSON.parse(row?.titles ?? '{}') as Record<string, string>;
  for (const activity of activities) activity.title = titles[activity.id] ?? '';
}
