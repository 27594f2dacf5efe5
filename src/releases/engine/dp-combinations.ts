// The combinations the private marginals count, level by level: which k-combinations are candidates
// (all their sub-combinations survived the level below) and which of them each record holds. A
// combination of ascending attribute ids is keyed by one number, Σ id·base^position, so that lookups
// over hundreds of thousands of records stay on numeric maps and typed arrays. Pure: no I/O here.
import type { AttributeIndex } from './aggregates.js';
import { type Dataset, MISSING } from './dataset.js';

/** The combinations of one length: their ids (flat, `length` per combination) and key → position. */
export type Level = { length: number; size: number; ids: Uint32Array; positions: Map<number, number> };

export function combinationNumber(
  ids: ArrayLike<number>,
  from: number,
  length: number,
  base: number,
): number {
  let key = 0;
  for (let i = from; i < from + length; i++) key = key * base + (ids[i] as number);
  return key;
}

/** The single attributes as a level: every attribute of the index is a candidate. */
export function singlesLevel(attributes: AttributeIndex): Level {
  const ids = Uint32Array.from({ length: attributes.size }, (_, id) => id);
  return { length: 1, size: ids.length, ids, positions: new Map(Array.from(ids, (id) => [id, id])) };
}

/** Keeps the combinations at the given positions, in order. */
export function keepPositions(level: Level, kept: readonly number[], base: number): Level {
  const ids = new Uint32Array(kept.length * level.length);
  const positions = new Map<number, number>();
  kept.forEach((position, index) => {
    ids.set(level.ids.subarray(position * level.length, (position + 1) * level.length), index * level.length);
    positions.set(combinationNumber(ids, index * level.length, level.length, base), index);
  });
  return { length: level.length, size: kept.length, ids, positions };
}

/**
 * Candidates of length k + 1: each survivor of length k extended by a surviving single attribute of a
 * later column, kept when every sub-combination of length k survived too (the a-priori rule, which
 * is what lets a differentially private release choose them from released counts only).
 */
export function extendCandidates(
  previous: Level,
  singles: Level,
  attributes: AttributeIndex,
  base: number,
): Level {
  const k = previous.length;
  const found: number[] = [];
  const positions = new Map<number, number>();
  const probe = new Uint32Array(k + 1);
  for (let p = 0; p < previous.size; p++) {
    probe.set(previous.ids.subarray(p * k, (p + 1) * k));
    const lastColumn = attributes.column(probe[k - 1] as number);
    for (let s = 0; s < singles.size; s++) {
      const single = singles.ids[s] as number;
      if (attributes.column(single) <= lastColumn) continue;
      probe[k] = single;
      if (!allSubsetsSurvived(probe, previous, base)) continue;
      positions.set(combinationNumber(probe, 0, k + 1, base), found.length / (k + 1));
      for (const id of probe) found.push(id);
    }
  }
  return { length: k + 1, size: positions.size, ids: Uint32Array.from(found), positions };
}

/** Whether each sub-combination that leaves out one of the first k ids is in the level below. */
function allSubsetsSurvived(probe: Uint32Array, previous: Level, base: number): boolean {
  for (let skip = 0; skip < probe.length - 1; skip++) {
    let key = 0;
    for (let i = 0; i < probe.length; i++) if (i !== skip) key = key * base + (probe[i] as number);
    if (!previous.positions.has(key)) return false;
  }
  return true;
}

/** Key spaces up to this size get a dense table (position + 1, 0 for absent) instead of a Map. */
const DENSE_LIMIT = 2 ** 23;

/** Looks up a level's positions by key: a typed array where the key space is small, else its Map. */
function positionLookup(level: Level, base: number): (key: number) => number {
  if (base ** level.length > DENSE_LIMIT) return (key) => level.positions.get(key) ?? -1;
  const table = new Int32Array(base ** level.length);
  for (const [key, position] of level.positions) table[key] = position + 1;
  return (key) => (table[key] as number) - 1;
}

/**
 * Walks the candidate combinations each record holds. A record's attributes come in ascending id
 * order (one per column); a prefix is extended only while it is a survivor of its own length, since
 * every prefix of a candidate is one of its sub-combinations.
 */
export class RecordCombinations {
  private readonly attributes: Uint32Array;
  private readonly columnCodes: Uint32Array[];
  private readonly offsets: number[];
  private readonly candidate: (key: number) => number;
  private readonly prefix: ((key: number) => number)[];
  private count = 0;

  constructor(
    dataset: Dataset,
    index: AttributeIndex,
    /** alive[id] = 1 when the single attribute survived (all 1 before the first level). */
    private readonly alive: Uint8Array,
    /** survivors[j] for prefix length j (1 ≤ j < length). */
    survivors: readonly (Level | undefined)[],
    private readonly candidates: Level,
    private readonly base: number,
  ) {
    this.attributes = new Uint32Array(dataset.columns.length);
    this.columnCodes = dataset.columns.map((column) => column.codes);
    this.offsets = index.offsets;
    this.candidate = positionLookup(candidates, base);
    this.prefix = survivors.map((level) =>
      level && level.length > 1 ? positionLookup(level, base) : () => 0,
    );
  }

  /** Calls visit(position) for each candidate the record holds, in a fixed order. */
  forEach(record: number, visit: (position: number) => void): void {
    this.load(record);
    this.walk(0, 0, 0, visit);
  }

  private load(record: number): void {
    this.count = 0;
    for (let column = 0; column < this.columnCodes.length; column++) {
      const code = (this.columnCodes[column] as Uint32Array)[record] as number;
      if (code === MISSING) continue;
      const id = (this.offsets[column] as number) + code - 1;
      if (this.alive[id] === 1) this.attributes[this.count++] = id;
    }
  }

  private walk(start: number, depth: number, key: number, visit: (position: number) => void): void {
    const length = this.candidates.length;
    for (let i = start; i <= this.count - (length - depth); i++) {
      const next = key * this.base + (this.attributes[i] as number);
      if (depth + 1 === length) {
        const position = this.candidate(next);
        if (position >= 0) visit(position);
      } else if (depth === 0 || (this.prefix[depth + 1] as (key: number) => number)(next) >= 0) {
        this.walk(i + 1, depth + 1, next, visit);
      }
    }
  }
}
