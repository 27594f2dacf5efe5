// The commitments' codes in the reader's words: codes and principles signed, business sectors and
// countries, as options for filters and forms and as names for the list.
import { useMemo } from 'react';
import { useCodeList } from '../../api/reference.js';
import type { Choice } from '../../components/forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { Language } from '../../i18n/languages.js';
import { useCountryNames } from '../plans/countries.js';

export type CommitmentLabels = {
  codeOptions: Choice[];
  sectorOptions: Choice[];
  countryOptions: Choice[];
  code: (code: string) => string;
  /** Several sectors' names in the reader's list style. */
  sectors: (codes: readonly string[]) => string;
  /** Several countries' names in the reader's list style ("Kenya and Uganda"). */
  countries: (codes: readonly string[]) => string;
};

function choicesOf(resource: ReturnType<typeof useCodeList>, language: Language): Choice[] {
  if (resource.status !== 'ready') return [];
  return resource.data.data.codes.map((code) => ({ value: code.code, label: code.labels[language] }));
}

/** The label of each code by its value; an unknown code has none rather than showing itself. */
function namesOf(options: Choice[]): (code: string) => string {
  const names = new Map(options.map((option) => [option.value, option.label]));
  return (code) => names.get(code) ?? '';
}

export function useCommitmentLabels(): CommitmentLabels {
  const { language, info } = useI18n();
  const codes = useCodeList('commitment_code');
  const sectors = useCodeList('business_sector');
  const countries = useCountryNames();
  return useMemo(() => {
    const codeOptions = choicesOf(codes, language);
    const sectorOptions = choicesOf(sectors, language);
    const sectorName = namesOf(sectorOptions);
    const conjunction = new Intl.ListFormat(info.intlLocale, { type: 'conjunction' });
    return {
      codeOptions,
      sectorOptions,
      countryOptions: countries.choices,
      code: namesOf(codeOptions),
      sectors: (codes: readonly string[]) => conjunction.format(codes.map(sectorName)),
      countries: countries.listOf,
    };
  }, [codes, sectors, countries, language, info.intlLocale]);
}
