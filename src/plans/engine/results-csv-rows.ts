// Builds measures and indicators from the rows of a results table, one row at a time: a row that does not
// fit is rejected with its number and the reason, and the rows before and after it are kept. Pure.
import type { FieldError } from '../../platform/errors.js';
import type { Indicator } from './model.js';
import {
  type CsvRowValues,
  isMeasureOnly,
  type MeasurePart,
  measurePartOf,
  type ParsedRow,
  parseRow,
  RowRejected,
  reject,
} from './results-csv-cells.js';
import {
  countingIds,
  disaggregationKey,
  type ImportedMeasureResults,
  type NewId,
  type ResultsImport,
} from './results-vocabulary.js';

export type { CsvRowValues };

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
    if (isMeasureOnly(v)) {
      if (!v.measure && !v.measure_id)
        reject('it names no measure; write the measure in the "measure" column.');
      this.measureOf(row, measurePartOf(v));
      return;
    }
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
    this.measureOf(row, parsed).indicators.push(indicator);
    const entry = { indicator, row };
    this.indicators.set(parsed.indicatorKey, entry);
    return entry;
  }

  private measureOf(row: number, part: MeasurePart): ImportedMeasureResults {
    let measure = this.measures.get(part.measureKey);
    if (!measure) {
      measure = {
        measureId: part.measureId,
        title: part.measureTitle,
        indicators: [],
        source: `row ${row}`,
        objective: part.objective,
        owner: part.owner,
      };
      this.measures.set(part.measureKey, measure);
    }
    return measure;
  }
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
