// A release's stored parameters and columns in words: "k, the smallest group: 10", "age (quasi-identifier,
// age bands)". Parameters the page does not know are left out rather than shown by their code.
import type { ColumnChoice } from '../../api/releases.js';
import type { Translate } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';

const PARAMETER_LABELS: readonly [string, MessageKey][] = [
  ['dimensions', 'releases.method.dimensions'],
  ['threshold', 'releases.param.threshold'],
  ['k', 'releases.param.k'],
  ['epsilon', 'releases.param.epsilon'],
  ['delta', 'releases.param.delta'],
  ['reportingLength', 'releases.param.reportingLength'],
];

const ROLE_LABELS: Record<ColumnChoice['role'], MessageKey> = {
  quasi_identifier: 'releases.role.quasiIdentifier',
  sensitive: 'releases.role.sensitive',
  other: 'releases.role.other',
};

const GENERALISATION_LABELS: Record<string, MessageKey> = {
  'age:1': 'releases.generalise.ageBands',
  'age:2': 'releases.generalise.childrenAdults',
  'age:3': 'releases.generalise.anyAge',
  'country:1': 'releases.generalise.subRegion',
  'country:2': 'releases.generalise.region',
  'country:3': 'releases.generalise.world',
};

function shownValue(value: unknown, formatNumber: (value: number) => string): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) {
    // δ is tiny (1e-6 and below): written as a power of ten, as in the literature.
    return value !== 0 && Math.abs(value) < 1e-3 ? value.toExponential(1) : formatNumber(value);
  }
  if (Array.isArray(value) && value.every((each) => typeof each === 'string')) return value.join(', ');
  return null;
}

/** Dimensions may be stored as a list or as the names already joined; any other text is a code. */
function parameterValue(
  name: string,
  value: unknown,
  formatNumber: (value: number) => string,
): string | null {
  if (name === 'dimensions' && typeof value === 'string') return value;
  return shownValue(value, formatNumber);
}

/** The parameters the release was made with, each "name: value", in a fixed order. */
export function parameterPhrases(
  t: Translate,
  parameters: Record<string, unknown>,
  formatNumber: (value: number) => string,
): string[] {
  return PARAMETER_LABELS.flatMap(([name, label]) => {
    const value = parameterValue(name, parameters[name], formatNumber);
    return value === null ? [] : [t('releases.detail.parameter', { name: t(label), value })];
  });
}

/** A column with its role and, when generalised, to what. */
export function columnPhrase(t: Translate, column: ColumnChoice): string {
  const generalised = column.generalise
    ? GENERALISATION_LABELS[`${column.generalise.hierarchy}:${column.generalise.level}`]
    : undefined;
  const role = [t(ROLE_LABELS[column.role]), generalised ? t(generalised) : null].filter(Boolean).join(', ');
  return t('releases.detail.columnRole', { column: column.name, role });
}
