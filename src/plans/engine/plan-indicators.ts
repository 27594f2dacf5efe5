// Every indicator of the plan against its targets, each placed under its measure and pillar, for the
// dashboard's "indicators against targets" table; cancelled measures' indicators are left out.
import { assessIndicatorProgress, type IndicatorProgress, type ProgressAt } from './indicator-progress.js';
import type { Pillar, Plan } from './model.js';
import { listPlanMeasures } from './plan-measures.js';

export type PlacedIndicatorProgress = IndicatorProgress & {
  indicatorName: string;
  unit: string;
  measureId: string;
  ownerOrganisationId: string;
  pillar: Pillar;
};

/** In the plan's order: objectives, then measures, then each measure's indicators. */
export function listIndicatorProgress(plan: Plan, at: ProgressAt): PlacedIndicatorProgress[] {
  return listPlanMeasures(plan)
    .filter(({ measure }) => measure.status !== 'cancelled')
    .flatMap(({ measure, pillar }) =>
      measure.indicators.map((indicator) => ({
        ...assessIndicatorProgress(indicator, at),
        indicatorName: indicator.name,
        unit: indicator.unit,
        measureId: measure.id,
        ownerOrganisationId: measure.ownerOrganisationId,
        pillar,
      })),
    );
}
