// Country, region and form names in the reader's language, which every dashboard needs first.
import { useMemo } from 'react';
import { useCodeList, useCountries, useRegions } from '../../api/reference.js';
import type { Resource } from '../../api/useResource.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { type AreaNames, areaNames, type FormLabels } from './labels.js';

export function useDashboardNames(): Resource<{ names: AreaNames; forms: FormLabels }> {
  const { t, language } = useI18n();
  const countries = useCountries();
  const regions = useRegions();
  const forms = useCodeList('form_of_exploitation');
  return useMemo(() => {
    for (const resource of [countries, regions, forms]) {
      if (resource.status !== 'ready') return resource as Resource<never>;
    }
    if (countries.status !== 'ready' || regions.status !== 'ready' || forms.status !== 'ready') {
      return { status: 'loading' };
    }
    const formLabels = new Map(forms.data.data.codes.map((code) => [code.code, code.labels[language]]));
    return {
      status: 'ready',
      data: {
        names: areaNames(countries.data.data, regions.data.data, language, t),
        forms: formLabels,
      },
    };
  }, [countries, regions, forms, language, t]);
}
