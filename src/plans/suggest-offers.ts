// The open offers that could meet a need, best first, leaving out those its poster declined: three
// queries (the need, the offers, the refusals) whatever the number of offers, scored by the engine.
import type { Queryable } from '../platform/db.js';
import {
  getNeed,
  listDeclinedPairs,
  listOffers,
  type NeedRecord,
  type OfferRecord,
} from './assistance-store.js';
import { type MatchSuggestion, suggestOffersForNeed } from './engine/assistance-matching.js';

export type OfferSuggestion = Omit<MatchSuggestion, 'needId' | 'offerId'> & { offer: OfferRecord };

export async function suggestOffers(
  tx: Queryable,
  needId: string,
  today: string,
): Promise<{ need: NeedRecord; suggestions: OfferSuggestion[] }> {
  const need = await getNeed(tx, needId);
  if (need.status !== 'open') return { need, suggestions: [] };
  const offers = await listOffers(tx, { status: 'open' });
  const refused = await listDeclinedPairs(tx, [need.id]);
  const byId = new Map(offers.map((offer) => [offer.id, offer]));
  const suggestions = suggestOffersForNeed(need, offers, refused, today).flatMap(
    ({ offerId, score, reasons }) => {
      const offer = byId.get(offerId);
      return offer ? [{ offer, score, reasons }] : [];
    },
  );
  return { need, suggestions };
}
