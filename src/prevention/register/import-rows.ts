// A register file's rows read one by one: the header found under whatever title rows the publisher put above
// it, then each row read into an agency and one of its licences, or into the list of what is wrong with it.
import {
  COLUMN_SPECS,
  type ColumnSpec,
  columnOfHeading,
  type RegisterColumn,
  specOf,
} from './import-columns.js';
import type { DateOrder, PublisherStatus } from './import-values.js';
import { simplify } from './names.js';
import type { AgencyKind } from './schemas.js';

/** A row as the file has it, numbered as a spreadsheet shows it (the first row is 1). */
export type NumberedRow = { rowNo: number; cells: readonly string[] };

export type ImportProblem = {
  row: number;
  /** The column at fault, counted from 1; null for a problem of the whole row or file. */
  column: number | null;
  /** The heading the file gives that column. */
  columnName: string | null;
  field: RegisterColumn | null;
  code: string;
  problem: string;
  fix: string;
};

export type RegisterImportOptions = {
  /** For a national register without a country column: the ISO 3166-1 alpha-3 code of its country. */
  defaultCountry?: string;
  defaultKind?: AgencyKind;
  defaultAuthority?: string;
  /** For a list of licensed agencies without a status column. */
  defaultStatus?: PublisherStatus;
  /** The publisher's own status words: "Valid - renewed" → active. */
  statusWords?: Readonly<Record<string, PublisherStatus>>;
  kindWords?: Readonly<Record<string, AgencyKind>>;
  /** The publisher's own headings: "Lic. No." → licence_number. */
  columnNames?: Readonly<Record<string, RegisterColumn>>;
  /** How numeric dates such as 03/04/2026 are read; day first unless told. */
  dateOrder?: DateOrder;
  /** The day the file is read: a licence marked expired must have ended before it. */
  asOf?: string;
};

export type Header = {
  row: number;
  headings: readonly string[];
  positions: ReadonlyMap<RegisterColumn, number>;
};

/** The publisher's header is looked for among the first rows only; a file without one is refused there. */
export const HEADER_SEARCH_ROWS = 30;

const isBlank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '');

/** Column positions for a row of headings; a column found twice is reported, not guessed. */
function headingsOf(cells: readonly string[], publisherNames: ReadonlyMap<string, RegisterColumn>) {
  const positions = new Map<RegisterColumn, number>();
  const twice: [RegisterColumn, number][] = [];
  cells.forEach((heading, i) => {
    const column = columnOfHeading(heading, publisherNames);
    if (!column) return;
    if (positions.has(column)) twice.push([column, i]);
    else positions.set(column, i);
  });
  return { positions, twice };
}

export type HeaderSearch = { header: Header | null; problems: ImportProblem[]; notes: ImportProblem[] };

/** The first row naming both the agency and the licence number; the rows above it are the publisher's titles. */
export function findHeader(rows: readonly NumberedRow[], options: RegisterImportOptions): HeaderSearch {
  const publisherNames = new Map(
    Object.entries(options.columnNames ?? {}).map(([heading, column]) => [simplify(heading), column]),
  );
  for (const { rowNo, cells } of rows.slice(0, HEADER_SEARCH_ROWS)) {
    if (isBlank(cells)) continue;
    const { positions, twice } = headingsOf(cells, publisherNames);
    if (!positions.has('agency_name') || !positions.has('licence_number')) continue;
    const header = { row: rowNo, headings: cells, positions };
    const problems = [
      ...twice.map(([column, i]) => columnTwice(header, column, i)),
      ...missingColumns(header, options),
    ];
    return { header: problems.length ? null : header, problems, notes: headerNotes(header) };
  }
  return { header: null, problems: [noHeader(rows[0]?.rowNo ?? 1)], notes: [] };
}

function noHeader(row: number): ImportProblem {
  return {
    row,
    column: null,
    columnName: null,
    field: null,
    code: 'no_header',
    problem: `None of the first ${HEADER_SEARCH_ROWS} rows names the columns of the agency’s name and the licence number`,
    fix: 'Add a row of headings above the licences, with at least agency_name and licence_number (or the register’s own headings, named at import).',
  };
}

function headerProblem(
  header: Header,
  spec: ColumnSpec,
  index: number | null,
  code: string,
  problem: string,
  fix: string,
): ImportProblem {
  return {
    row: header.row,
    column: index === null ? null : index + 1,
    columnName: index === null ? null : (header.headings[index] ?? null),
    field: spec.column,
    code,
    problem,
    fix,
  };
}

function columnTwice(header: Header, column: RegisterColumn, index: number): ImportProblem {
  const first = (header.positions.get(column) ?? 0) + 1;
  return headerProblem(
    header,
    specOf(column),
    index,
    'column_twice',
    `This column and column ${first} both hold ${column}`,
    'Keep one of the two columns, or rename the other so the import ignores it.',
  );
}

/** Columns without which every row would fail: the import stops at the header instead of repeating it. */
function missingColumns(header: Header, options: RegisterImportOptions): ImportProblem[] {
  const defaults: Partial<Record<RegisterColumn, unknown>> = {
    country: options.defaultCountry,
    agency_kind: options.defaultKind,
    issuing_authority: options.defaultAuthority,
    licence_status: options.defaultStatus,
  };
  return (Object.keys(defaults) as RegisterColumn[])
    .filter((column) => !header.positions.has(column) && defaults[column] === undefined)
    .map((column) =>
      headerProblem(
        header,
        specOf(column),
        null,
        'missing_column',
        `The file has no ${column} column`,
        `Add a ${column} column, or give one value for the whole file at import. ${specOf(column).description}`,
      ),
    );
}

function headerNotes(header: Header): ImportProblem[] {
  const known = new Set(header.positions.values());
  const ignored = header.headings.flatMap((heading, i) =>
    heading.trim() && !known.has(i) ? [ignoredColumn(header, heading, i)] : [],
  );
  if (header.positions.has('valid_until')) return ignored;
  const noEnd = headerProblem(
    header,
    specOf('valid_until'),
    null,
    'no_end_dates',
    'The file has no valid_until column: every licence is read as having no end date',
    'If the licences do end, add their last day of validity in a valid_until column.',
  );
  return [...ignored, noEnd];
}

function ignoredColumn(header: Header, heading: string, index: number): ImportProblem {
  return {
    row: header.row,
    column: index + 1,
    columnName: heading,
    field: null,
    code: 'column_ignored',
    problem: `The column “${heading}” is not one this import reads; it was left out`,
    fix: `If it holds one of ${COLUMN_SPECS.map((spec) => spec.column).join(', ')}, name it so at import.`,
  };
}
