// What a release holds, per indicator: units, years, and every breakdown with its categories.
import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../platform/db.js';
import { getRelease } from './resolve.js';
import { statisticCategories } from './schema.js';
import type { CatalogueIndicator, Release } from './schemas.js';
import { dimensionKindOf, TOTAL } from './terms.js';

export async function getCatalogue(
  db: Queryable,
  releaseId: string,
): Promise<{ release: Release; indicators: CatalogueIndicator[] }> {
  const release = await getRelease(db, releaseId);
  const rows = await db
    .select()
    .from(statisticCategories)
    .where(eq(statisticCategories.releaseId, releaseId))
    .orderBy(
      asc(statisticCategories.indicator),
      asc(statisticCategories.dimension),
      asc(statisticCategories.category),
    );
  const indicators = new Map<string, CatalogueIndicator>();
  for (const row of rows) {
    let entry = indicators.get(row.indicator);
    if (!entry) {
      entry = {
        indicator: row.indicator,
        units: [],
        fromYear: row.fromYear,
        toYear: row.toYear,
        observations: 0,
        dimensions: [],
      };
      indicators.set(row.indicator, entry);
    }
    entry.units = [...new Set([...entry.units, ...row.units])].sort();
    entry.fromYear = Math.min(entry.fromYear, row.fromYear);
    entry.toYear = Math.max(entry.toYear, row.toYear);
    // Every observation has exactly one sex, so the sex rows count the indicator's observations.
    if (row.dimension === 'sex') entry.observations += row.observations;
    if (row.category === TOTAL) continue;
    let dimension = entry.dimensions.find((d) => d.name === row.dimension);
    if (!dimension) {
      const kind =
        row.dimension === 'sex' || row.dimension === 'age' ? row.dimension : dimensionKindOf(row.dimension);
      dimension = { name: row.dimension, kind, categories: [] };
      entry.dimensions.push(dimension);
    }
    dimension.categories.push({ name: row.category, code: row.categoryCode, observations: row.observations });
  }
  for (const entry of indicators.values()) {
    const rank = (name: string) => (name === 'sex' ? 0 : name === 'age' ? 1 : 2);
    entry.dimensions.sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
  }
  return { release, indicators: [...indicators.values()] };
}
