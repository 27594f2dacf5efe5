// The directory's codes in the reader's words: kinds of service, countries and languages, as options for
// filters and as names for a table. Used by the directory page and the referral form's choice of service.
import { useMemo } from 'react';
import { useCodeList, useCountries } from '../../api/reference.js';
import { useI18n } from '../../i18n/I18nProvider.js';

/** Languages offered in the filter: the UN's six and those of the region most services are in. */
const LANGUAGE_CODES = ['ar', 'en', 'es', 'fr', 'ru', 'zh', 'sw', 'so', 'lg', 'am', 'pt', 'hi', 'ne', 'tl'];

export type ServiceLabels = ReturnType<typeof useServiceLabels>;

export function useServiceLabels() {
  const { language, info } = useI18n();
  const categories = useCodeList('service_category');
  const countries = useCountries();
  return useMemo(() => {
    const categoryOptions =
      categories.status === 'ready'
        ? categories.data.data.codes.map((code) => ({ value: code.code, label: code.labels[language] }))
        : [];
    const collator = new Intl.Collator(info.intlLocale);
    const countryOptions =
      countries.status === 'ready'
        ? countries.data.data
            .map((country) => ({ value: country.iso3, label: country.names[language] }))
            .sort((a, b) => collator.compare(a.label, b.label))
        : [];
    const countryNames = new Map(countryOptions.map((o) => [o.value, o.label]));
    const categoryNames = new Map(categoryOptions.map((o) => [o.value, o.label]));
    const languageNames = new Intl.DisplayNames([info.intlLocale], { type: 'language' });
    const languageName = (code: string) => languageNames.of(code) ?? code;
    const languageOptions = LANGUAGE_CODES.map((code) => ({ value: code, label: languageName(code) })).sort(
      (a, b) => collator.compare(a.label, b.label),
    );
    return {
      categoryOptions,
      countryOptions,
      languageOptions,
      category: (code: string) => categoryNames.get(code) ?? '',
      country: (iso3: string) => countryNames.get(iso3) ?? iso3,
      languageName,
    };
  }, [categories, countries, language, info.intlLocale]);
}
