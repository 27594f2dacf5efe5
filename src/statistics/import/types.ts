// What importers produce: observations ready to store, and rejected rows with their reasons.
import type { PublisherArea } from '../publisher-areas.js';

/** One figure read from a file, with its published terms and our codes where they map. */
export type ObservationInput = {
  rowNo: number;
  indicator: string;
  unit: string;
  iso3: string | null;
  /** An M49 area (three digits) or, with publisherArea, the code of an area the publisher defines. */
  m49: string | null;
  publisherArea?: PublisherArea | undefined;
  year: number;
  sex: string;
  age: string;
  dimension: string;
  category: string;
  sexCode: string | null;
  ageCode: string | null;
  categoryCode: string | null;
  lower: number;
  upper: number | null;
  isCensored: boolean;
  valueText: string;
  source: string | null;
  note: string | null;
  /** The cell's key (cellKeyOf), when the mapper already made it for an earlier row of the same cell. */
  cellKey?: string | undefined;
};

/** What tells cells apart: a row with the same key and area as an earlier row repeats it. */
export function cellKeyOf(
  o: Pick<ObservationInput, 'indicator' | 'unit' | 'year' | 'sex' | 'age' | 'dimension' | 'category'>,
): string {
  return `${o.indicator}\u0000${o.unit}\u0000${o.year}\u0000${o.sex}\u0000${o.age}\u0000${o.dimension}\u0000${o.category}`;
}

/** A row that did not become an observation: where it is, which column, and why. */
export type Rejection = { row: number; column: string | null; value: string | null; reason: string };

/** A published term that maps to none of our codes; it is kept as published and listed here. */
export type UnmappedTerm = { dimension: string; term: string; rows: number };

export type RowOutcome = { observation: ObservationInput } | { rejection: Rejection };

/**
 * How one source's table is read: which row is its header, and how a data row becomes an observation.
 * `bind` receives the header's cells and returns the row mapper, or a list of missing columns.
 */
export type TableLayout = {
  describe: string;
  isHeader(cells: readonly string[]): boolean;
  bind(header: readonly string[]): ((rowNo: number, cells: readonly string[]) => RowOutcome) | string[];
};
