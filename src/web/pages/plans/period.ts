// Calendar days and periods as the reader's language writes them ("1 Jan 2026 – 31 Dec 2027"), read in UTC
// so that a day stays the same day in every time zone.
import { useMemo } from 'react';
import { useI18n } from '../../i18n/I18nProvider.js';

const asUtcDay = (day: string) => new Date(`${day.slice(0, 10)}T00:00:00Z`);

export function useDayFormat(): (day: string) => string {
  const { info } = useI18n();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(info.intlLocale, { dateStyle: 'medium', timeZone: 'UTC' });
    return (day: string) => format.format(asUtcDay(day));
  }, [info.intlLocale]);
}

export function usePeriodFormat(): (period: { start: string; end: string }) => string {
  const { info } = useI18n();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(info.intlLocale, { dateStyle: 'medium', timeZone: 'UTC' });
    return (period) => format.formatRange(asUtcDay(period.start), asUtcDay(period.end));
  }, [info.intlLocale]);
}
