// Country names in the reader's language for the plan pages: plans keep ISO 3166 alpha-3 codes, people
// read names.
import { useMemo } from 'react';
import { useCountries } from '../../api/reference.js';
import type { Choice } from '../../components/forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';

export type CountryNames = {
  /** The country's name, or the code itself while the names load (never blank). */
  nameOf: (iso3: string) => string;
  /** Several countries' names, in the reader's list style ("Kenya, Uganda and Tanzania"). */
  listOf: (codes: readonly string[]) => string;
  /** Every country as a choice, sorted by name in the reader's language; empty while loading. */
  choices: Choice[];
};

export function useCountryNames(): CountryNames {
  const { language, info } = useI18n();
  const countries = useCountries();
  return useMemo(() => {
    const list = countries.status === 'ready' ? countries.data.data : [];
    const names = new Map(list.map((country) => [country.iso3, country.names[language]]));
    const collator = new Intl.Collator(info.intlLocale);
    const choices = list
      .map((country) => ({ value: country.iso3, label: country.names[language] }))
      .sort((a, b) => collator.compare(a.label, b.label));
    const conjunction = new Intl.ListFormat(info.intlLocale, { type: 'conjunction' });
    const nameOf = (iso3: string) => names.get(iso3) ?? iso3;
    return { nameOf, listOf: (codes) => conjunction.format(codes.map(nameOf)), choices };
  }, [countries, language, info.intlLocale]);
}
