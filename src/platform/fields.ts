// Shared building blocks for API fields: text, integers and dates that PostgreSQL can always store.
import { z } from 'zod';

/*
 * Why these exist: PostgreSQL refuses a NUL character in text (SQLSTATE 22021), integers beyond
 * its column types (22003) and the year 0 (22008, there is no year 0 in its calendar). A value zod
 * accepts must be one the database accepts, or the client meets a 500 instead of a field error.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what this refuses.
const NO_NUL = /^[^\u0000]*$/;
const NUL_MESSAGE = 'contains a NUL character (U+0000), which text cannot hold; remove it';
const CONTROL_OR_BIDI = /\p{Cc}|[\u202a-\u202e\u2066-\u2069]/u;

/** What PlainText(max) accepts, for a value already trimmed, without building a zod issue. */
export function isPlainTextWithin(value: string, max: number): boolean {
  return value.length >= 1 && value.length <= max && !CONTROL_OR_BIDI.test(value);
}

/** What Text(max) accepts, for a value already trimmed. */
export function isTextWithin(value: string, max: number): boolean {
  return value.length <= max && !value.includes('\u0000');
}

/** The bounds of PostgreSQL's `integer`; `bigint` columns still take only what JavaScript counts exactly. */
export const INT32_MAX = 2_147_483_647;
export const INT32_MIN = -2_147_483_648;

/** Any text up to `max` characters (line breaks and tabs allowed), trimmed, never a NUL. */
export const Text = (max: number) => z.string().trim().max(max).regex(NO_NUL, NUL_MESSAGE);

/** Text a person wrote in a form (at least one character): a paragraph, a mandate, a summary. */
export const LongText = (max: number) => Text(max).min(1);

/** One line of text (a name, a title): no control or bidirectional-override characters, NUL included. */
export const PlainText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(NO_NUL, NUL_MESSAGE)
    .refine((value) => !CONTROL_OR_BIDI.test(value), {
      message: 'contains control or bidirectional-override characters',
    });

/** A whole number within PostgreSQL's `integer` unless narrower bounds are given. */
export const Int = (bounds: { min?: number; max?: number } = {}) =>
  z
    .number()
    .int()
    .min(bounds.min ?? INT32_MIN)
    .max(bounds.max ?? INT32_MAX);

/** The same, from a query-string parameter. */
export const QueryInt = (bounds: { min?: number; max?: number } = {}) =>
  z.coerce
    .number()
    .int()
    .min(bounds.min ?? INT32_MIN)
    .max(bounds.max ?? INT32_MAX);

/** A calendar date from 0001-01-01 to 9999-12-31 (ISO 8601 has a year 0000; PostgreSQL does not). */
export const IsoDate = z.iso
  .date()
  .regex(/^(?!0000)/, 'The year must be 0001 or later')
  .describe('A calendar date, YYYY-MM-DD');

/** A moment with its offset, in years 0001 to 9999 once turned into UTC. */
export const IsoDateTime = z.iso
  .datetime({ offset: true })
  .refine((value) => new Date(value).getUTCFullYear() >= 1, {
    message: 'The year must be 0001 or later (in UTC)',
  })
  .describe('A moment in ISO 8601, for example 2026-03-01T12:00:00Z');
