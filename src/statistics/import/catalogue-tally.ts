// The release's catalogue (each indicator's categories per dimension), summed from the import's cells.
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db.js';
import { textArray } from '../../platform/sql-arrays.js';
import type { CellRegistry } from './cells.js';

export type CatalogueEntry = {
  indicator: string;
  dimension: string;
  category: string;
  code: string | null;
  observations: number;
  fromYear: number;
  toYear: number;
  units: Set<string>;
};

/** Per indicator, dimension ("sex", "age" or the published one) and category, with years and units. */
export function catalogueOf(cells: CellRegistry): CatalogueEntry[] {
  const entries = new Map<string, CatalogueEntry>();
  const count = (
    indicator: string,
    dimension: string,
    category: string,
    code: string | null,
    cellId: number,
  ) => {
    const cell = cells.cells[cellId];
    const observations = cells.counts[cellId] ?? 0;
    if (!cell || observations === 0) return;
    const key = `${indicator}\u0000${dimension}\u0000${category}`;
    const entry = entries.get(key);
    if (!entry) {
      entries.set(key, {
        indicator,
        dimension,
        category,
        code,
        observations,
        fromYear: cell.year,
        toYear: cell.year,
        units: new Set([cell.unit]),
      });
      return;
    }
    entry.observations += observations;
    entry.fromYear = Math.min(entry.fromYear, cell.year);
    entry.toYear = Math.max(entry.toYear, cell.year);
    entry.units.add(cell.unit);
  };
  cells.cells.forEach((cell, cellId) => {
    count(cell.indicator, 'sex', cell.sex, cell.sexCode, cellId);
    count(cell.indicator, 'age', cell.age, cell.ageCode, cellId);
    count(cell.indicator, cell.dimension, cell.category, cell.categoryCode, cellId);
  });
  return [...entries.values()];
}

export async function saveCatalogue(
  db: Queryable,
  releaseId: string,
  entries: readonly CatalogueEntry[],
): Promise<void> {
  for (let start = 0; start < entries.length; start += 2000) {
    const batch = entries.slice(start, start + 2000);
    const column = <K extends keyof CatalogueEntry>(key: K) => batch.map((e) => e[key]);
    await db.execute(sql`
      insert into statistic_categories (release_id, indicator, dimension, category, category_code,
        observations, from_year, to_year, units)
      select ${releaseId}::uuid, indicator, dimension, category, code, observations, from_year, to_year,
        string_to_array(units, chr(31))
      from unnest(${textArray(column('indicator'))}::text[], ${textArray(column('dimension'))}::text[],
        ${textArray(column('category'))}::text[], ${textArray(column('code'))}::text[],
        ${`{${column('observations').join(',')}}`}::int[], ${`{${column('fromYear').join(',')}}`}::smallint[],
        ${`{${column('toYear').join(',')}}`}::smallint[],
        ${textArray(batch.map((e) => [...e.units].sort().join('\u001f')))}::text[])
        as t(indicator, dimension, category, code, observations, from_year, to_year, units)`);
  }
}
