// How far the plan's measures are implemented, overall, by pillar and by owner organisation: measures by
// status, the share completed, the measures past their deadline, and the plan's indicators by computed status.
import { dayNumber } from './calendar.js';
import { assessIndicatorProgress, type ComputedStatus } from './indicator-progress.js';
import type { MeasureStatus, Pillar, Plan } from './model.js';
import { isClosed, listPlanMeasures, PILLARS, type PlacedMeasure } from './plan-measures.js';

export type OverdueMeasure = {
  measureId: string;
  title: string;
  ownerOrganisationId: string;
  pillar: Pillar;
  deadline: string;
  daysOverdue: number;
};

export type ImplementationSummary = {
  measureCount: number;
  measuresByStatus: Record<MeasureStatus, number>;
  /** Completed measures among those not cancelled; null when none is left to complete or count. */
  completedShare: number | null;
  /** Past their deadline and neither completed nor cancelled, most overdue first. */
  overdueMeasures: OverdueMeasure[];
  /** Headline status of each indicator of the measures not cancelled, as of today. */
  indicatorsByStatus: Record<ComputedStatus, number>;
};

export type Implementation = {
  overall: ImplementationSummary;
  /** All four pillars, even empty ones, since a pillar with no measure is itself a finding. */
  byPillar: (ImplementationSummary & { pillar: Pillar })[];
  /** One row per owner organisation that owns a measure, in order of its id. */
  byOwner: (ImplementationSummary & { ownerOrganisationId: string })[];
};

export function assessImplementation(plan: Plan, today: string): Implementation {
  const placed = listPlanMeasures(plan);
  const owners = [...new Set(placed.map(({ measure }) => measure.ownerOrganisationId))].sort();
  return {
    overall: summarise(placed, today),
    byPillar: PILLARS.map((pillar) => ({
      pillar,
      ...summarise(
        placed.filter((item) => item.pillar === pillar),
        today,
      ),
    })),
    byOwner: owners.map((ownerOrganisationId) => ({
      ownerOrganisationId,
      ...summarise(
        placed.filter((item) => item.measure.ownerOrganisationId === ownerOrganisationId),
        today,
      ),
    })),
  };
}

function summarise(placed: readonly PlacedMeasure[], today: string): ImplementationSummary {
  const measuresByStatus = countMeasuresByStatus(placed);
  return {
    measureCount: placed.length,
    measuresByStatus,
    completedShare: completedShareOf(measuresByStatus),
    overdueMeasures: findOverdueMeasures(placed, today),
    indicatorsByStatus: countIndicatorsByStatus(placed, today),
  };
}

function countMeasuresByStatus(placed: readonly PlacedMeasure[]): Record<MeasureStatus, number> {
  const counts: Record<MeasureStatus, number> = { planned: 0, in_progress: 0, completed: 0, cancelled: 0 };
  for (const { measure } of placed) counts[measure.status] += 1;
  return counts;
}

/** Cancelled measures leave the denominator: they will never be completed, and dropping one is a decision
 * recorded elsewhere, not a shortfall of implementation. */
function completedShareOf(counts: Record<MeasureStatus, number>): number | null {
  const live = counts.planned + counts.in_progress + counts.completed;
  return live === 0 ? null : counts.completed / live;
}

/** A measure is overdue the day after its deadline, while it is still planned or in progress. */
export function findOverdueMeasures(placed: readonly PlacedMeasure[], today: string): OverdueMeasure[] {
  const todayNumber = dayNumber(today);
  const overdue: OverdueMeasure[] = [];
  for (const { measure, pillar } of placed) {
    if (measure.deadline === null || isClosed(measure)) continue;
    const daysOverdue = todayNumber - dayNumber(measure.deadline);
    if (daysOverdue <= 0) continue;
    overdue.push({
      measureId: measure.id,
      title: measure.title,
      ownerOrganisationId: measure.ownerOrganisationId,
      pillar,
      deadline: measure.deadline,
      daysOverdue,
    });
  }
  return overdue.sort((a, b) => b.daysOverdue - a.daysOverdue || a.measureId.localeCompare(b.measureId));
}

/** A cancelled measure's indicators are no longer reported on, so counting them would only add "no data". */
function countIndicatorsByStatus(
  placed: readonly PlacedMeasure[],
  today: string,
): Record<ComputedStatus, number> {
  const counts: Record<ComputedStatus, number> = { on_track: 0, at_risk: 0, off_track: 0, no_data: 0 };
  for (const { measure } of placed) {
    if (measure.status === 'cancelled') continue;
    for (const indicator of measure.indicators) {
      counts[assessIndicatorProgress(indicator, { asOf: today }).headlineStatus] += 1;
    }
  }
  return counts;
}
