// The where, when and how much of an IATI activity: countries with their shares and places, regions, dates, budget.
import isoCountries from 'i18n-iso-countries';
import type { IatiReader } from './iati.js';
import { CONCERTED_NS } from './iati.js';
import { child, childrenOf } from './xml-tree.js';

/** IATI ActivityDateType: 1 planned start, 2 actual start, 3 planned end, 4 actual end. */
const DATE_TYPES: Record<string, 'plannedStart' | 'actualStart' | 'plannedEnd' | 'actualEnd'> = {
  '1': 'plannedStart',
  '2': 'actualStart',
  '3': 'plannedEnd',
  '4': 'actualEnd',
};

type CountryRead = { iso3: string; role: string; places: string[]; percentage: number | null };

/** A percentage attribute: a number from 0 to 100, absent as null, anything else a problem. */
function percentageOf(reader: IatiReader, value: string | undefined, column: string): number | null {
  if (value === undefined || value.trim() === '') return null;
  const number = Number(value);
  if (Number.isFinite(number) && number >= 0 && number <= 100) return number;
  reader.problem(column, `"${value}" is not a percentage from 0 to 100`);
  return null;
}

/** Our extension's countries with roles, or the recipient countries (role from the chain stage) with their shares. */
export function readCountries(reader: IatiReader, chainStage: string | null): CountryRead[] {
  const own = childrenOf(reader.node, 'country', CONCERTED_NS);
  if (own.length > 0)
    return own.map((c) => ({
      iso3: (c.attributes.code ?? '').toUpperCase(),
      role: c.attributes.role ?? '',
      places: childrenOf(c, 'place', CONCERTED_NS).map((p) => p.text.trim()),
      percentage: percentageOf(reader, c.attributes.percentage, 'concerted:country/@percentage'),
    }));
  const role = chainStage === 'supply' ? 'origin' : chainStage === 'transit' ? 'transit' : 'destination';
  const byAlpha2 = new Map<string, CountryRead>();
  childrenOf(reader.node, 'recipient-country').forEach((c, i) => {
    const column = `recipient-country[${i + 1}]`;
    const alpha2 = (c.attributes.code ?? '').toUpperCase();
    const iso3 = isoCountries.alpha2ToAlpha3(alpha2);
    if (!iso3) {
      reader.problem(`${column}/@code`, `"${alpha2}" is not an ISO 3166-1 alpha-2 code`);
      return;
    }
    const percentage = percentageOf(reader, c.attributes.percentage, `${column}/@percentage`);
    byAlpha2.set(alpha2, { iso3, role, places: [], percentage });
  });
  const recipients = [...byAlpha2.values()];
  if (recipients.length > 0) reader.warn('recipient-country', `IATI gives no country role; taken as ${role}`);
  placeLocations(reader, byAlpha2);
  if (childrenOf(reader.node, 'recipient-country').length === 0)
    reader.problem(
      'recipient-country',
      childrenOf(reader.node, 'recipient-region').length > 0
        ? 'The activity names regions only; add the recipient countries it works in (recipient-country), coverage is counted by country'
        : 'The activity names no recipient country',
    );
  return recipients;
}

/** Location names go to the recipient country their ref begins with (IATI refs like "AF-KAN"), or the only one. */
function placeLocations(reader: IatiReader, byAlpha2: Map<string, CountryRead>) {
  const recipients = [...byAlpha2.values()];
  childrenOf(reader.node, 'location').forEach((location, i) => {
    const name = reader.text(child(location, 'name'));
    if (!name) return;
    const prefix = (location.attributes.ref ?? '').split('-')[0]?.toUpperCase() ?? '';
    const country = byAlpha2.get(prefix) ?? (recipients.length === 1 ? recipients[0] : undefined);
    if (country) country.places.push(name);
    else
      reader.warn(
        `location[${i + 1}]`,
        `"${name}" is in none of the recipient countries; not kept as a place (its ref is ${location.attributes.ref ?? 'absent'})`,
      );
  });
}

/** Recipient regions as published: code, vocabulary (1 OECD DAC, 2 UN M49, 99 own) and share. */
export function readRecipientRegions(reader: IatiReader) {
  return childrenOf(reader.node, 'recipient-region').flatMap((r, i) => {
    const code = r.attributes.code?.trim();
    if (!code) {
      reader.problem(`recipient-region[${i + 1}]/@code`, 'A recipient-region needs a code');
      return [];
    }
    return [
      {
        code,
        vocabulary: r.attributes.vocabulary?.trim() || '1',
        vocabularyUri: r.attributes['vocabulary-uri']?.trim() || null,
        percentage: percentageOf(reader, r.attributes.percentage, `recipient-region[${i + 1}]/@percentage`),
      },
    ];
  });
}

export function readDates(reader: IatiReader) {
  const dates: Record<string, string | null> = {
    plannedStart: null,
    plannedEnd: null,
    actualStart: null,
    actualEnd: null,
  };
  for (const date of childrenOf(reader.node, 'activity-date')) {
    const field = DATE_TYPES[date.attributes.type ?? ''];
    const value = (date.attributes['iso-date'] ?? '').slice(0, 10);
    if (field && value) dates[field] = value;
  }
  return dates;
}

/** Our extension's budget, else the sum of the IATI budgets in the first one's currency. */
export function readBudget(reader: IatiReader) {
  const own = child(reader.node, 'budget', CONCERTED_NS);
  if (own)
    return {
      amount: Number(own.attributes.amount),
      currency: own.attributes.currency ?? '',
      funder: own.attributes.funder ?? null,
    };
  const fallback = reader.node.attributes['default-currency'] ?? '';
  const values = childrenOf(reader.node, 'budget').flatMap((b) => {
    const value = child(b, 'value');
    return value
      ? [{ amount: Number(value.text.trim()), currency: value.attributes.currency ?? fallback }]
      : [];
  });
  if (values.length === 0) return null;
  const currency = values[0]?.currency ?? '';
  const same = values.filter((v) => v.currency === currency);
  if (same.length < values.length)
    reader.warn('budget', `budgets in other currencies than ${currency} were left out`);
  const funder = childrenOf(reader.node, 'participating-org').find((o) => o.attributes.role === '1');
  return { amount: same.reduce((sum, v) => sum + v.amount, 0), currency, funder: reader.text(funder) };
}
