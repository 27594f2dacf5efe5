// Pivots records into a table: one dimension down the rows, another across the columns.

export type PivotRecord = {
  /** Each dimension's key and label for this record, e.g. { sex: { key: 'female', label: 'Women' } }. */
  dims: Readonly<Record<string, { key: string; label: string }>>;
  text: string;
};

export type Pivot = {
  rows: { key: string; label: string }[];
  columns: { key: string; label: string }[];
  /** cells[row][column]: the text of the figure, or null where none was published. */
  cells: (string | null)[][];
};

export function pivot(
  records: readonly PivotRecord[],
  rowDim: string,
  columnDim: string,
  order: (dim: string, a: string, b: string) => number = (_dim, a, b) => a.localeCompare(b),
): Pivot {
  const rowMap = new Map<string, string>();
  const columnMap = new Map<string, string>();
  const values = new Map<string, string>();
  for (const record of records) {
    const row = record.dims[rowDim];
    const column = record.dims[columnDim];
    if (!row || !column) continue;
    rowMap.set(row.key, row.label);
    columnMap.set(column.key, column.label);
    values.set(`${row.key}\u0000${column.key}`, record.text);
  }
  const sorted = (map: Map<string, string>, dim: string) =>
    [...map].map(([key, label]) => ({ key, label })).sort((a, b) => order(dim, a.key, b.key));
  const rows = sorted(rowMap, rowDim);
  const columns = sorted(columnMap, columnDim);
  const cells = rows.map((row) =>
    columns.map((column) => values.get(`${row.key}\u0000${column.key}`) ?? null),
  );
  return { rows, columns, cells };
}
