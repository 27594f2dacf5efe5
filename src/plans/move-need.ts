// Marks a matched need delivered, or withdraws an open or matched need, as the engine allows: the need and
// its match's delivery date change together in the caller's transaction.
import type { Queryable } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { getNeed, markMatchDelivered, type NeedRecord, updateNeedStatus } from './assistance-store.js';
import { moveNeed } from './engine/assistance.js';

export async function changeNeedStatus(
  tx: Queryable,
  needId: string,
  to: 'delivered' | 'withdrawn',
): Promise<NeedRecord> {
  const need = await getNeed(tx, needId);
  const moved = moveNeed(need, { to });
  if (!moved.allowed) throw new AppError('invalid_transition', moved.explanation);
  await updateNeedStatus(tx, { id: need.id, from: need.status, to, matchedOfferId: need.matchedOfferId });
  if (to === 'delivered' && need.matchedOfferId) await markMatchDelivered(tx, need.id, need.matchedOfferId);
  return getNeed(tx, need.id);
}
