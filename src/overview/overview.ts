// Use case: the start page — the response by country for everyone, and a signed-in person's own work.
import { sql } from 'drizzle-orm';
import type { Principal } from '../access/policy.js';
import { type Queryable, rowsOf } from '../platform/db.js';
import type { Overview, PersonalOverview } from './schemas.js';

/** Activities still expected to run: the IATI statuses before completion. */
const RUNNING_STATUSES = ['pipeline', 'implementation'];
const OWN_ACTIVITY_LIMIT = 8;
const RECENT_CHANGE_LIMIT = 8;

type Row = Record<string, unknown>;

/** An array literal for a bound parameter: both drivers pass it as text, cast in SQL. */
const postgresArray = (values: readonly string[]) => `{${values.join(',')}}`;
const asIso = (value: unknown) => new Date(value as string | Date).toISOString();
const asDate = (value: unknown) => (value === null || value === undefined ? null : asIso(value).slice(0, 10));

/** Counts run under the requester's row-level security: each person sees the response they may see. */
async function countByCountry(db: Queryable) {
  const found = await rowsOf<{ iso3: string; activities: number; partners: number }>(
    db,
    sql`select code as iso3, count(*)::int as activities, count(distinct a.lead_organisation_id)::int as partners
        from activities a cross join lateral unnest(a.country_codes) as code
        group by code order by code`,
  );
  return found.map((row) => ({ iso3: row.iso3, activities: row.activities, partners: row.partners }));
}

async function countTotals(db: Queryable) {
  const [row] = await rowsOf<{ activities: number; partners: number; countries: number }>(
    db,
    sql`select count(*)::int as activities,
               count(distinct lead_organisation_id)::int as partners,
               (select count(distinct code)::int from activities, unnest(country_codes) as code) as countries
        from activities`,
  );
  return { activities: row?.activities ?? 0, partners: row?.partners ?? 0, countries: row?.countries ?? 0 };
}

export async function getOverview(db: Queryable, principal: Principal, today: Date): Promise<Overview> {
  const [totals, countries] = [await countTotals(db), await countByCountry(db)];
  const personal = principal.kind === 'user' ? await getPersonalOverview(db, principal, today) : null;
  return { totals, countries, personal };
}

async function getPersonalOverview(
  db: Queryable,
  principal: Extract<Principal, { kind: 'user' }>,
  today: Date,
): Promise<PersonalOverview> {
  const organisationIds = [...new Set(principal.memberships.map((m) => m.organisationId))];
  const ids = sql`${postgresArray(organisationIds)}::uuid[]`;
  const day = today.toISOString().slice(0, 10);
  const running = sql`${postgresArray(RUNNING_STATUSES)}::text[]`;
  const organisations = await rowsOf<{ id: string; name: string }>(
    db,
    sql`select id, name from organisations where id = any(${ids}) order by name`,
  );
  const own = await rowsOf<Row>(
    db,
    sql`select id, identifier, title, status, planned_end, updated_at,
               (planned_end < ${day}::date and status = any(${running})) as is_overdue
        from activities where lead_organisation_id = any(${ids})
        order by updated_at desc, id limit ${OWN_ACTIVITY_LIMIT}`,
  );
  const [counts] = await rowsOf<{
    total: number;
    overdue: number;
    unclassified: number;
    unacknowledged: number;
  }>(
    db,
    sql`select count(*)::int as total,
               count(*) filter (where planned_end < ${day}::date and status = any(${running}))::int as overdue,
               count(*) filter (where needs_classification)::int as unclassified,
               (select count(*)::int from break_glass_grants g
                 where g.organisation_id = any(${ids}) and g.acknowledged_at is null and g.revoked_at is null)
                 as unacknowledged
        from activities where lead_organisation_id = any(${ids})`,
  );
  const changes = await rowsOf<Row>(
    db,
    sql`select v.activity_id, a.title, v.version, v.change, v.changed_at, v.via, u.display_name
        from activity_versions v
        join activities a on a.id = v.activity_id
        left join users u on u.id = v.changed_by
        where v.lead_organisation_id = any(${ids})
        order by v.changed_at desc, v.version desc limit ${RECENT_CHANGE_LIMIT}`,
  );
  return {
    organisations,
    activityCount: counts?.total ?? 0,
    activities: own.map((row) => ({
      id: row.id as string,
      identifier: row.identifier as string,
      title: row.title as string,
      status: row.status as string,
      plannedEnd: asDate(row.planned_end),
      updatedAt: asIso(row.updated_at),
      isOverdue: row.is_overdue === true,
    })),
    tasks: {
      breakGlassToAcknowledge: counts?.unacknowledged ?? 0,
      overdueActivities: counts?.overdue ?? 0,
      activitiesToClassify: counts?.unclassified ?? 0,
    },
    recentChanges: changes.map((row) => ({
      activityId: row.activity_id as string,
      title: row.title as string,
      version: row.version as number,
      change: row.change as 'created' | 'updated' | 'deleted',
      changedAt: asIso(row.changed_at),
      changedByName: (row.display_name as string | null) ?? null,
      via: row.via as string,
    })),
  };
}
