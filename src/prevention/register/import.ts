// Importing a register file (CSV or XLSX rows) into agency records. Every row is read and every problem
// reported, with its row, column, what is wrong and how to fix it; whether a file with problems imports its
// good rows or nothing is the caller's choice. Column layout: import-columns.ts and README.md.
import { Readable } from 'node:stream';
import { readCsvRecords } from '../../platform/csv-reader.js';
import type { FieldError } from '../../platform/errors.js';
import { agenciesOf, type ImportedAgency } from './import-agencies.js';
import { type LicenceRow, readLicenceRow, rowContextOf } from './import-licence-row.js';
import {
  findHeader,
  type ImportProblem,
  type NumberedRow,
  type RegisterImportOptions,
} from './import-rows.js';

export type RegisterImport = {
  /** The row holding the headings, or null when none was found (then nothing else was read). */
  headerRow: number | null;
  agencies: ImportedAgency[];
  /** Everything that keeps a row, or the whole file, from being imported, in the order of the file. */
  problems: ImportProblem[];
  /** What was set aside without harm: title rows, unknown columns, a licence listed twice alike. */
  notes: ImportProblem[];
  counts: { accepted: number; rejected: number; skipped: number };
};

/** Rows of a sheet as they come (an XLSX reader's string[][]), numbered from 1 as the spreadsheet shows them. */
export function numberedRows(rows: readonly (readonly string[])[]): NumberedRow[] {
  return rows.map((cells, i) => ({ rowNo: i + 1, cells }));
}

export function readRegisterRows(
  rows: readonly NumberedRow[],
  options: RegisterImportOptions = {},
): RegisterImport {
  const search = findHeader(rows, options);
  const { header } = search;
  if (!header)
    return {
      headerRow: null,
      agencies: [],
      problems: search.problems,
      notes: search.notes,
      counts: { accepted: 0, rejected: 0, skipped: 0 },
    };
  const context = rowContextOf(options);
  const licences: LicenceRow[] = [];
  const problems: ImportProblem[] = [];
  const notes: ImportProblem[] = [...search.notes];
  for (const row of rows) {
    if (row.rowNo <= header.row) continue;
    const outcome = readLicenceRow(row, header, context);
    if (outcome.kind === 'licence') licences.push(outcome.value);
    else if (outcome.kind === 'rejected') problems.push(...outcome.problems);
    else if (outcome.kind === 'skipped') notes.push(outcome.note);
  }
  const grouping = agenciesOf(licences);
  const allProblems = inFileOrder([...problems, ...grouping.problems]);
  const allNotes = inFileOrder([...notes, ...grouping.notes]);
  return {
    headerRow: header.row,
    agencies: grouping.agencies,
    problems: allProblems,
    notes: allNotes,
    counts: countsOf(grouping.agencies, allProblems, allNotes),
  };
}

function inFileOrder(list: ImportProblem[]): ImportProblem[] {
  return list.sort((a, b) => a.row - b.row || (a.column ?? 0) - (b.column ?? 0));
}

function countsOf(
  agencies: readonly ImportedAgency[],
  problems: readonly ImportProblem[],
  notes: readonly ImportProblem[],
) {
  const distinctRows = (list: readonly ImportProblem[]) => new Set(list.map((item) => item.row)).size;
  return {
    accepted: agencies.reduce((sum, agency) => sum + agency.rows.length, 0),
    rejected: distinctRows(problems),
    skipped: distinctRows(
      notes.filter((note) => note.code === 'row_skipped' || note.code === 'licence_repeated'),
    ),
  };
}

export type CsvImportOptions = RegisterImportOptions & {
  /** The character between fields; guessed from the first lines (comma, semicolon or tab) when not given. */
  delimiter?: string;
};

/** Registers are small files of a few thousand rows: read whole, then parsed with the project's CSV reader. */
export async function readRegisterCsv(
  content: string | Buffer,
  options: CsvImportOptions = {},
): Promise<RegisterImport> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const delimiter = options.delimiter ?? guessDelimiter(bytes.subarray(0, 64 * 1024).toString('utf8'));
  const rows: NumberedRow[] = [];
  const limits = { delimiter, maxColumns: 500, maxCellLength: 10_000, maxRecordLength: 100_000 };
  for await (const batch of readCsvRecords(Readable.from([bytes]), limits))
    for (const record of batch) rows.push(record);
  return readRegisterRows(rows, options);
}

const DELIMITERS = [',', ';', '\t'];

/**
 * The delimiter that splits some early line into the most fields. Spreadsheets in many locales save CSV with
 * semicolons; a title line above the header may hold a comma or two, but never as many as the header has.
 */
export function guessDelimiter(start: string): string {
  const lines = start
    .replace(/"[^"]*"/g, '')
    .split(/\r?\n/)
    .slice(0, HEADER_LINES);
  const widest = (delimiter: string) => Math.max(0, ...lines.map((line) => line.split(delimiter).length - 1));
  return DELIMITERS.reduce((best, delimiter) => (widest(delimiter) > widest(best) ? delimiter : best), ',');
}

const HEADER_LINES = 30;

/** A problem as the API's field errors carry it, the fix said after what is wrong. */
export function problemAsFieldError(problem: ImportProblem): FieldError {
  return {
    path: `file.rows.${problem.row}${problem.field ? `.${problem.field}` : ''}`,
    message: `${problem.problem}. ${problem.fix}`,
    code: problem.code,
    row: problem.row,
    ...(problem.column === null ? {} : { column: problem.column }),
    ...(problem.columnName === null ? {} : { columnName: problem.columnName }),
  };
}
