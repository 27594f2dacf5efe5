// Whether a row read from a table certainly passes ActivityInput, checked by hand: most rows do, and zod's
// parse (a deep copy and its checks) cost more than everything else in reading them. A row this does not
// vouch for goes through zod as before, so the problems people see come from one place.
import { z } from 'zod';
import { isPlainTextWithin, isTextWithin } from '../../platform/fields.js';

const UUID = z.regexes.uuid();
const DATE = z.regexes.date;
const MAX_COUNT = 1_000_000_000;

/** What RowReader builds: ActivityInput's fields, codes already read from their lists. */
export type FlatCandidate = {
  identifier: string | undefined;
  title: string;
  description: string | null;
  leadOrganisationId: string;
  participants: { organisationId: string | null; name: string; ref: null; role: string }[];
  pillar: string | undefined;
  activityType: string;
  forms: string[];
  targetGroups: string[];
  chainStage: string | null;
  countries: { iso3: string; role: string; places: string[] }[];
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  status: string;
  budget: { amount: number; currency: string; funder: string | null } | null;
  peopleTargeted: Record<string, number>;
  peopleReached: Record<string, number>;
  genderMarker: string | null;
  coordinationMechanismId: string | null;
  provenance: { source: string | null; reportedBy: string | null; reportedOn: string | null };
  isPublished: boolean;
};

/**
 * True only when ActivityInput.parse would accept the candidate and give it back unchanged (but for the
 * defaults of the fields a table has no column for). Codes and countries RowReader read from their lists
 * already; this checks the rest: lengths, counts, characters, ids, numbers and dates.
 */
export function isSurelyValid(c: FlatCandidate): boolean {
  const id = c.identifier;
  if (id === undefined || id.length < 1 || id.length > 200 || /\s/.test(id)) return false;
  if (!plain(c.title, 500)) return false;
  if (c.description !== null && !text(c.description, 20_000)) return false;
  if (!isUuid(c.leadOrganisationId)) return false;
  if (c.coordinationMechanismId !== null && !isUuid(c.coordinationMechanismId)) return false;
  if (c.participants.length > 200 || c.forms.length > 20 || c.targetGroups.length > 40) return false;
  for (const p of c.participants) {
    if (p.organisationId !== null && !isUuid(p.organisationId)) return false;
    if (!plain(p.name, 300)) return false;
  }
  if (c.countries.length > 250) return false;
  for (const country of c.countries) {
    if (country.places.length > 100) return false;
    for (const place of country.places) if (!plain(place, 200)) return false;
  }
  for (const date of [c.plannedStart, c.plannedEnd, c.actualStart, c.actualEnd, c.provenance.reportedOn])
    if (date !== null && (!DATE.test(date) || date.startsWith('0000'))) return false;
  if (c.budget !== null) {
    const { amount, currency, funder } = c.budget;
    if (!(amount >= 0 && amount <= 1e15) || !/^[A-Z]{3}$/.test(currency)) return false;
    if (funder !== null && !plain(funder, 300)) return false;
  }
  for (const counts of [c.peopleTargeted, c.peopleReached])
    for (const cell in counts) {
      const count = counts[cell] as number;
      if (!Number.isInteger(count) || count < 0 || count > MAX_COUNT) return false;
    }
  const { source, reportedBy } = c.provenance;
  if (source !== null && !plain(source, 500)) return false;
  if (reportedBy !== null && !plain(reportedBy, 300)) return false;
  return true;
}

/** zod trims text: text with spaces around it would come back changed, so only trimmed text passes here. */
function plain(value: string, max: number): boolean {
  return isPlainTextWithin(value, max) && value.trim() === value;
}

function text(value: string, max: number): boolean {
  return isTextWithin(value, max) && value.trim() === value;
}

/** Ids come from the registry, the same few on every row: each is tested once. */
const checkedIds = new Map<string, boolean>();

function isUuid(id: string): boolean {
  let known = checkedIds.get(id);
  if (known === undefined) {
    known = UUID.test(id);
    if (checkedIds.size < 10_000) checkedIds.set(id, known);
  }
  return known;
}
