// Numbers each distinct cell (indicator, unit, year, sex, age, dimension, category) and area of an import,
// so that duplicates are caught while reading (one bit per cell and area) and roll-ups sum per cell.
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db.js';
import { textArray } from '../../platform/sql-arrays.js';
import { isKnownIso3 } from '../../reference/index.js';
import type { ObservationInput } from './types.js';

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

export class CellRegistry {
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
    const key = `${o.indicator}\u0000${o.unit}\u0000${o.year}\u0000${o.sex}\u0000${o.age}\u0000${o.dimension}\u0000${o.category}`;
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

  /** The areas (ISO3 or M49 codes) that gave a figure for the cell. */
  areasOf(cellId: number): string[] {
    const found: string[] = [];
    for (let areaId = 0; areaId < this.areaCodes.length; areaId += 1) {
      const slot = cellId * AREA_SLOTS + areaId;
      const word = this.seen[slot >>> 5] ?? 0;
      if ((word & (1 << (slot & 31))) !== 0) found.push(this.areaCodes[areaId] as string);
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

  /** Which countries gave figures, per indicator, breakdown and year, from the cells' area bits. */
  async saveCoverage(db: Queryable, releaseId: string): Promise<void> {
    const coverage = new Set<string>();
    this.cells.forEach((cell, cellId) => {
      for (const area of this.areasOf(cellId)) {
        // Publishers' own areas ("SAM") look like ISO codes but are not countries that reported.
        if (isKnownIso3(area))
          coverage.add(`${cell.indicator}\u0000${cell.dimension}\u0000${cell.year}\u0000${area}`);
      }
    });
    const entries = [...coverage].map((key) => key.split('\u0000'));
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
