// Agencies read back from the database as the engine's records, a page of them at once: the agency rows,
// then their licences, inspections and sanctions in one query each. Complaints are never read here: the
// public sees them only as counts (counts.ts), and their keepers read them through complaints.ts.
import { sql } from 'drizzle-orm';
import { type Queryable, rowsOf } from '../../platform/db.js';
import type { AgencyRecord, Inspection, Licence, Sanction } from '../register/index.js';

/** An agency as stored: the engine's record (without complaints) and who keeps it. */
export type StoredAgency = AgencyRecord & {
  id: string;
  keeperOrganisationId: string | null;
  version: number;
};

type AgencyRow = {
  id: string;
  name: string;
  other_names: string[];
  kind: AgencyRecord['kind'];
  country: string;
  address: string | null;
  registration_number: string | null;
  keeper_organisation_id: string | null;
  version: number;
};

type LicenceRow = {
  agency_id: string;
  number: string;
  issuing_authority: string;
  status: Licence['status'];
  valid_from: string | null;
  valid_until: string | null;
  status_since: string | null;
  status_until: string | null;
};

type InspectionRow = {
  agency_id: string;
  date: string;
  outcome: Inspection['outcome'];
  authority: string | null;
};
type SanctionRow = {
  agency_id: string;
  imposed_on: string;
  kind: Sanction['kind'];
  until: string | null;
  authority: string | null;
};

/** A uuid[] parameter; the ids come from the database or a checked route parameter. */
export const uuidList = (ids: readonly string[]) => `{${ids.join(',')}}`;

function groupBy<T extends { agency_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.agency_id);
    if (group) group.push(row);
    else groups.set(row.agency_id, [row]);
  }
  return groups;
}

/** The agencies with these ids, in the order asked; ids not found are left out. */
export async function agenciesByIds(db: Queryable, ids: readonly string[]): Promise<StoredAgency[]> {
  if (ids.length === 0) return [];
  const list = uuidList(ids);
  const agencies = await rowsOf<AgencyRow>(
    db,
    sql`select id::text, name, other_names, kind, country_iso3::text as country, address, registration_number,
          keeper_organisation_id::text, version
        from intermediary_agencies where id = any(${list}::uuid[])`,
  );
  const licences = groupBy(
    await rowsOf<LicenceRow>(
      db,
      sql`select agency_id::text, number, issuing_authority, status, valid_from::text, valid_until::text,
            status_since::text, status_until::text
          from intermediary_licences where agency_id = any(${list}::uuid[])
          order by valid_from nulls first, number`,
    ),
  );
  const inspections = groupBy(
    await rowsOf<InspectionRow>(
      db,
      sql`select agency_id::text, inspected_on::text as date, outcome, authority
          from intermediary_inspections where agency_id = any(${list}::uuid[]) order by inspected_on`,
    ),
  );
  const sanctions = groupBy(
    await rowsOf<SanctionRow>(
      db,
      sql`select agency_id::text, imposed_on::text, kind, until::text, authority
          from intermediary_sanctions where agency_id = any(${list}::uuid[]) order by imposed_on`,
    ),
  );
  const byId = new Map(
    agencies.map((row) => [
      row.id,
      recordOf(row, licences.get(row.id), inspections.get(row.id), sanctions.get(row.id)),
    ]),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}

function recordOf(
  row: AgencyRow,
  licences: readonly LicenceRow[] = [],
  inspections: readonly InspectionRow[] = [],
  sanctions: readonly SanctionRow[] = [],
): StoredAgency {
  return {
    id: row.id,
    name: row.name,
    otherNames: row.other_names,
    kind: row.kind,
    country: row.country,
    address: row.address,
    registrationNumber: row.registration_number,
    keeperOrganisationId: row.keeper_organisation_id,
    version: row.version,
    licences: licences.map((licence) => ({
      number: licence.number,
      issuingAuthority: licence.issuing_authority,
      status: licence.status,
      validFrom: licence.valid_from,
      validUntil: licence.valid_until,
      statusSince: licence.status_since,
      statusUntil: licence.status_until,
    })),
    inspections: inspections.map(({ date, outcome, authority }) => ({ date, outcome, authority })),
    complaints: [],
    sanctions: sanctions.map((sanction) => ({
      imposedOn: sanction.imposed_on,
      kind: sanction.kind,
      until: sanction.until,
      authority: sanction.authority,
    })),
  };
}
