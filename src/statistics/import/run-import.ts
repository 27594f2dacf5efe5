// Imports one file as a release: stream, map, store in batches, derive roll-ups; all or nothing.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { and, eq, sql } from 'drizzle-orm';
import { type Queryable, rowsOf, type Transaction } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { statisticReleases } from '../schema.js';
import type { ImportReport, StatisticsSource } from '../schemas.js';
import { type CatalogueEntry, catalogueOf, saveCatalogue } from './catalogue-tally.js';
import { CellRegistry } from './cells.js';
import { clearDerived, firstRowsOf, saveRepeatedRows } from './derive.js';
import type { CsvMapping } from './generic.js';
import { PublisherAreaTally } from './publisher-area-tally.js';
import { readRows } from './read-observations.js';
import { ReportBuilder } from './report.js';
import { RollupAccumulator } from './rollups.js';
import type { ObservationInput } from './types.js';
import { ObservationWriter } from './write-observations.js';

export type FileFormat = 'csv' | 'xlsx' | 'json';

/** A file to import, opened as a stream (possibly several times); size for the progress bar. */
export type ImportFile = { name: string; size: number | null; open(): Readable };

export type ImportProgress = {
  rows: number;
  bytes: number;
  totalBytes: number | null;
  phase: 'reading' | 'deriving';
};

export type ImportOptions = {
  source: StatisticsSource;
  file: ImportFile;
  mapping?: CsvMapping | undefined;
  /** The release label; the file's name without its extension by default. */
  release?: string | undefined;
  publishedOn?: string | null | undefined;
  isDryRun?: boolean | undefined;
  importedBy?: string | null | undefined;
  batchSize?: number | undefined;
  onProgress?: ((progress: ImportProgress) => void) | undefined;
};

/** Runs work in one transaction: the database's own, or a request's (as the requester). */
export type RunInTransaction = <T>(work: (tx: Transaction) => Promise<T>) => Promise<T>;

export async function fileFromPath(filePath: string): Promise<ImportFile> {
  const info = await stat(filePath).catch(() => null);
  if (!info?.isFile())
    throw new AppError('validation_failed', `No file at ${filePath}.`, [
      { path: 'file', message: 'not found', code: 'not_found' },
    ]);
  // Reads of a megabyte: a sixteenth of the calls, and of the batches, that the default 64 KB takes.
  return {
    name: path.basename(filePath),
    size: info.size,
    open: () => createReadStream(filePath, { highWaterMark: 1 << 20 }),
  };
}

export function fileFromBuffer(name: string, content: Buffer): ImportFile {
  return { name, size: content.length, open: () => Readable.from([content]) };
}

export function formatOf(source: StatisticsSource, fileName: string): FileFormat {
  const extension = path.extname(fileName).toLowerCase();
  const format: FileFormat | null =
    extension === '.xlsx'
      ? 'xlsx'
      : extension === '.json'
        ? 'json'
        : ['.csv', '.txt'].includes(extension)
          ? 'csv'
          : null;
  const allowed: Record<StatisticsSource, FileFormat[]> = {
    glotip: ['csv', 'xlsx'],
    sdg: ['csv', 'json'],
    csv: ['csv'],
  };
  if (!format || !allowed[source].includes(format)) {
    throw new AppError(
      'validation_failed',
      `A ${source} import reads ${allowed[source].join(' or ')} files, not "${fileName}".`,
      [
        {
          path: 'file',
          message: `expected ${allowed[source].map((f) => `.${f}`).join(' or ')}`,
          code: 'unsupported_format',
        },
      ],
    );
  }
  return format;
}

const PUBLISHERS: Record<Exclude<StatisticsSource, 'csv'>, string> = {
  glotip: 'UNODC (Global Report on Trafficking in Persons)',
  sdg: 'UN Statistics Division, SDG Global Database (custodian: UNODC)',
};

class DryRunRollback extends Error {
  constructor(readonly report: ImportReport) {
    super('dry run');
  }
}

/**
 * Imports the file. A real run commits everything or nothing; a dry run does the same work inside the
 * transaction (so its report is exactly what a real run would say) and then rolls it back.
 */
export async function importStatistics(run: RunInTransaction, options: ImportOptions): Promise<ImportReport> {
  if (options.source === 'csv' && !options.mapping) {
    throw new AppError('validation_failed', 'A csv import needs a mapping file (--mapping).', [
      { path: 'mapping', message: 'required for source csv', code: 'required' },
    ]);
  }
  const format = formatOf(options.source, options.file.name);
  try {
    return await run(async (tx) => {
      const report = await importInto(tx, options, format);
      if (options.isDryRun) throw new DryRunRollback(report);
      return report;
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.report;
    throw error;
  }
}

async function importInto(tx: Queryable, options: ImportOptions, format: FileFormat): Promise<ImportReport> {
  const source = options.source === 'csv' ? (options.mapping?.source ?? 'csv') : options.source;
  const label = options.release ?? path.basename(options.file.name, path.extname(options.file.name));
  const { releaseId, isReplacement, replaced } = await upsertRelease(tx, options, source, label);
  const report = new ReportBuilder();
  const cells = new CellRegistry();
  const rollups = new RollupAccumulator();
  const publisherAreas = new PublisherAreaTally();
  const repeats: Repeat[] = [];
  const table = await openReleaseTable(tx, releaseId);
  const writer = new ObservationWriter(tx, table, releaseId, cells, options.batchSize);
  try {
    await readRows(options, format, report, (o) => {
      const { cellId, isRepeat } = cells.register(o);
      if (isRepeat) {
        repeats.push({ rowNo: o.rowNo, cellId, area: (o.iso3 ?? o.m49) as string, valueText: o.valueText });
        return;
      }
      report.addObservation();
      if (o.publisherArea) publisherAreas.note(o.publisherArea);
      if (o.iso3) rollups.add(cellId, o.iso3, o.lower, o.upper, o.isCensored);
      return writer.add(o, cellId);
    });
  } catch (error) {
    await writer.abort();
    throw error;
  }
  await writer.finish();
  options.onProgress?.({
    rows: report.rowsRead,
    bytes: options.file.size ?? 0,
    totalBytes: options.file.size,
    phase: 'deriving',
  });
  const catalogue = await finishRelease(tx, { releaseId, table, cells, rollups, repeats, report });
  await publisherAreas.save(tx, releaseId);
  const finished = report.build(
    {
      source,
      release: { id: options.isDryRun && !isReplacement ? null : releaseId, label, isReplacement },
      file: { name: options.file.name, format },
      isDryRun: options.isDryRun === true,
      replaced,
      publisherAreas: publisherAreas.summary(),
    },
    cells,
    catalogue,
  );
  await tx
    .update(statisticReleases)
    .set({
      observationCount: finished.imported,
      rejectedCount: finished.rejected,
      report: finished as unknown as Record<string, unknown>,
      importedAt: new Date(),
      importedBy: options.importedBy ?? null,
      fileName: options.file.name,
    })
    .where(eq(statisticReleases.id, releaseId));
  return finished;
}

async function upsertRelease(tx: Queryable, options: ImportOptions, source: string, label: string) {
  const [existing] = await tx
    .select({ id: statisticReleases.id, count: statisticReleases.observationCount })
    .from(statisticReleases)
    .where(and(eq(statisticReleases.source, source), eq(statisticReleases.label, label)))
    .for('update');
  const publisher =
    options.source === 'csv' ? (options.mapping?.publisher ?? source) : PUBLISHERS[options.source];
  const values = { publisher, publishedOn: options.publishedOn ?? null, fileName: options.file.name };
  if (existing) {
    // A re-import without a publication date keeps the one the release has.
    const changes = options.publishedOn ? values : { publisher, fileName: options.file.name };
    await tx.update(statisticReleases).set(changes).where(eq(statisticReleases.id, existing.id));
    return { releaseId: existing.id, isReplacement: true, replaced: existing.count };
  }
  const [created] = await tx
    .insert(statisticReleases)
    .values({ source, label, ...values })
    .returning({ id: statisticReleases.id });
  if (!created) throw new AppError('internal_error');
  return { releaseId: created.id, isReplacement: false, replaced: 0 };
}

/** A new, unindexed table for the release's rows (see statistic_release_open in migration 0004). */
export async function openReleaseTable(tx: Queryable, releaseId: string): Promise<string> {
  const [opened] = await rowsOf<{ name: string }>(
    tx,
    sql`select statistic_release_open(${releaseId}::uuid) as name`,
  );
  if (!opened) throw new AppError('internal_error');
  return opened.name;
}

/** A row whose cell and area came before: kept apart once the first row is looked up. */
export type Repeat = { rowNo: number; cellId: number; area: string; valueText: string };

export type FinishedLoad = {
  releaseId: string;
  table: string;
  cells: CellRegistry;
  rollups: RollupAccumulator;
  repeats?: readonly Repeat[];
  report?: ReportBuilder;
};

/**
 * Indexes the release's new table and puts it in place of the release's previous rows, reports the
 * duplicates, then writes the roll-ups, cells, coverage and catalogue that queries read.
 */
export async function finishRelease(tx: Queryable, load: FinishedLoad): Promise<CatalogueEntry[]> {
  const { releaseId, table, cells, rollups, repeats = [], report } = load;
  // Grouping millions of rows in memory is far faster than spilling to disk; local to this transaction.
  await tx.execute(sql`set local work_mem = '256MB'`);
  await tx.execute(sql`select statistic_release_attach(${releaseId}::uuid)`);
  const firstRows = await firstRowsOf(tx, table, repeats);
  const kept = repeats.map((repeat) => {
    const first = firstRows.get(`${repeat.cellId}:${repeat.area}`);
    const isIdentical = first?.valueText.trim() === repeat.valueText.trim();
    report?.addRepeat({ row: repeat.rowNo, firstRow: first?.row ?? null, isIdentical });
    return { ...repeat, firstRowNo: first?.row ?? null, isIdentical };
  });
  await clearDerived(tx, releaseId);
  await saveRepeatedRows(tx, releaseId, kept);
  await rollups.save(tx, releaseId, cells);
  await cells.saveCells(tx, releaseId);
  await cells.saveCoverage(tx, releaseId);
  const catalogue = catalogueOf(cells);
  await saveCatalogue(tx, releaseId, catalogue);
  return catalogue;
}

export type { ObservationInput };
