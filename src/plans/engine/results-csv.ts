// A plan's results as one flat CSV table, for spreadsheets, and its reader: one row per indicator × period ×
// disaggregation, the indicator's facts repeated on each row. Pure: the text is read from memory through the
// project's one CSV reader, and every rejected row is reported with its number and the reason.
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { readCsvRecords } from '../../platform/csv-reader.js';
import { AppError } from '../../platform/errors.js';
import type { MeasurePlacement } from './iati-results-write.js';
import type { Disaggregation, Indicator, Measure, ProgressReport, Target } from './model.js';
import {
  type CsvRowValues,
  RESULTS_CSV_COLUMNS,
  type ResultsCsvColumn,
  ResultsTableBuilder,
} from './results-csv-rows.js';
import { disaggregationKey, type NewId, type ResultsImport } from './results-vocabulary.js';

export { RESULTS_CSV_COLUMNS, type ResultsCsvColumn };

/** Where each measure sits in its plan (objective, owner), when the table should say it. */
export type PlacementOf = (measure: Measure) => MeasurePlacement | undefined;

/** Targets and approved reports as rows; reports not yet approved do not count and are left out. */
export function resultsCsv(measures: readonly Measure[], placementOf?: PlacementOf): string {
  return stringify(resultsTable(measures, placementOf));
}

/** The header and the rows as text, for CSV and spreadsheet files alike. */
export function resultsTable(measures: readonly Measure[], placementOf?: PlacementOf): string[][] {
  const rows = measures.flatMap((measure) => {
    const placed = placementCells(placementOf?.(measure));
    // A measure without indicators still has its row, so that a plan drawn up from the table keeps it.
    if (measure.indicators.length === 0)
      return [{ ...placed, measure_id: measure.id, measure: measure.title }];
    return measure.indicators.flatMap((indicator) =>
      indicatorRows(measure, indicator).map((row) => ({ ...placed, ...row })),
    );
  });
  return [[...RESULTS_CSV_COLUMNS], ...rows.map((row) => RESULTS_CSV_COLUMNS.map((c) => row[c] ?? ''))];
}

function placementCells(placement: MeasurePlacement | undefined): CsvRow {
  if (!placement) return {};
  const { objective, owner } = placement;
  return {
    objective_id: objective.id,
    objective: objective.title,
    pillar: objective.pillar,
    owner: owner.name,
    owner_ref: owner.ref ?? '',
  };
}

type Cell = {
  start: string;
  end: string;
  disaggregation: Disaggregation;
  target?: Target;
  reports: ProgressReport[];
};

type CsvRow = Partial<Record<ResultsCsvColumn, string>>;

function indicatorRows(measure: Measure, indicator: Indicator): CsvRow[] {
  const facts = {
    measure_id: measure.id,
    measure: measure.title,
    indicator_id: indicator.id,
    indicator: indicator.name,
    definition: indicator.definition,
    unit: indicator.unit,
    direction: indicator.direction,
    disaggregated_by: indicator.disaggregatedBy.join(' '),
  };
  const baseline = indicator.baseline;
  const baselineKey = baseline ? disaggregationKey(baseline) : null;
  const baselineCells = baseline ? { baseline: String(baseline.value), baseline_date: baseline.date } : {};
  const rows = cellsOf(indicator).flatMap((cell): CsvRow[] => {
    const group = { sex: cell.disaggregation.sex ?? '', age: cell.disaggregation.age ?? '' };
    const period = { period_start: cell.start, period_end: cell.end, ...group };
    const withBaseline = disaggregationKey(cell.disaggregation) === baselineKey ? baselineCells : {};
    const target = cell.target ? { target: String(cell.target.value) } : {};
    if (cell.reports.length === 0) return [{ ...facts, ...withBaseline, ...period, ...target }];
    return cell.reports.map((report, index) => ({
      ...facts,
      ...withBaseline,
      ...period,
      ...(index === 0 ? target : {}),
      actual: report.value === null ? '' : String(report.value),
      status: report.status,
      narrative: report.narrative,
      evidence: report.evidenceLinks.join(' '),
      report_id: report.id,
      source_note: report.sourceNote ?? '',
    }));
  });
  // A baseline for a group no period names, or an indicator with nothing yet, still needs its row.
  const hasBaselineRow = rows.some((row) => 'baseline' in row);
  if (baseline && !hasBaselineRow)
    rows.push({ ...facts, ...baselineCells, sex: baseline.sex ?? '', age: baseline.age ?? '' });
  if (rows.length === 0) rows.push(facts);
  return rows;
}

/** Targets and approved reports paired by period and group, in date order. */
function cellsOf(indicator: Indicator): Cell[] {
  const cells = new Map<string, Cell>();
  const cellOf = (value: Target | ProgressReport) => {
    const key = `${value.start}/${value.end}/${disaggregationKey(value)}`;
    let cell = cells.get(key);
    if (!cell) {
      const disaggregation = { sex: value.sex, age: value.age };
      cell = { start: value.start, end: value.end, disaggregation, reports: [] };
      cells.set(key, cell);
    }
    return cell;
  };
  for (const target of indicator.targets) cellOf(target).target = target;
  for (const report of indicator.reports) if (report.approvedAt) cellOf(report).reports.push(report);
  return [...cells.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, cell]) => cell);
}

/** Reads a results CSV: each row is checked on its own, and a rejected row is reported, never thrown. */
export async function readResultsCsv(text: string, newId?: NewId): Promise<ResultsImport> {
  async function* rows(): AsyncGenerator<TableRow> {
    for await (const records of readCsvRecords(Readable.from([text]), { maxColumns: 200 })) yield* records;
  }
  return readResultsRows(
    rows(),
    'The file could not be read as CSV. Save it as CSV (UTF-8) and import it again.',
    newId,
  );
}

export type TableRow = { rowNo: number; cells: string[] };

/** Reads a results table from its rows, whatever the file they come from. */
export async function readResultsRows(
  rows: AsyncIterable<TableRow>,
  unreadable: string,
  newId?: NewId,
): Promise<ResultsImport> {
  const builder = new ResultsTableBuilder(newId);
  try {
    let header: string[] | null = null;
    for await (const { rowNo, cells } of rows) {
      if (cells.every((cell) => cell.trim() === '')) continue;
      if (!header) {
        header = cells;
        if (!builder.readHeader(header)) return builder.result();
        continue;
      }
      builder.addRow(rowNo, valuesOf(header, cells));
    }
    if (!header)
      builder.problemOfFile(
        'empty_file',
        `The file is empty: its first row must name the columns (${RESULTS_CSV_COLUMNS.join(', ')}).`,
      );
  } catch (error) {
    builder.problemOfFile('unreadable_file', error instanceof AppError ? error.message : unreadable);
  }
  return builder.result();
}

function valuesOf(header: readonly string[], cells: readonly string[]): CsvRowValues {
  const values: CsvRowValues = {};
  header.forEach((name, index) => {
    values[name.trim().toLowerCase()] = (cells[index] ?? '').trim();
  });
  return values;
}
