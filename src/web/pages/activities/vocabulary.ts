// The code lists and countries these pages label things with, in the reader's language.
import { useMemo } from 'react';
import type { Problem } from '../../../platform/errors.js';
import type { Code, Country } from '../../../reference/schemas.js';
import { useCodeList, useCountries } from '../../api/reference.js';
import type { Resource } from '../../api/useResource.js';
import { useI18n } from '../../i18n/I18nProvider.js';

export const LIST_NAMES = [
  'pillar',
  'activity_type',
  'form_of_exploitation',
  'target_group',
  'iati_activity_status',
  'actor_type',
  'country_role',
  'chain_stage',
  'gender_marker',
  'sex',
  'age_group',
  'iati_organisation_role',
] as const;
export type ListName = (typeof LIST_NAMES)[number];

export type Option = { value: string; label: string };

export type Vocabulary = {
  options: (list: ListName) => Option[];
  label: (list: ListName, code: string | null | undefined) => string;
  /** The pillar an activity type belongs to. */
  pillarOf: (activityType: string) => string | null;
  countries: Option[];
  countryName: (iso3: string | null | undefined) => string;
  countryByNumeric: ReadonlyMap<string, Country>;
};

export type VocabularyState =
  | { status: 'loading' }
  | { status: 'error'; problem: Problem; retry: () => void }
  | { status: 'ready'; vocabulary: Vocabulary };

function useLists(): Record<ListName, Resource<{ data: { codes: Code[] } }>> {
  // A fixed number of hooks in a fixed order: one per list.
  return {
    pillar: useCodeList('pillar'),
    activity_type: useCodeList('activity_type'),
    form_of_exploitation: useCodeList('form_of_exploitation'),
    target_group: useCodeList('target_group'),
    iati_activity_status: useCodeList('iati_activity_status'),
    actor_type: useCodeList('actor_type'),
    country_role: useCodeList('country_role'),
    chain_stage: useCodeList('chain_stage'),
    gender_marker: useCodeList('gender_marker'),
    sex: useCodeList('sex'),
    age_group: useCodeList('age_group'),
    iati_organisation_role: useCodeList('iati_organisation_role'),
  };
}

export function useVocabulary(): VocabularyState {
  const { language } = useI18n();
  const lists = useLists();
  const countries = useCountries();
  const resources = [...Object.values(lists), countries];
  // biome-ignore lint/correctness/useExhaustiveDependencies: each list's resource object is the input; `lists` itself is new every render
  return useMemo((): VocabularyState => {
    const failed = resources.find((resource) => resource.status === 'error');
    if (failed?.status === 'error') return failed;
    if (countries.status !== 'ready') return { status: 'loading' };
    const codes = new Map<ListName, Code[]>();
    for (const name of LIST_NAMES) {
      const list = lists[name];
      if (list.status !== 'ready') return { status: 'loading' };
      codes.set(
        name,
        [...list.data.data.codes].filter((c) => !c.isDeprecated).sort((a, b) => a.sortOrder - b.sortOrder),
      );
    }
    const collator = new Intl.Collator(language);
    const countryOptions = countries.data.data
      .map((country) => ({ value: country.iso3, label: country.names[language] }))
      .sort((a, b) => collator.compare(a.label, b.label));
    const countryNames = new Map(countryOptions.map((option) => [option.value, option.label]));
    const labels = new Map<string, string>();
    for (const [name, entries] of codes)
      for (const entry of entries) labels.set(`${name}:${entry.code}`, entry.labels[language]);
    const activityTypes = codes.get('activity_type') ?? [];
    return {
      status: 'ready',
      vocabulary: {
        options: (list) =>
          (codes.get(list) ?? []).map((entry) => ({ value: entry.code, label: entry.labels[language] })),
        label: (list, code) => (code ? (labels.get(`${list}:${code}`) ?? code) : ''),
        pillarOf: (type) => activityTypes.find((entry) => entry.code === type)?.parentCode ?? null,
        countries: countryOptions,
        countryName: (iso3) => (iso3 ? (countryNames.get(iso3) ?? iso3) : ''),
        countryByNumeric: new Map(countries.data.data.map((country) => [country.numeric, country])),
      },
    };
  }, [...resources, language]);
}

/** Formats a calendar date (YYYY-MM-DD) as the same day everywhere: read in UTC, not the reader's zone. */
export function useDayFormat(): (day: string) => string {
  const { info } = useI18n();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(info.intlLocale, { dateStyle: 'medium', timeZone: 'UTC' });
    return (day: string) => format.format(new Date(`${day.slice(0, 10)}T00:00:00Z`));
  }, [info.intlLocale]);
}
