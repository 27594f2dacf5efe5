// The technical assistance API's addresses, typed by the shapes the server declares
// (src/plans/assistance-schemas.ts).
import type {
  MatchReason,
  NeedRequest,
  NeedSuggestions,
  NeedView,
  OfferRequest,
  OfferView,
  SuggestionView,
} from '../../plans/assistance-schemas.js';
import { useApiResource } from './useApiResource.js';

export { ASSISTANCE_KINDS, UN_LANGUAGES } from '../../plans/engine/assistance.js';
export type { MatchReason, NeedRequest, NeedSuggestions, NeedView, OfferRequest, OfferView, SuggestionView };

export const ASSISTANCE = '/api/v1/assistance';
export const NEEDS = `${ASSISTANCE}/needs`;
export const OFFERS = `${ASSISTANCE}/offers`;
export const needPath = (id: string, rest = '') => `${NEEDS}/${encodeURIComponent(id)}${rest}`;
export const offerPath = (id: string, rest = '') => `${OFFERS}/${encodeURIComponent(id)}${rest}`;
export const suggestionPath = (needId: string, offerId: string, decision: 'acceptance' | 'refusal') =>
  needPath(needId, `/suggestions/${encodeURIComponent(offerId)}/${decision}`);

export type NeedsResponse = { data: NeedView[] };
export type NeedResponse = { data: NeedView };
export type OffersResponse = { data: OfferView[] };
export type OfferResponse = { data: OfferView };
export type SuggestionsResponse = { data: NeedSuggestions };

export const useNeeds = () => useApiResource<NeedsResponse>(NEEDS);
export const useOffers = () => useApiResource<OffersResponse>(OFFERS);
export const useSuggestions = (needId: string | null) =>
  useApiResource<SuggestionsResponse>(needId === null ? null : needPath(needId, '/suggestions'));
