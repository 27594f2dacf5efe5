// Reads an HSDS CSV set — named CSV files, or a zip of them — into rows by table, each with its row number,
// reporting files that cannot be used rather than failing on the first.
import path from 'node:path';
import { Readable } from 'node:stream';
import JSZip from 'jszip';
import { readCsvRecords } from '../../platform/csv-reader.js';
import { AppError } from '../../platform/errors.js';
import { HSDS_COLUMNS, HSDS_TABLES, type HsdsRow, type HsdsTable } from './tables.js';

export type HsdsFile = { name: string; content: string };

/** One problem in the files, said so that a person can fix it. */
export type HsdsProblem = {
  file: string;
  row: number | null;
  column: string | null;
  problem: string;
  fix: string;
};

/** A row with where it came from: the file and its line (the header is row 1). */
export type SourcedRow = { row: number; values: HsdsRow };
export type HsdsTables = Partial<Record<HsdsTable, SourcedRow[]>>;

const MAX_FILES = 30;
const MAX_FILE_CHARS = 10 * 1024 * 1024;
const MAX_ZIP_BYTES = 50 * 1024 * 1024;

/** The CSV files inside a zip, by base name; the declared sizes are checked before anything is inflated. */
export async function filesFromZip(zip: Buffer): Promise<HsdsFile[]> {
  let archive: JSZip;
  try {
    archive = await JSZip.loadAsync(zip);
  } catch {
    throw new AppError('unreadable_file', 'The zip file could not be opened; send a zip of HSDS CSV files.');
  }
  const entries = Object.values(archive.files).filter(
    (entry) => !entry.dir && entry.name.toLowerCase().endsWith('.csv') && !entry.name.startsWith('__MACOSX/'),
  );
  if (entries.length > MAX_FILES)
    throw new AppError('upload_limit_exceeded', `The zip holds more than ${MAX_FILES} CSV files.`);
  // JSZip keeps each entry's declared size; a zip bomb is refused before it is inflated.
  const declared = entries.reduce(
    (sum, entry) =>
      sum + ((entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0),
    0,
  );
  if (declared > MAX_ZIP_BYTES)
    throw new AppError(
      'upload_limit_exceeded',
      `The files in the zip exceed ${MAX_ZIP_BYTES / 1024 / 1024} MB.`,
    );
  return Promise.all(
    entries.map(async (entry) => ({
      name: path.posix.basename(entry.name),
      content: await entry.async('string'),
    })),
  );
}

function tableOf(name: string): HsdsTable | null {
  const base = name.toLowerCase().replace(/\.csv$/, '');
  return (HSDS_TABLES as readonly string[]).includes(base) ? (base as HsdsTable) : null;
}

/** Rows by table; files of unknown tables and files over the limits become problems. */
export async function readHsdsFiles(
  files: readonly HsdsFile[],
): Promise<{ tables: HsdsTables; problems: HsdsProblem[] }> {
  const tables: HsdsTables = {};
  const problems: HsdsProblem[] = [];
  if (files.length > MAX_FILES)
    throw new AppError('upload_limit_exceeded', `Send at most ${MAX_FILES} files at once.`);
  for (const file of files) {
    const table = tableOf(file.name);
    if (!table) {
      problems.push({
        file: file.name,
        row: null,
        column: null,
        problem: 'This is not a table of the HSDS layout that Concerted reads.',
        fix: `Name each file after its HSDS table: ${HSDS_TABLES.map((t) => `${t}.csv`).join(', ')}.`,
      });
      continue;
    }
    if (tables[table]) {
      problems.push({
        file: file.name,
        row: null,
        column: null,
        problem: `A second file for the ${table} table.`,
        fix: 'Send each table once, with all its rows in one file.',
      });
      continue;
    }
    if (file.content.length > MAX_FILE_CHARS) {
      problems.push({
        file: file.name,
        row: null,
        column: null,
        problem: 'The file is larger than 10 MB.',
        fix: 'Split the directory into smaller sets and import them one after the other.',
      });
      continue;
    }
    tables[table] = await readTable(file, table, problems);
  }
  return { tables, problems };
}

async function readTable(file: HsdsFile, table: HsdsTable, problems: HsdsProblem[]): Promise<SourcedRow[]> {
  let header: string[] | null = null;
  const rows: SourcedRow[] = [];
  const input = Readable.from([Buffer.from(file.content, 'utf8')]);
  for await (const batch of readCsvRecords(input, { maxColumns: 200, maxCellLength: 100_000 })) {
    for (const record of batch) {
      if (!header) {
        header = record.cells.map((cell) => cell.trim().toLowerCase());
        const missing = HSDS_COLUMNS[table].filter((column) => column === 'id' && !header?.includes(column));
        for (const column of missing)
          problems.push({
            file: file.name,
            row: 1,
            column,
            problem: `The header has no "${column}" column.`,
            fix: `Start the file with a header row naming its columns, ${column} among them.`,
          });
        continue;
      }
      if (record.cells.every((cell) => cell.trim() === '')) continue;
      const values: HsdsRow = {};
      header.forEach((column, index) => {
        values[column] = (record.cells[index] ?? '').trim();
      });
      rows.push({ row: record.rowNo, values });
    }
  }
  return rows;
}
