// A stored plan turned back into the document that saves it, ids kept: the starting point of any change
// made on the server's side (an import of results) and of the web's edit form.
import type { Indicator, Measure, Plan } from './engine/model.js';
import type { IndicatorInput, MeasureInput, PlanInput } from './schemas.js';

export function planInputOf(plan: Plan, description: string): PlanInput {
  return {
    title: plan.title,
    description,
    scope: plan.scope,
    countries: plan.countries,
    period: plan.period,
    coordinatorOrganisationId: plan.coordinatorOrganisationId,
    objectives: plan.objectives.map((objective) => ({
      id: objective.id,
      title: objective.title,
      pillar: objective.pillar,
      measures: objective.measures.map(measureInputOf),
    })),
  };
}

export function measureInputOf(measure: Measure): MeasureInput {
  return {
    id: measure.id,
    title: measure.title,
    ownerOrganisationId: measure.ownerOrganisationId,
    contributingOrganisationIds: measure.contributingOrganisationIds,
    deadline: measure.deadline,
    budget: measure.budget,
    status: measure.status,
    countries: measure.countries,
    activityIds: measure.activityIds,
    funding: measure.funding.map((funding) => ({
      funderOrganisationId: funding.funderOrganisationId,
      currency: funding.committed.currency,
      committedMinor: funding.committed.amountMinor,
      spentMinor: funding.spent.amountMinor,
    })),
    indicators: measure.indicators.map(indicatorInputOf),
  };
}

export function indicatorInputOf(indicator: Indicator): IndicatorInput {
  return {
    id: indicator.id,
    name: indicator.name,
    definition: indicator.definition,
    unit: indicator.unit,
    direction: indicator.direction,
    baseline: indicator.baseline,
    disaggregatedBaselines: indicator.disaggregatedBaselines ?? [],
    targets: indicator.targets,
    disaggregatedBy: indicator.disaggregatedBy,
    source: indicator.source as IndicatorInput['source'],
  };
}
