// A need's poster accepts an offer (the need is then matched with it) or declines it (it is never suggested
// for that need again). The need's move is the engine's to allow; the need and the decision change together
// in the caller's transaction.
import type { Queryable } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { getNeed, getOffer, type NeedRecord, recordDecision, updateNeedStatus } from './assistance-store.js';
import { moveNeed } from './engine/assistance.js';
import { isOfferOpen } from './engine/assistance-matching.js';

export type Decision = {
  needId: string;
  offerId: string;
  note: string;
  userId: string | null;
  today: string;
};

export async function acceptOffer(tx: Queryable, decision: Decision): Promise<NeedRecord> {
  const need = await getNeed(tx, decision.needId);
  const offer = await getOffer(tx, decision.offerId);
  if (!isOfferOpen(offer, decision.today))
    throw new AppError('invalid_transition', 'The offer was withdrawn or has ended: choose another one.');
  const moved = moveNeed(need, { to: 'matched', offerId: offer.id });
  if (!moved.allowed) throw new AppError('invalid_transition', moved.explanation);
  await updateNeedStatus(tx, { id: need.id, from: need.status, to: 'matched', matchedOfferId: offer.id });
  await recordDecision(tx, { ...decisionOn(decision), status: 'accepted' });
  return getNeed(tx, need.id);
}

export async function declineOffer(tx: Queryable, decision: Decision): Promise<NeedRecord> {
  const need = await getNeed(tx, decision.needId);
  await getOffer(tx, decision.offerId);
  if (need.status !== 'open')
    throw new AppError(
      'invalid_transition',
      'Offers are declined only for an open need; this one is no longer open.',
    );
  await recordDecision(tx, { ...decisionOn(decision), status: 'declined' });
  return need;
}

/** What the decision row keeps: the pair, the note and who decided. */
function decisionOn({ needId, offerId, note, userId }: Decision) {
  return { needId, offerId, note, userId };
}
