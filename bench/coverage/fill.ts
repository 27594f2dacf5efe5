// Generated activities written by the database itself: a million in about a minute, to time the coverage queries.
// The same shares as generate.ts (which goes through the import and is the import's benchmark), drawn by SQL.
import { sql } from 'drizzle-orm';
import { type Queryable, rowsOf } from '../../src/platform/db.js';
import { codesOf, parentOf } from '../../src/reference/vocabulary.js';
import { COUNTRIES, DESTINATIONS, FORM_WEIGHTS, GROUP_WEIGHTS, weighted } from './generate.js';

const pgArray = (values: readonly string[]) => sql`${`{${values.join(',')}}`}::text[]`;

/** Inserts `count` activities led by the given organisations, in batches of 100,000 statements' worth. */
export async function fillActivities(
  db: Queryable,
  count: number,
  organisationIds: readonly string[],
  uniform: boolean,
): Promise<void> {
  const types = codesOf('activity_type');
  const pillars = types.map((t) => parentOf('activity_type', t)?.code ?? 'partnership');
  const groups = weighted(codesOf('target_group'), GROUP_WEIGHTS, uniform);
  const forms = weighted(codesOf('form_of_exploitation'), FORM_WEIGHTS, uniform);
  await rowsOf(db, sql`select setseed(0.2026)`);
  const step = 100_000;
  for (let first = 0; first < count; first += step) {
    const last = Math.min(count, first + step) - 1;
    await rowsOf(
      db,
      sql`insert into activities (identifier, title, lead_organisation_id, participants, organisation_ids, pillar,
            activity_type, forms, target_groups, chain_stage, countries, country_codes, planned_start, planned_end,
            status, budget_amount, budget_currency, people_reached, reached_total, is_published)
          select 'BENCH-' || lpad(i::text, 7, '0'), 'Generated activity ' || i, lead,
            jsonb_build_array(jsonb_build_object('organisationId', lead, 'name', '', 'ref', null, 'role', 'lead'))
              || case when partner is null then '[]'::jsonb else jsonb_build_array(jsonb_build_object(
                'organisationId', partner, 'name', '', 'ref', null, 'role', 'implementing')) end,
            case when partner is null or partner = lead then array[lead] else array[lead, partner] end,
            pillar, type,
            case when no_form then '{}' when form2 is null or form2 = form1 then array[form1] else array[form1, form2] end,
            case when no_group then '{}' when group2 is null or group2 = group1 then array[group1]
              else array[group1, group2] end,
            stage,
            jsonb_build_array(jsonb_build_object('iso3', origin, 'role', 'origin', 'places',
                case when place is null then '[]'::jsonb else jsonb_build_array(place) end, 'percentage', null))
              || case when destination is null then '[]'::jsonb else jsonb_build_array(jsonb_build_object(
                'iso3', destination, 'role', 'destination', 'places', '[]'::jsonb, 'percentage', null)) end,
            case when destination is null then array[origin] else array[origin, destination] end,
            start_on, start_on + days, status, budget, case when budget is null then null when euro then 'EUR' else 'USD' end,
            jsonb_build_object('female_adults', women, 'male_children', boys), women + boys, true
          from (
            select i, o.ids[1 + floor(random() * o.n)::int] as lead,
              case when random() < 0.3 then o.ids[1 + floor(random() * o.n)::int] end as partner,
              t.k, t.types[t.k] as type, t.pillars[t.k] as pillar,
              random() < 0.15 as no_form, f.codes[1 + floor(random() * f.n)::int] as form1,
              case when random() < 0.3 then f.codes[1 + floor(random() * f.n)::int] end as form2,
              random() < 0.1 as no_group, g.codes[1 + floor(random() * g.n)::int] as group1,
              case when random() < 0.3 then g.codes[1 + floor(random() * g.n)::int] end as group2,
              c.origin, case when c.corridor then (array['supply', 'demand'])[1 + floor(random() * 2)::int] end as stage,
              case when c.corridor and c.destination <> c.origin then c.destination end as destination,
              case when random() < 0.3 then (array['Capital', 'North', 'South', 'Coast'])[1 + floor(random() * 4)::int]
                end as place,
              (date '2025-01-01' + make_interval(months => floor(random() * 24)::int,
                days => floor(random() * 27)::int))::date as start_on,
              60 + floor(random() * 600)::int as days,
              (array['implementation', 'implementation', 'finalisation', 'pipeline', 'closed'])[1 + floor(random() * 5)::int]
                as status,
              case when random() < 0.6 then floor(random() * 500000) end as budget, random() >= 0.9 as euro,
              floor(random() * 300)::int as women, floor(random() * 100)::int as boys
            from generate_series(${first}::int, ${last}::int) i
            cross join lateral (select ${`{${organisationIds.join(',')}}`}::uuid[] as ids,
              ${organisationIds.length}::int as n, i as _) o
            cross join lateral (select ${pgArray(types)} as types, ${pgArray(pillars)} as pillars,
              1 + floor(random() * ${types.length})::int as k, i as _) t
            cross join lateral (select ${pgArray(forms)} as codes, ${forms.length}::int as n, i as _) f
            cross join lateral (select ${pgArray(groups)} as codes, ${groups.length}::int as n, i as _) g
            cross join lateral (select (${pgArray(COUNTRIES)})[1 + floor(random() * ${COUNTRIES.length})::int] as origin,
              random() < 0.2 as corridor,
              (${pgArray(DESTINATIONS)})[1 + floor(random() * ${DESTINATIONS.length})::int] as destination, i as _) c
          ) drawn`,
    );
  }
}
