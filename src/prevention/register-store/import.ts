// A register file stored: read in the upload worker (CSV or XLSX) into the engine's agencies, then each one
// matched to the agency already on record — by registration number, else by one of its licence numbers,
// else by its name in its country — and changed only where the file says something new. Importing the same
// file again changes nothing. The caller runs it in one transaction and refuses a file with any problem.
import { sql } from 'drizzle-orm';
import { type Queryable, rowsOf } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { textArray } from '../../platform/sql-arrays.js';
import { eachItem, looksLikeZipArchive, readInWorker } from '../../uploads/index.js';
import { readLimitsFor } from '../../uploads/limits.js';
import {
  type AgencyRecord,
  comparableLicenceNumber,
  comparableName,
  guessDelimiter,
  type ImportedAgency,
  type NumberedRow,
  type RegisterImport,
  type RegisterImportOptions,
  readRegisterRows,
} from '../register/index.js';
import type { RegisterFile } from './api-schemas.js';
import { agenciesByIds, type StoredAgency } from './read.js';
import {
  type AgencyInput,
  createAgency,
  registrationKeyOf,
  type SaveOutcome,
  saveLicence,
  updateAgency,
} from './write.js';

export type RegisterFileFormat = 'csv' | 'xlsx';

export type RegisterFileOptions = Pick<
  RegisterFile,
  | 'defaultCountry'
  | 'defaultKind'
  | 'defaultAuthority'
  | 'defaultStatus'
  | 'statusWords'
  | 'kindWords'
  | 'columnNames'
  | 'dateOrder'
>;

/** The engine's options from what a person gave with the file (API body or command-line flags). */
export function importOptionsOf(file: RegisterFileOptions, asOf: string): RegisterImportOptions {
  const {
    defaultCountry,
    defaultKind,
    defaultAuthority,
    defaultStatus,
    statusWords,
    kindWords,
    columnNames,
    dateOrder,
  } = file;
  const options: RegisterImportOptions = { asOf };
  if (defaultCountry) options.defaultCountry = defaultCountry;
  if (defaultKind) options.defaultKind = defaultKind;
  if (defaultAuthority) options.defaultAuthority = defaultAuthority;
  if (defaultStatus) options.defaultStatus = defaultStatus;
  if (statusWords) options.statusWords = statusWords;
  if (kindWords) options.kindWords = kindWords;
  if (columnNames) options.columnNames = columnNames;
  if (dateOrder) options.dateOrder = dateOrder;
  return options;
}

/** The file's rows as the worker reads them; a workbook's first sheet, a CSV with its delimiter guessed. */
export async function readRegisterFile(
  format: RegisterFileFormat,
  bytes: Buffer,
  options: RegisterImportOptions = {},
): Promise<RegisterImport> {
  if (format === 'xlsx' && !looksLikeZipArchive(bytes))
    throw new AppError(
      'unreadable_file',
      'The file could not be read as a spreadsheet: it is not an Excel workbook (.xlsx). Save the register as an Excel workbook, or as CSV, and import it again.',
    );
  const delimiter = format === 'csv' ? guessDelimiter(bytes.subarray(0, 64 * 1024).toString('utf8')) : ',';
  // A copy: the worker takes the memory it is given, and a Buffer may share its memory with others.
  const copy = new Uint8Array(bytes);
  const rows: NumberedRow[] = [];
  for await (const row of eachItem<NumberedRow>(
    readInWorker(copy, { kind: 'statistics-table', format, delimiter }, readLimitsFor('activities')),
  ))
    rows.push(row);
  return readRegisterRows(firstSheetOf(rows), options);
}

/** A workbook's later sheets start again at row 1: the register is its first sheet. */
function firstSheetOf(rows: readonly NumberedRow[]): NumberedRow[] {
  const restart = rows.findIndex((row, i) => i > 0 && row.rowNo <= (rows[i - 1]?.rowNo ?? 0));
  return restart < 0 ? [...rows] : rows.slice(0, restart);
}

export type Tally = Record<SaveOutcome, number>;
export type RegisterImportSummary = { agencies: Tally; licences: Tally };

const emptyTally = (): Tally => ({ added: 0, changed: 0, unchanged: 0 });

export async function saveImportedAgencies(
  db: Queryable,
  agencies: readonly ImportedAgency[],
  options: {
    userId: string | null;
    keeperOrganisationId: string | null;
    onProgress?: (done: number, total: number) => void;
  },
): Promise<RegisterImportSummary> {
  const summary = { agencies: emptyTally(), licences: emptyTally() };
  for (const [i, { record }] of agencies.entries()) {
    options.onProgress?.(i, agencies.length);
    const { id, outcome } = await saveAgency(db, record, options);
    let licencesChanged = false;
    for (const licence of record.licences) {
      const saved = await saveLicence(db, id, licence);
      summary.licences[saved] += 1;
      licencesChanged ||= saved !== 'unchanged';
    }
    summary.agencies[outcome === 'unchanged' && licencesChanged ? 'changed' : outcome] += 1;
  }
  options.onProgress?.(agencies.length, agencies.length);
  return summary;
}

async function saveAgency(
  db: Queryable,
  record: AgencyRecord,
  options: { userId: string | null; keeperOrganisationId: string | null },
): Promise<{ id: string; outcome: SaveOutcome }> {
  const existingId = await matchingAgencyOf(db, record);
  const [existing] = existingId ? await agenciesByIds(db, [existingId]) : [];
  if (!existing) {
    const input = { ...agencyOf(record), keeperOrganisationId: options.keeperOrganisationId };
    return { id: await createAgency(db, input, options.userId), outcome: 'added' };
  }
  const merged = mergedAgency(existing, record);
  if (!merged) return { id: existing.id, outcome: 'unchanged' };
  await updateAgency(db, existing.id, merged, existing.version);
  return { id: existing.id, outcome: 'changed' };
}

function agencyOf(record: AgencyRecord) {
  const { name, otherNames, kind, country, address, registrationNumber } = record;
  return { name, otherNames, kind, country, address, registrationNumber };
}

/** The agency as the file has it, keeping other names on record the file no longer lists; null if the same. */
function mergedAgency(existing: StoredAgency, record: AgencyRecord): AgencyInput | null {
  const names = new Set([record.name, ...record.otherNames].map(comparableName));
  const keptNames = [existing.name, ...existing.otherNames].filter(
    (name) => !names.has(comparableName(name)),
  );
  const merged: AgencyInput = {
    ...agencyOf(record),
    otherNames: [...record.otherNames, ...keptNames],
    address: record.address ?? existing.address,
    registrationNumber: record.registrationNumber ?? existing.registrationNumber,
    keeperOrganisationId: existing.keeperOrganisationId,
  };
  const before = { ...agencyOf(existing), keeperOrganisationId: existing.keeperOrganisationId };
  const same =
    JSON.stringify({ ...before, otherNames: [...before.otherNames].sort() }) ===
    JSON.stringify({ ...merged, otherNames: [...merged.otherNames].sort() });
  return same ? null : merged;
}

/** The agency on record the file's agency is: by registration number, one licence number, or its name. */
async function matchingAgencyOf(db: Queryable, record: AgencyRecord): Promise<string | null> {
  const key = registrationKeyOf(record.registrationNumber);
  if (key) {
    const [byRegistration] = await idsWhere(
      db,
      sql`select id::text from intermediary_agencies where country_iso3 = ${record.country}
          and registration_key = ${key}`,
    );
    if (byRegistration) return byRegistration;
  }
  const numbers = record.licences.map((licence) => comparableLicenceNumber(licence.number));
  const byLicence = await idsWhere(
    db,
    sql`select distinct l.agency_id::text as id from intermediary_licences l
        join intermediary_agencies a on a.id = l.agency_id
        where a.country_iso3 = ${record.country} and l.number_key = any(${textArray(numbers)}::text[])`,
  );
  if (byLicence.length === 1) return byLicence[0] ?? null;
  const byName = await idsWhere(
    db,
    sql`select n.agency_id::text as id from intermediary_agency_names n
        join intermediary_agencies a on a.id = n.agency_id
        where a.country_iso3 = ${record.country} and n.comparable = ${comparableName(record.name)}
          and not n.is_other`,
  );
  return byName.length === 1 ? (byName[0] ?? null) : null;
}

async function idsWhere(db: Queryable, query: ReturnType<typeof sql>): Promise<string[]> {
  return (await rowsOf<{ id: string }>(db, query)).map((row) => row.id);
}
