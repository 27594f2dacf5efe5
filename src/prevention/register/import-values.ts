// A register file's cells read into our values: dates in the orders registers write them, statuses and kinds
// in their words, countries by code or name. Each reader answers with the value, or with what is wrong and
// how to put it right, in words the person fixing the file can act on.
import { IsoDate } from '../../platform/fields.js';
import { countryCodeOf } from './countries.js';
import WORDS from './data/publisher-words.json' with { type: 'json' };
import { simplify } from './names.js';
import { AGENCY_KINDS, type AgencyKind } from './schemas.js';

export type Read<T> = { value: T } | { code: string; problem: string; fix: string };

export const isRead = <T>(read: Read<T>): read is { value: T } => 'value' in read;

export type DateOrder = 'day_first' | 'month_first';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const ISO_LIKE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[t ][\d:.]+z?)?$/;
const NUMERIC = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/;
const DAY_MONTH_NAME = /^(\d{1,2})[\s-]+([a-z]{3,})\.?[\s-,]+(\d{4})$/;
const MONTH_NAME_DAY = /^([a-z]{3,})\.?\s+(\d{1,2}),?\s+(\d{4})$/;

const DATE_FIX = 'Write the date as YYYY-MM-DD, for example 2026-01-31.';

function badDate(problem: string, fix = DATE_FIX): Read<string> {
  return { code: 'invalid_date', problem, fix };
}

/** YYYY-MM-DD for a day that exists and that the database can store, or why not. */
function calendarDate(year: number, month: number, day: number, text: string): Read<string> {
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const moment = new Date(`${iso}T00:00:00Z`);
  const exists = !Number.isNaN(moment.getTime()) && moment.toISOString().startsWith(iso);
  if (!exists || !IsoDate.safeParse(iso).success) return badDate(`“${text}” is not a day of the calendar`);
  return { value: iso };
}

function monthOfName(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3)) + 1;
}

/** A date as registers write it: 2026-01-31, 31/01/2026 (or 01/31/2026 in month-first files), 31 Jan 2026. */
export function readDate(text: string, order: DateOrder): Read<string> {
  const cell = text.trim().toLowerCase();
  const iso = ISO_LIKE.exec(cell);
  if (iso) return calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]), text);
  const numeric = NUMERIC.exec(cell);
  if (numeric) return numericDate(numeric, order, text);
  const named = DAY_MONTH_NAME.exec(cell) ?? MONTH_NAME_DAY.exec(cell);
  if (named) return namedMonthDate(named, text);
  if (/^\d{5}(\.\d+)?$/.test(cell))
    return badDate(
      `“${text}” is a spreadsheet’s day number, not a date`,
      'Format the column as dates (or text) in the spreadsheet, or write YYYY-MM-DD.',
    );
  return badDate(`“${text}” is not a date this import can read`);
}

function numericDate(match: RegExpExecArray, order: DateOrder, text: string): Read<string> {
  const [first, second, year] = [Number(match[1]), Number(match[2]), match[3] ?? ''];
  if (year.length === 2)
    return badDate(`“${text}” gives the year in two digits`, 'Write the year in full, for example 2026.');
  const [day, month] = order === 'day_first' ? [first, second] : [second, first];
  if (month > 12) {
    const other = order === 'day_first' ? 'month first (month_first)' : 'day first (day_first)';
    return badDate(
      `“${text}” has no month ${month}`,
      `If the file writes the month first, import it with the date order set to ${other}; or write YYYY-MM-DD.`,
    );
  }
  return calendarDate(Number(year), month, day, text);
}

function namedMonthDate(match: RegExpExecArray, text: string): Read<string> {
  const isDayFirst = /^\d/.test(match[1] ?? '');
  const monthName = (isDayFirst ? match[2] : match[1]) ?? '';
  const day = Number(isDayFirst ? match[1] : match[2]);
  const month = monthOfName(monthName);
  if (month === 0)
    return badDate(`“${monthName}” in “${text}” is not a month this import knows (English names)`);
  return calendarDate(Number(match[3]), month, day, text);
}

/** What a register's status word says: a status of ours, or "expired" (a date's business), or an application. */
export type PublisherStatus = 'active' | 'suspended' | 'revoked' | 'expired' | 'pending';

function wordTable<T extends string>(table: Record<string, readonly string[]>): Map<string, T> {
  const words = new Map<string, T>();
  for (const [meaning, list] of Object.entries(table))
    for (const word of list) words.set(simplify(word), meaning as T);
  return words;
}

const STATUS_WORDS = wordTable<PublisherStatus>(WORDS.statuses);
const KIND_WORDS = wordTable<AgencyKind>({
  ...WORDS.kinds,
  ...Object.fromEntries(
    AGENCY_KINDS.map((kind) => [kind, [kind, kind.replace('_', ' '), ...WORDS.kinds[kind]]]),
  ),
});

/** The publisher's own words for the import, in the form they are compared in. */
export function ownWords<T extends string>(words: Readonly<Record<string, T>> | undefined): Map<string, T> {
  return new Map(Object.entries(words ?? {}).map(([word, meaning]) => [simplify(word), meaning]));
}

export function readStatus(text: string, own: ReadonlyMap<string, PublisherStatus>): Read<PublisherStatus> {
  const key = simplify(text);
  const value = own.get(key) ?? STATUS_WORDS.get(key);
  if (value) return { value };
  return {
    code: 'unknown_status',
    problem: `“${text}” is not a licence status this import knows`,
    fix: 'Write active, suspended, revoked or expired, or tell the import which of these the register means by this word.',
  };
}

export function readKind(text: string, own: ReadonlyMap<string, AgencyKind>): Read<AgencyKind> {
  const key = simplify(text);
  const value = own.get(key) ?? KIND_WORDS.get(key);
  if (value) return { value };
  return {
    code: 'unknown_kind',
    problem: `“${text}” is not a kind of agency this import knows`,
    fix: `Write one of ${AGENCY_KINDS.join(', ')}, or tell the import which of these the register means by this word.`,
  };
}

export function readCountry(text: string): Read<string> {
  const value = countryCodeOf(text);
  if (value) return { value };
  return {
    code: 'unknown_country',
    problem: `“${text}” is not a country this import recognises`,
    fix: 'Write the ISO 3166-1 code (for example PHL or PH) or the country’s name as the United Nations write it.',
  };
}

/** Other names in one cell, separated by ";" or "|", each once, the agency's own name left out. */
export function readNames(text: string, ownName: string): string[] {
  const own = simplify(ownName);
  const names = text
    .split(/[;|\n]/)
    .map((name) => name.trim())
    .filter((name) => name && simplify(name) !== own);
  return [...new Map(names.map((name) => [simplify(name), name])).values()];
}
