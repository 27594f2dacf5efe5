// Use case: the work in one country — its activities by pillar with their leads, and the organisations doing it.
import { sql } from 'drizzle-orm';
import { type Queryable, rowsOf } from '../platform/db.js';

/** An activity as a country page lists it: its title in the reader's language where the publisher gave one. */
export type CountryActivity = {
  id: string;
  title: string;
  pillar: string | null;
  activityType: string | null;
  status: string;
  start: string | null;
  end: string | null;
  leadOrganisation: { id: string; name: string };
  isPublished: boolean;
};

/** The activities of one pillar (null: awaiting classification): how many in all, and the first few. */
export type PillarActivities = { pillar: string | null; total: number; activities: CountryActivity[] };

/** An organisation working in the country: through activities it leads or takes part in, or by its own word. */
export type CountryPartner = {
  id: string;
  name: string;
  acronym: string | null;
  actorType: string;
  leads: number;
  takesPart: number;
  /** The organisation names the country among those it works in. */
  declaresCountry: boolean;
};

const PILLAR_ORDER = sql`array_position(array['prevention','protection','prosecution','partnership']::text[], pillar)`;

/**
 * The country's activities are found through coverage_slots (migration 0022), kept by the activities' triggers:
 * under row-level security the planner cannot use an index for the array operators, and would read every
 * activity. Each activity is still read through the activities' own policies, so the public sees published ones.
 */
const IN_COUNTRY = (iso3: string) =>
  sql`select a.* from coverage_slots s join activities a on a.id = s.activity_id where s.iso3 = ${iso3}`;

/** A name in the reader's language where the organisation gave one. */
const localName = (lang: string) => sql`coalesce(nullif(o.names->>${lang}, ''), o.name)`;

type ActivityRow = {
  id: string;
  title: string;
  pillar: string | null;
  activityType: string | null;
  status: string;
  start: string | null;
  end: string | null;
  leadId: string;
  leadName: string;
  isPublished: boolean;
  total: number;
};

/** Every pillar's count, and its `perPillar` most recent activities (by start, then title). */
export async function listActivitiesInCountry(
  db: Queryable,
  query: { iso3: string; lang: string; perPillar: number },
): Promise<PillarActivities[]> {
  const rows = await rowsOf<ActivityRow>(
    db,
    sql`with here as (${IN_COUNTRY(query.iso3)}),
        ranked as (
          select h.*, coalesce(h.actual_start, h.planned_start) as start_on,
            coalesce(h.actual_end, h.planned_end) as end_on,
            count(*) over (partition by h.pillar) as total,
            row_number() over (partition by h.pillar
              order by coalesce(h.actual_start, h.planned_start) desc nulls last, h.title, h.id) as rank
          from here h)
        select r.id, coalesce((select n->>'text' from jsonb_array_elements(r.narratives->'title') n
                 where n->>'lang' = ${query.lang} and n->>'text' <> '' limit 1), r.title) as title,
          r.pillar, r.activity_type as "activityType", r.status, to_char(r.start_on, 'YYYY-MM-DD') as start,
          to_char(r.end_on, 'YYYY-MM-DD') as "end",
          r.lead_organisation_id as "leadId", ${localName(query.lang)} as "leadName",
          r.is_published as "isPublished", r.total::int as total
        from ranked r join organisations o on o.id = r.lead_organisation_id
        where r.rank <= ${query.perPillar}
        order by ${PILLAR_ORDER} nulls last, r.rank`,
  );
  const groups = new Map<string | null, PillarActivities>();
  for (const row of rows) {
    const group = groups.get(row.pillar) ?? { pillar: row.pillar, total: Number(row.total), activities: [] };
    group.activities.push({
      id: row.id,
      title: row.title,
      pillar: row.pillar,
      activityType: row.activityType,
      status: row.status,
      start: row.start,
      end: row.end,
      leadOrganisation: { id: row.leadId, name: row.leadName },
      isPublished: row.isPublished,
    });
    groups.set(row.pillar, group);
  }
  return [...groups.values()];
}

/**
 * The organisations working in the country, most active first: those in the activities the reader may see,
 * and those that name the country themselves (the directory is public). `total` counts them all.
 */
export async function listPartnersInCountry(
  db: Queryable,
  query: { iso3: string; lang: string; limit: number },
): Promise<{ total: number; partners: CountryPartner[] }> {
  const rows = await rowsOf<CountryPartner & { total: number }>(
    db,
    sql`with here as (${IN_COUNTRY(query.iso3)}),
        doers as (select unnest(h.organisation_ids) as org, h.lead_organisation_id as lead from here h),
        counted as (
          select o.id, ${localName(query.lang)} as name, o.acronym, o.actor_type as "actorType",
            count(d.org) filter (where d.lead = o.id)::int as leads,
            count(d.org) filter (where d.lead <> o.id)::int as "takesPart",
            (${query.iso3} = any(o.countries_of_operation)) as "declaresCountry"
          from organisations o left join doers d on d.org = o.id
          where d.org is not null or ${query.iso3} = any(o.countries_of_operation)
          group by o.id)
        select c.*, count(*) over ()::int as total from counted c
        order by c.leads + c."takesPart" desc, c.name, c.id
        limit ${query.limit}`,
  );
  return {
    total: Number(rows[0]?.total ?? 0),
    partners: rows.map(({ total: _total, ...partner }) => partner),
  };
}
