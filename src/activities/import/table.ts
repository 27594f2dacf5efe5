// Rows of a table (CSV or XLSX) → parsed activity records: finds the header and the optional HXL row.
import type { ImportProblem } from '../schemas.js';
import { COLUMNS, isHxlRow, mapHeader, type ParsedRecord, parseFlatRow } from './flat.js';
import type { Registry } from './registry.js';

export type TableEvent =
  | { kind: 'header'; hasHxlRow: boolean; problems: ImportProblem[]; warnings: ImportProblem[] }
  | { kind: 'record'; record: ParsedRecord };

/**
 * The header is the first non-blank row: column names, or HXL hashtags alone. A row of hashtags right under
 * the names is the HXL row. Columns are matched by name, then by hashtag; unknown columns are ignored with a warning.
 */
export async function* recordsOfTable(
  rows: AsyncIterable<string[]>,
  registry: Registry,
): AsyncGenerator<TableEvent> {
  let rowNumber = 0;
  let header: (string | null)[] | null = null;
  let names: string[] | null = null;
  for await (const cells of rows) {
    rowNumber++;
    if (cells.every((c) => c.trim() === '')) continue;
    if (names === null) {
      names = cells;
      if (isHxlRow(cells)) {
        header = yieldHeader(cells, null);
        yield headerEvent(cells, null, rowNumber, true);
        if (!header) return;
      }
      continue;
    }
    if (header === null) {
      const hashtags = isHxlRow(cells) ? cells : null;
      header = yieldHeader(names, hashtags);
      yield headerEvent(names, hashtags, rowNumber - 1, hashtags !== null);
      if (!header) return;
      if (hashtags) continue;
    }
    const values = new Map<string, string>();
    header.forEach((column, i) => {
      if (column) values.set(column, cells[i] ?? '');
    });
    yield { kind: 'record', record: parseFlatRow(rowNumber, values, registry) };
  }
  if (names !== null && header === null) yield headerEvent(names, null, 1, isHxlRow(names));
  if (names === null)
    yield {
      kind: 'header',
      hasHxlRow: false,
      problems: [
        { row: 1, column: '', identifier: null, message: 'The file is empty; it needs a header row' },
      ],
      warnings: [],
    };
}

/** The column map, or null when required columns are missing (every row would fail: stop at the header). */
function yieldHeader(names: readonly string[], hashtags: readonly string[] | null): (string | null)[] | null {
  const map = mapHeader(names, hashtags);
  return map.missing.length > 0 ? null : map.columns;
}

function headerEvent(
  names: readonly string[],
  hashtags: readonly string[] | null,
  row: number,
  hasHxlRow: boolean,
): TableEvent {
  const map = mapHeader(names, hashtags);
  const problems = map.missing.map((column) => ({
    row,
    column,
    identifier: null,
    message: `The file has no ${column} column (${COLUMNS.find((c) => c.column === column)?.hxl}); see the column list in the documentation`,
  }));
  const warnings = map.unknown.map((name) => ({
    row,
    column: name,
    identifier: null,
    message: 'Not a known column (by name or HXL hashtag); ignored',
  }));
  return { kind: 'header', hasHxlRow, problems, warnings };
}
