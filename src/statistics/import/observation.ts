// Turns one row's published fields into an observation, or says which column is wrong and why.

import { type PublishedPlace, type PublisherArea, publisherAreaOf } from '../publisher-areas.js';
import {
  ageCodeOf,
  canonicalTerm,
  categoryCodeOf,
  dimensionKindOf,
  iso3OfCountry,
  m49OfArea,
  sexCodeOf,
  TOTAL,
} from '../terms.js';
import { isCountUnit, isValueProblem, type ParsedValue, parseValue, type ValueProblem } from '../values.js';
import { cellKeyOf, type ObservationInput, type RowOutcome } from './types.js';

/**
 * A country, an M49 area, or an area the publisher defines; the last two are stored in the m49 column
 * (M49 codes are digits, publishers' codes are not), so they are never summed with countries.
 */
export type Area =
  | { iso3: string; m49: null }
  | { iso3: null; m49: string; publisherArea?: PublisherArea | undefined };

/** The published fields of one row, each with the column it came from (for rejection messages). */
export type PublishedRow = {
  rowNo: number;
  indicator: Field;
  unit: Field;
  area: Area | { rejection: { column: string; value: string; reason: string } };
  year: Field;
  value: Field;
  sex?: string | undefined;
  age?: string | undefined;
  dimension?: string | undefined;
  category?: string | undefined;
  source?: string | undefined;
  note?: string | undefined;
};

export type Field = { column: string; text: string };

const reject = (rowNo: number, column: string | null, value: string | null, reason: string): RowOutcome => ({
  rejection: { row: rowNo, column, value, reason },
});

export function observationOf(row: PublishedRow): RowOutcome {
  const { rowNo } = row;
  if ('rejection' in row.area) {
    const { column, value, reason } = row.area.rejection;
    return reject(rowNo, column, value, reason);
  }
  const terms = cellTermsOf(row);
  if ('early' in terms) return reject(rowNo, terms.early.column, terms.early.value, terms.early.reason);
  const value = knownValueOf(row.value.text, terms.valueOptions);
  if (isValueProblem(value)) return reject(rowNo, row.value.column, row.value.text.trim(), value.problem);
  const { late } = terms;
  if (late) return reject(rowNo, late.column, late.value, late.reason);
  return {
    observation: {
      rowNo,
      indicator: terms.indicator,
      unit: terms.unit,
      iso3: row.area.iso3,
      m49: row.area.m49,
      publisherArea: 'publisherArea' in row.area ? row.area.publisherArea : undefined,
      year: terms.year,
      sex: terms.sex,
      age: terms.age,
      dimension: terms.dimension,
      category: terms.category,
      sexCode: terms.sexCode,
      ageCode: terms.ageCode,
      categoryCode: terms.categoryCode,
      lower: value.lower,
      upper: value.upper,
      isCensored: value.isCensored,
      valueText: value.text,
      source: blankToNull(row.source),
      note: blankToNull(row.note),
      cellKey: terms.cellKey,
    },
  };
}

/**
 * Published values repeat ("<5", small counts): each text is parsed once per kind of unit and its bounds
 * shared by the observations that carry it (nothing changes them), up to a bounded number of texts.
 */
const MAX_KNOWN_VALUES = 10_000;
const knownValues = [
  new Map<string, ParsedValue | ValueProblem>(),
  new Map<string, ParsedValue | ValueProblem>(),
];

function knownValueOf(text: string, options: { isCount: boolean }): ParsedValue | ValueProblem {
  const known = knownValues[options.isCount ? 1 : 0] as Map<string, ParsedValue | ValueProblem>;
  let value = known.get(text);
  if (value === undefined) {
    if (known.size >= MAX_KNOWN_VALUES) known.clear();
    value = parseValue(text, options);
    known.set(text, value);
  }
  return value;
}

type Problem = { column: string; value: string; reason: string };
type CellTerms =
  | { early: Problem }
  | (Pick<
      ObservationInput,
      | 'indicator'
      | 'unit'
      | 'year'
      | 'sex'
      | 'age'
      | 'dimension'
      | 'category'
      | 'sexCode'
      | 'ageCode'
      | 'categoryCode'
    > & { cellKey: string; valueOptions: { isCount: boolean }; late?: Problem });

/**
 * A file repeats a few thousand combinations of terms millions of times: each combination is checked and
 * mapped once, then remembered (a bounded number of them), so a row costs one lookup. The lookup walks
 * one map per term rather than building a key of all of them (hashing a joined key cost twice as much),
 * and a term equal to the previous row's reuses that row's step: files list a place's rows together.
 */
type KnownTerms = { indicator: string; unit: string; year: string; terms: CellTerms };
type TermsTree = Map<string, TermsTree | KnownTerms>;
const TERM_LEVELS = 7;
const MAX_KNOWN_TERMS = 200_000;
let knownTerms: TermsTree = new Map();
let knownTermsCount = 0;
/** The previous row's terms, and the tree node each of them led to. */
const lastTexts: (string | null)[] = new Array(TERM_LEVELS).fill(null);
const lastNodes: TermsTree[] = new Array(TERM_LEVELS).fill(knownTerms);

/** The row's terms in tree order; one array for every row. */
const texts: string[] = new Array(TERM_LEVELS).fill('');

function cellTermsOf(row: PublishedRow): CellTerms {
  texts[0] = row.indicator.text;
  texts[1] = row.unit.text;
  texts[2] = row.year.text;
  texts[3] = row.sex ?? '';
  texts[4] = row.age ?? '';
  texts[5] = row.dimension ?? '';
  texts[6] = row.category ?? '';
  let node = knownTerms;
  let isSamePath = true;
  const last = TERM_LEVELS - 1;
  for (let i = 0; i < last; i += 1) {
    const text = texts[i] as string;
    if (isSamePath && text === lastTexts[i]) {
      node = lastNodes[i] as TermsTree;
      continue;
    }
    isSamePath = false;
    let next = node.get(text) as TermsTree | undefined;
    if (!next) {
      next = new Map();
      node.set(text, next);
    }
    lastTexts[i] = text;
    lastNodes[i] = next;
    node = next;
  }
  const leaf = texts[last] as string;
  const known = node.get(leaf) as KnownTerms | undefined;
  // The same texts under other column names (another layout) would name other columns in a rejection.
  // Layouts name their columns with constant strings, so these comparisons are usually of one string.
  if (
    known &&
    known.indicator === row.indicator.column &&
    known.unit === row.unit.column &&
    known.year === row.year.column
  )
    return known.terms;
  const terms = mapCellTerms(row);
  if (!known) knownTermsCount += 1;
  node.set(leaf, { indicator: row.indicator.column, unit: row.unit.column, year: row.year.column, terms });
  if (knownTermsCount >= MAX_KNOWN_TERMS) forgetKnownTerms();
  return terms;
}

/** Bounds memory against a file of endless distinct terms: start again with an empty tree. */
function forgetKnownTerms(): void {
  knownTerms = new Map();
  knownTermsCount = 0;
  lastTexts.fill(null);
  lastNodes.fill(knownTerms);
}

function mapCellTerms(row: PublishedRow): CellTerms {
  const indicator = row.indicator.text.trim();
  if (!indicator) return { early: { column: row.indicator.column, value: '', reason: 'no indicator' } };
  const unit = row.unit.text.trim();
  if (!unit) return { early: { column: row.unit.column, value: '', reason: 'no unit of measurement' } };
  const yearText = row.year.text.trim();
  if (!/^\d{4}$/.test(yearText) || Number(yearText) < 1900 || Number(yearText) > 2100) {
    const reason = 'the year is not a four-digit year between 1900 and 2100';
    return { early: { column: row.year.column, value: yearText, reason } };
  }
  const sex = canonicalTerm(row.sex ?? '');
  const age = canonicalTerm(row.age ?? '');
  const dimension = canonicalTerm(row.dimension ?? '');
  const category = canonicalTerm(row.category ?? '');
  const year = Number(yearText);
  const terms = {
    indicator,
    unit,
    year,
    sex,
    age,
    dimension,
    category,
    sexCode: sex === TOTAL ? null : sexCodeOf(sex),
    ageCode: age === TOTAL ? null : ageCodeOf(age),
    categoryCode: categoryCodeOf(dimensionKindOf(dimension), category),
    cellKey: cellKeyOf({ indicator, unit, year, sex, age, dimension, category }),
    valueOptions: { isCount: isCountUnit(unit) },
  };
  if (dimension === TOTAL && category !== TOTAL) {
    const reason = 'a category is given but its dimension is "Total" or empty';
    return { ...terms, late: { column: 'Category', value: category, reason } };
  }
  return terms;
}

function blankToNull(text: string | undefined): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/**
 * Where a row's figure is: a country by code (or, without a code, by name), else an M49 area by name.
 * An unknown code is an error even when the name is known: the code is what the publisher vouches for.
 */
export function areaOfCountry(code: Field, name: Field): PublishedRow['area'] {
  const codeText = code.text.trim();
  const nameText = name.text.trim();
  if (codeText) {
    const iso3 = iso3OfCountry(codeText);
    if (iso3) return { iso3, m49: null };
    return {
      rejection: {
        column: code.column,
        value: codeText,
        reason: `unknown country code "${codeText}"${nameText ? ` (${nameText})` : ''}`,
      },
    };
  }
  const iso3 = nameText ? iso3OfCountry(nameText) : null;
  if (iso3) return { iso3, m49: null };
  const m49 = nameText ? m49OfArea(nameText) : null;
  if (m49) return { iso3: null, m49 };
  return {
    rejection: {
      column: name.column,
      value: nameText,
      reason: nameText ? `unknown country or area "${nameText}"` : 'no country code and no country name',
    },
  };
}

/**
 * Where a publisher's row is: a country, or an area the publisher defines (its regional codes, joint areas,
 * territories without an ISO code); anything else is rejected as areaOfCountry would.
 */
export function areaOfPublisherRow(
  source: string,
  code: Field,
  name: Field,
  place: Omit<PublishedPlace, 'code' | 'name'>,
): PublishedRow['area'] {
  const publisherArea = publisherAreaOf(source, { code: code.text, name: name.text, ...place });
  if (publisherArea) return { iso3: null, m49: publisherArea.code, publisherArea };
  return areaOfCountry(code, name);
}

/** Finds columns by name, ignoring case, spaces at the ends and SDG's [brackets]. */
export function columnIndex(header: readonly string[]): (name: string) => number {
  const positions = new Map<string, number>();
  header.forEach((cell, i) => {
    const key = normaliseColumn(cell);
    if (!positions.has(key)) positions.set(key, i);
  });
  return (name) => positions.get(normaliseColumn(name)) ?? -1;
}

export function normaliseColumn(name: string): string {
  return name
    .trim()
    .replace(/^\[(.*)\]$/, '$1')
    .toLowerCase()
    .replace(/\s+/g, ' ');
}
