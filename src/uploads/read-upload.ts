// Reads an uploaded file into batches of rows or IATI elements, every declared limit checked on the way.
// Runs inside the upload worker; it only parses, and touches neither the database nor the network.
import { Readable } from 'node:stream';
import { readCsvRows } from '../activities/import/csv.js';
import { readElements, type XmlNode } from '../activities/import/xml-tree.js';
import { readCsvRecords } from '../platform/csv-reader.js';
import type { TableRow } from '../statistics/import/read-table.js';
import { RowGuard, xmlLimitGuard } from './guards.js';
import type { ReadLimits } from './limits.js';
import { checkXlsxArchive } from './xlsx-check.js';

/** Which reader a file goes to: the activities register's, or the statistics importer's. */
export type UploadReader =
  | { kind: 'activities-table'; format: 'csv' | 'xlsx' }
  | { kind: 'activities-iati' }
  | { kind: 'statistics-table'; format: 'csv' | 'xlsx' | 'json'; delimiter: string };

export type UploadItem = string[] | XmlNode | TableRow;

const BATCH = 500;
const CHUNK = 64 * 1024;

/** The file in 64 KiB chunks, so that streaming parsers see it as they would a network stream. */
function streamOf(bytes: Uint8Array): Readable {
  return Readable.from(
    (function* () {
      for (let at = 0; at < bytes.length; at += CHUNK) yield Buffer.from(bytes.subarray(at, at + CHUNK));
    })(),
    { objectMode: false },
  );
}

export async function* readUpload(
  bytes: Uint8Array,
  reader: UploadReader,
  limits: ReadLimits,
): AsyncGenerator<UploadItem[]> {
  if (reader.kind !== 'activities-iati' && reader.format === 'xlsx') await checkXlsxArchive(bytes, limits);
  yield* batches(itemsOf(bytes, reader, limits));
}

async function* itemsOf(
  bytes: Uint8Array,
  reader: UploadReader,
  limits: ReadLimits,
): AsyncGenerator<UploadItem> {
  const guard = new RowGuard(limits);
  if (reader.kind === 'activities-iati') {
    const input = streamOf(bytes).pipe(xmlLimitGuard(limits));
    yield* readElements(input, 'iati-activity');
    return;
  }
  if (reader.kind === 'activities-table') {
    let rowNumber = 0;
    const rows =
      reader.format === 'xlsx'
        ? (await import('../activities/import/xlsx.js')).readXlsxRows(streamOf(bytes))
        : readCsvRows(streamOf(bytes));
    for await (const cells of rows) {
      guard.check(cells, ++rowNumber);
      yield cells;
    }
    return;
  }
  for await (const row of statisticsRows(streamOf(bytes), reader.format, reader.delimiter)) {
    guard.check(row.cells, row.rowNo);
    yield row;
  }
}

/** The statistics importer's own readers; the spreadsheet library loads only for a spreadsheet. */
async function* statisticsRows(input: Readable, format: 'csv' | 'xlsx' | 'json', delimiter: string) {
  if (format === 'xlsx')
    return yield* (await import('../statistics/import/read-table.js')).readXlsxTable(input);
  if (format === 'json') return yield* (await import('../statistics/import/sdg.js')).readSdgJson(input);
  for await (const records of readCsvRecords(input, { delimiter })) yield* records;
}

async function* batches(items: AsyncIterable<UploadItem>): AsyncGenerator<UploadItem[]> {
  let batch: UploadItem[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length >= BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
