// Which offers of technical assistance could meet a need, best first: points for a shared pillar and kind,
// the country, shared languages and timing, each listed so that a person sees why an offer is suggested.
// Pure: no I/O; `today` is passed in.
import type { AssistanceNeed, AssistanceOffer, UnLanguage } from './assistance.js';

/** The points each criterion is worth; kept together so that the weighting reads as one decision. */
export const MATCH_POINTS = {
  samePillar: 10,
  sameKind: 10,
  countryNamed: 6,
  anyCountry: 2,
  firstSharedLanguage: 4,
  furtherSharedLanguage: 1,
  availableInTime: 8,
} as const;

export type MatchReason =
  | { criterion: 'same_pillar'; points: number }
  | { criterion: 'same_kind'; points: number }
  | { criterion: 'country_named' | 'any_country'; points: number }
  | { criterion: 'shared_languages'; points: number; languages: UnLanguage[] }
  | { criterion: 'available_in_time'; points: number };

export type MatchSuggestion = {
  needId: string;
  offerId: string;
  score: number;
  reasons: MatchReason[];
};

/** A need and an offer its poster declined: never suggested together again. */
export type RefusedPair = { needId: string; offerId: string };

/**
 * Whether the offer can help before the need's deadline: it has not ended by today (nor before it is
 * wanted), and it starts by the date the help is wanted (any start will do when there is no deadline).
 */
export function isAvailableInTime(need: AssistanceNeed, offer: AssistanceOffer, today: string): boolean {
  const startsInTime = !need.wantedBy || !offer.availableFrom || offer.availableFrom <= need.wantedBy;
  const stillRunning = !offer.availableUntil || offer.availableUntil >= today;
  return startsInTime && stillRunning;
}

/** The need's languages the offer speaks too, in the need's order of preference. */
function sharedLanguages(need: AssistanceNeed, offer: AssistanceOffer): UnLanguage[] {
  return need.languages.filter((language) => offer.languages.includes(language));
}

function countryReason(need: AssistanceNeed, offer: AssistanceOffer): MatchReason | null {
  if (offer.countries.length === 0) return { criterion: 'any_country', points: MATCH_POINTS.anyCountry };
  if (offer.countries.includes(need.country))
    return { criterion: 'country_named', points: MATCH_POINTS.countryNamed };
  return null;
}

function languageReason(need: AssistanceNeed, offer: AssistanceOffer): MatchReason | null {
  const languages = sharedLanguages(need, offer);
  if (languages.length === 0) return null;
  const points =
    MATCH_POINTS.firstSharedLanguage + (languages.length - 1) * MATCH_POINTS.furtherSharedLanguage;
  return { criterion: 'shared_languages', points, languages };
}

/**
 * The reasons an offer suits a need, or null when it shares neither pillar nor kind: the country, the
 * languages and the dates alone do not make help relevant.
 */
export function scoreMatch(
  need: AssistanceNeed,
  offer: AssistanceOffer,
  today: string,
): MatchSuggestion | null {
  const samePillar = offer.pillars.includes(need.pillar);
  const sameKind = offer.kinds.includes(need.kind);
  if (!samePillar && !sameKind) return null;
  const reasons = [
    samePillar ? { criterion: 'same_pillar', points: MATCH_POINTS.samePillar } : null,
    sameKind ? { criterion: 'same_kind', points: MATCH_POINTS.sameKind } : null,
    countryReason(need, offer),
    languageReason(need, offer),
    isAvailableInTime(need, offer, today)
      ? { criterion: 'available_in_time', points: MATCH_POINTS.availableInTime }
      : null,
  ].filter((reason): reason is MatchReason => reason !== null);
  const score = reasons.reduce((sum, reason) => sum + reason.points, 0);
  return { needId: need.id, offerId: offer.id, score, reasons };
}

function pairKey(needId: string, offerId: string): string {
  return `${needId}\u0000${offerId}`;
}

/** Higher scores first; among equals, the offer available soonest, then by id so that the order is stable. */
function bySuggestionOrder(offers: ReadonlyMap<string, AssistanceOffer>) {
  return (a: MatchSuggestion, b: MatchSuggestion): number => {
    if (a.score !== b.score) return b.score - a.score;
    const fromA = offers.get(a.offerId)?.availableFrom ?? '';
    const fromB = offers.get(b.offerId)?.availableFrom ?? '';
    if (fromA !== fromB) return fromA < fromB ? -1 : 1;
    return a.offerId < b.offerId ? -1 : a.offerId > b.offerId ? 1 : 0;
  };
}

/** An offer can be suggested while its maker keeps it open and its last day has not passed. */
export function isOfferOpen(offer: AssistanceOffer, today: string): boolean {
  return offer.status === 'open' && (!offer.availableUntil || offer.availableUntil >= today);
}

/**
 * The offers that could meet each open need, best first. Closed needs and offers (withdrawn, or ended) are
 * left out, and so is every pair whose need's poster declined the offer. Offers a partner posted for its own need are kept:
 * an organisation may well offer what another branch of its government asks for.
 */
export function suggestMatches(
  needs: readonly AssistanceNeed[],
  offers: readonly AssistanceOffer[],
  refused: readonly RefusedPair[],
  today: string,
): MatchSuggestion[] {
  const refusedKeys = new Set(refused.map((pair) => pairKey(pair.needId, pair.offerId)));
  const openOffers = offers.filter((offer) => isOfferOpen(offer, today));
  const suggestions: MatchSuggestion[] = [];
  for (const need of needs) {
    if (need.status !== 'open') continue;
    for (const offer of openOffers) {
      if (refusedKeys.has(pairKey(need.id, offer.id))) continue;
      const suggestion = scoreMatch(need, offer, today);
      if (suggestion) suggestions.push(suggestion);
    }
  }
  const offersById = new Map(offers.map((offer) => [offer.id, offer]));
  return suggestions.sort(bySuggestionOrder(offersById));
}

/** The offers that could meet one need, best first (none when the need is no longer open). */
export function suggestOffersForNeed(
  need: AssistanceNeed,
  offers: readonly AssistanceOffer[],
  refused: readonly RefusedPair[],
  today: string,
): MatchSuggestion[] {
  return suggestMatches([need], offers, refused, today);
}
