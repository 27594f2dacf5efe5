// The 4W activities a plan's analyses read: those its measures name, and those in its countries and period
// (to find activities that serve no measure), reduced to the facts the engine needs. One query.
import { sql } from 'drizzle-orm';
import { activities } from '../activities/index.js';
import type { Queryable } from '../platform/db.js';
import { rowsOf } from '../platform/db.js';
import { textArray } from '../platform/sql-arrays.js';
import type { ActivityFacts, Pillar, Plan } from './engine/model.js';

type FactsRow = {
  id: string;
  title: string;
  lead_organisation_id: string;
  pillar: string | null;
  country_codes: string[];
  period_start: string | null;
  period_end: string | null;
  budget_minor: string | number | null;
  budget_currency: string | null;
  funder_organisation_id: string | null;
};

const OPEN_START = '0001-01-01';
const OPEN_END = '9999-12-31';

export async function readActivityFacts(db: Queryable, plan: Plan): Promise<ActivityFacts[]> {
  const named = plan.objectives.flatMap((objective) =>
    objective.measures.flatMap((measure) => measure.activityIds),
  );
  const rows = await rowsOf<FactsRow>(
    db,
    sql`
      SELECT a.id, a.title, a.lead_organisation_id, a.pillar, a.country_codes,
        coalesce(a.actual_start, a.planned_start)::text AS period_start,
        coalesce(a.actual_end, a.planned_end)::text AS period_end,
        round(a.budget_amount * 100) AS budget_minor, a.budget_currency,
        (SELECT (p->>'organisationId')::uuid FROM jsonb_array_elements(a.participants) AS p
          WHERE p->>'role' = 'funding' AND p->>'organisationId' IS NOT NULL LIMIT 1) AS funder_organisation_id
      FROM ${activities} a
      WHERE a.pillar IS NOT NULL AND (a.id = ANY(${textArray(named)}::uuid[]) OR (
        a.country_codes && ${textArray(plan.countries)}::text[]
        AND coalesce(a.actual_start, a.planned_start, ${OPEN_START}::date) <= ${plan.period.end}::date
        AND coalesce(a.actual_end, a.planned_end, ${OPEN_END}::date) >= ${plan.period.start}::date))`,
  );
  return rows.map((row) => factsOf(row, plan));
}

function factsOf(row: FactsRow, plan: Plan): ActivityFacts {
  const country =
    row.country_codes.find((code) => plan.countries.includes(code)) ?? row.country_codes[0] ?? '';
  const budget = row.budget_minor === null || row.budget_currency === null ? null : Number(row.budget_minor);
  return {
    id: row.id,
    title: row.title,
    organisationId: row.lead_organisation_id,
    pillar: row.pillar as Pillar,
    country,
    period: { start: row.period_start ?? OPEN_START, end: row.period_end ?? OPEN_END },
    // The register keeps one budget per activity: committed by its funder where one is in the registry.
    funding:
      budget === null || row.budget_currency === null
        ? []
        : [
            {
              funderOrganisationId: row.funder_organisation_id ?? row.lead_organisation_id,
              committed: { amountMinor: budget, currency: row.budget_currency },
              spent: { amountMinor: 0, currency: row.budget_currency },
            },
          ],
  };
}
