// The plans a reader sees, newest change first, with their coordinator and how many measures are done.
import { desc, eq, sql } from 'drizzle-orm';
import { organisations } from '../partners/schema.js';
import type { Queryable } from '../platform/db.js';
import { planMeasures, plans } from './schema.js';
import type { PlanSummary } from './schemas.js';

export async function listPlans(
  db: Queryable,
  filter: { country?: string | undefined } = {},
): Promise<PlanSummary[]> {
  const counts = db
    .select({
      planId: planMeasures.planId,
      total: sql<number>`count(*)::int`.as('total'),
      completed: sql<number>`count(*) FILTER (WHERE ${planMeasures.status} = 'completed')::int`.as(
        'completed',
      ),
    })
    .from(planMeasures)
    .groupBy(planMeasures.planId)
    .as('counts');
  const rows = await db
    .select({
      plan: plans,
      coordinatorName: organisations.name,
      total: counts.total,
      completed: counts.completed,
    })
    .from(plans)
    .innerJoin(organisations, eq(organisations.id, plans.coordinatorOrganisationId))
    .leftJoin(counts, eq(counts.planId, plans.id))
    .where(filter.country ? sql`${filter.country} = ANY(${plans.countries})` : undefined)
    .orderBy(desc(plans.updatedAt));
  return rows.map(({ plan, coordinatorName, total, completed }) => ({
    id: plan.id,
    title: plan.title,
    scope: plan.scope as PlanSummary['scope'],
    countries: plan.countries,
    period: { start: plan.periodStart, end: plan.periodEnd },
    coordinator: { id: plan.coordinatorOrganisationId, name: coordinatorName },
    measureCount: total ?? 0,
    completedMeasures: completed ?? 0,
    updatedAt: plan.updatedAt.toISOString(),
  }));
}
