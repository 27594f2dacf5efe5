// The links between the plan's measures and the 4W activities that carry them out, read both ways: measures
// with no activity behind them (promises nobody is seen keeping), and activities in the plan's countries and
// period that serve no measure (work the plan does not yet count).
import { periodsOverlap } from './calendar.js';
import type { ActivityFacts, Pillar, Plan } from './model.js';
import { listPlanMeasures } from './plan-measures.js';

export type MeasureWithoutActivity = {
  measureId: string;
  title: string;
  pillar: Pillar;
  ownerOrganisationId: string;
  /** Whether the measure names no activity at all, or names only activities that were not found. */
  reason: 'names_no_activity' | 'named_activities_not_found';
  /** The ids the measure names that match no known activity (deleted, or from another dataset). */
  unknownActivityIds: string[];
};

export type PlanLinks = {
  measuresWithoutActivity: MeasureWithoutActivity[];
  activitiesServingNoMeasure: ActivityFacts[];
};

export function linkPlanToActivities(plan: Plan, activities: readonly ActivityFacts[]): PlanLinks {
  return {
    measuresWithoutActivity: findMeasuresWithoutActivity(plan, activities),
    activitiesServingNoMeasure: findActivitiesServingNoMeasure(plan, activities),
  };
}

/** In the plan's order. A cancelled measure is left out: it is no longer expected to have activities. */
export function findMeasuresWithoutActivity(
  plan: Plan,
  activities: readonly ActivityFacts[],
): MeasureWithoutActivity[] {
  const known = new Set(activities.map((activity) => activity.id));
  const result: MeasureWithoutActivity[] = [];
  for (const { measure, pillar } of listPlanMeasures(plan)) {
    if (measure.status === 'cancelled') continue;
    if (measure.activityIds.some((id) => known.has(id))) continue;
    result.push({
      measureId: measure.id,
      title: measure.title,
      pillar,
      ownerOrganisationId: measure.ownerOrganisationId,
      reason: measure.activityIds.length === 0 ? 'names_no_activity' : 'named_activities_not_found',
      unknownActivityIds: [...new Set(measure.activityIds)],
    });
  }
  return result;
}

/**
 * Activities in one of the plan's countries whose period overlaps the plan's, named by no measure, in order
 * of id. A link from any measure counts, a cancelled one's too: the activity was aligned with the plan, and
 * re-linking it is the owner's decision, which this list should not pre-empt.
 */
export function findActivitiesServingNoMeasure(
  plan: Plan,
  activities: readonly ActivityFacts[],
): ActivityFacts[] {
  const linked = new Set(listPlanMeasures(plan).flatMap(({ measure }) => measure.activityIds));
  const countries = new Set(plan.countries);
  return activities
    .filter(
      (activity) =>
        countries.has(activity.country) &&
        periodsOverlap(activity.period, plan.period) &&
        !linked.has(activity.id),
    )
    .sort((a, b) => a.id.localeCompare(b.id));
}
