// Reads a CSV of categorical columns into a Dataset, and writes a Dataset back as CSV. Streams both ways:
// the input is read through the project's one CSV reader, so a million-row file never sits in memory as
// text, only as one small code per cell.
import type { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { readCsvRecords } from '../../platform/csv-reader.js';
import { AppError } from '../../platform/errors.js';
import { type Dataset, DatasetBuilder } from './dataset.js';

export type ReadDatasetOptions = {
  /** The columns to keep, by header name (all of them by default), in this order. */
  columns?: string[] | undefined;
  /** Stop after this many data rows. */
  maxRows?: number | undefined;
  /** Cell values that mean "missing" besides the empty cell (for example '-99' or 'NA'). */
  missing?: string[] | undefined;
};

function refuse(code: 'validation_failed' | 'unreadable_file', path: string, message: string): AppError {
  return new AppError(code, message, [{ path, message, code: 'invalid_csv' }]);
}

/** Checks the header and returns, for each chosen column, its position in a row. */
function chooseColumns(header: string[], wanted: string[] | undefined): number[] {
  const names = header.map((name) => name.trim());
  if (names.length === 0 || names.every((name) => name === ''))
    throw refuse('unreadable_file', 'row 1', 'The first row is empty: it must name the columns.');
  const seen = new Map<string, number>();
  names.forEach((name, index) => {
    if (name === '')
      throw refuse(
        'unreadable_file',
        `row 1, column ${index + 1}`,
        `Column ${index + 1} has no name in the first row: name it.`,
      );
    if (seen.has(name))
      throw refuse(
        'unreadable_file',
        `row 1, column ${index + 1}`,
        `The column "${name}" is named twice in the first row (columns ${(seen.get(name) as number) + 1} and ${index + 1}): give each column its own name.`,
      );
    seen.set(name, index);
  });
  if (!wanted) return names.map((_, index) => index);
  return wanted.map((name) => {
    const index = seen.get(name);
    if (index === undefined)
      throw refuse(
        'validation_failed',
        'columns',
        `The column "${name}" is not in the file; its columns are: ${names.join(', ')}.`,
      );
    return index;
  });
}

/** A header in the first row, then one record per row; every row must have as many cells as the header. */
export async function readDataset(input: Readable, options: ReadDatasetOptions = {}): Promise<Dataset> {
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
        throw refuse(
          'unreadable_file',
          `row ${rowNo}`,
          `Row ${rowNo} has ${cells.length} cells where the header has ${width}: every row needs one cell per column (quote a value that contains a comma).`,
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
    throw refuse('unreadable_file', 'row 1', 'The file is empty: its first row must name the columns.');
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
