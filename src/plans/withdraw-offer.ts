// Withdraws an offer: it is suggested no more. Needs already matched with it keep their match.
import type { Queryable } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { getOffer, type OfferRecord, updateOfferStatus } from './assistance-store.js';
import { withdrawOffer as withdrawn } from './engine/assistance.js';

export async function withdrawOffer(tx: Queryable, offerId: string): Promise<OfferRecord> {
  const offer = await getOffer(tx, offerId);
  const moved = withdrawn(offer);
  if (!moved.allowed) throw new AppError('invalid_transition', moved.explanation);
  await updateOfferStatus(tx, { id: offer.id, from: 'open', to: 'withdrawn' });
  return getOffer(tx, offer.id);
}
