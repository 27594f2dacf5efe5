// How far an indicator has come: for each disaggregation, the latest approved actual against the baseline and
// the target that applies, as a share of the way from baseline to target, and a status computed by a stated
// rule, shown beside the status the approved report gave so that a reader sees when the two disagree.
import { dayNumber } from './calendar.js';
import { disaggregationKey, isTotal, normaliseDisaggregation } from './disaggregation.js';
import type {
  Disaggregation,
  Indicator,
  IndicatorDirection,
  Period,
  ProgressReport,
  ProgressStatus,
  Target,
} from './model.js';

/** A computed status: the three a report can give, or none when the inputs do not allow one. */
export type ComputedStatus = ProgressStatus | 'no_data';

/** What an assessment lacks; listed so the screen can say why there is no share or status. */
export type MissingInput = 'baseline' | 'target' | 'actual';

/** Either the state of things on a day, or the state reported for one period. */
export type ProgressAt = { asOf: string } | { period: Period };

/**
 * The rule: progress is compared with the share of time elapsed between the baseline date and the end of the
 * target's period, at the end of the period the actual was measured for. Falling short of that expected share
 * by at most ON_TRACK_MAX_SHORTFALL (ten points) is on track, by at most AT_RISK_MAX_SHORTFALL (twenty-five
 * points) at risk, and further off track. Reaching the target is always on track. Share points, not a ratio,
 * because a ratio swings wildly early in a period, when the expected share is near zero.
 */
export const ON_TRACK_MAX_SHORTFALL = 0.1;
export const AT_RISK_MAX_SHORTFALL = 0.25;
/** Absorbs floating-point noise so a shortfall of exactly ten points counts as ten, not 10.000000000000002. */
const SHARE_EPSILON = 1e-9;

export type ActualValue = { value: number; period: Period; reportId: string };

export type DisaggregatedProgress = {
  disaggregation: Disaggregation;
  baseline: { value: number; date: string } | null;
  target: Target | null;
  actual: ActualValue | null;
  /** Share of the way from baseline to target, clamped to 0..1 for display; null when it cannot be computed. */
  progressShare: number | null;
  /** The same share unclamped: below 0 went the wrong way, above 1 passed the target. */
  rawProgressShare: number | null;
  /** Share of the time from baseline to target elapsed when the actual was measured. */
  expectedShare: number | null;
  computedStatus: ComputedStatus;
  /** The status of the latest approved report for this disaggregation, or null when there is none. */
  reportedStatus: ProgressStatus | null;
  /** True when both statuses exist and disagree, so the dashboard can show them side by side. */
  statusDiffers: boolean;
  missing: MissingInput[];
  /** The target lies on the wrong side of the baseline for the indicator's direction: the indicator needs fixing. */
  isTargetAgainstDirection: boolean;
};

export type IndicatorProgress = {
  indicatorId: string;
  direction: IndicatorDirection;
  /** All people first, then each disaggregation met in targets, baseline or approved reports. */
  rows: DisaggregatedProgress[];
  /** The total's status when it has one, else the worst status among the disaggregations, else no data. */
  headlineStatus: ComputedStatus;
};

export function assessIndicatorProgress(indicator: Indicator, at: ProgressAt): IndicatorProgress {
  const reports = countableReports(indicator.reports, at);
  const rows = disaggregationsOf(indicator, reports).map((disaggregation) =>
    assessDisaggregation(indicator, disaggregation, reports, at),
  );
  return {
    indicatorId: indicator.id,
    direction: indicator.direction,
    rows,
    headlineStatus: headlineStatusOf(rows),
  };
}

/** The date an assessment looks from: the day asked about, or the last day of the period asked about. */
function referenceDate(at: ProgressAt): string {
  return 'asOf' in at ? at.asOf : at.period.end;
}

/**
 * Only approved reports count. As of a day, a report counts once its period has ended and it was approved by
 * that day (so a past dashboard can be reproduced); for a period, a report counts when its period ends inside
 * the period asked about, whenever it was approved.
 */
function countableReports(reports: readonly ProgressReport[], at: ProgressAt): ProgressReport[] {
  return reports.filter((report) => {
    if (report.approvedAt === null) return false;
    if ('asOf' in at) {
      const asOf = dayNumber(at.asOf);
      return dayNumber(report.end) <= asOf && dayNumber(report.approvedAt) <= asOf;
    }
    const end = dayNumber(report.end);
    return dayNumber(at.period.start) <= end && end <= dayNumber(at.period.end);
  });
}

function disaggregationsOf(indicator: Indicator, reports: readonly ProgressReport[]): Disaggregation[] {
  const byKey = new Map<string, Disaggregation>([['all', {}]]);
  const sources: Disaggregation[] = [...indicator.targets, ...reports, ...allBaselines(indicator)];
  for (const source of sources) {
    const disaggregation = normaliseDisaggregation(source);
    byKey.set(disaggregationKey(disaggregation), disaggregation);
  }
  return [...byKey.entries()]
    .sort(([a], [b]) => (a === 'all' ? -1 : b === 'all' ? 1 : a.localeCompare(b)))
    .map(([, disaggregation]) => disaggregation);
}

function assessDisaggregation(
  indicator: Indicator,
  disaggregation: Disaggregation,
  reports: readonly ProgressReport[],
  at: ProgressAt,
): DisaggregatedProgress {
  const key = disaggregationKey(disaggregation);
  const own = reports.filter((report) => disaggregationKey(report) === key);
  const latestReport = latestOf(own);
  const valued = latestOf(own.filter((report) => report.value !== null));
  const actual = valued
    ? { value: valued.value as number, period: periodOf(valued), reportId: valued.id }
    : null;
  const baseline = baselineFor(indicator, key);
  const target = targetFor(
    indicator.targets.filter((candidate) => disaggregationKey(candidate) === key),
    at,
  );
  const start = baseline ?? startWithoutBaseline(indicator.direction, target);
  const share = progressShare(
    indicator.direction,
    start?.value ?? null,
    target?.value ?? null,
    actual?.value ?? null,
  );
  const expectedShare =
    start && target && actual ? elapsedShare(start.date, target.end, actual.period.end) : null;
  const computedStatus = statusFrom(share.raw, expectedShare);
  const reportedStatus = latestReport?.status ?? null;
  return {
    disaggregation,
    baseline,
    target,
    actual,
    progressShare: share.raw === null ? null : Math.min(1, Math.max(0, share.raw)),
    rawProgressShare: share.raw,
    expectedShare,
    computedStatus,
    reportedStatus,
    statusDiffers:
      reportedStatus !== null && computedStatus !== 'no_data' && reportedStatus !== computedStatus,
    missing: missingInputs(baseline, target, actual),
    isTargetAgainstDirection: share.isTargetAgainstDirection,
  };
}

function allBaselines(indicator: Indicator): (Disaggregation & { value: number; date: string })[] {
  return [...(indicator.baseline ? [indicator.baseline] : []), ...(indicator.disaggregatedBaselines ?? [])];
}

/** The baseline stated for exactly these people; a total's baseline is not shared out among its parts. */
function baselineFor(indicator: Indicator, key: string): { value: number; date: string } | null {
  const found = allBaselines(indicator).find((baseline) => disaggregationKey(baseline) === key);
  return found ? { value: found.value, date: found.date } : null;
}

/**
 * Where a figure without a baseline of its own is measured from: an increase counts up from nothing at the start
 * of the target's period, so a breakdown whose baseline was never stated (women and girls of a total) is still
 * judged against its target. A decrease has no such natural start: only reaching the target tells anything.
 * The row still lists the baseline as missing, so that the screen can say the status was judged without one.
 */
function startWithoutBaseline(
  direction: IndicatorDirection,
  target: Target | null,
): { value: number; date: string } | null {
  if (direction !== 'increase' || target === null || target.value <= 0) return null;
  return { value: 0, date: target.start };
}

/** The latest report by the end of its period; of two for the same period, the one approved last. */
function latestOf(reports: readonly ProgressReport[]): ProgressReport | undefined {
  return [...reports].sort(
    (a, b) =>
      dayNumber(b.end) - dayNumber(a.end) ||
      (b.approvedAt ?? '').localeCompare(a.approvedAt ?? '') ||
      b.id.localeCompare(a.id),
  )[0];
}

function periodOf(value: Period): Period {
  return { start: value.start, end: value.end };
}

/**
 * The target being worked towards at the reference date: the first to end on or after it (for a period, one
 * for exactly that period wins); when all have ended, the last one, which is what the plan meant to reach.
 * Of targets ending the same day, the longer one, as the plan's own milestone rather than a slice of it.
 */
function targetFor(targets: readonly Target[], at: ProgressAt): Target | null {
  if ('period' in at) {
    const exact = targets.find((t) => t.start === at.period.start && t.end === at.period.end);
    if (exact) return exact;
  }
  const reference = dayNumber(referenceDate(at));
  const byEnd = [...targets].sort(
    (a, b) => dayNumber(a.end) - dayNumber(b.end) || dayNumber(a.start) - dayNumber(b.start),
  );
  const upcoming = byEnd.filter((target) => dayNumber(target.end) >= reference);
  if (upcoming.length > 0) {
    const firstEnd = upcoming[0]!.end;
    return upcoming.find((target) => target.end === firstEnd)!;
  }
  return lastEndingTarget(byEnd);
}

function lastEndingTarget(byEnd: readonly Target[]): Target | null {
  const last = byEnd.at(-1);
  if (!last) return null;
  return byEnd.find((target) => target.end === last.end)!;
}

/**
 * (actual − baseline) / (target − baseline): the same formula serves both directions, since for a decrease
 * both differences are negative. Without a baseline the share is unknown, unless the actual already reached the
 * target, which is reaching it whatever the start was. A target equal to the baseline means holding the line.
 */
export function progressShare(
  direction: IndicatorDirection,
  baseline: number | null,
  target: number | null,
  actual: number | null,
): { raw: number | null; isTargetAgainstDirection: boolean } {
  if (target === null || actual === null) return { raw: null, isTargetAgainstDirection: false };
  const reached = direction === 'increase' ? actual >= target : actual <= target;
  if (baseline === null) return { raw: reached ? 1 : null, isTargetAgainstDirection: false };
  const distance = target - baseline;
  if (distance === 0) return { raw: reached ? 1 : 0, isTargetAgainstDirection: false };
  if ((direction === 'increase') !== distance > 0) return { raw: null, isTargetAgainstDirection: true };
  return { raw: (actual - baseline) / distance, isTargetAgainstDirection: false };
}

/** Share of the days from the baseline to the target's end that had passed by `measuredOn`, within 0..1. */
export function elapsedShare(baselineDate: string, targetEnd: string, measuredOn: string): number {
  const span = dayNumber(targetEnd) - dayNumber(baselineDate);
  if (span <= 0) return 1;
  const elapsed = dayNumber(measuredOn) - dayNumber(baselineDate);
  return Math.min(1, Math.max(0, elapsed / span));
}

export function statusFrom(rawShare: number | null, expectedShare: number | null): ComputedStatus {
  if (rawShare === null) return 'no_data';
  if (rawShare >= 1) return 'on_track';
  if (expectedShare === null) return 'no_data';
  const shortfall = expectedShare - rawShare;
  if (shortfall <= ON_TRACK_MAX_SHORTFALL + SHARE_EPSILON) return 'on_track';
  if (shortfall <= AT_RISK_MAX_SHORTFALL + SHARE_EPSILON) return 'at_risk';
  return 'off_track';
}

function missingInputs(baseline: unknown, target: unknown, actual: unknown): MissingInput[] {
  const missing: MissingInput[] = [];
  if (baseline === null) missing.push('baseline');
  if (target === null) missing.push('target');
  if (actual === null) missing.push('actual');
  return missing;
}

const SEVERITY: Record<ComputedStatus, number> = { no_data: 0, on_track: 1, at_risk: 2, off_track: 3 };

function headlineStatusOf(rows: readonly DisaggregatedProgress[]): ComputedStatus {
  const total = rows.find((row) => isTotal(row.disaggregation));
  if (total && total.computedStatus !== 'no_data') return total.computedStatus;
  return rows.reduce<ComputedStatus>(
    (worst, row) => (SEVERITY[row.computedStatus] > SEVERITY[worst] ? row.computedStatus : worst),
    'no_data',
  );
}
