// Technical assistance (Chair's summary ¶34): the needs countries post, the offers partners make, and the
// moves a need makes from open to matched to delivered, refused with a reason when they do not follow.
// Pure: no I/O, no clock.
import type { Pillar } from './model.js';

/** The pillars, in the order of the shared code list (a test holds them to it). */
export const PILLARS = [
  'prevention',
  'protection',
  'prosecution',
  'partnership',
] as const satisfies readonly Pillar[];

/** What kind of help is asked or offered; a fixed list so that needs and offers can meet. */
export const ASSISTANCE_KINDS = [
  'legislation',
  'training',
  'specialised_units',
  'data_systems',
  'victim_services',
  'coordination',
  'research',
  'other',
] as const;
export type AssistanceKind = (typeof ASSISTANCE_KINDS)[number];

/** The six official languages of the United Nations, by their ISO 639-1 codes. */
export const UN_LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type UnLanguage = (typeof UN_LANGUAGES)[number];

export const NEED_STATUSES = ['open', 'matched', 'delivered', 'withdrawn'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];

/** An offer stays open while it can serve needs (one offer may serve several); its maker may withdraw it. */
export const OFFER_STATUSES = ['open', 'withdrawn'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export type AssistanceNeed = {
  id: string;
  /** ISO 3166-1 alpha-3 code of the country asking. */
  country: string;
  pillar: Pillar;
  kind: AssistanceKind;
  title: string;
  description: string;
  /** The languages the help can be given in, most wanted first. */
  languages: UnLanguage[];
  /** ISO date by which the help is wanted; null when there is no deadline. */
  wantedBy: string | null;
  status: NeedStatus;
  postedByOrganisationId: string;
  /** The offer chosen when the need was matched; null before, and kept once delivered. */
  matchedOfferId: string | null;
};

export type AssistanceOffer = {
  id: string;
  offeredByOrganisationId: string;
  title: string;
  description: string;
  pillars: Pillar[];
  kinds: AssistanceKind[];
  /** ISO 3166-1 alpha-3 codes of the countries the offer serves; empty when it serves any country. */
  countries: string[];
  languages: UnLanguage[];
  /** ISO dates, both included; null when the offer has no start or no end. */
  availableFrom: string | null;
  availableUntil: string | null;
  status: OfferStatus;
};

/** A move a need's poster (or a coordinator) asks for. */
export type NeedMove = { to: 'matched'; offerId: string | null } | { to: 'delivered' } | { to: 'withdrawn' };

/** Why a move is refused, as a stable code the screen translates, and a sentence for the API. */
export type RefusedMove = {
  allowed: false;
  reason: 'delivered_is_final' | 'already_withdrawn' | 'offer_required' | 'not_open' | 'not_matched';
  explanation: string;
};

export type MoveResult = { allowed: true; need: AssistanceNeed } | RefusedMove;

function refuse(reason: RefusedMove['reason'], explanation: string): RefusedMove {
  return { allowed: false, reason, explanation };
}

/** Refusals that hold whatever the move: a delivered need is final and a withdrawn one is closed. */
function refuseClosed(need: AssistanceNeed): RefusedMove | null {
  if (need.status === 'delivered')
    return refuse('delivered_is_final', 'The assistance was delivered: the need can no longer change.');
  if (need.status === 'withdrawn')
    return refuse('already_withdrawn', 'The need was withdrawn: post a new need if help is still wanted.');
  return null;
}

/**
 * The need after the move, or why the move is refused: open → matched needs a chosen offer; matched →
 * delivered; open or matched → withdrawn; delivered is final. Nothing moves a need back to open: when a
 * match falls through, the need is withdrawn and posted again, so that the record of what happened stays.
 */
export function moveNeed(need: AssistanceNeed, move: NeedMove): MoveResult {
  const closed = refuseClosed(need);
  if (closed) return closed;
  switch (move.to) {
    case 'matched':
      if (need.status !== 'open')
        return refuse(
          'not_open',
          'The need is already matched with an offer; it can be delivered or withdrawn.',
        );
      if (!move.offerId)
        return refuse('offer_required', 'Choose the offer that will meet the need before matching it.');
      return { allowed: true, need: { ...need, status: 'matched', matchedOfferId: move.offerId } };
    case 'delivered':
      if (need.status !== 'matched')
        return refuse('not_matched', 'Only a need matched with an offer can be marked as delivered.');
      return { allowed: true, need: { ...need, status: 'delivered' } };
    case 'withdrawn':
      return { allowed: true, need: { ...need, status: 'withdrawn' } };
  }
}

/** Whether the move would be allowed: for showing only the buttons that work. */
export function canMoveNeed(need: AssistanceNeed, to: NeedMove['to']): boolean {
  const move: NeedMove = to === 'matched' ? { to, offerId: 'any' } : { to };
  return moveNeed(need, move).allowed;
}

/** The offer after its maker withdraws it, or why it cannot be. */
export function withdrawOffer(
  offer: AssistanceOffer,
): { allowed: true; offer: AssistanceOffer } | { allowed: false; explanation: string } {
  if (offer.status === 'withdrawn') return { allowed: false, explanation: 'The offer is already withdrawn.' };
  return { allowed: true, offer: { ...offer, status: 'withdrawn' } };
}
