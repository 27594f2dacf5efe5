// Reads a CSV of categorical columns into a Dataset, and writes a Dataset back as CSV. Streams both ways:
// the input is read through the project's one CSV reader, so a million-row file never sits in memory as
// text, only as one small code per cell.
import type { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { readCsvRecords } from '../../platform/csv-reader.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { type Dataset, DatasetBuilder } from './dataset.js';

export type ReadDatasetOptions = {
  /** The columns to keep, by header name (all of them by default), in this order. */
  columns?: string[] | undefined;
  /** Stop after this many data rows. */
  maxRows?: number | undefined;
  /** Cell values that mean "missing" besides the empty cell (for example '-99' or 'NA'). */
  missing?: string[] | undefined;
};

/** Where a CSV does not fit and why, as facts a translated sentence can use, besides the English one. */
type CsvFault = Omit<FieldError, 'path' | 'message'>;

function malformed(message: string, fault: CsvFault): AppError {
  return new AppError('malformed_csv', message, [{ path: 'file', message, ...fault }]);
}

/** Checks the header and returns, for each chosen column, its position in a row. */
function chooseColumns(header: string[], wanted: string[] | undefined): number[] {
  const names = header.map((name) => name.trim());
  if (names.length === 0 || names.every((name) => name === ''))
    throw malformed('The first row is empty: it must name the columns.', { code: 'empty_header', row: 1 });
  const seen = new Map<string, number>();
  names.forEach((name, index) => {
    const column = index + 1;
    if (name === '')
      throw malformed(`Column ${column} has no name in the first row: name it.`, {
        code: 'unnamed_column',
        row: 1,
        column,
      });
    if (seen.has(name))
      throw malformed(
        `The column "${name}" is named twice in the first row (columns ${(seen.get(name) as number) + 1} and ${column}): give each column its own name.`,
        { code: 'duplicate_column', row: 1, column, columnName: name },
      );
    seen.set(name, index);
  });
  if (!wanted) return names.map((_, index) => index);
  return wanted.map((name) => {
    const index = seen.get(name);
    if (index === undefined)
      throw new AppError(
        'validation_failed',
        `The column "${name}" is not in the file; its columns are: ${names.join(', ')}.`,
        [{ path: 'columns', message: `The column "${name}" is not in the file.`, code: 'invalid_csv' }],
      );
    return index;
  });
}

/** The shared reader's refusal of an open quote, as the releases' own code: the file is not well formed. */
function asMalformed(error: unknown): unknown {
  if (!(error instanceof AppError)) return error;
  const fault = error.fields?.[0];
  return fault?.code === 'unclosed_quote' ? new AppError('malformed_csv', error.message, [fault]) : error;
}

/** A header in the first row, then one record per row; every row must have as many cells as the header. */
export async function readDataset(input: Readable, options: ReadDatasetOptions = {}): Promise<Dataset> {
  try {
    return await readRecords(input, options);
  } catch (error) {
    throw asMalformed(error);
  }
}

async function readRecords(input: Readable, options: ReadDatasetOptions): Promise<Dataset> {
  const missing = new Set(options.missing ?? []);
  const maxRows = options.maxRows ?? Number.POSITIVE_INFINITY;
  let positions: number[] | null = null;
  let width = 0;
  let builder: DatasetBuilder | null = null;
  let rows = 0;
  const picked: string[] = [];
  outer: for await (const batch of readCsvRecords(input)) {
    for (const { rowNo, cells } of batch) {
      if (!positions || !builder) {
        positions = chooseColumns(cells, options.columns);
        width = cells.length;
        builder = new DatasetBuilder(positions.map((index) => (cells[index] as string).trim()));
        continue;
      }
      if (cells.length === 1 && cells[0] === '') continue; // a blank line, typically the last
      if (rows >= maxRows) break outer;
      if (cells.length !== width)
        throw malformed(
          `Row ${rowNo} has ${cells.length} cells where the header has ${width}: every row needs one cell per column (quote a value that contains a comma).`,
          { code: 'wrong_cell_count', row: rowNo, cells: cells.length, expectedCells: width },
        );
      for (let i = 0; i < positions.length; i++) {
        const cell = cells[positions[i] as number] as string;
        picked[i] = missing.has(cell.trim()) ? '' : cell;
      }
      builder.add(picked);
      rows++;
    }
  }
  if (!builder)
    throw malformed('The file is empty: its first row must name the columns.', {
      code: 'empty_file',
      row: 1,
    });
  return builder.build();
}

const ROWS_PER_CHUNK = 2000;

/** The dataset as CSV text, header first, a few thousand rows per piece; missing values as empty cells. */
export function* writeDatasetCsv(dataset: Dataset): Generator<string> {
  const columns = dataset.columns;
  yield stringify([columns.map((column) => column.name)]);
  for (let start = 0; start < dataset.rowCount; start += ROWS_PER_CHUNK) {
    const end = Math.min(dataset.rowCount, start + ROWS_PER_CHUNK);
    const rows: string[][] = [];
    for (let row = start; row < end; row++)
      rows.push(columns.map((column) => column.values[column.codes[row] as number] as string));
    yield stringify(rows);
  }
}
