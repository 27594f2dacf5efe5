// One row of a register file read into an agency and one of its licences, every problem named by its column
// with what is wrong and how to put it right. A row that is not a licence at all — a section title, a note,
// the header repeated on each printed page — is set aside with a note rather than refused.
import type { z } from 'zod';
import type { RegisterColumn } from './import-columns.js';
import type { Header, ImportProblem, NumberedRow, RegisterImportOptions } from './import-rows.js';
import {
  isRead,
  ownWords,
  type PublisherStatus,
  type Read,
  readCountry,
  readDate,
  readKind,
  readNames,
  readStatus,
} from './import-values.js';
import { Agency, type AgencyKind, Licence } from './schemas.js';

export type LicenceRow = { row: number; agency: Agency; licence: Licence };

export type RowOutcome =
  | { kind: 'licence'; value: LicenceRow }
  | { kind: 'rejected'; problems: ImportProblem[] }
  | { kind: 'skipped'; note: ImportProblem }
  | { kind: 'blank' };

/** The import's options with the publisher's words prepared once for every row. */
export type RowContext = {
  options: RegisterImportOptions;
  statusWords: ReadonlyMap<string, PublisherStatus>;
  kindWords: ReadonlyMap<string, AgencyKind>;
};

export function rowContextOf(options: RegisterImportOptions): RowContext {
  return { options, statusWords: ownWords(options.statusWords), kindWords: ownWords(options.kindWords) };
}

const AGENCY_FIELDS: Record<string, RegisterColumn> = {
  name: 'agency_name',
  otherNames: 'other_names',
  kind: 'agency_kind',
  country: 'country',
  address: 'address',
  registrationNumber: 'registration_number',
};

const LICENCE_FIELDS: Record<string, RegisterColumn> = {
  number: 'licence_number',
  issuingAuthority: 'issuing_authority',
  status: 'licence_status',
  validFrom: 'valid_from',
  validUntil: 'valid_until',
  statusSince: 'status_date',
  statusUntil: 'status_until',
};

export function readLicenceRow(row: NumberedRow, header: Header, context: RowContext): RowOutcome {
  if (row.cells.every((cell) => cell.trim() === '')) return { kind: 'blank' };
  const filled = [...header.positions.values()].filter((i) => (row.cells[i] ?? '').trim() !== '').length;
  if (filled === 0) return { kind: 'skipped', note: skipped(row, 'fills none of the register’s columns') };
  if (isHeaderAgain(row, header)) return { kind: 'skipped', note: skipped(row, 'repeats the header') };
  if (filled === 1)
    return { kind: 'skipped', note: skipped(row, 'has one cell filled: read as a title or a note') };
  return new LicenceRowReader(row, header, context).read();
}

function isHeaderAgain(row: NumberedRow, header: Header): boolean {
  return [...header.positions.values()].every(
    (i) => (row.cells[i] ?? '').trim() === (header.headings[i] ?? '').trim(),
  );
}

function skipped(row: NumberedRow, why: string): ImportProblem {
  const text = row.cells
    .map((cell) => cell.trim())
    .filter(Boolean)
    .join(' | ');
  return {
    row: row.rowNo,
    column: null,
    columnName: null,
    field: null,
    code: 'row_skipped',
    problem: `This row ${why}: “${text.slice(0, 80)}”`,
    fix: 'Nothing to do if it is not a licence; if it is, fill in at least the agency’s name and the licence number.',
  };
}

class LicenceRowReader {
  private readonly problems: ImportProblem[] = [];

  constructor(
    private readonly row: NumberedRow,
    private readonly header: Header,
    private readonly context: RowContext,
  ) {}

  read(): RowOutcome {
    const { options } = this.context;
    const name = this.required('agency_name', 'the agency’s name');
    const number = this.required('licence_number', 'the licence number');
    const kind = this.value(
      'agency_kind',
      (text) => readKind(text, this.context.kindWords),
      options.defaultKind,
    );
    const country = this.value('country', readCountry, options.defaultCountry);
    const authority = this.cell('issuing_authority') || options.defaultAuthority || null;
    if (!authority) this.missing('issuing_authority', 'the authority that issued the licence');
    const status = this.value(
      'licence_status',
      (text) => readStatus(text, this.context.statusWords),
      options.defaultStatus,
    );
    const dates = this.dates(status);
    if (this.problems.length > 0) return { kind: 'rejected', problems: this.problems };
    const agency = this.parse(Agency, AGENCY_FIELDS, {
      name,
      otherNames: readNames(this.cell('other_names'), name ?? ''),
      kind,
      country,
      address: this.cell('address') || null,
      registrationNumber: this.cell('registration_number') || null,
    });
    const licence = this.parse(Licence, LICENCE_FIELDS, {
      number,
      issuingAuthority: authority,
      status: status === 'expired' ? 'active' : status,
      ...dates,
    });
    if (!agency || !licence) return { kind: 'rejected', problems: this.problems };
    return { kind: 'licence', value: { row: this.row.rowNo, agency, licence } };
  }

  /** Dates of the licence; a status date is read only where it means something (a suspension, a revocation). */
  private dates(status: PublisherStatus | null) {
    const validFrom = this.date('valid_from');
    const validUntil = this.date('valid_until');
    const statusSince = status === 'suspended' || status === 'revoked' ? this.date('status_date') : null;
    const statusUntil = status === 'suspended' ? this.date('status_until') : null;
    if (status === 'expired') this.checkExpired(validUntil);
    if (status === 'pending')
      this.fail(
        'licence_status',
        'not_a_licence',
        'An application is not a licence',
        'Leave the row out until the licence is granted.',
      );
    return { validFrom, validUntil, statusSince, statusUntil };
  }

  /** Expiry follows from the last day of validity: an expired licence needs that day, and it must be past. */
  private checkExpired(validUntil: string | null) {
    if (this.hasProblem('valid_until')) return;
    const { asOf } = this.context.options;
    if (!validUntil)
      this.fail(
        'valid_until',
        'expiry_date_missing',
        'The status says the licence has expired, but its last day of validity is not given',
        'Fill in valid_until with the day the licence ended.',
      );
    else if (asOf && validUntil >= asOf)
      this.fail(
        'valid_until',
        'expired_not_ended',
        `The status says the licence has expired, but it is valid until ${validUntil}`,
        'Correct the status or the last day of validity.',
      );
  }

  private cell(column: RegisterColumn): string {
    const i = this.header.positions.get(column);
    return i === undefined ? '' : (this.row.cells[i] ?? '').trim();
  }

  private hasProblem(column: RegisterColumn): boolean {
    return this.problems.some((problem) => problem.field === column);
  }

  private required(column: RegisterColumn, what: string): string | null {
    const text = this.cell(column);
    if (!text) this.missing(column, what);
    return text || null;
  }

  private missing(column: RegisterColumn, what: string) {
    this.fail(column, 'missing_value', `The cell for ${what} is empty`, `Fill in ${what}.`);
  }

  /** A cell read by its reader, the whole file's value when the cell is empty, or a problem. */
  private value<T>(
    column: RegisterColumn,
    reader: (text: string) => Read<T>,
    fallback: T | undefined,
  ): T | null {
    const text = this.cell(column);
    if (!text) {
      if (fallback === undefined) this.missing(column, column.replaceAll('_', ' '));
      return fallback ?? null;
    }
    const read = reader(text);
    if (isRead(read)) return read.value;
    this.fail(column, read.code, read.problem, read.fix);
    return null;
  }

  private date(column: RegisterColumn): string | null {
    const text = this.cell(column);
    if (!text) return null;
    const read = readDate(text, this.context.options.dateOrder ?? 'day_first');
    if (isRead(read)) return read.value;
    this.fail(column, read.code, read.problem, read.fix);
    return null;
  }

  private fail(column: RegisterColumn, code: string, problem: string, fix: string) {
    const i = this.header.positions.get(column);
    this.problems.push({
      row: this.row.rowNo,
      column: i === undefined ? null : i + 1,
      columnName: i === undefined ? null : (this.header.headings[i] ?? null),
      field: column,
      code,
      problem,
      fix,
    });
  }

  /** zod's last word on the assembled values, each issue named by the column it came from. */
  private parse<T>(schema: z.ZodType<T>, fields: Record<string, RegisterColumn>, input: unknown): T | null {
    const parsed = schema.safeParse(input);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      const column = fields[String(issue.path[0])] ?? 'agency_name';
      if (!this.hasProblem(column)) this.fail(column, issue.code, issue.message, fixFor(issue));
    }
    return null;
  }
}

function fixFor(issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_big') return `Shorten it to ${String(issue.maximum)} characters or fewer.`;
  if (issue.path[0] === 'validUntil')
    return 'Check both dates: a licence ends on or after the day it starts.';
  if (issue.path[0] === 'statusUntil')
    return 'Check both dates: a suspension ends on or after the day it starts.';
  if (issue.message.includes('character'))
    return 'Remove line breaks, tabs and other invisible characters from the cell.';
  return 'Correct the value in this cell.';
}
