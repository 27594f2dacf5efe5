// The kinds of record break-glass can open, each with how to find the organisation that holds one.
// Break-glass exists for victims' records in an emergency: case records register here when they
// arrive. Member lists and other organisation data are never a target.
import type { Queryable } from '../platform/db.js';

/** Which organisation holds the record, looked up as the server; null when there is no such record. */
export type FindRecordOwner = (db: Queryable, id: string) => Promise<string | null>;

const targets = new Map<string, FindRecordOwner>();

export function registerBreakGlassTarget(kind: string, findOwner: FindRecordOwner): void {
  if (targets.has(kind)) throw new Error(`break-glass target "${kind}" is registered twice`);
  targets.set(kind, findOwner);
}

export function findBreakGlassTarget(kind: string): FindRecordOwner | undefined {
  return targets.get(kind);
}

export function breakGlassTargetKinds(): string[] {
  return [...targets.keys()];
}
