// Writes the activities that match the filters to a stream, page by page, as CSV, HXL CSV, XLSX or IATI XML.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { Queryable } from '../../platform/db.js';
import { COLUMNS, formatFlatRow } from '../import/flat.js';
import { loadRegistry, type Registry } from '../import/registry.js';
import type { Activity, ActivityFilters, ImportFormat } from '../schemas.js';
import { listActivities } from '../store.js';
import { IATI_FOOTER, iatiActivity, iatiHeader } from './iati.js';

export const CONTENT_TYPES: Record<ImportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  hxl: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  iati: 'application/xml; charset=utf-8',
};
export const EXTENSIONS: Record<ImportFormat, string> = { csv: 'csv', hxl: 'csv', xlsx: 'xlsx', iati: 'xml' };

const PAGE = 1000;
const NUMERIC_COLUMNS = new Set(
  COLUMNS.flatMap((c, i) => (c.column === 'budget' || /^(targeted|reached)_/.test(c.column) ? [i] : [])),
);

/** Every matching activity, a page at a time, so that memory stays flat however many there are. */
async function* activitiesOf(db: Queryable, filters: Partial<ActivityFilters>): AsyncGenerator<Activity> {
  let after: string | undefined;
  for (;;) {
    const page = await listActivities(db, filters, { limit: PAGE, after });
    yield* page.data;
    if (!page.next) return;
    after = page.next;
  }
}

/** Writes with back-pressure; a reader that went away ends the export instead of leaving it waiting. */
async function write(out: Writable, text: string) {
  if (out.destroyed) throw new Error('the export stream was closed before the end');
  if (!out.write(text)) await Promise.race([once(out, 'drain'), once(out, 'close')]);
}

/** Writes the export and ends the stream; returns how many activities it wrote. */
export async function exportActivities(
  db: Queryable,
  filters: Partial<ActivityFilters>,
  format: ImportFormat,
  out: Writable,
  options: { now: Date },
): Promise<number> {
  const registry = await loadRegistry(db);
  const count =
    format === 'xlsx'
      ? await writeXlsx(db, filters, registry, out)
      : format === 'iati'
        ? await writeIati(db, filters, registry, out, options.now)
        : await writeCsv(db, filters, registry, out, format === 'hxl');
  return count;
}

async function writeCsv(
  db: Queryable,
  filters: Partial<ActivityFilters>,
  registry: Registry,
  out: Writable,
  withHxl: boolean,
) {
  await write(out, stringify([COLUMNS.map((c) => c.column)]));
  if (withHxl) await write(out, stringify([COLUMNS.map((c) => c.hxl)]));
  let count = 0;
  for await (const activity of activitiesOf(db, filters)) {
    await write(out, stringify([formatFlatRow(activity, registry)]));
    count++;
  }
  out.end();
  return count;
}

async function writeIati(
  db: Queryable,
  filters: Partial<ActivityFilters>,
  registry: Registry,
  out: Writable,
  now: Date,
) {
  await write(out, iatiHeader(now));
  let count = 0;
  for await (const activity of activitiesOf(db, filters)) {
    await write(out, iatiActivity(activity, registry));
    count++;
  }
  await write(out, IATI_FOOTER);
  out.end();
  return count;
}

/** A streaming workbook: one sheet, the names, the HXL row, then one row per activity. */
async function writeXlsx(
  db: Queryable,
  filters: Partial<ActivityFilters>,
  registry: Registry,
  out: Writable,
) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: false,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('activities');
  sheet.addRow(COLUMNS.map((c) => c.column)).commit();
  sheet.addRow(COLUMNS.map((c) => c.hxl)).commit();
  let count = 0;
  for await (const activity of activitiesOf(db, filters)) {
    const values = formatFlatRow(activity, registry).map((value, i) =>
      NUMERIC_COLUMNS.has(i) && value !== '' ? Number(value) : value,
    );
    sheet.addRow(values).commit();
    count++;
  }
  sheet.commit();
  await workbook.commit();
  return count;
}
