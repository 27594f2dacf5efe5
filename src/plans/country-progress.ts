// How far each plan covering a country has come, for the country report: measures done and overdue, and
// indicators by status, from the plans' own analyses as of the given day.
import { sql } from 'drizzle-orm';
import type { Queryable } from '../platform/db.js';
import { assessImplementation } from './engine/implementation.js';
import { readPlans } from './read-plan.js';
import { plans } from './schema.js';

export type PlanProgressInCountry = {
  title: string;
  measures: { total: number; completed: number; overdue: number };
  indicators: { onTrack: number; atRisk: number; offTrack: number; noData: number };
};

export async function planProgressInCountry(
  db: Queryable,
  iso3: string,
  today: string,
): Promise<PlanProgressInCountry[]> {
  // A country has one plan or a few (national, regional, UN system-wide): all read whole at once.
  const covering = await readPlans(db, sql`${iso3} = ANY(${plans.countries})`);
  return covering.map(({ plan }) => {
    const { overall } = assessImplementation(plan, today);
    return {
      title: plan.title,
      measures: {
        total: overall.measureCount,
        completed: overall.measuresByStatus.completed,
        overdue: overall.overdueMeasures.length,
      },
      indicators: {
        onTrack: overall.indicatorsByStatus.on_track,
        atRisk: overall.indicatorsByStatus.at_risk,
        offTrack: overall.indicatorsByStatus.off_track,
        noData: overall.indicatorsByStatus.no_data,
      },
    };
  });
}
