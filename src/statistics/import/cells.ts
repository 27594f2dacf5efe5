// Numbers each distinct cell (indicator, unit, year, sex, age, dimension, category) and area of an import,
// so that duplicates are caught while reading (one bit per cell and area) and roll-ups sum per cell.
import { sql } from 'drizzle-orm';
import { copyFieldBytes } from '../../platform/copy-lines.js';
import type { Queryable } from '../../platform/db.js';
import { numberArray, textArray } from '../../platform/sql-arrays.js';
import { isKnownIso3 } from '../../reference/index.js';
import { cellKeyOf, type ObservationInput } from './types.js';

/** Areas per cell in the bit set: every ISO3 country and M49 area fits (about 300). */
const AREA_SLOTS = 1024;

export type Cell = Pick<
  ObservationInput,
  | 'indicator'
  | 'unit'
  | 'year'
  | 'sex'
  | 'age'
  | 'dimension'
  | 'category'
  | 'sexCode'
  | 'ageCode'
  | 'categoryCode'
>;

/** A cell's columns, in the order of CellRegistry.copyBytesOf, in observations and roll-ups alike. */
export const CELL_COLUMNS = [
  'indicator',
  'unit',
  'year',
  'sex',
  'age',
  'dimension',
  'category',
  'sex_code',
  'age_code',
  'category_code',
] as const;

export class CellRegistry {
  private readonly copyBytes: Buffer[] = [];
  private readonly ids = new Map<string, number>();
  readonly cells: Cell[] = [];
  private readonly areas = new Map<string, number>();
  private readonly areaCodes: string[] = [];
  private seen = new Uint32Array(1 << 16);
  /** Rows kept per cell, and how many of them are censored. */
  readonly counts: number[] = [];
  readonly censored: number[] = [];

  /** The cell's number, and whether this cell and area came before (a duplicate row). */
  register(o: ObservationInput): { cellId: number; isRepeat: boolean } {
    const key = o.cellKey ?? cellKeyOf(o);
    let cellId = this.ids.get(key);
    if (cellId === undefined) {
      cellId = this.cells.length;
      this.ids.set(key, cellId);
      this.cells.push({
        indicator: o.indicator,
        unit: o.unit,
        year: o.year,
        sex: o.sex,
        age: o.age,
        dimension: o.dimension,
        category: o.category,
        sexCode: o.sexCode,
        ageCode: o.ageCode,
        categoryCode: o.categoryCode,
      });
      this.counts.push(0);
      this.censored.push(0);
    }
    const area = (o.iso3 ?? o.m49) as string;
    let areaId = this.areas.get(area);
    if (areaId === undefined) {
      areaId = this.areaCodes.length;
      if (areaId >= AREA_SLOTS) throw new Error('more distinct areas than any file can hold');
      this.areas.set(area, areaId);
      this.areaCodes.push(area);
    }
    const isRepeat = this.testAndSet(cellId * AREA_SLOTS + areaId);
    if (!isRepeat) {
      this.counts[cellId] = (this.counts[cellId] as number) + 1;
      if (o.isCensored) this.censored[cellId] = (this.censored[cellId] as number) + 1;
    }
    return { cellId, isRepeat };
  }

  /** The cell's columns (CELL_COLUMNS) as COPY text bytes, made once per cell and reused for each of its rows. */
  copyBytesOf(cellId: number): Buffer {
    let bytes = this.copyBytes[cellId];
    if (bytes === undefined) {
      const c = this.cells[cellId] as Cell;
      const columns = [c.indicator, c.unit, String(c.year), c.sex, c.age, c.dimension, c.category];
      bytes = copyFieldBytes([...columns, c.sexCode, c.ageCode, c.categoryCode]);
      this.copyBytes[cellId] = bytes;
    }
    return bytes;
  }

  /** A set of areas as bits, to merge several cells' areas into (mergeAreas) and read back (areasIn). */
  emptyAreaSet(): Uint32Array {
    return new Uint32Array(AREA_SLOTS >>> 5);
  }

  /** Adds the areas that gave a figure for the cell to the set. */
  mergeAreas(cellId: number, bits: Uint32Array): void {
    const from = cellId * bits.length;
    for (let w = 0; w < bits.length && from + w < this.seen.length; w += 1)
      bits[w] = (bits[w] as number) | (this.seen[from + w] as number);
  }

  /** The areas (ISO3 or M49 codes) in the set. */
  areasIn(bits: Uint32Array): string[] {
    const found: string[] = [];
    for (let areaId = 0; areaId < this.areaCodes.length; areaId += 1) {
      if (((bits[areaId >>> 5] as number) & (1 << (areaId & 31))) !== 0)
        found.push(this.areaCodes[areaId] as string);
    }
    return found;
  }

  private testAndSet(slot: number): boolean {
    const word = slot >>> 5;
    if (word >= this.seen.length) {
      let size = this.seen.length;
      while (size <= word) size *= 2;
      const grown = new Uint32Array(size);
      grown.set(this.seen);
      this.seen = grown;
    }
    const bit = 1 << (slot & 31);
    const words = this.seen;
    const isSet = ((words[word] as number) & bit) !== 0;
    words[word] = (words[word] as number) | bit;
    return isSet;
  }

  /** The cells under their numbers, which queries look up before the observations' (iso3, cell_id) index. */
  async saveCells(db: Queryable, releaseId: string): Promise<void> {
    for (let start = 0; start < this.cells.length; start += 5000) {
      const batch = this.cells.slice(start, start + 5000);
      const column = (pick: (cell: Cell) => string) => textArray(batch.map(pick));
      await db.execute(sql`
        insert into statistic_cells (release_id, cell_id, indicator, unit, year, sex, age, dimension, category)
        select ${releaseId}::uuid, * from unnest(${numberArray(batch.map((_, i) => start + i))}::int[],
          ${column((c) => c.indicator)}::text[], ${column((c) => c.unit)}::text[],
          ${numberArray(batch.map((c) => c.year))}::smallint[], ${column((c) => c.sex)}::text[],
          ${column((c) => c.age)}::text[], ${column((c) => c.dimension)}::text[],
          ${column((c) => c.category)}::text[])`);
    }
  }

  /**
   * Which countries gave figures, per indicator, breakdown and year: the area bits of that group's cells
   * are merged first, so each area is looked at once per group rather than once per cell.
   */
  async saveCoverage(db: Queryable, releaseId: string): Promise<void> {
    const groups = new Map<string, Uint32Array>();
    this.cells.forEach((cell, cellId) => {
      const key = `${cell.indicator}\u0000${cell.dimension}\u0000${cell.year}`;
      const bits = groups.get(key) ?? this.emptyAreaSet();
      groups.set(key, bits);
      this.mergeAreas(cellId, bits);
    });
    const entries: string[][] = [];
    for (const [key, bits] of groups) {
      const [indicator = '', dimension = '', year = ''] = key.split('\u0000');
      // Publishers' own areas ("SAM") look like ISO codes but are not countries that reported.
      for (const area of this.areasIn(bits))
        if (isKnownIso3(area)) entries.push([indicator, dimension, year, area]);
    }
    for (let start = 0; start < entries.length; start += 5000) {
      const batch = entries.slice(start, start + 5000);
      const column = (i: number) => textArray(batch.map((e) => e[i] ?? null));
      await db.execute(sql`
        insert into statistic_coverage (release_id, indicator, dimension, year, iso3)
        select ${releaseId}::uuid, * from unnest(${column(0)}::text[], ${column(1)}::text[],
          ${column(2)}::smallint[], ${column(3)}::text[])`);
    }
  }
}
