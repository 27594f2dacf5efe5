// Counts what an import read, kept and rejected; per indicator and per dimension from the import's cells.
import { isKnownIso3 } from '../../reference/index.js';
import type { DimensionSummary, ImportReport, IndicatorSummary, RepeatedRows } from '../schemas.js';

type RepeatedRow = RepeatedRows['listed'][number];

import { dimensionKindOf, TOTAL } from '../terms.js';
import type { CatalogueEntry } from './catalogue-tally.js';
import type { CellRegistry } from './cells.js';
import type { Rejection } from './types.js';

/** Listing more rejected rows than this helps nobody and costs memory; the count stays exact. */
export const MAX_LISTED_REJECTIONS = 10_000;

export class ReportBuilder {
  preambleRows = 0;
  headerRow = 0;
  rowsRead = 0;
  blankRows = 0;
  private imported = 0;
  private rejected = 0;
  private readonly rejections: Rejection[] = [];
  private readonly repeats = { total: 0, identical: 0, listed: [] as RepeatedRow[] };

  addObservation(): void {
    this.rowsRead += 1;
    this.imported += 1;
  }

  addRejection(rejection: Rejection): void {
    this.rowsRead += 1;
    this.rejected += 1;
    if (this.rejections.length < MAX_LISTED_REJECTIONS) this.rejections.push(rejection);
  }

  /** A row kept apart because an earlier row gave the same cell and area. */
  addRepeat(repeat: RepeatedRow): void {
    this.rowsRead += 1;
    this.repeats.total += 1;
    if (repeat.isIdentical) this.repeats.identical += 1;
    if (this.repeats.listed.length < MAX_LISTED_REJECTIONS) this.repeats.listed.push(repeat);
  }

  build(
    head: Pick<ImportReport, 'source' | 'release' | 'file' | 'isDryRun' | 'replaced' | 'publisherAreas'>,
    cells: CellRegistry,
    catalogue: readonly CatalogueEntry[],
  ): ImportReport {
    return {
      ...head,
      preambleRows: this.preambleRows,
      headerRow: this.headerRow,
      rowsRead: this.rowsRead,
      blankRows: this.blankRows,
      imported: this.imported,
      rejected: this.rejected,
      indicators: indicatorSummaries(cells),
      dimensions: dimensionSummaries(catalogue),
      repeatedRows: {
        total: this.repeats.total,
        identical: this.repeats.identical,
        differing: this.repeats.total - this.repeats.identical,
        listed: [...this.repeats.listed].sort((a, b) => a.row - b.row),
      },
      rejections: [...this.rejections].sort((a, b) => a.row - b.row),
      rejectionsNotListed: Math.max(0, this.rejected - this.rejections.length),
    };
  }
}

function indicatorSummaries(cells: CellRegistry): IndicatorSummary[] {
  type Tally = Omit<IndicatorSummary, 'units' | 'countries' | 'areas'> & {
    units: Set<string>;
    areaBits: Uint32Array;
  };
  const tallies = new Map<string, Tally>();
  cells.cells.forEach((cell, cellId) => {
    const observations = cells.counts[cellId] ?? 0;
    if (observations === 0) return;
    let tally = tallies.get(cell.indicator);
    if (!tally) {
      tally = {
        indicator: cell.indicator,
        units: new Set(),
        observations: 0,
        censored: 0,
        areaBits: cells.emptyAreaSet(),
        fromYear: cell.year,
        toYear: cell.year,
      };
      tallies.set(cell.indicator, tally);
    }
    tally.units.add(cell.unit);
    tally.observations += observations;
    tally.censored += cells.censored[cellId] ?? 0;
    tally.fromYear = Math.min(tally.fromYear, cell.year);
    tally.toYear = Math.max(tally.toYear, cell.year);
    cells.mergeAreas(cellId, tally.areaBits);
  });
  return [...tallies.values()]
    .sort((a, b) => a.indicator.localeCompare(b.indicator))
    .map(({ areaBits, ...t }) => {
      const areas = cells.areasIn(areaBits);
      const countries = areas.filter(isKnownIso3).length;
      return { ...t, units: [...t.units].sort(), countries, areas: areas.length - countries };
    });
}

/** Every dimension the file broke figures down by, with the categories that map to none of our codes. */
function dimensionSummaries(catalogue: readonly CatalogueEntry[]): DimensionSummary[] {
  // The catalogue is per indicator; a dimension's categories are counted once across indicators.
  const categories = new Map<string, Map<string, { observations: number; isMapped: boolean }>>();
  for (const entry of catalogue) {
    // Only rows broken down by a dimension count towards it.
    if (entry.category === TOTAL) continue;
    const byCategory = categories.get(entry.dimension) ?? new Map();
    categories.set(entry.dimension, byCategory);
    const tally = byCategory.get(entry.category) ?? { observations: 0, isMapped: entry.code !== null };
    tally.observations += entry.observations;
    byCategory.set(entry.category, tally);
  }
  const summaries = [...categories.entries()].map(([name, byCategory]): DimensionSummary => {
    const entries = [...byCategory.entries()];
    return {
      name,
      kind: name === 'sex' || name === 'age' ? name : dimensionKindOf(name),
      observations: entries.reduce((sum, [, tally]) => sum + tally.observations, 0),
      categories: entries.length,
      unmapped: entries
        .filter(([, tally]) => !tally.isMapped)
        .map(([category, tally]) => ({ category, observations: tally.observations }))
        .sort((a, b) => a.category.localeCompare(b.category)),
    };
  });
  return summaries.sort(byDimension);
}

const DIMENSION_ORDER = ['sex', 'age'];
function byDimension(a: DimensionSummary, b: DimensionSummary): number {
  const rank = (d: DimensionSummary) => {
    const index = DIMENSION_ORDER.indexOf(d.name);
    return index < 0 ? DIMENSION_ORDER.length : index;
  };
  return rank(a) - rank(b) || a.name.localeCompare(b.name);
}
