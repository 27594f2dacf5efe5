// Words for releases: the method in a phrase, the generalisations a column suits, and the evaluation
// figures read from the release's stored evaluation (a loose record), so people never read codes.
import type { Translate } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';

export type MethodName = 'suppression' | 'laplace' | 'gaussian' | 'k-anonymous' | 'dp';

const numberAt = (record: Record<string, unknown>, name: string): number | null => {
  const value = record[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
};

/** "Synthetic data, k-anonymous (k = 10)", "Count table with small cells hidden (below 10)". */
export function methodPhrase(
  t: Translate,
  method: MethodName,
  parameters: Record<string, unknown>,
  formatNumber: (value: number) => string,
): string {
  const shown = (name: string) => {
    const value = numberAt(parameters, name);
    return value === null ? '?' : formatNumber(value);
  };
  switch (method) {
    case 'suppression':
      return t('releases.method.suppressionPhrase', { threshold: shown('threshold') });
    case 'laplace':
      return t('releases.method.laplacePhrase', { epsilon: shown('epsilon') });
    case 'gaussian':
      return t('releases.method.gaussianPhrase', { epsilon: shown('epsilon') });
    case 'k-anonymous':
      return t('releases.method.kAnonymousPhrase', { k: shown('k') });
    case 'dp':
      return t('releases.method.dpPhrase', { epsilon: shown('epsilon') });
  }
}

export type HierarchyName = 'age' | 'country';
/** A generalisation offered for a column, as "hierarchy:level" in a <select>. */
export type GeneralisationChoice = {
  value: string;
  hierarchy: HierarchyName;
  level: number;
  label: MessageKey;
};

const AGE_LEVELS: readonly GeneralisationChoice[] = [
  { value: 'age:1', hierarchy: 'age', level: 1, label: 'releases.generalise.ageBands' },
  { value: 'age:2', hierarchy: 'age', level: 2, label: 'releases.generalise.childrenAdults' },
];
const COUNTRY_LEVELS: readonly GeneralisationChoice[] = [
  { value: 'country:1', hierarchy: 'country', level: 1, label: 'releases.generalise.subRegion' },
  { value: 'country:2', hierarchy: 'country', level: 2, label: 'releases.generalise.region' },
  { value: 'country:3', hierarchy: 'country', level: 3, label: 'releases.generalise.world' },
];

const ISO3 = /^[A-Z]{3}$/;

/**
 * The generalisations that fit a column: ages by their name, countries by their name or because their
 * commonest values are ISO 3166 alpha-3 codes (the CTDC layout writes citizenship that way).
 */
export function generalisationsFor(column: {
  name: string;
  top: { value: string }[];
  suggestedHierarchy?: HierarchyName | null;
}): readonly GeneralisationChoice[] {
  // The server recognises the values themselves (age labels, country names and codes); trust it first.
  if (column.suggestedHierarchy === 'age') return AGE_LEVELS;
  if (column.suggestedHierarchy === 'country') return COUNTRY_LEVELS;
  const name = column.name.toLowerCase();
  if (/(^|[^a-z])age/.test(name)) return AGE_LEVELS;
  const values = column.top.map((entry) => entry.value).filter((value) => value !== '');
  const looksLikeCountries = values.length > 0 && values.every((value) => ISO3.test(value));
  if (/country|citizenship|nationality/.test(name) || looksLikeCountries) return COUNTRY_LEVELS;
  return [];
}

export function findGeneralisation(value: string): GeneralisationChoice | undefined {
  return [...AGE_LEVELS, ...COUNTRY_LEVELS].find((choice) => choice.value === value);
}

/** Utility of one combination length: how far the released counts are from the source's. */
export type ErrorsByLength = {
  length: number;
  combinations: number | null;
  meanAbsoluteError: number | null;
  meanRelativeError: number | null;
  preservedShare: number | null;
  fabricated: number | null;
  suppressed: number | null;
};

/** Figures of a count table: its cells, those hidden, and the noise's mean error. */
export type TableFigures = {
  cells: number | null;
  hiddenBelowThreshold: number | null;
  hiddenToProtect: number | null;
  meanAbsoluteError: number | null;
};

export type EvaluationFigures = {
  byLength: ErrorsByLength[];
  preservedShare: number | null;
  fabricated: number | null;
  suppressed: number | null;
  table: TableFigures;
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Rows by combination length, listed (`lengths`, `byLength` or `utility`) or keyed by length (`errors: {"1": …}`). */
function lengthRows(source: Record<string, unknown>): ErrorsByLength[] {
  const listed = [source.lengths, source.byLength, source.utility].find(Array.isArray) as
    | unknown[]
    | undefined;
  const entries: [unknown, string | null][] = listed
    ? listed.map((entry) => [entry, null])
    : isRecord(source.errors)
      ? Object.entries(source.errors).map(([length, entry]) => [entry, length])
      : [];
  const rows: ErrorsByLength[] = [];
  for (const [entry, key] of entries) {
    if (!isRecord(entry)) continue;
    const length = numberAt(entry, 'length') ?? Number(key ?? Number.NaN);
    if (!Number.isInteger(length)) continue;
    rows.push({
      length,
      combinations: numberAt(entry, 'combinations') ?? numberAt(entry, 'sourceCombinations'),
      meanAbsoluteError: numberAt(entry, 'meanAbsoluteError'),
      meanRelativeError: numberAt(entry, 'meanRelativeError'),
      preservedShare: numberAt(entry, 'preservedShare'),
      fabricated: numberAt(entry, 'fabricated'),
      suppressed: numberAt(entry, 'suppressed'),
    });
  }
  return rows.sort((a, b) => a.length - b.length);
}

/**
 * Reads the figures the page shows from a release's evaluation, a loose record whose fields depend on the
 * method; a figure that is absent stays null and is not shown, never invented.
 */
export function readEvaluation(evaluation: Record<string, unknown> | undefined): EvaluationFigures {
  const source = evaluation ?? {};
  return {
    byLength: lengthRows(source),
    preservedShare: numberAt(source, 'preservedShare'),
    fabricated: numberAt(source, 'fabricated'),
    suppressed: numberAt(source, 'suppressed'),
    table: {
      cells: numberAt(source, 'cells') ?? numberAt(source, 'entries'),
      hiddenBelowThreshold: numberAt(source, 'primary'),
      hiddenToProtect: numberAt(source, 'complementary'),
      meanAbsoluteError: numberAt(source, 'meanAbsoluteError'),
    },
  };
}

/** The bar of a class-size band as a share of the largest, so the longest bar fills its cell. */
export function barShares(values: readonly number[]): number[] {
  const largest = Math.max(0, ...values);
  return values.map((value) => (largest === 0 ? 0 : value / largest));
}

const LEVEL_LABELS: Readonly<Record<string, MessageKey>> = {
  'age band': 'releases.generalise.ageBands',
  'child or adult': 'releases.generalise.childrenAdults',
  'any age': 'releases.generalise.anyAge',
  'sub-region': 'releases.generalise.subRegion',
  region: 'releases.generalise.region',
  world: 'releases.generalise.world',
};

/** A hierarchy level the risk report names ("sub-region") in the reader's language, when known. */
export function levelLabel(t: Translate, levelName: string): string {
  const key = LEVEL_LABELS[levelName];
  return key ? t(key) : levelName;
}
