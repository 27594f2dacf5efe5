// Use case: a plan's dashboard as of a day, read whole (the plan, the activities it meets, the names of their
// leads and funders) and analysed; the API and the command line show the same one.
import type { Queryable } from '../platform/db.js';
import { readActivityFacts } from './activity-facts.js';
import type { PlanDashboard } from './dashboard-schemas.js';
import { planDashboard } from './plan-dashboard.js';
import { namesOfOrganisations, readPlan } from './read-plan.js';

export async function readPlanDashboard(db: Queryable, planId: string, asOf: string): Promise<PlanDashboard> {
  const stored = await readPlan(db, planId);
  const activities = await readActivityFacts(db, stored.plan);
  const others = activities.flatMap((activity) => [
    activity.organisationId,
    ...activity.funding.map((funding) => funding.funderOrganisationId),
  ]);
  const leads = await namesOfOrganisations(
    db,
    [...new Set(others)].filter((id) => !stored.organisationNames.has(id)),
  );
  return planDashboard(stored, activities, leads, asOf);
}
