// What every section of the plan report needs: its labels, the reader's language and direction, and the
// formatters that turn ids, codes, dates, numbers and money into what a reader of that language expects.
import { getCodeListFile } from '../../reference/code-list-data.js';
import type { Language } from '../../reference/schemas.js';
import type { ActivityFacts, Disaggregation, Money, Period, Pillar, Plan } from '../engine/model.js';
import { listPlanMeasures } from '../engine/plan-measures.js';
import { REPORT_LABELS, type ReportLabels } from './report-labels.js';

export type PlanReportInput = {
  plan: Plan;
  /** The 4W activities the plan may link to: those it names, and those in its countries and period. */
  activities: ActivityFacts[];
  /** Display names, so that the report never shows an id or a code. */
  names: { organisations: Record<string, string>; countries: Record<string, string> };
  /** The day the report describes (ISO date). */
  today: string;
  lang: Language;
  /** When the report was generated (ISO timestamp), printed in its footer. */
  generatedAt: string;
};

export type ReportContext = {
  input: PlanReportInput;
  lang: Language;
  dir: 'ltr' | 'rtl';
  labels: ReportLabels;
  organisation(id: string): string;
  country(iso3: string): string;
  pillar(pillar: Pillar): string;
  measureTitle(measureId: string): string;
  people(disaggregation: Disaggregation): string;
  number(value: number): string;
  percent(share: number): string;
  money(money: Money): string;
  date(isoDate: string): string;
  dateTime(isoTimestamp: string): string;
  period(period: Period): string;
};

/** Arabic with Latin digits, as the web interface writes it; Chinese in simplified script. */
const INTL_LOCALES: Record<Language, string> = {
  ar: 'ar-u-nu-latn',
  zh: 'zh-Hans',
  en: 'en',
  fr: 'fr',
  ru: 'ru',
  es: 'es',
};

export function createReportContext(input: PlanReportInput): ReportContext {
  const { lang, names } = input;
  const labels = REPORT_LABELS[lang];
  const locale = INTL_LOCALES[lang];
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const percents = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  // Plan dates are calendar days, so they are read and written in UTC to stay the same day everywhere.
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTimes = new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  });
  const measureTitles = new Map(
    listPlanMeasures(input.plan).map(({ measure }) => [measure.id, measure.title] as const),
  );
  const pillarLabels = new Map(getCodeListFile('pillar').codes.map((code) => [code.code, code.labels[lang]]));
  return {
    input,
    lang,
    dir: lang === 'ar' ? 'rtl' : 'ltr',
    labels,
    organisation: (id) => names.organisations[id] ?? labels.unnamedOrganisation,
    country: (iso3) => names.countries[iso3] ?? labels.unnamedCountry,
    pillar: (pillar) => pillarLabels.get(pillar) ?? labels.columns.pillar,
    measureTitle: (measureId) => measureTitles.get(measureId) ?? '',
    people: (disaggregation) => peopleLabel(labels, disaggregation),
    number: (value) => numbers.format(value),
    percent: (share) => percents.format(share),
    money: (money) => formatMoney(locale, money, lang === 'ar' ? 'rtl' : 'ltr'),
    date: (isoDate) => dates.format(utcDay(isoDate)),
    dateTime: (isoTimestamp) => dateTimes.format(new Date(isoTimestamp)),
    period: (period) => dates.formatRange(utcDay(period.start), utcDay(period.end)),
  };
}

function utcDay(isoDate: string): Date {
  return new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
}

function peopleLabel(labels: ReportLabels, disaggregation: Disaggregation): string {
  const parts = [
    disaggregation.sex ? labels.people[disaggregation.sex] : null,
    disaggregation.age ? labels.people[disaggregation.age] : null,
  ].filter((part): part is string => part !== null);
  return parts.length === 0 ? labels.people.all : parts.join(' · ');
}

const currencyFormats = new Map<string, Intl.NumberFormat>();

/** Latin letters in a currency symbol ("US$"), which an Arabic line would otherwise split ("$US"). */
const LATIN_CURRENCY_SYMBOL = /[$€£¥]*[A-Za-z]+[$€£¥]*/g;

/**
 * Minor units are divided by the currency's own number of decimals (ISO 4217: 2 for EUR, 0 for JPY). In a
 * right-to-left report a Latin symbol is isolated left to right (LRI … PDI, UAX #9) so that it stays whole.
 */
export function formatMoney(locale: string, money: Money, direction: 'ltr' | 'rtl' = 'ltr'): string {
  const key = `${locale}/${money.currency}`;
  let format = currencyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency });
    currencyFormats.set(key, format);
  }
  const decimals = format.resolvedOptions().maximumFractionDigits ?? 2;
  const formatted = format.format(money.amountMinor / 10 ** decimals);
  return direction === 'rtl'
    ? formatted.replace(LATIN_CURRENCY_SYMBOL, (symbol) => `\u2066${symbol}\u2069`)
    : formatted;
}
