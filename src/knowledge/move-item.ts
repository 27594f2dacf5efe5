// Moves an item in the review flow (review, publish, return to draft) from the status and version the
// caller read; who may make which move is the route's and row-level security's to decide.
import type { Queryable } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { staleVersion } from './change-item.js';
import { checkMove, type ReviewMove } from './engine/review-flow.js';
import { getItem, type ItemRecord, updateItemStatus } from './store.js';

export async function moveItem(
  tx: Queryable,
  current: ItemRecord,
  move: { name: ReviewMove; version: number; userId: string | null },
): Promise<ItemRecord> {
  const check = checkMove(current.status, move.name);
  if (!check.allowed) throw new AppError('invalid_review_step', check.explanation);
  if (current.version !== move.version) throw staleVersion(current, move.version);
  const moved = await updateItemStatus(tx, {
    id: current.id,
    version: move.version,
    from: current.status,
    to: check.to,
    userId: move.userId,
  });
  if (!moved) throw staleVersion(await getItem(tx, current.id), move.version);
  return getItem(tx, current.id);
}
