// Licence rows gathered into agencies. Rows with the same registration number in the same country are one
// agency; rows without one join the agency of the same name there. The agency's columns repeat on every row,
// so rows that disagree on its kind are refused; a name or address that changed is taken from the most recent
// licence, the earlier name kept as another name.

import type { LicenceRow } from './import-licence-row.js';
import type { ImportProblem } from './import-rows.js';
import { comparableLicenceNumber, comparableName, simplify } from './names.js';
import {
  type Agency,
  type AgencyRecord,
  AgencyRecord as AgencyRecordSchema,
  type Licence,
} from './schemas.js';

export type ImportedAgency = { record: AgencyRecord; rows: number[] };

type Group = {
  agency: Agency;
  latestFrom: string;
  licences: { licence: Licence; row: number }[];
  rows: number[];
};

export type Grouping = { agencies: ImportedAgency[]; problems: ImportProblem[]; notes: ImportProblem[] };

const nameKey = (agency: Agency) => `${agency.country}|${comparableName(agency.name)}`;
const registrationKey = (agency: Agency) =>
  agency.registrationNumber
    ? `${agency.country}|${simplify(agency.registrationNumber).replaceAll(' ', '')}`
    : null;

export function agenciesOf(rows: readonly LicenceRow[]): Grouping {
  const grouping = new Grouper();
  // Registered rows first, so that a row without a number finds its agency whatever the order of the file.
  for (const row of rows) if (registrationKey(row.agency)) grouping.add(row);
  for (const row of rows) if (!registrationKey(row.agency)) grouping.add(row);
  return grouping.finish();
}

class Grouper {
  private readonly groups = new Map<string, Group>();
  /** Names of registered agencies; null where two registration numbers share a name. */
  private readonly byName = new Map<string, string | null>();
  readonly problems: ImportProblem[] = [];
  readonly notes: ImportProblem[] = [];

  add(row: LicenceRow) {
    const key = this.keyOf(row);
    if (!key) return;
    const group = this.groups.get(key);
    if (!group) {
      const from = row.licence.validFrom ?? '';
      this.groups.set(key, {
        agency: row.agency,
        latestFrom: from,
        licences: [{ licence: row.licence, row: row.row }],
        rows: [row.row],
      });
      return;
    }
    if (this.agrees(group, row) && this.addLicence(group, row)) mergeAgency(group, row);
  }

  private keyOf(row: LicenceRow): string | null {
    const registered = registrationKey(row.agency);
    const name = nameKey(row.agency);
    if (registered) {
      const known = this.byName.get(name);
      this.byName.set(name, known === undefined || known === registered ? registered : null);
      return `registration:${registered}`;
    }
    const owner = this.byName.get(name);
    if (owner === null) {
      this.problem(
        row,
        'registration_number',
        'ambiguous_agency',
        'Agencies with different registration numbers have this name',
        'Fill in the registration number of the agency this licence belongs to.',
      );
      return null;
    }
    return owner ? `registration:${owner}` : `name:${name}`;
  }

  private agrees(group: Group, row: LicenceRow): boolean {
    if (group.agency.kind === row.agency.kind) return true;
    this.problem(
      row,
      'agency_kind',
      'agency_mismatch',
      `Row ${group.rows[0]} gives this agency as ${group.agency.kind}, this row as ${row.agency.kind}`,
      'Give the agency the same kind on every row of its licences.',
    );
    return false;
  }

  /** A licence listed twice the same way is read once; listed twice differently, the second is refused. */
  private addLicence(group: Group, row: LicenceRow): boolean {
    const same = group.licences.find((held) => isSameLicence(held.licence, row.licence));
    if (!same) {
      group.licences.push({ licence: row.licence, row: row.row });
      group.rows.push(row.row);
      return true;
    }
    if (JSON.stringify(same.licence) === JSON.stringify(row.licence)) {
      this.note(
        row,
        'licence_repeated',
        `This licence is already on row ${same.row}; it was read once`,
        'Nothing to do, or delete the repeated row.',
      );
      return false;
    }
    this.problem(
      row,
      'licence_number',
      'licence_twice',
      `Licence ${row.licence.number} is also on row ${same.row}, with other values`,
      'Keep one row per licence, with the values the authority gives now.',
    );
    return false;
  }

  private problem(
    row: LicenceRow,
    field: ImportProblem['field'],
    code: string,
    problem: string,
    fix: string,
  ) {
    this.problems.push({ row: row.row, column: null, columnName: null, field, code, problem, fix });
  }

  private note(row: LicenceRow, code: string, problem: string, fix: string) {
    this.notes.push({ row: row.row, column: null, columnName: null, field: null, code, problem, fix });
  }

  finish(): Grouping {
    const agencies = [...this.groups.values()].flatMap((group) => this.recordOf(group));
    return { agencies, problems: this.problems, notes: this.notes };
  }

  /** Each row was valid alone; together they may pass a limit (more licences or names than one agency holds). */
  private recordOf(group: Group): ImportedAgency[] {
    const parsed = AgencyRecordSchema.safeParse({
      ...group.agency,
      licences: group.licences.map((held) => held.licence),
      inspections: [],
      complaints: [],
      sanctions: [],
    });
    if (parsed.success) return [{ record: parsed.data, rows: group.rows }];
    const issue = parsed.error.issues[0];
    this.problems.push({
      row: group.rows[0] ?? 0,
      column: null,
      columnName: null,
      field: null,
      code: 'agency_too_large',
      problem: `The agency on rows ${group.rows.join(', ')} cannot be kept: ${issue?.path.join('.')} ${issue?.message}`,
      fix: 'Split the rows between the agencies they belong to, or leave out licences and names that are no longer used.',
    });
    return [];
  }
}

function isSameLicence(a: Licence, b: Licence): boolean {
  return (
    comparableLicenceNumber(a.number) === comparableLicenceNumber(b.number) &&
    simplify(a.issuingAuthority) === simplify(b.issuingAuthority)
  );
}

/** The most recent licence's row speaks for the agency's name and address; every name it had is kept. */
function mergeAgency(group: Group, row: LicenceRow) {
  const from = row.licence.validFrom ?? '';
  const isNewer = from >= group.latestFrom;
  const [current, other] = isNewer ? [row.agency, group.agency] : [group.agency, row.agency];
  const names = [other.name, ...group.agency.otherNames, ...row.agency.otherNames];
  const seen = new Set([comparableName(current.name)]);
  const otherNames = names.filter((name) => {
    const key = comparableName(name);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  group.agency = {
    ...current,
    otherNames,
    address: current.address ?? other.address,
    registrationNumber: current.registrationNumber ?? other.registrationNumber,
  };
  if (isNewer) group.latestFrom = from;
}
