// Posts an offer of technical assistance for an organisation (row-level security holds it to the ones the
// writer edits for); it is suggested for open needs from then on.
import type { Queryable } from '../platform/db.js';
import type { PostedOffer } from './assistance-schemas.js';
import { getOffer, insertOffer, type OfferRecord } from './assistance-store.js';

export async function postOffer(
  tx: Queryable,
  offer: PostedOffer,
  userId: string | null,
): Promise<OfferRecord> {
  const id = await insertOffer(tx, { ...offer, createdBy: userId });
  return getOffer(tx, id);
}
