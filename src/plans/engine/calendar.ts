// Day arithmetic on ISO calendar dates (YYYY-MM-DD) for the plan's pure logic: no clock, no time zones, since
// plans, periods and deadlines are whole days and "today" is always given by the caller.

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for an ISO date; throws a sentence naming the bad value, since a wrong date would
 * silently shift every share and deadline computed from it. */
export function dayNumber(isoDate: string): number {
  // A timestamp (an approval time) counts from the day it fell on.
  const day = isoDate.slice(0, 10);
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (!ISO_DATE.test(day) || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day) {
    throw new Error(`"${isoDate}" is not a calendar date; write it as YYYY-MM-DD, for example 2026-03-31.`);
  }
  return ms / MS_PER_DAY;
}

/** Whole days from `from` to `to` (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export function addDays(isoDate: string, days: number): string {
  return new Date((dayNumber(isoDate) + days) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Whether two periods (start and end included) share at least one day. */
export function periodsOverlap(
  a: { start: string; end: string },
  b: { start: string; end: string },
): boolean {
  return dayNumber(a.start) <= dayNumber(b.end) && dayNumber(b.start) <= dayNumber(a.end);
}
