// The code lists and countries the case pages label facts with, in the reader's language.
import { useMemo } from 'react';
import type { Problem } from '../../../platform/errors.js';
import type { Code } from '../../../reference/schemas.js';
import { useCodeList, useCountries } from '../../api/reference.js';
import type { Resource } from '../../api/useResource.js';
import { useI18n } from '../../i18n/I18nProvider.js';

export const CASE_LISTS = [
  'sex',
  'form_of_exploitation',
  'forced_labour_sector',
  'means_of_control',
  'recruitment_channel',
] as const;
export type CaseListName = (typeof CASE_LISTS)[number];

export type Option = { value: string; label: string };

export type CaseVocabulary = {
  options: (list: CaseListName) => Option[];
  label: (list: CaseListName, code: string) => string;
  countries: Option[];
  countryName: (iso3: string) => string;
};

export type CaseVocabularyState =
  | { status: 'loading' }
  | { status: 'error'; problem: Problem; retry: () => void }
  | { status: 'ready'; vocabulary: CaseVocabulary };

function useLists(): Record<CaseListName, Resource<{ data: { codes: Code[] } }>> {
  // A fixed number of hooks in a fixed order: one per list.
  return {
    sex: useCodeList('sex'),
    form_of_exploitation: useCodeList('form_of_exploitation'),
    forced_labour_sector: useCodeList('forced_labour_sector'),
    means_of_control: useCodeList('means_of_control'),
    recruitment_channel: useCodeList('recruitment_channel'),
  };
}

export function useCaseVocabulary(): CaseVocabularyState {
  const { language } = useI18n();
  const lists = useLists();
  const countries = useCountries();
  const resources = [...Object.values(lists), countries];
  // biome-ignore lint/correctness/useExhaustiveDependencies: each resource object is the input; `lists` itself is new every render
  return useMemo((): CaseVocabularyState => {
    const failed = resources.find((resource) => resource.status === 'error');
    if (failed?.status === 'error') return failed;
    if (countries.status !== 'ready') return { status: 'loading' };
    const codes = new Map<CaseListName, Option[]>();
    for (const name of CASE_LISTS) {
      const list = lists[name];
      if (list.status !== 'ready') return { status: 'loading' };
      codes.set(
        name,
        [...list.data.data.codes]
          .filter((code) => !code.isDeprecated)
          .sort((a, b) => a.sortOrder - b.sortOrder)
          .map((code) => ({ value: code.code, label: code.labels[language] })),
      );
    }
    const collator = new Intl.Collator(language);
    const countryOptions = countries.data.data
      .map((country) => ({ value: country.iso3, label: country.names[language] }))
      .sort((a, b) => collator.compare(a.label, b.label));
    const countryNames = new Map(countryOptions.map((option) => [option.value, option.label]));
    return {
      status: 'ready',
      vocabulary: {
        options: (list) => codes.get(list) ?? [],
        label: (list, code) => codes.get(list)?.find((option) => option.value === code)?.label ?? code,
        countries: countryOptions,
        countryName: (iso3) => countryNames.get(iso3) ?? iso3,
      },
    };
  }, [language, countries, ...Object.values(lists)]);
}
