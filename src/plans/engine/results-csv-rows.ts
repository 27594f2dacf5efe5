// Builds measures and indicators from the rows of a results table, one row at a time: a row that does not
// fit is rejected with its number and the reason, and the rows before and after it are kept. Pure.
import type { FieldError } from '../../platform/errors.js';
import type { Disaggregation, Indicator, IndicatorDirection, ProgressStatus } from './model.js';
import {
  ageOf,
  countingIds,
  decimalOf,
  disaggregationKey,
  disaggregationOf,
  type ImportedMeasureResults,
  type ImportedObjective,
  isIsoDate,
  isPillar,
  type NamedOrganisation,
  type NewId,
  type ResultsImport,
  sexOf,
} from './results-vocabulary.js';

/** A row's cells by lower-case column name. */
export type CsvRowValues = Record<string, string>;

/**
 * The columns, in order; `measure` and `indicator` are the only ones a file must have. The objective, its
 * pillar and the measure's owner serve a new plan drawn up from the file; an import into a plan passes them over.
 */
export const RESULTS_CSV_COLUMNS = [
  'objective_id',
  'objective',
  'pillar',
  'owner',
  'owner_ref',
  'measure_id',
  'measure',
  'indicator_id',
  'indicator',
  'definition',
  'unit',
  'direction',
  'disaggregated_by',
  'baseline',
  'baseline_date',
  'period_start',
  'period_end',
  'sex',
  'age',
  'target',
  'actual',
  'status',
  'narrative',
  'evidence',
  'report_id',
  'source_note',
] as const;

export type ResultsCsvColumn = (typeof RESULTS_CSV_COLUMNS)[number];

const KNOWN_COLUMNS: ReadonlySet<string> = new Set(RESULTS_CSV_COLUMNS);
const STATUSES: readonly ProgressStatus[] = ['on_track', 'at_risk', 'off_track'];
const DIRECTIONS: readonly IndicatorDirection[] = ['increase', 'decrease'];

/** A row refused: the reason is a sentence that says what to change. */
class RowRejected extends Error {}

const reject = (reason: string): never => {
  throw new RowRejected(reason);
};

type IndicatorEntry = { indicator: Indicator; row: number };

export class ResultsTableBuilder {
  private readonly problems: FieldError[] = [];
  private readonly notes: FieldError[] = [];
  private readonly measures = new Map<string, ImportedMeasureResults>();
  private readonly indicators = new Map<string, IndicatorEntry>();
  private readonly targetRows = new Map<string, number>();
  private readonly newId: NewId;

  constructor(newId?: NewId) {
    this.newId = newId ?? countingIds();
  }

  result(): ResultsImport {
    return { measures: [...this.measures.values()], problems: this.problems, notes: this.notes };
  }

  problemOfFile(code: string, message: string) {
    this.problems.push({ path: 'file', code, message });
  }

  /** Checks the first row; false when the table cannot be read at all. */
  readHeader(header: readonly string[]): boolean {
    const names = header.map((name) => name.trim().toLowerCase());
    const seen = new Set<string>();
    for (const [index, name] of names.entries()) {
      if (seen.has(name) && name !== '') {
        this.problems.push({
          path: 'file',
          code: 'duplicate_column',
          row: 1,
          column: index + 1,
          columnName: name,
          message: `The column "${name}" is named twice in the first row: give each column its own name.`,
        });
        return false;
      }
      seen.add(name);
      if (name !== '' && !KNOWN_COLUMNS.has(name))
        this.notes.push({
          path: 'file',
          code: 'unknown_column',
          row: 1,
          column: index + 1,
          columnName: name,
          message: `The column "${name}" is not one of the results table's columns; it was passed over.`,
        });
    }
    const missing = ['measure', 'indicator'].filter((name) => !seen.has(name));
    if (missing.length > 0)
      this.problems.push({
        path: 'file',
        code: 'missing_column',
        row: 1,
        message: `The first row has no ${missing.map((m) => `"${m}"`).join(' or ')} column: every row needs the measure and the indicator it is about. Export a results table to see the columns it takes.`,
      });
    return missing.length === 0;
  }

  addRow(row: number, values: CsvRowValues) {
    try {
      this.readRow(row, values);
    } catch (error) {
      if (!(error instanceof RowRejected)) throw error;
      this.problems.push({
        path: 'file',
        code: 'row_rejected',
        row,
        message: `Row ${row} was not imported: ${error.message}`,
      });
    }
  }

  /** Every check comes before any change, so that a rejected row leaves nothing behind. */
  private readRow(row: number, v: CsvRowValues) {
    const parsed = parseRow(v);
    const known = this.indicators.get(parsed.indicatorKey);
    if (known) checkSameIndicator(known, parsed);
    const targetKey = parsed.period
      ? `${parsed.indicatorKey}/${parsed.period.start}/${parsed.period.end}/${disaggregationKey(parsed.disaggregation)}`
      : null;
    const earlier = targetKey ? this.targetRows.get(targetKey) : undefined;
    if (parsed.target !== null && earlier !== undefined)
      reject(
        `row ${earlier} already gives the target for this indicator, period, sex and age; keep one of the two rows.`,
      );
    const { indicator } = known ?? this.addIndicator(row, parsed);
    indicator.baseline ??= parsed.baseline;
    if (!parsed.period) return;
    if (parsed.target !== null && targetKey) {
      this.targetRows.set(targetKey, row);
      indicator.targets.push({ ...parsed.period, ...parsed.disaggregation, value: parsed.target });
    }
    if (parsed.report)
      indicator.reports.push({
        ...parsed.report,
        id: parsed.report.id || this.newId('report'),
        ...parsed.period,
        ...parsed.disaggregation,
      });
  }

  private addIndicator(row: number, parsed: ParsedRow): IndicatorEntry {
    const indicator: Indicator = {
      ...parsed.facts,
      id: parsed.facts.id || this.newId('indicator'),
      baseline: null,
      targets: [],
      source: { kind: 'manual' },
      reports: [],
    };
    let measure = this.measures.get(parsed.measureKey);
    if (!measure) {
      measure = {
        measureId: parsed.measureId,
        title: parsed.measureTitle,
        indicators: [],
        source: `row ${row}`,
        objective: parsed.objective,
        owner: parsed.owner,
      };
      this.measures.set(parsed.measureKey, measure);
    }
    measure.indicators.push(indicator);
    const entry = { indicator, row };
    this.indicators.set(parsed.indicatorKey, entry);
    return entry;
  }
}

type ParsedRow = ReturnType<typeof parseRow>;

/** A row's cells checked and typed; a cell that does not fit rejects the row. */
function parseRow(v: CsvRowValues) {
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
  const measureKey = v.measure_id || measureTitle;
  return {
    objective: objectiveOf(v),
    owner: ownerOf(v),
    measureKey,
    measureId: v.measure_id || null,
    measureTitle,
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

/** An indicator's facts and baseline are repeated on each of its rows; a row that says otherwise is refused. */
function checkSameIndicator({ indicator, row }: IndicatorEntry, parsed: ParsedRow) {
  for (const column of ['unit', 'direction'] as const)
    if (parsed.facts[column].toLowerCase() !== indicator[column].toLowerCase())
      reject(
        `its ${column} is "${parsed.facts[column]}" where row ${row} gives "${indicator[column]}" for the same indicator; make them agree.`,
      );
  const { baseline } = parsed;
  const same = indicator.baseline;
  if (
    baseline &&
    same &&
    (same.value !== baseline.value ||
      same.date !== baseline.date ||
      disaggregationKey(same) !== disaggregationKey(baseline))
  )
    reject(
      `its baseline differs from the one an earlier row gives for the same indicator; an indicator has one baseline.`,
    );
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
