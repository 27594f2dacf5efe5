// The public look-up ("is this agency licensed?"): agencies found by licence number, name or country, ranked,
// each with why it matched; and the one answer the job-offer check takes. That answer says "licensed" only
// for a licence number on record (whose agency's name agrees with a name given), or for a name found exactly
// and only once: an agency that only looks like the one named may be another, or one that borrows a licensed
// agency's name or number.
import type { RegisterStatus } from '../offer-check/schemas.js';
import { comparableLicenceNumber, comparableName, nameLikeness, SIMILAR_NAME } from './names.js';
import { publicEntryOf } from './public-entry.js';
import type {
  LicenceState,
  LookupMatch,
  LookupNote,
  LookupNoteKey,
  LookupResult,
  MatchReason,
  MatchStrength,
  RegisterAnswer,
  TextValues,
} from './result-schemas.js';
import type { RiskRules } from './risk-signs.js';
import type { AgencyRecord, LookupQuery } from './schemas.js';
import { standingOn } from './standing.js';

/** An agency that matched, before it is turned into its public entry. */
export type AgencyMatch = {
  agency: AgencyRecord;
  strength: MatchStrength;
  score: number;
  why: { reason: MatchReason; values: TextValues };
  /** How alike the name asked for is to the agency's names (1 the same), null when no name was asked for. */
  nameLikeness: number | null;
};

const STRENGTH_ORDER: Record<MatchStrength, number> = {
  licence: 0,
  exact_name: 1,
  similar_name: 2,
  country: 3,
};

/**
 * The agencies that match a query, best first; an agency matches once, by the strongest of its matches.
 * Give `answerOf` every match, not a page of them: two agencies of the same name must both be seen.
 */
export function findAgencies(
  register: readonly AgencyRecord[],
  query: LookupQuery,
  limit = Number.POSITIVE_INFINITY,
): AgencyMatch[] {
  const wanted = queryKeys(query);
  return register
    .filter((agency) => !query.country || agency.country === query.country)
    .flatMap((agency) => matchOf(agency, wanted) ?? [])
    .sort(
      (a, b) =>
        b.score - a.score ||
        STRENGTH_ORDER[a.strength] - STRENGTH_ORDER[b.strength] ||
        a.agency.name.localeCompare(b.agency.name),
    )
    .slice(0, limit);
}

type QueryKeys = { licence: string | null; name: string | null; hasCountry: boolean };

function queryKeys(query: LookupQuery): QueryKeys {
  const licence = query.licenceNumber ? comparableLicenceNumber(query.licenceNumber) : '';
  const name = query.name ? comparableName(query.name) : '';
  return { licence: licence || null, name: name || null, hasCountry: Boolean(query.country) };
}

function matchOf(agency: AgencyRecord, wanted: QueryKeys): AgencyMatch | null {
  const byName = wanted.name ? nameMatchOf(agency, wanted.name) : null;
  const nameScore = byName?.likeness ?? (wanted.name ? 0 : null);
  const licence = wanted.licence
    ? agency.licences.find((candidate) => comparableLicenceNumber(candidate.number) === wanted.licence)
    : undefined;
  if (licence) {
    const why = { reason: 'licence_number' as const, values: { number: licence.number } };
    return { agency, strength: 'licence', score: 1, why, nameLikeness: nameScore };
  }
  if (byName) return { agency, ...byName.match, nameLikeness: nameScore };
  if (!wanted.name && !wanted.licence && wanted.hasCountry)
    return {
      agency,
      strength: 'country',
      score: 0.1,
      why: { reason: 'country', values: {} },
      nameLikeness: null,
    };
  return null;
}

const REASONS = {
  exact: { own: 'name', other: 'other_name' },
  similar: { own: 'similar_name', other: 'similar_other_name' },
} as const satisfies Record<string, Record<string, MatchReason>>;

type NameMatch = { likeness: number; match: Pick<AgencyMatch, 'strength' | 'score' | 'why'> };

/** The agency's name or other name most like the one asked for; an exact other name ranks just under its name. */
function nameMatchOf(agency: AgencyRecord, wanted: string): NameMatch | null {
  const names = [agency.name, ...agency.otherNames].map((name, i) => ({
    name,
    isOther: i > 0,
    likeness: nameLikeness(comparableName(name), wanted),
  }));
  const best = names.reduce((a, b) => (b.likeness > a.likeness ? b : a));
  if (best.likeness < SIMILAR_NAME) return null;
  const isExact = best.likeness === 1;
  const reason = REASONS[isExact ? 'exact' : 'similar'][best.isOther ? 'other' : 'own'];
  const score = isExact ? (best.isOther ? 0.9 : 0.95) : 0.8 * best.likeness;
  const strength: MatchStrength = isExact ? 'exact_name' : 'similar_name';
  return {
    likeness: best.likeness,
    match: { strength, score, why: { reason, values: { name: best.name } } },
  };
}

export type AnswerContext = {
  asOf: string;
  /** Whether the register holds any agency of the country asked about; undefined when none was asked about. */
  isCountryCovered?: boolean | undefined;
};

const STATUS_OF_STATE: Record<LicenceState, RegisterStatus> = {
  licensed: 'licensed',
  lapsed: 'lapsed',
  suspended: 'suspended',
  revoked: 'revoked',
  // Not licensed yet is not "no licence": the person is told to check again, with the date it starts.
  not_yet_valid: 'unknown',
  none: 'not_found',
};

/** What the answer says, before it is dated and tied to its agency's id. */
type Decision = { status: RegisterStatus; note: LookupNote | null; agency?: AgencyRecord };

const unsure = (key: LookupNoteKey, values: TextValues = {}, agency?: AgencyRecord): Decision => ({
  status: 'unknown',
  note: { key, values },
  ...(agency ? { agency } : {}),
});

/** The register's answer for the job-offer check, from every match of a query. */
export function answerOf(
  query: LookupQuery,
  matches: readonly AgencyMatch[],
  context: AnswerContext,
): RegisterAnswer {
  const { status, note, agency } = decide(query, matches, context);
  return { lookup: { status, checkedOn: context.asOf }, note, agencyId: agency?.id ?? null };
}

function decide(query: LookupQuery, matches: readonly AgencyMatch[], context: AnswerContext): Decision {
  if (!query.name && !query.licenceNumber) return unsure('give_name_or_licence');
  if (query.country && context.isCountryCovered === false) return unsure('country_not_covered');
  const holders = matches.filter((match) => match.strength === 'licence');
  if (holders.length > 1) return unsure('same_licence_number');
  const [holder] = holders;
  if (!holder) return decideByName(query, matches, context.asOf);
  // Someone may show a real licence number that is another agency's: the names must agree too.
  if (query.name && (holder.nameLikeness ?? 0) < SIMILAR_NAME)
    return unsure('licence_of_other_agency', { name: holder.agency.name }, holder.agency);
  return fromStanding(holder.agency, null, context.asOf);
}

/** By name, an answer only for one exact match with no look-alike; otherwise a note asking for the licence. */
function decideByName(query: LookupQuery, matches: readonly AgencyMatch[], asOf: string): Decision {
  const exact = matches.filter((match) => match.strength === 'exact_name');
  const similar = matches.filter((match) => match.strength === 'similar_name');
  if (query.licenceNumber && exact.length > 0) return unsure('licence_not_found');
  const [only] = exact;
  if (only && exact.length === 1 && similar.length === 0)
    return fromStanding(only.agency, 'found_by_name_only', asOf);
  const [first, ...others] = [...exact, ...similar];
  if (!first) return { status: 'not_found', note: { key: 'not_found', values: {} } };
  if (others.length === 0) return unsure('name_not_exact', { name: first.agency.name }, first.agency);
  return unsure('similar_names');
}

function fromStanding(agency: AgencyRecord, note: LookupNoteKey | null, asOf: string): Decision {
  const { state } = standingOn(agency.licences, asOf);
  if (state === 'not_yet_valid') {
    const validFrom = earliestValidFrom(agency, asOf);
    return unsure('licence_not_yet_valid', validFrom ? { validFrom } : {}, agency);
  }
  return { status: STATUS_OF_STATE[state], note: note ? { key: note, values: {} } : null, agency };
}

function earliestValidFrom(agency: AgencyRecord, asOf: string): string | null {
  const starts = agency.licences
    .map((licence) => licence.validFrom)
    .filter((from): from is string => !!from && from > asOf);
  return starts.sort()[0] ?? null;
}

const DEFAULT_LIMIT = 20;

export type LookupOptions = {
  asOf: string;
  limit?: number;
  /** Referrals naming each agency in the window, by agency id, counted by the database. */
  linkedReferrals?: ReadonlyMap<string, number>;
  rules?: Partial<RiskRules>;
};

/** The whole look-up over a register held in memory: ranked public entries and the answer for the offer check. */
export function lookUpAgency(
  register: readonly AgencyRecord[],
  query: LookupQuery,
  options: LookupOptions,
): LookupResult {
  const found = findAgencies(register, query);
  const isCountryCovered = query.country
    ? register.some((agency) => agency.country === query.country)
    : undefined;
  const answer = answerOf(query, found, { asOf: options.asOf, isCountryCovered });
  const matches: LookupMatch[] = found.slice(0, options.limit ?? DEFAULT_LIMIT).map((match) => ({
    entry: entryOf(match.agency, options),
    strength: match.strength,
    score: match.score,
    why: match.why,
  }));
  return { matches, answer };
}

function entryOf(agency: AgencyRecord, options: LookupOptions) {
  const linkedReferrals = (agency.id && options.linkedReferrals?.get(agency.id)) || 0;
  return publicEntryOf(agency, { asOf: options.asOf, linkedReferrals, rules: options.rules });
}
