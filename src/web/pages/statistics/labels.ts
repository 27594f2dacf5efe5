// How the dashboards name what the API returns: sex × age groups, forms, areas, and figures.
import type { Country, M49Area } from '../../../reference/schemas.js';
import type { QueryRow } from '../../../statistics/schemas.js';
import type { Translate } from '../../i18n/I18nProvider.js';
import type { Language } from '../../i18n/languages.js';
import type { MessageKey } from '../../i18n/messages.js';

export const WORLD = '001';

/** Women, girls, men and boys: the four groups the domain never merges. */
const SEX_AGE: Readonly<Record<string, MessageKey>> = {
  'female|adults': 'stats.group.women',
  'female|children': 'stats.group.girls',
  'male|adults': 'stats.group.men',
  'male|children': 'stats.group.boys',
};
export const SEX_AGE_ORDER = ['female|adults', 'female|children', 'male|adults', 'male|children'];

const SEX: Readonly<Record<string, MessageKey>> = { female: 'stats.sex.female', male: 'stats.sex.male' };
const AGE: Readonly<Record<string, MessageKey>> = {
  adults: 'stats.age.adults',
  children: 'stats.age.children',
};

/** Publishers' own words, kept when a category maps to none of our codes. */
export function sexLabel(row: Pick<QueryRow, 'sex' | 'sexCode'>, t: Translate): string {
  const key = row.sexCode ? SEX[row.sexCode] : undefined;
  return key ? t(key) : (row.sex ?? '');
}

export function ageLabel(row: Pick<QueryRow, 'age' | 'ageCode'>, t: Translate): string {
  const key = row.ageCode ? AGE[row.ageCode] : undefined;
  return key ? t(key) : (row.age ?? '');
}

export function sexAgeKey(row: Pick<QueryRow, 'sex' | 'sexCode' | 'age' | 'ageCode'>): string {
  return `${row.sexCode ?? row.sex ?? ''}|${row.ageCode ?? row.age ?? ''}`;
}

export function sexAgeLabel(
  row: Pick<QueryRow, 'sex' | 'sexCode' | 'age' | 'ageCode'>,
  t: Translate,
): string {
  const key = SEX_AGE[sexAgeKey(row)];
  return key ? t(key) : t('stats.group.other', { sex: sexLabel(row, t), age: ageLabel(row, t) });
}

export function sexAgeOrder(a: string, b: string): number {
  const rank = (key: string) => {
    const index = SEX_AGE_ORDER.indexOf(key);
    return index < 0 ? SEX_AGE_ORDER.length : index;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}

export type FormLabels = ReadonlyMap<string, string>;

export function formLabel(row: Pick<QueryRow, 'category' | 'categoryCode'>, forms: FormLabels): string {
  return (row.categoryCode ? forms.get(row.categoryCode) : undefined) ?? row.category ?? '';
}

export type AreaNames = { name: (code: string) => string; countries: readonly Country[] };

export function areaNames(
  countries: readonly Country[],
  regions: readonly M49Area[],
  language: Language,
  t: Translate,
): AreaNames {
  const byIso3 = new Map(countries.map((c) => [c.iso3, c.names[language]]));
  const byM49 = new Map(regions.map((r) => [r.code, r.names[language]]));
  return {
    countries,
    name: (code) => (code === WORLD ? t('stats.world') : (byIso3.get(code) ?? byM49.get(code) ?? code)),
  };
}

/** Indicators whose figures are counts of people or cases: a "0–4" range reads as "<5". */
export function isCountUnit(unit: string | undefined): boolean {
  return unit === undefined || /count|number|persons|cases/i.test(unit);
}
