// Writing the register: agencies (with their names as compared, for the look-up), licences, inspections,
// complaints, sanctions, and the link from a referral to the agency it names. Row-level security decides
// who may: coordinators and administrators, and the editors of the organisation keeping the agency.
import { sql } from 'drizzle-orm';
import { type Queryable, rowsOf } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { textArray } from '../../platform/sql-arrays.js';
import {
  type Agency,
  type Complaint,
  comparableLicenceNumber,
  comparableName,
  type Inspection,
  type Licence,
  type Sanction,
} from '../register/index.js';

export type AgencyInput = Agency & { keeperOrganisationId: string | null };

/** How registration numbers are compared: "CS-2019 0042" and "cs20190042" are the same company. */
export function registrationKeyOf(number: string | null): string | null {
  const key = number ? comparableLicenceNumber(number) : '';
  return key || null;
}

export async function createAgency(
  db: Queryable,
  input: AgencyInput,
  userId: string | null,
): Promise<string> {
  const [row] = await rowsOf<{ id: string }>(
    db,
    sql`insert into intermediary_agencies (name, other_names, kind, country_iso3, address, registration_number,
          registration_key, keeper_organisation_id, created_by)
        values (${input.name}, ${textArray(input.otherNames)}::text[], ${input.kind}, ${input.country},
          ${input.address}, ${input.registrationNumber}, ${registrationKeyOf(input.registrationNumber)},
          ${input.keeperOrganisationId}, ${userId})
        returning id::text`,
  );
  if (!row) throw new Error('the agency was not stored');
  await setNames(db, row.id, input);
  return row.id;
}

/** Changes an agency read at `version`; someone else's change in between answers a conflict. */
export async function updateAgency(
  db: Queryable,
  id: string,
  input: AgencyInput,
  version: number,
): Promise<number> {
  const [row] = await rowsOf<{ version: number }>(
    db,
    sql`update intermediary_agencies set name = ${input.name}, other_names = ${textArray(input.otherNames)}::text[],
          kind = ${input.kind}, country_iso3 = ${input.country}, address = ${input.address},
          registration_number = ${input.registrationNumber},
          registration_key = ${registrationKeyOf(input.registrationNumber)},
          keeper_organisation_id = ${input.keeperOrganisationId}, version = version + 1, updated_at = now()
        where id = ${id} and version = ${version}
        returning version`,
  );
  if (!row) {
    await requireAgency(db, id);
    throw new AppError(
      'conflict',
      'The agency was changed in the meantime. Reload it and make the change again.',
    );
  }
  await setNames(db, id, input);
  return row.version;
}

/** The names the look-up compares, kept beside the agency; the same name twice is one row. */
export async function setNames(db: Queryable, id: string, agency: Pick<Agency, 'name' | 'otherNames'>) {
  const own = comparableName(agency.name);
  const others = agency.otherNames.map(comparableName).filter((name) => name && name !== own);
  const names = [...new Set([own, ...others].filter(Boolean))];
  await db.execute(sql`delete from intermediary_agency_names where agency_id = ${id}`);
  await db.execute(
    sql`insert into intermediary_agency_names (agency_id, comparable, is_other)
        select ${id}::uuid, name, name <> ${own} from unnest(${textArray(names)}::text[]) as name`,
  );
}

export async function requireAgency(
  db: Queryable,
  id: string,
): Promise<{ keeperOrganisationId: string | null }> {
  const [row] = await rowsOf<{ keeper: string | null }>(
    db,
    sql`select keeper_organisation_id::text as keeper from intermediary_agencies where id = ${id}`,
  );
  if (!row) throw new AppError('not_found', 'There is no agency with this id in the register.');
  return { keeperOrganisationId: row.keeper };
}

export type SaveOutcome = 'added' | 'changed' | 'unchanged';

/** A licence is its number from its authority: saving it again changes its status and dates, or nothing. */
export async function saveLicence(db: Queryable, agencyId: string, licence: Licence): Promise<SaveOutcome> {
  const key = comparableLicenceNumber(licence.number);
  const [row] = await rowsOf<{ inserted: boolean; changed: boolean }>(
    db,
    sql`insert into intermediary_licences (agency_id, number, number_key, issuing_authority, status, valid_from,
          valid_until, status_since, status_until)
        values (${agencyId}, ${licence.number}, ${key}, ${licence.issuingAuthority}, ${licence.status},
          ${licence.validFrom}, ${licence.validUntil}, ${licence.statusSince}, ${licence.statusUntil})
        on conflict (agency_id, number_key, issuing_authority) do update set number = excluded.number,
          status = excluded.status, valid_from = excluded.valid_from, valid_until = excluded.valid_until,
          status_since = excluded.status_since, status_until = excluded.status_until, updated_at = now()
        where (intermediary_licences.number, intermediary_licences.status, intermediary_licences.valid_from,
               intermediary_licences.valid_until, intermediary_licences.status_since,
               intermediary_licences.status_until)
          is distinct from (excluded.number, excluded.status, excluded.valid_from, excluded.valid_until,
               excluded.status_since, excluded.status_until)
        returning (xmax = 0) as inserted, true as changed`,
  );
  if (!row) return 'unchanged';
  return row.inserted ? 'added' : 'changed';
}

export async function addInspection(
  db: Queryable,
  agencyId: string,
  inspection: Inspection,
  userId: string | null,
): Promise<void> {
  await db.execute(
    sql`insert into intermediary_inspections (agency_id, inspected_on, outcome, authority, created_by)
        values (${agencyId}, ${inspection.date}, ${inspection.outcome}, ${inspection.authority}, ${userId})`,
  );
}

export async function addComplaint(
  db: Queryable,
  agencyId: string,
  complaint: Complaint,
  userId: string | null,
): Promise<void> {
  await db.execute(
    sql`insert into intermediary_complaints (agency_id, received_on, category, status, created_by)
        values (${agencyId}, ${complaint.receivedOn}, ${complaint.category}, ${complaint.status}, ${userId})`,
  );
}

export async function addSanction(
  db: Queryable,
  agencyId: string,
  sanction: Sanction,
  userId: string | null,
): Promise<void> {
  await db.execute(
    sql`insert into intermediary_sanctions (agency_id, imposed_on, kind, until, authority, created_by)
        values (${agencyId}, ${sanction.imposedOn}, ${sanction.kind}, ${sanction.until}, ${sanction.authority},
          ${userId})`,
  );
}

/** Complaints as their keepers see them: dated and categorised, with no word of who made them. */
export async function complaintsOf(db: Queryable, agencyId: string): Promise<Complaint[]> {
  return rowsOf<Complaint>(
    db,
    sql`select received_on::text as "receivedOn", category, status from intermediary_complaints
        where agency_id = ${agencyId} order by received_on desc`,
  );
}

/**
 * Links a referral to the agency that recruited the person; seen only by those who see the referral, and
 * counted for the public only in aggregate. A referral the requester cannot see is not found.
 */
export async function linkReferral(
  db: Queryable,
  referralId: string,
  agencyId: string,
  userId: string | null,
): Promise<void> {
  await requireAgency(db, agencyId);
  const [referral] = await rowsOf<{ id: string }>(
    db,
    sql`select id::text from referrals where id = ${referralId}`,
  );
  if (!referral) throw new AppError('not_found', 'There is no referral with this id that you may see.');
  await db.execute(
    sql`insert into intermediary_referral_links (referral_id, agency_id, linked_by)
        values (${referralId}, ${agencyId}, ${userId}) on conflict do nothing`,
  );
}
