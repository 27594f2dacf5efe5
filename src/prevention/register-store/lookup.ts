// The public look-up over the stored register: candidates found through the indexes, ranked and answered by
// the engine, each shown as its public entry with counts from the database. registerLookupFor is what the
// job-offer check asks: the register's answer for the agency a person named.
import type { Queryable } from '../../platform/db.js';
import type { RegisterLookup } from '../offer-check/schemas.js';
import {
  type AgencyMatch,
  answerOf,
  findAgencies,
  type LookupMatch,
  type LookupQuery,
  type PublicEntry,
  publicEntryOf,
  type RegisterAnswer,
  type RiskRules,
} from '../register/index.js';
import { publicCountsOf } from './counts.js';
import { agenciesByIds, type StoredAgency } from './read.js';
import { candidateIdsOf, countryPageOf, isCountryCovered } from './search.js';

export type RegisterLookupOptions = {
  /** The day the answer is for, YYYY-MM-DD. */
  asOf: string;
  rules?: Partial<RiskRules> | undefined;
};

export type RegisterSearchOptions = RegisterLookupOptions & { offset: number; limit: number };

export type RegisterSearch = {
  matches: LookupMatch[];
  answer: RegisterAnswer;
  /** How many agencies matched in all, of which `matches` is one page. */
  total: number;
  /** The page's agencies as stored, by id: who keeps each and its version. */
  stored: ReadonlyMap<string, StoredAgency>;
};

/** The register's answer for the job-offer check, on the day given. */
export async function registerLookupFor(
  db: Queryable,
  query: LookupQuery,
  options: RegisterLookupOptions,
): Promise<RegisterLookup> {
  const { answer } = await answerFor(db, query, options.asOf);
  return answer.lookup;
}

async function answerFor(db: Queryable, query: LookupQuery, asOf: string) {
  const candidates = query.name || query.licenceNumber ? await candidateIdsOf(db, query) : [];
  const agencies = await agenciesByIds(db, candidates);
  const found = findAgencies(agencies, query);
  const covered = query.country ? await isCountryCovered(db, query.country) : undefined;
  return { found, agencies, answer: answerOf(query, found, { asOf, isCountryCovered: covered }) };
}

/** A page of agencies matching the query, best first, each as the public sees it, and the answer. */
export async function searchRegister(
  db: Queryable,
  query: LookupQuery,
  options: RegisterSearchOptions,
): Promise<RegisterSearch> {
  const { found, agencies, answer } = await answerFor(db, query, options.asOf);
  if (!query.name && !query.licenceNumber && query.country) {
    const page = await countryPageOf(db, query.country, options);
    const ofCountry = await agenciesByIds(db, page.ids);
    const matches = findAgencies(ofCountry, query);
    const stored = byId(ofCountry);
    return { matches: await entriesOf(db, matches, options), answer, total: page.total, stored };
  }
  const page = found.slice(options.offset, options.offset + options.limit);
  const stored = byId(agencies);
  return { matches: await entriesOf(db, page, options), answer, total: found.length, stored };
}

const byId = (agencies: readonly StoredAgency[]) => new Map(agencies.map((agency) => [agency.id, agency]));

async function entriesOf(
  db: Queryable,
  matches: readonly AgencyMatch[],
  options: RegisterLookupOptions,
): Promise<LookupMatch[]> {
  const ids = matches.flatMap((match) => (match.agency.id ? [match.agency.id] : []));
  const counts = await publicCountsOf(db, ids, options.asOf, options.rules);
  return matches.map((match) => ({
    entry: entryOf(match.agency, counts.get(match.agency.id ?? ''), options),
    strength: match.strength,
    score: match.score,
    why: match.why,
  }));
}

function entryOf(
  agency: AgencyMatch['agency'],
  counts: { complaints: number; referrals: number } | undefined,
  options: RegisterLookupOptions,
): PublicEntry {
  return publicEntryOf(agency, {
    asOf: options.asOf,
    linkedReferrals: counts?.referrals ?? 0,
    countedComplaints: counts?.complaints ?? 0,
    rules: options.rules,
  });
}

/** One agency as the public sees it; null when there is none with this id. */
export async function publicEntryFor(
  db: Queryable,
  id: string,
  options: RegisterLookupOptions,
): Promise<{ entry: PublicEntry; agency: StoredAgency } | null> {
  const [agency] = await agenciesByIds(db, [id]);
  if (!agency) return null;
  const counts = await publicCountsOf(db, [id], options.asOf, options.rules);
  return { entry: entryOf(agency, counts.get(id), options), agency };
}
