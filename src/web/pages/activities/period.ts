// A period as people write it: both ends, one open end, or nothing at all when neither date is known.
export function formatPeriod(
  start: string | null,
  end: string | null,
  formatDate: (isoDate: string) => string,
): string {
  if (!start && !end) return '';
  return `${start ? formatDate(start) : ''} – ${end ? formatDate(end) : ''}`.trim();
}
