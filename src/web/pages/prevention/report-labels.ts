// Names of the warning signs and sectors people report, in the reader's language, from the check's own texts
// (the same words the person read on the check's result page).
import { sectorName } from '../../../prevention/offer-check/page/page-texts.js';
import type { FindingId } from '../../../prevention/offer-check/result-schemas.js';
import { OFFER_TEXTS } from '../../../prevention/offer-check/texts.js';
import type { OfferReportCounts } from '../../api/offer-check.js';
import { useI18n } from '../../i18n/I18nProvider.js';

type Sector = NonNullable<OfferReportCounts['bySector'][number]['sector']>;

export function useReportLabels() {
  const { language } = useI18n();
  return {
    flag: (flag: FindingId) => OFFER_TEXTS.findings[flag].title[language],
    sector: (sector: Sector) => sectorName(sector, language),
  };
}
