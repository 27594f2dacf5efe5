// The import report as people read it in a terminal: a summary and the first rejected rows; --json has all.
import type { ImportReport } from '../statistics/index.js';
import { printTable } from './output.js';

/** Enough to see what went wrong and where; a file with thousands of bad rows must not flood the screen. */
export const REJECTED_ROWS_SHOWN = 10;
const UNMAPPED_SHOWN = 5;
const PUBLISHER_AREAS_SHOWN = 20;

export function printImportReport(report: ImportReport, seconds?: number): void {
  const verb = report.isDryRun ? 'Would import' : 'Imported';
  const kind = report.release.isReplacement ? 'replacing the earlier import of' : 'as the new';
  const timing = seconds === undefined ? '' : ` in ${seconds.toFixed(1)} s`;
  process.stdout.write(
    `${verb} ${report.imported} observations from ${report.file.name}, ${kind} ${report.source} release "${report.release.label}"${timing}.\n` +
      `Read ${report.rowsRead} data rows below the header in row ${report.headerRow} (${report.preambleRows} preamble rows, ${report.blankRows} blank); rejected ${report.rejected}.\n`,
  );
  const repeated = report.repeatedRows;
  if (repeated.total > 0)
    process.stdout.write(
      `Kept apart as published: ${repeated.total} rows repeating an earlier row's indicator, area, year and breakdown (${repeated.identical} identical, ${repeated.differing} with another value: ask the publisher); the first row's figure is used.\n`,
    );
  if (report.isDryRun) process.stdout.write('Dry run: nothing was written.\n');
  if (report.indicators.length > 0) {
    process.stdout.write('\n');
    printTable(
      report.indicators.map((i) => ({ ...i, units: i.units.join(', '), years: `${i.fromYear}–${i.toYear}` })),
      ['indicator', 'units', 'observations', 'censored', 'countries', 'areas', 'years'],
    );
  }
  printDimensions(report);
  printPublisherAreas(report);
  printRejections(report);
}

/** Each breakdown, with a few of the categories kept as published (no code of ours matched them). */
function printDimensions(report: ImportReport): void {
  if (report.dimensions.length === 0) return;
  process.stdout.write('\n');
  printTable(
    report.dimensions.map(({ unmapped, ...d }) => ({ ...d, 'kept as published': unmappedText(unmapped) })),
    ['name', 'kind', 'observations', 'categories', 'kept as published'],
  );
}

function unmappedText(unmapped: ImportReport['dimensions'][number]['unmapped']): string {
  if (unmapped.length === 0) return '';
  const shown = unmapped
    .slice(0, UNMAPPED_SHOWN)
    .map((u) => `${u.category} (${u.observations})`)
    .join('; ');
  return unmapped.length > UNMAPPED_SHOWN ? `${shown}; and ${unmapped.length - UNMAPPED_SHOWN} more` : shown;
}

function printPublisherAreas(report: ImportReport): void {
  const areas = report.publisherAreas;
  if (areas.length === 0) return;
  const observations = areas.reduce((sum, area) => sum + area.observations, 0);
  process.stdout.write(
    `\n${observations} figures are for ${areas.length} areas the publisher defines; they are kept as the publisher's figures and never added to our sums:\n`,
  );
  printTable(
    areas.slice(0, PUBLISHER_AREAS_SHOWN).map((area) => ({
      ...area,
      'same as M49': area.sameAsM49 ?? '',
      members: area.members || '',
    })),
    ['code', 'name', 'kind', 'same as M49', 'members', 'observations'],
  );
  if (areas.length > PUBLISHER_AREAS_SHOWN)
    process.stdout.write(`… and ${areas.length - PUBLISHER_AREAS_SHOWN} more (see --json)\n`);
}

/** How many rows each column's problems rejected, then the first rejected rows. */
function printRejections(report: ImportReport): void {
  if (report.rejected === 0) return;
  const byColumn = new Map<string, number>();
  for (const rejection of report.rejections) {
    const column = rejection.column ?? 'the whole row';
    byColumn.set(column, (byColumn.get(column) ?? 0) + 1);
  }
  process.stdout.write(`\nRejected ${report.rejected} rows`);
  if (report.rejectionsNotListed === 0) {
    const parts = [...byColumn].sort((a, b) => b[1] - a[1]).map(([column, n]) => `${n} for ${column}`);
    process.stdout.write(` (${parts.join(', ')})`);
  }
  const shown = report.rejections.slice(0, REJECTED_ROWS_SHOWN);
  process.stdout.write(`; the first ${shown.length}:\n`);
  printTable(
    shown.map((r) => ({ ...r })),
    ['row', 'column', 'value', 'reason'],
  );
  if (report.rejected > shown.length)
    process.stdout.write(`… and ${report.rejected - shown.length} more: --json prints every one.\n`);
}
