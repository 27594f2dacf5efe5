// Reads a file's rows through its source's layout: observations to the caller, rejections to the report.
import { type Readable, Transform } from 'node:stream';
import { AppError } from '../../platform/errors.js';
import { csvLayout } from './generic.js';
import { glotipLayout } from './glotip.js';
import { inBatches, isBlankRow, readCsvTable, readXlsxTable, type TableRow } from './read-table.js';
import type { ReportBuilder } from './report.js';
import type { FileFormat, ImportOptions } from './run-import.js';
import { readSdgJson, sdgLayout } from './sdg.js';
import type { ObservationInput, RowOutcome, TableLayout } from './types.js';

export type ReadOptions = Pick<ImportOptions, 'source' | 'file' | 'mapping' | 'onProgress'>;

/** Streams the file's rows through its layout: observations to `keep`, rejections into the report. */
export async function readRows(
  options: ReadOptions,
  format: FileFormat,
  report: ReportBuilder,
  keep: (observation: ObservationInput) => Promise<void> | undefined,
): Promise<void> {
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  const input = options.file.open();
  input.on('error', (error) => counter.destroy(error));
  input.pipe(counter);
  const layout = layoutFor(options);
  let mapRow: ((rowNo: number, cells: readonly string[]) => RowOutcome) | null = null;
  for await (const rows of tableBatchesOf(format, counter, options.mapping?.delimiter)) {
    for (const row of rows) {
      if (!mapRow) {
        mapRow = tryHeader(layout, row, report);
        continue;
      }
      if (isBlankRow(row.cells)) {
        report.blankRows += 1;
        continue;
      }
      const outcome = mapRow(row.rowNo, row.cells);
      if ('observation' in outcome) {
        // Only a full connection buffer makes the loop wait; otherwise a row costs no promise.
        const sent = keep(outcome.observation);
        if (sent) await sent;
      } else report.addRejection(outcome.rejection);
      if (report.rowsRead % 10_000 === 0)
        options.onProgress?.({
          rows: report.rowsRead,
          bytes,
          totalBytes: options.file.size,
          phase: 'reading',
        });
    }
  }
  if (!mapRow) {
    throw new AppError('validation_failed', `No header row found: expected ${layout.describe}.`, [
      { path: 'file', message: `expected ${layout.describe}`, code: 'no_header' },
    ]);
  }
}

function tryHeader(layout: TableLayout, row: TableRow, report: ReportBuilder) {
  if (!layout.isHeader(row.cells)) {
    report.preambleRows += 1;
    return null;
  }
  const bound = layout.bind(row.cells);
  if (Array.isArray(bound)) {
    throw new AppError(
      'validation_failed',
      `The header in row ${row.rowNo} lacks the columns ${bound.join(', ')}.`,
      bound.map((column) => ({ path: `file.columns.${column}`, message: 'missing', code: 'missing_column' })),
    );
  }
  report.headerRow = row.rowNo;
  return bound;
}

function layoutFor(options: ReadOptions): TableLayout {
  if (options.source === 'glotip') return glotipLayout;
  if (options.source === 'sdg') return sdgLayout;
  if (!options.mapping) throw new AppError('validation_failed', 'A csv import needs a mapping file.');
  return csvLayout(options.mapping);
}

function tableBatchesOf(format: FileFormat, input: Readable, delimiter?: string): AsyncGenerator<TableRow[]> {
  if (format === 'xlsx') return inBatches(readXlsxTable(input));
  if (format === 'json') return inBatches(readSdgJson(input));
  return readCsvTable(input, delimiter);
}
