// The words the library pages name things with, in the reader's language: code lists and countries from the
// reference data, the library's own kinds, statuses and Palermo elements from the message files.
import { useMemo } from 'react';
import { CASE_OUTCOMES, PALERMO_ACTS, PALERMO_MEANS } from '../../../knowledge/engine/case-law.js';
import { KNOWLEDGE_TYPES } from '../../../knowledge/engine/review-flow.js';
import type { Problem } from '../../../platform/errors.js';
import type { Code } from '../../../reference/schemas.js';
import { useCodeList, useCountries } from '../../api/reference.js';
import type { Resource } from '../../api/useResource.js';
import type { Choice } from '../../components/forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';

export const KNOWLEDGE_LISTS = [
  'pillar',
  'form_of_exploitation',
  'target_group',
  'forced_labour_sector',
  'sex',
  'age_group',
] as const;
export type KnowledgeList = (typeof KNOWLEDGE_LISTS)[number];

/** The library's own words, by the code the API sends: message keys in messages/knowledge. */
export const typeKey = (type: string) => `knowledge.type.${type}` as MessageKey;
export const statusKey = (status: string) => `knowledge.status.${status}` as MessageKey;
export const actKey = (act: string) => `knowledge.act.${act}` as MessageKey;
export const meansKey = (means: string) => `knowledge.means.${means}` as MessageKey;
export const outcomeKey = (outcome: string) => `knowledge.outcome.${outcome}` as MessageKey;

export type KnowledgeVocabulary = {
  options: (list: KnowledgeList) => Choice[];
  label: (list: KnowledgeList, code: string) => string;
  countries: Choice[];
  countryName: (iso3: string) => string;
  /** Several names in the reader's list style ("Kenya and Tanzania"). */
  listOf: (names: readonly string[]) => string;
  types: Choice[];
  acts: Choice[];
  means: Choice[];
  outcomes: Choice[];
};

export type KnowledgeVocabularyState =
  | { status: 'loading' }
  | { status: 'error'; problem: Problem; retry: () => void }
  | { status: 'ready'; vocabulary: KnowledgeVocabulary };

function useLists(): Record<KnowledgeList, Resource<{ data: { codes: Code[] } }>> {
  // A fixed number of hooks in a fixed order: one per list.
  return {
    pillar: useCodeList('pillar'),
    form_of_exploitation: useCodeList('form_of_exploitation'),
    target_group: useCodeList('target_group'),
    forced_labour_sector: useCodeList('forced_labour_sector'),
    sex: useCodeList('sex'),
    age_group: useCodeList('age_group'),
  };
}

export function useKnowledgeVocabulary(): KnowledgeVocabularyState {
  const { language, info, t } = useI18n();
  const lists = useLists();
  const countries = useCountries();
  const resources = [...Object.values(lists), countries];
  // biome-ignore lint/correctness/useExhaustiveDependencies: each resource object is the input; `lists` itself is new every render
  return useMemo((): KnowledgeVocabularyState => {
    const failed = resources.find((resource) => resource.status === 'error');
    if (failed?.status === 'error') return failed;
    if (countries.status !== 'ready') return { status: 'loading' };
    const codes = new Map<KnowledgeList, Choice[]>();
    for (const name of KNOWLEDGE_LISTS) {
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
    const collator = new Intl.Collator(info.intlLocale);
    const countryChoices = countries.data.data
      .map((country) => ({ value: country.iso3, label: country.names[language] }))
      .sort((a, b) => collator.compare(a.label, b.label));
    const countryNames = new Map(countryChoices.map((choice) => [choice.value, choice.label]));
    const conjunction = new Intl.ListFormat(info.intlLocale, { type: 'conjunction' });
    const choices = (values: readonly string[], key: (code: string) => MessageKey) =>
      values.map((value) => ({ value, label: t(key(value)) }));
    return {
      status: 'ready',
      vocabulary: {
        options: (list) => codes.get(list) ?? [],
        label: (list, code) => codes.get(list)?.find((choice) => choice.value === code)?.label ?? code,
        countries: countryChoices,
        countryName: (iso3) => countryNames.get(iso3) ?? iso3,
        listOf: (names) => conjunction.format(names),
        types: choices(KNOWLEDGE_TYPES, typeKey),
        acts: choices(PALERMO_ACTS, actKey),
        means: choices(PALERMO_MEANS, meansKey),
        outcomes: choices(CASE_OUTCOMES, outcomeKey),
      },
    };
  }, [language, info.intlLocale, t, countries, ...Object.values(lists)]);
}
