// Measures that check themselves: which actuals an indicator with a data source (a statistics query or a count of
// 4W activities) reads by itself, the approved report each reading makes, and whether it differs from the one
// read before. Pure: the readings come from the caller, and so does today.
import { dayNumber } from './calendar.js';
import { disaggregationKey, normaliseDisaggregation } from './disaggregation.js';
import { assessIndicatorProgress } from './indicator-progress.js';
import type {
  Disaggregation,
  Indicator,
  Period,
  Pillar,
  Plan,
  ProgressReport,
  ProgressStatus,
} from './model.js';

export type SourceKind = 'statistics' | 'activities';
export const SOURCE_KINDS: readonly SourceKind[] = ['statistics', 'activities'];

/** A statistics query as an indicator stores it (checked by the plan's schema when the plan was saved). */
export type StatisticsSourceQuery = {
  indicator: string;
  country?: string | undefined;
  sex?: Disaggregation['sex'];
  age?: Disaggregation['age'];
};

/** Which 4W activities an indicator counts. */
export type ActivitiesSourceFilter = {
  pillar?: Pillar | undefined;
  country?: string | undefined;
  organisationId?: string | undefined;
  linkedToMeasure?: boolean | undefined;
};

/** One actual to read: a target period that has begun, for the people the target counts. */
export type WantedActual = {
  measureId: string;
  indicator: Indicator;
  period: Period;
  disaggregation: Disaggregation;
} & (
  | { kind: 'statistics'; query: StatisticsSourceQuery }
  | { kind: 'activities'; filter: ActivitiesSourceFilter }
);

/** What a source answered: the value and a sentence saying where it came from. */
export type Reading = { value: number; sourceNote: string };

/** The report an automatic reading makes: approved as read, since nobody chose its value. */
export type AutomaticReport = Period &
  Disaggregation & { indicatorId: string; value: number; status: ProgressStatus; sourceNote: string };

/**
 * Every actual the plan's self-checking indicators should hold on `today`: for each target period that has
 * ended or is under way, one per disaggregation its targets name. A count of activities has no sex or age, so
 * it is read for the whole period only.
 */
export function wantedActuals(plan: Plan, today: string, kinds: readonly SourceKind[]): WantedActual[] {
  const wanted: WantedActual[] = [];
  for (const objective of plan.objectives)
    for (const measure of objective.measures)
      for (const indicator of measure.indicators) {
        const source = indicator.source;
        if (source.kind === 'manual' || !kinds.includes(source.kind)) continue;
        for (const { period, disaggregation } of begunTargetsOf(indicator, today, source.kind)) {
          const common = { measureId: measure.id, indicator, period, disaggregation };
          wanted.push(
            source.kind === 'statistics'
              ? { ...common, kind: 'statistics', query: source.query as StatisticsSourceQuery }
              : { ...common, kind: 'activities', filter: source.filter as ActivitiesSourceFilter },
          );
        }
      }
  return wanted;
}

function begunTargetsOf(indicator: Indicator, today: string, kind: SourceKind) {
  const found = new Map<string, { period: Period; disaggregation: Disaggregation }>();
  for (const target of indicator.targets) {
    if (dayNumber(target.start) > dayNumber(today)) continue;
    const disaggregation = kind === 'activities' ? {} : normaliseDisaggregation(target);
    const period = { start: target.start, end: target.end };
    found.set(keyOf(period, disaggregation), { period, disaggregation });
  }
  return [...found.values()];
}

/** The year a statistics figure is read for: the one the period ends in. */
export function yearOfPeriod(period: Period): number {
  return Number(period.end.slice(0, 4));
}

/** A key for an indicator's report slot: its period and the people it counts. */
export function keyOf(period: Period, disaggregation: Disaggregation): string {
  return `${period.start}|${period.end}|${disaggregationKey(normaliseDisaggregation(disaggregation))}`;
}

const RELEASE_NOTE = 'Statistics release';
export function statisticsNote(release: { label: string; publisher: string }, year: number): string {
  return `${RELEASE_NOTE} “${release.label}” (${release.publisher}), figure for ${year}`;
}

const COUNT_NOTE = 'Count of 4W activities on';
export function activitiesNote(today: string): string {
  return `${COUNT_NOTE} ${today}`;
}

/**
 * The report the reading makes. Its status is the one the engine computes on the day the value stands for (the
 * period's end, or today while the period runs), since nobody judged it; without a target or a baseline to
 * compute one, on track, as a report must give a status and nothing says otherwise.
 */
export function automaticReport(wanted: WantedActual, reading: Reading, today: string): AutomaticReport {
  const measuredOn = dayNumber(wanted.period.end) < dayNumber(today) ? wanted.period.end : today;
  const probe: ProgressReport = {
    id: 'reading',
    start: wanted.period.start,
    end: measuredOn,
    ...wanted.disaggregation,
    value: reading.value,
    narrative: '',
    evidenceLinks: [],
    status: 'on_track',
    approvedAt: measuredOn,
  };
  const indicator = { ...wanted.indicator, reports: [probe] };
  const assessed = assessIndicatorProgress(indicator, { period: { ...wanted.period, end: measuredOn } });
  const key = disaggregationKey(wanted.disaggregation);
  const row = assessed.rows.find((candidate) => disaggregationKey(candidate.disaggregation) === key);
  const computed = row?.computedStatus ?? 'no_data';
  return {
    indicatorId: wanted.indicator.id,
    ...wanted.period,
    ...wanted.disaggregation,
    value: reading.value,
    status: computed === 'no_data' ? 'on_track' : computed,
    sourceNote: reading.sourceNote,
  };
}

/** A report nobody submitted whose note names a release or a count was read here (an import names its file). */
export function isAutomaticReport(report: {
  submittedBy: string | null;
  sourceNote: string | null;
}): boolean {
  const note = report.sourceNote ?? '';
  return report.submittedBy === null && (note.startsWith(RELEASE_NOTE) || note.startsWith(COUNT_NOTE));
}

/**
 * Whether the report read before still says the same: the same value, status and source. A count's note carries
 * the day it was taken, so a count that did not change keeps its report (and the day it was first read).
 */
export function saysTheSame(
  before: { value: number | null; status: string; sourceNote: string | null },
  next: AutomaticReport,
): boolean {
  if (before.value !== next.value || before.status !== next.status) return false;
  if (next.sourceNote.startsWith(COUNT_NOTE)) return before.sourceNote?.startsWith(COUNT_NOTE) === true;
  return before.sourceNote === next.sourceNote;
}
