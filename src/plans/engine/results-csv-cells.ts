// The cells of one results-table row checked and typed: a cell that does not fit rejects the row with a
// sentence saying what to change. Pure.
import type { Disaggregation, Indicator, IndicatorDirection, ProgressStatus } from './model.js';
import {
  ageOf,
  decimalOf,
  disaggregationOf,
  type ImportedObjective,
  isIsoDate,
  isPillar,
  type NamedOrganisation,
  sexOf,
} from './results-vocabulary.js';

/** A row's cells by lower-case column name. */
export type CsvRowValues = Record<string, string>;

const STATUSES: readonly ProgressStatus[] = ['on_track', 'at_risk', 'off_track'];
const DIRECTIONS: readonly IndicatorDirection[] = ['increase', 'decrease'];

/** A row refused: the reason is a sentence that says what to change. */
export class RowRejected extends Error {}

export const reject = (reason: string): never => {
  throw new RowRejected(reason);
};

/** The columns of a measure and where it sits; a row of these alone stands for a measure without indicators. */
const MEASURE_COLUMNS: ReadonlySet<string> = new Set([
  'objective_id',
  'objective',
  'pillar',
  'owner',
  'owner_ref',
  'measure_id',
  'measure',
]);

export const isMeasureOnly = (v: CsvRowValues) =>
  Object.entries(v).every(([column, value]) => value === '' || MEASURE_COLUMNS.has(column));

export type MeasurePart = ReturnType<typeof measurePartOf>;

export function measurePartOf(v: CsvRowValues) {
  const measureTitle = v.measure ?? '';
  return {
    measureKey: v.measure_id || measureTitle,
    measureId: v.measure_id || null,
    measureTitle,
    objective: objectiveOf(v),
    owner: ownerOf(v),
  };
}

export type ParsedRow = ReturnType<typeof parseRow>;

/** A row's cells checked and typed; a cell that does not fit rejects the row. */
export function parseRow(v: CsvRowValues) {
  const measureTitle = v.measure ?? '';
  const name = v.indicator ?? '';
  if (!measureTitle && !v.measure_id)
    reject('it names no measure; write the measure in the "measure" column.');
  if (!name) reject('it names no indicator; write the indicator in the "indicator" column.');
  const direction = (v.direction || 'increase').toLowerCase() as IndicatorDirection;
  if (!DIRECTIONS.includes(direction))
    reject(
      `its direction is "${v.direction}"; write increase (higher is better) or decrease (lower is better).`,
    );
  const disaggregation = groupOf(v);
  const period = periodOf(v);
  const target = numberOf(v, 'target');
  const report = reportOf(v);
  if ((target !== null || report) && !period)
    reject('it gives a target or a progress report without a period; fill in period_start and period_end.');
  const part = measurePartOf(v);
  const { measureKey } = part;
  return {
    ...part,
    indicatorKey: `${measureKey}\u0000${v.indicator_id || name}`,
    facts: {
      id: v.indicator_id ?? '',
      name,
      definition: v.definition ?? '',
      unit: v.unit || 'number',
      direction,
      disaggregatedBy: disaggregatedByOf(v.disaggregated_by ?? ''),
    },
    disaggregation,
    period,
    target,
    baseline: baselineOf(v, disaggregation),
    report,
  };
}

/** The objective the row's measure serves, when the table says it; a pillar not in the list is left to choose. */
function objectiveOf(v: CsvRowValues): ImportedObjective | undefined {
  if (!v.objective) return undefined;
  const pillar = (v.pillar ?? '').toLowerCase();
  return { id: v.objective_id || null, title: v.objective, pillar: isPillar(pillar) ? pillar : null };
}

function ownerOf(v: CsvRowValues): NamedOrganisation | undefined {
  if (!v.owner && !v.owner_ref) return undefined;
  return { ref: v.owner_ref || null, name: v.owner || null };
}

function baselineOf(v: CsvRowValues, disaggregation: Disaggregation): Indicator['baseline'] {
  const value = numberOf(v, 'baseline');
  if (value === null) return null;
  const date = v.baseline_date ?? '';
  if (!isIsoDate(date))
    reject(`its baseline_date is "${date}"; write the date the baseline was measured as YYYY-MM-DD.`);
  return { ...disaggregation, value, date };
}

/** The row's progress report, when it gives one (an actual, a status, a narrative or evidence). */
function reportOf(v: CsvRowValues) {
  const value = numberOf(v, 'actual');
  if (value === null && !v.status && !v.narrative && !v.evidence) return null;
  const status = (v.status || 'on_track').toLowerCase() as ProgressStatus;
  if (!STATUSES.includes(status))
    reject(`its status is "${v.status}"; write on_track, at_risk or off_track.`);
  return {
    id: v.report_id ?? '',
    value,
    narrative: v.narrative ?? '',
    evidenceLinks: (v.evidence ?? '').split(/\s+/).filter(Boolean),
    status,
    // An imported report counts once the plan's coordinator approves it.
    approvedAt: null,
    ...(v.source_note ? { sourceNote: v.source_note } : {}),
  };
}

function groupOf(v: CsvRowValues): Disaggregation {
  const sex = v.sex ? sexOf(v.sex) : undefined;
  if (sex === null) reject(`its sex is "${v.sex}"; write female, male or other, or leave it empty for all.`);
  const age = v.age ? ageOf(v.age) : undefined;
  if (age === null) reject(`its age is "${v.age}"; write children or adults, or leave it empty for all.`);
  return disaggregationOf({ sex: sex ?? undefined, age: age ?? undefined });
}

function periodOf(v: CsvRowValues): { start: string; end: string } | null {
  const start = v.period_start ?? '';
  const end = v.period_end ?? '';
  if (!start && !end) return null;
  for (const [column, date] of [
    ['period_start', start],
    ['period_end', end],
  ] as const)
    if (!isIsoDate(date)) reject(`its ${column} is "${date}"; write a date as YYYY-MM-DD.`);
  if (end < start) reject(`its period ends (${end}) before it starts (${start}); swap the two dates.`);
  return { start, end };
}

function numberOf(v: CsvRowValues, column: string): number | null {
  const text = v[column] ?? '';
  if (text === '') return null;
  const value = decimalOf(text);
  if (value === null)
    reject(
      `its ${column} is "${text}", not a number; write digits with a dot for decimals (such as 12.5), without thousands separators or units.`,
    );
  return value;
}

function disaggregatedByOf(text: string): ('sex' | 'age')[] {
  return text
    .toLowerCase()
    .split(/[\s,;]+/)
    .filter((d): d is 'sex' | 'age' => d === 'sex' || d === 'age');
}
