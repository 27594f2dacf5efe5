// Streams the rows of a CSV or XLSX file as text cells with their row numbers; memory stays flat.
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { readCsvRecords } from '../../platform/csv-reader.js';

/** One row of a table, numbered as a spreadsheet numbers it (the first row is 1). */
export type TableRow = { rowNo: number; cells: string[] };

/** The rows in the batches the reader parsed them in: a row costs no promise of its own. */
export function readCsvTable(input: Readable, delimiter = ','): AsyncGenerator<TableRow[]> {
  return readCsvRecords(input, { delimiter });
}

/** Rows read one at a time (spreadsheets, JSON), grouped as readCsvTable's batches are. */
export async function* inBatches(rows: AsyncIterable<TableRow>, size = 1000): AsyncGenerator<TableRow[]> {
  let batch: TableRow[] = [];
  for await (const row of rows) {
    batch.push(row);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** The first worksheet's rows; later worksheets (notes, metadata) are not data. */
export async function* readXlsxTable(input: Readable): AsyncGenerator<TableRow> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  for await (const worksheet of workbook) {
    for await (const row of worksheet) {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      yield { rowNo: row.number, cells: Array.from(values, cellText) };
    }
    return;
  }
}

/** A cell's text as a person reads it: numbers as written, formulas by their result. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const cell = value as {
      richText?: { text: string }[];
      result?: unknown;
      text?: unknown;
      error?: unknown;
    };
    if (cell.richText) return cell.richText.map((part) => part.text).join('');
    if ('result' in cell) return cellText(cell.result);
    if (typeof cell.text === 'string') return cell.text;
  }
  return '';
}

export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}
