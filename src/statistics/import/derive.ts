// After the rows of a release are stored: clear what an earlier import derived, find duplicates' first rows.
import { sql } from 'drizzle-orm';
import { type Queryable, rowsOf } from '../../platform/db.js';

/** Removes what an earlier import of the release derived; its observations go with its partition. */
export async function clearDerived(db: Queryable, releaseId: string): Promise<void> {
  for (const table of ['statistic_rollups', 'statistic_coverage', 'statistic_categories']) {
    await db.execute(sql`delete from ${sql.identifier(table)} where release_id = ${releaseId}`);
  }
}

/** For duplicates caught while reading: the first row of the same cell and area, now in the table. */
export async function firstRowsOf(
  db: Queryable,
  table: string,
  repeats: readonly { cellId: number; area: string }[],
): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  for (let start = 0; start < repeats.length; start += 1000) {
    const batch = repeats.slice(start, start + 1000);
    const rows = await rowsOf<{ cellId: number; area: string; firstRow: number }>(
      db,
      sql`select cell_id as "cellId", coalesce(iso3, m49) as area, min(row_no) as "firstRow"
          from ${sql.identifier(table)}
          where (cell_id, coalesce(iso3, m49)) in (${sql.join(
            batch.map((r) => sql`(${r.cellId}::int, ${r.area}::bpchar)`),
            sql`, `,
          )})
          group by 1, 2`,
    );
    for (const row of rows) found.set(`${row.cellId}:${row.area.trim()}`, Number(row.firstRow));
  }
  return found;
}
