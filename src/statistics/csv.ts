// A query's answer as CSV (RFC 4180), for download: one line per row, bounds in their own columns.
import type { QueryResult } from './schemas.js';

const cell = (value: string | number | boolean | null) => {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export function queryResultCsv(result: QueryResult): string {
  const header = [
    'indicator',
    'year',
    'area',
    'sex',
    'age',
    result.dimension ?? 'category',
    'unit',
    'lower',
    'upper',
    'value',
    'censored',
    'countries',
    'release',
    'source',
  ];
  const lines = result.rows.map((row) =>
    [
      result.indicator,
      row.year,
      row.area ?? result.areas.join(' '),
      row.sex ?? 'Total',
      row.age ?? 'Total',
      row.category ?? (result.dimension ? 'selected categories' : 'Total'),
      row.unit,
      row.lower,
      row.upper,
      row.value,
      row.isCensored,
      row.countries,
      result.release.label,
      result.release.isSynthetic ? `${result.release.source} (synthetic)` : result.release.source,
    ]
      .map(cell)
      .join(','),
  );
  return `${[header.map(cell).join(','), ...lines].join('\r\n')}\r\n`;
}
