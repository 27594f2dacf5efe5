// Streams the rows of a CSV file (RFC 4180, comma-separated, UTF-8 with or without BOM) as arrays of text.
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';

/** Every physical row, blank ones included (as []), so that row numbers match what a spreadsheet shows. */
export async function* readCsvRows(input: Readable): AsyncGenerator<string[]> {
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: false });
  input.on('error', (error) => parser.destroy(error));
  for await (const record of input.pipe(parser)) {
    const cells = record as string[];
    yield cells.length === 1 && cells[0] === '' ? [] : cells;
  }
}
