// The aggregates rearranged for the synthesizer's inner loop, which asks millions of times "how many records
// have these two (or three) attributes?": singles and pairs in dense arrays when the attributes are few
// enough, triples in an open-addressing hash of integers, so that no question builds a string. A count of
// zero or less (possible with noisy aggregates) means "not reportable", like an absent combination.
import { type Aggregates, combinationIds } from './aggregates.js';

/** Pairs are held in a dense attributes × attributes array up to this many attributes (64 MiB). */
const DENSE_PAIR_ATTRIBUTES = 4096;
/** Most cells of the triple rows (one row of all attributes per reportable pair): 256 MiB. */
const TRIPLE_ROW_CELLS = 1 << 26;

/** Counts keyed by two or three attribute ids (the third -1 for a pair), in ascending order. */
class TupleHash {
  private keys: Int32Array;
  private values: Float64Array;
  private mask: number;

  constructor(expected: number) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.keys = new Int32Array(capacity * 3).fill(-1);
    this.values = new Float64Array(capacity);
    this.mask = capacity - 1;
  }

  private slot(a: number, b: number, c: number): number {
    let hash =
      Math.imul(a, 0x9e3779b1) ^
      Math.imul(b + 0x7f4a7c15, 0x85ebca6b) ^
      Math.imul(c + 0x165667b1, 0xc2b2ae35);
    hash ^= hash >>> 15;
    hash = Math.imul(hash, 0x2c1b3c6d);
    hash ^= hash >>> 12;
    let slot = hash & this.mask;
    const keys = this.keys;
    for (;;) {
      const at = slot * 3;
      const first = keys[at] as number;
      if (first === -1 || (first === a && keys[at + 1] === b && keys[at + 2] === c)) return slot;
      slot = (slot + 1) & this.mask;
    }
  }

  set(a: number, b: number, c: number, value: number): void {
    const slot = this.slot(a, b, c);
    this.keys[slot * 3] = a;
    this.keys[slot * 3 + 1] = b;
    this.keys[slot * 3 + 2] = c;
    this.values[slot] = value;
  }

  get(a: number, b: number, c: number): number {
    const slot = this.slot(a, b, c);
    return this.keys[slot * 3] === -1 ? 0 : (this.values[slot] as number);
  }
}

export class CombinationTable {
  readonly singles: Float64Array;
  /** pairs[x × attributes + y]: the pair counts, when the attributes are few enough to hold them densely. */
  readonly densePairs: Float32Array | null;
  private readonly tuples: TupleHash;
  /** Combinations of four attributes or more, by key string: only a reporting length above 3 needs them. */
  private readonly long = new Map<string, number>();
  private readonly size: number;
  /**
   * For each reportable pair (a < b), where its row starts in `tripleRows` (-1 if none): row[c] is the count
   * of (a, b, c). The synthesizer reads one row per attribute of the record, candidate after candidate,
   * instead of hashing every triple. Built only while the rows fit in TRIPLE_ROW_CELLS.
   */
  private pairRowStart: Int32Array | null = null;
  tripleRows: Float32Array | null = null;

  constructor(aggregates: Aggregates) {
    this.size = aggregates.attributes.size;
    this.singles = new Float64Array(this.size);
    this.densePairs = this.size <= DENSE_PAIR_ATTRIBUTES ? new Float32Array(this.size * this.size) : null;
    this.tuples = new TupleHash(aggregates.counts.size);
    const triples: number[][] = [];
    for (const [key, count] of aggregates.counts) {
      const ids = this.put(key, count);
      if (ids.length === 3) triples.push(ids);
    }
    this.buildTripleRows(triples);
  }

  private buildTripleRows(triples: number[][]): void {
    const pairs = this.densePairs;
    if (!pairs || triples.length === 0) return;
    const size = this.size;
    let reportablePairs = 0;
    for (let x = 0; x < size; x++)
      for (let y = x + 1; y < size; y++) if ((pairs[x * size + y] as number) > 0) reportablePairs++;
    if (reportablePairs * size > TRIPLE_ROW_CELLS) return;
    const starts = new Int32Array(size * size).fill(-1);
    let next = 0;
    for (let x = 0; x < size; x++)
      for (let y = x + 1; y < size; y++) {
        if ((pairs[x * size + y] as number) <= 0) continue;
        starts[x * size + y] = next;
        next += size;
      }
    const rows = new Float32Array(next);
    // Each triple (a < b < c) is written in the rows of its three pairs, each pair in ascending order.
    for (const [a, b, c] of triples as [number, number, number][]) {
      const count = this.triple(a, b, c);
      for (const [x, y, z] of [
        [a, b, c],
        [a, c, b],
        [b, c, a],
      ] as const) {
        const start = starts[x * size + y] as number;
        if (start >= 0) rows[start + z] = count;
      }
    }
    this.pairRowStart = starts;
    this.tripleRows = rows;
  }

  /**
   * Where the row of triple counts of the pair (x, y), in either order, starts in `tripleRows`, or -1.
   * One row per pair (its ids ascending) halves the memory, and a caller holding a pair still reads the
   * row candidate after candidate, in order.
   */
  tripleRowStart(x: number, y: number): number {
    if (!this.pairRowStart) return -1;
    return x < y
      ? (this.pairRowStart[x * this.size + y] as number)
      : (this.pairRowStart[y * this.size + x] as number);
  }

  private put(key: string, count: number): number[] {
    const ids = combinationIds(key).sort((x, y) => x - y);
    const [a, b, c] = ids as [number, number | undefined, number | undefined];
    if (ids.length === 1) this.singles[a] = count;
    else if (ids.length === 2 && b !== undefined) {
      if (this.densePairs) {
        this.densePairs[a * this.size + b] = count;
        this.densePairs[b * this.size + a] = count;
      } else this.tuples.set(a, b, -1, count);
    } else if (ids.length === 3 && b !== undefined && c !== undefined) this.tuples.set(a, b, c, count);
    else this.long.set(ids.join(','), count);
    return ids;
  }

  pair(x: number, y: number): number {
    if (this.densePairs) return this.densePairs[x * this.size + y] as number;
    return x < y ? this.tuples.get(x, y, -1) : this.tuples.get(y, x, -1);
  }

  triple(x: number, y: number, z: number): number {
    // Sort three numbers with three comparisons.
    let a = x;
    let b = y;
    let c = z;
    if (a > b) [a, b] = [b, a];
    if (b > c) [b, c] = [c, b];
    if (a > b) [a, b] = [b, a];
    return this.tuples.get(a, b, c);
  }

  /** Any combination, its ids in any order. */
  count(ids: readonly number[]): number {
    if (ids.length === 1) return this.singles[ids[0] as number] as number;
    if (ids.length === 2) return this.pair(ids[0] as number, ids[1] as number);
    if (ids.length === 3) return this.triple(ids[0] as number, ids[1] as number, ids[2] as number);
    return this.long.get([...ids].sort((x, y) => x - y).join(',')) ?? 0;
  }
}
