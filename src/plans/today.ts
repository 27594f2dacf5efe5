// The day the plans' analyses look from when the reader names none: today, in UTC.
export function todayOf(): string {
  return new Date().toISOString().slice(0, 10);
}
