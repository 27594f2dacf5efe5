// Progress reports the plan is still waiting for: a period whose target has ended more than a grace period
// ago with no approved report, so the coordinator can chase the owner before the dashboard goes stale.
import { addDays, dayNumber } from './calendar.js';
import { disaggregationKey, normaliseDisaggregation } from './disaggregation.js';
import type { Disaggregation, Indicator, Period, Pillar, Plan } from './model.js';
import { listPlanMeasures } from './plan-measures.js';

/** Days an owner has after a period ends to have its report approved, unless the caller says otherwise. */
export const DEFAULT_REPORTING_GRACE_DAYS = 30;

export type OverdueReport = {
  measureId: string;
  ownerOrganisationId: string;
  pillar: Pillar;
  indicatorId: string;
  indicatorName: string;
  period: Period;
  disaggregation: Disaggregation;
  /** The period's last day plus the grace days. */
  dueDate: string;
  daysPastDue: number;
};

/**
 * An indicator is reported for the periods of its targets, once per disaggregation a target names (a target
 * for women asks for a figure for women). A period counts as reported when an approved report for the same
 * people covers its last day: a report for the final quarter answers for the year, one for the first half
 * does not. Cancelled measures owe no reports; completed ones still owe those for periods already ended.
 */
export function findOverdueReports(
  plan: Plan,
  today: string,
  graceDays: number = DEFAULT_REPORTING_GRACE_DAYS,
): OverdueReport[] {
  if (!Number.isInteger(graceDays) || graceDays < 0) {
    throw new Error(
      `The grace period for reports must be a whole number of days, 0 or more (got ${graceDays}).`,
    );
  }
  const overdue: OverdueReport[] = [];
  for (const { measure, pillar } of listPlanMeasures(plan)) {
    if (measure.status === 'cancelled') continue;
    for (const indicator of measure.indicators) {
      for (const expected of findMissingReports(indicator, today, graceDays)) {
        overdue.push({
          measureId: measure.id,
          ownerOrganisationId: measure.ownerOrganisationId,
          pillar,
          indicatorId: indicator.id,
          indicatorName: indicator.name,
          ...expected,
        });
      }
    }
  }
  return overdue.sort(
    (a, b) =>
      b.daysPastDue - a.daysPastDue ||
      a.measureId.localeCompare(b.measureId) ||
      a.indicatorId.localeCompare(b.indicatorId) ||
      disaggregationKey(a.disaggregation).localeCompare(disaggregationKey(b.disaggregation)),
  );
}

type MissingReport = Pick<OverdueReport, 'period' | 'disaggregation' | 'dueDate' | 'daysPastDue'>;

function findMissingReports(indicator: Indicator, today: string, graceDays: number): MissingReport[] {
  const missing: MissingReport[] = [];
  for (const expected of expectedReports(indicator)) {
    const dueDate = addDays(expected.period.end, graceDays);
    const daysPastDue = dayNumber(today) - dayNumber(dueDate);
    if (daysPastDue <= 0 || hasApprovedReport(indicator, expected)) continue;
    missing.push({ ...expected, dueDate, daysPastDue });
  }
  return missing;
}

function expectedReports(indicator: Indicator): { period: Period; disaggregation: Disaggregation }[] {
  const byKey = new Map<string, { period: Period; disaggregation: Disaggregation }>();
  for (const target of indicator.targets) {
    const disaggregation = normaliseDisaggregation(target);
    const key = `${target.start}/${target.end}/${disaggregationKey(disaggregation)}`;
    byKey.set(key, { period: { start: target.start, end: target.end }, disaggregation });
  }
  return [...byKey.values()];
}

function hasApprovedReport(
  indicator: Indicator,
  expected: { period: Period; disaggregation: Disaggregation },
): boolean {
  const lastDay = dayNumber(expected.period.end);
  const key = disaggregationKey(expected.disaggregation);
  return indicator.reports.some(
    (report) =>
      report.approvedAt !== null &&
      disaggregationKey(report) === key &&
      dayNumber(report.start) <= lastDay &&
      lastDay <= dayNumber(report.end),
  );
}
