// The words for a figure's breakdown by sex and age ("Female, children", or "Total" when there is none).
import type { Translate } from '../../i18n/I18nProvider.js';

export function breakdownText(
  t: Translate,
  sex: 'female' | 'male' | 'other' | null | undefined,
  age: 'children' | 'adults' | null | undefined,
): string {
  const parts = [sex ? t(`plans.sex.${sex}`) : null, age ? t(`plans.age.${age}`) : null].filter(
    (part): part is string => part !== null,
  );
  return parts.length === 0 ? t('plans.breakdown.total') : parts.join(t('plans.breakdown.separator'));
}
