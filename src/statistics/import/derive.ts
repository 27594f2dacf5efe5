// After the rows of a release are stored: clear what an earlier import derived, find duplicates' first rows.
import { sql } from 'drizzle-orm';
import { type Queryable, rowsOf } from '../../platform/db.js';
import { numberArray, textArray } from '../../platform/sql-arrays.js';

/** Removes what an earlier import of the release derived; its observations go with its partition. */
export async function clearDerived(db: Queryable, releaseId: string): Promise<void> {
  for (const table of ['statistic_rollups', 'statistic_coverage', 'statistic_categories']) {
    await db.execute(sql`delete from ${sql.identifier(table)} where release_id = ${releaseId}`);
  }
}

/**
 * For duplicates caught while reading: the first row of the same cell and area, now in the table.
 * The pairs travel as two arrays joined through unnest, never as a `(a, b) in ((…), …)` list: PGlite
 * (PostgreSQL 18 in WebAssembly) corrupts its memory on a row-constructor IN list of a few hundred
 * entries ("bad buffer ID: 0"), and the damaged backend then aborts at COMMIT.
 */
export async function firstRowsOf(
  db: Queryable,
  table: string,
  repeats: readonly { cellId: number; area: string }[],
): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  if (repeats.length === 0) return found;
  const rows = await rowsOf<{ cellId: number; area: string; firstRow: number }>(
    db,
    sql`select o.cell_id as "cellId", coalesce(o.iso3, o.m49) as area, min(o.row_no) as "firstRow"
        from ${sql.identifier(table)} o
        join (select distinct * from unnest(${numberArray(repeats.map((r) => r.cellId))}::int[],
                                            ${textArray(repeats.map((r) => r.area))}::text[])
              as r(cell_id, area)) r
          on o.cell_id = r.cell_id and coalesce(o.iso3, o.m49) = r.area::bpchar
        group by 1, 2`,
  );
  for (const row of rows) found.set(`${row.cellId}:${row.area.trim()}`, Number(row.firstRow));
  return found;
}
