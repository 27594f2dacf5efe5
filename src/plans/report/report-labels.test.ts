// The report's labels: every language fills every label, with the same placeholders as English, so that no
// reader meets a blank, an English word in place of their own, or a sentence missing its figure.
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../reference/schemas.js';
import { formatMoney } from './report-context.js';
import { fillLabel, REPORT_LABELS } from './report-labels.js';

function flatten(value: unknown, prefix = ''): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) =>
    flatten(inner, prefix ? `${prefix}.${key}` : key),
  );
}

const english = new Map(flatten(REPORT_LABELS.en));
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe.each(LANGUAGES.filter((lang) => lang !== 'en'))('the report labels in %s', (lang) => {
  const labels = new Map(flatten(REPORT_LABELS[lang]));

  it('fills every label the English report has, and no other', () => {
    expect([...labels.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of labels) expect(text.trim(), key).not.toBe('');
  });

  it('keeps the placeholders of each English label', () => {
    for (const [key, text] of labels)
      expect(placeholders(text), key).toEqual(placeholders(english.get(key)!));
  });

  it('translates the section titles and statuses rather than copying the English', () => {
    const translated = REPORT_LABELS[lang];
    for (const key of ['indicators', 'funding', 'overdue', 'links', 'implementation'] as const) {
      expect(translated[key], key).not.toBe(REPORT_LABELS.en[key]);
    }
    expect(translated.progressStatuses.off_track).not.toBe(REPORT_LABELS.en.progressStatuses.off_track);
  });
});

describe('filling a label', () => {
  it('isolates each value so that it keeps its own direction inside the sentence', () => {
    expect(fillLabel('Committed: {amount}', { amount: '€5.00' })).toBe('Committed: \u2068€5.00\u2069');
  });

  it('leaves a placeholder without a value visible', () => {
    expect(fillLabel('{a} and {b}', { a: 'x' })).toBe('\u2068x\u2069 and {b}');
  });
});

describe('formatting money', () => {
  it('divides minor units by the currency’s own decimals and writes them as the language does', () => {
    expect(formatMoney('en', { currency: 'EUR', amountMinor: 1_234_567 })).toBe('€12,345.67');
    expect(formatMoney('en', { currency: 'JPY', amountMinor: 1_500 })).toBe('¥1,500');
    expect(formatMoney('fr', { currency: 'EUR', amountMinor: 1_234_567 })).toBe('12\u202f345,67\u00a0€');
  });

  it('keeps a Latin currency symbol whole in a right-to-left report', () => {
    expect(formatMoney('ar-u-nu-latn', { currency: 'USD', amountMinor: 500_000 }, 'rtl')).toBe(
      '\u200f5,000.00\u00a0\u2066US$\u2069',
    );
  });
});
