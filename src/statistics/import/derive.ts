// After the rows of a release are stored: clear what an earlier import derived, find duplicates' first rows.
import { sql } from 'drizzle-orm';
import { type Queryable, rowsOf } from '../../platform/db.js';
import { booleanArray, numberArray, textArray } from '../../platform/sql-arrays.js';

/**
 * Removes what an earlier import of the release derived; its observations and roll-ups go with their
 * partitions.
 */
export async function clearDerived(db: Queryable, releaseId: string): Promise<void> {
  for (const table of [
    'statistic_cells',
    'statistic_coverage',
    'statistic_categories',
    'statistic_repeated_rows',
  ]) {
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
): Promise<Map<string, { row: number; valueText: string }>> {
  const found = new Map<string, { row: number; valueText: string }>();
  if (repeats.length === 0) return found;
  const rows = await rowsOf<{ cellId: number; area: string; firstRow: number; valueText: string }>(
    db,
    sql`select distinct on (o.cell_id, coalesce(o.iso3, o.m49))
               o.cell_id as "cellId", coalesce(o.iso3, o.m49) as area, o.row_no as "firstRow",
               o.value_text as "valueText"
        from ${sql.identifier(table)} o
        join (select distinct * from unnest(${numberArray(repeats.map((r) => r.cellId))}::int[],
                                            ${textArray(repeats.map((r) => r.area))}::text[])
              as r(cell_id, area)) r
          on o.cell_id = r.cell_id and coalesce(o.iso3, o.m49) = r.area::bpchar
        order by o.cell_id, coalesce(o.iso3, o.m49), o.row_no`,
  );
  for (const row of rows) {
    found.set(`${row.cellId}:${row.area.trim()}`, { row: Number(row.firstRow), valueText: row.valueText });
  }
  return found;
}

/** Keeps the repeated rows as published, set-based: arrays through unnest, never a row-constructor list. */
export async function saveRepeatedRows(
  db: Queryable,
  releaseId: string,
  rows: readonly {
    rowNo: number;
    firstRowNo: number | null;
    cellId: number;
    area: string;
    valueText: string;
    isIdentical: boolean;
  }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db.execute(
    sql`insert into statistic_repeated_rows (release_id, row_no, first_row_no, cell_id, area, value_text, is_identical)
        select ${releaseId}::uuid, r.row_no, r.first_row_no, r.cell_id, r.area, r.value_text, r.is_identical
        from unnest(${numberArray(rows.map((r) => r.rowNo))}::int[],
                    ${numberArray(rows.map((r) => r.firstRowNo))}::int[],
                    ${numberArray(rows.map((r) => r.cellId))}::int[],
                    ${textArray(rows.map((r) => r.area))}::text[],
                    ${textArray(rows.map((r) => r.valueText))}::text[],
                    ${booleanArray(rows.map((r) => r.isIdentical))}::boolean[])
          as r(row_no, first_row_no, cell_id, area, value_text, is_identical)`,
  );
}
