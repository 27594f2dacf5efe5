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
  let positions: ReadonlyMap<string, number> | null = null;
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
    positions ??= positionsOf(header);
    yield { kind: 'record', record: parseFlatRow(rowNumber, new RowCells(cells, positions), registry) };
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

/** Where each activity column is in a row; a column the file holds twice is read from the later one. */
function positionsOf(header: readonly (string | null)[]): ReadonlyMap<string, number> {
  const positions = new Map<string, number>();
  header.forEach((column, i) => {
    if (column) positions.set(column, i);
  });
  return positions;
}

/** A row's values by activity column, read from its cells where they are: no map built per row. */
class RowCells {
  constructor(
    private readonly cells: readonly string[],
    private readonly positions: ReadonlyMap<string, number>,
  ) {}

  get(column: string): string | undefined {
    const i = this.positions.get(column);
    return i === undefined ? undefined : (this.cells[i] ?? '');
  }
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
