// The plan's measures in one flat list, each with the pillar of its objective, since every dashboard figure
// groups measures by pillar, owner or country and none needs the nesting.
import type { Measure, Pillar, Plan } from './model.js';

/** The four pillars in the order the dashboard shows them (the "4 Ps" of anti-trafficking plans). */
export const PILLARS: readonly Pillar[] = ['prevention', 'protection', 'prosecution', 'partnership'];

export type PlacedMeasure = { measure: Measure; pillar: Pillar; objectiveId: string };

export function listPlanMeasures(plan: Plan): PlacedMeasure[] {
  return plan.objectives.flatMap((objective) =>
    objective.measures.map((measure) => ({ measure, pillar: objective.pillar, objectiveId: objective.id })),
  );
}

/** Countries a measure acts in: its own, or the whole plan's when it names none. */
export function countriesOfMeasure(measure: Measure, plan: Plan): string[] {
  return measure.countries.length > 0 ? measure.countries : plan.countries;
}

export function isClosed(measure: Measure): boolean {
  return measure.status === 'completed' || measure.status === 'cancelled';
}
