// Calendar arithmetic on ISO dates (YYYY-MM-DD). The register speaks in days, never in moments: a licence valid
// until 31 March is valid all that day wherever one reads it, so no time zone enters here.

const DAY_MS = 86_400_000;

function toUtc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function toIso(moment: Date): string {
  return moment.toISOString().slice(0, 10);
}

const FIRST_DAY = '0001-01-01';
const LAST_DAY = '9999-12-31';

/** Stays within the years a stored date may have, so that the day after 9999-12-31 is still a date. */
export function addDays(date: string, days: number): string {
  const moment = new Date(toUtc(date).getTime() + days * DAY_MS);
  const year = moment.getUTCFullYear();
  return year < 1 ? FIRST_DAY : year > 9999 ? LAST_DAY : toIso(moment);
}

export const dayBefore = (date: string) => addDays(date, -1);
export const dayAfter = (date: string) => addDays(date, 1);

/** The same day `months` months earlier; a day the month lacks (31 in April) becomes its last day. */
export function monthsBefore(date: string, months: number): string {
  const moment = toUtc(date);
  const target = new Date(Date.UTC(moment.getUTCFullYear(), moment.getUTCMonth() - months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(moment.getUTCDate(), lastDay));
  return toIso(target);
}

/** Whether `date` falls in the `months` months that end on `asOf`: after the same day back then, up to asOf. */
export function isWithinMonths(date: string, asOf: string, months: number): boolean {
  return date > monthsBefore(asOf, months) && date <= asOf;
}

/** ISO dates order as text; the latest of several, or null when there are none. */
export function latest(dates: readonly (string | null)[]): string | null {
  return dates.reduce<string | null>((best, date) => (date && (!best || date > best) ? date : best), null);
}
