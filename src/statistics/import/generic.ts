// Any long-format CSV, read through a small mapping file that names its columns.
import { z } from 'zod';
import { checkCsvDelimiter } from '../../platform/csv-reader.js';
import { AppError, fieldErrorsFromZod } from '../../platform/errors.js';
import { iso3OfCountry, iso3OfNumeric, isTotal, m49OfArea } from '../terms.js';
import { areaOfCountry, columnIndex, type Field, observationOf, type PublishedRow } from './observation.js';
import type { TableLayout } from './types.js';

const ColumnName = z.string().trim().min(1).max(200);

/** The mapping file: which column holds what, and constants for what the file leaves out. */
export const CsvMapping = z
  .object({
    source: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_.-]{0,62}$/, 'Use lower-case letters, digits, ".", "_" or "-"')
      .describe('A short name for the source; releases of it live side by side'),
    publisher: z.string().trim().min(1).max(300),
    delimiter: z.string().length(1).default(','),
    areaCodes: z
      .enum(['iso3', 'm49', 'name'])
      .default('iso3')
      .describe('What the area column holds: ISO3 codes, M49 numeric codes, or English names'),
    columns: z
      .object({
        area: ColumnName,
        year: ColumnName,
        value: ColumnName,
        indicator: ColumnName.optional(),
        unit: ColumnName.optional(),
        sex: ColumnName.optional(),
        age: ColumnName.optional(),
        source: ColumnName.optional(),
        note: ColumnName.optional(),
      })
      .strict(),
    /** Further breakdowns: dimension name (as it should be shown) → column. */
    dimensions: z.record(z.string().trim().min(1).max(200), ColumnName).default({}),
    constants: z
      .object({ indicator: z.string().trim().min(1).optional(), unit: z.string().trim().min(1).optional() })
      .strict()
      .default({}),
  })
  .strict()
  .refine((m) => m.columns.indicator || m.constants.indicator, {
    message: 'Name an indicator column or give constants.indicator',
    path: ['columns', 'indicator'],
  });
export type CsvMapping = z.infer<typeof CsvMapping>;

export function parseCsvMapping(value: unknown): CsvMapping {
  const parsed = CsvMapping.safeParse(value);
  if (parsed.success) {
    checkCsvDelimiter(parsed.data.delimiter, 'mapping.delimiter');
    return parsed.data;
  }
  throw new AppError(
    'validation_failed',
    'The mapping file is not valid.',
    fieldErrorsFromZod(parsed.error.issues, 'mapping'),
  );
}

/** Joins several breakdowns of one row: "Citizenship × Form" with "Nigeria × Forced labour". */
export const COMBINED = ' × ';

export function csvLayout(mapping: CsvMapping): TableLayout {
  const wanted = [
    ...Object.values(mapping.columns).filter((c): c is string => typeof c === 'string'),
    ...Object.values(mapping.dimensions),
  ];
  return {
    describe: `a header with the mapped columns (${wanted.join(', ')})`,
    isHeader(cells) {
      const find = columnIndex(cells);
      return find(mapping.columns.area) >= 0 && find(mapping.columns.value) >= 0;
    },
    bind(header) {
      const find = columnIndex(header);
      const missing = wanted.filter((name) => find(name) < 0);
      if (missing.length > 0) return missing;
      return (rowNo, cells) => {
        const field = (column: string | undefined, constant?: string): Field =>
          column === undefined
            ? { column: 'mapping constants', text: constant ?? '' }
            : { column, text: cells[find(column)] ?? '' };
        const breakdown = combinedBreakdown(mapping, (column) => cells[find(column)] ?? '');
        const row: PublishedRow = {
          rowNo,
          indicator: field(mapping.columns.indicator, mapping.constants.indicator),
          unit: field(mapping.columns.unit, mapping.constants.unit),
          area: areaOf(mapping, field(mapping.columns.area)),
          year: field(mapping.columns.year),
          value: field(mapping.columns.value),
          sex: mapping.columns.sex ? field(mapping.columns.sex).text : '',
          age: mapping.columns.age ? field(mapping.columns.age).text : '',
          dimension: breakdown.dimension,
          category: breakdown.category,
          source: mapping.columns.source ? field(mapping.columns.source).text : '',
          note: mapping.columns.note ? field(mapping.columns.note).text : '',
        };
        return observationOf(row);
      };
    },
  };
}

/** The row's breakdowns other than sex and age; totals drop out, several are joined. */
function combinedBreakdown(mapping: CsvMapping, cell: (column: string) => string) {
  const given = Object.entries(mapping.dimensions)
    .map(([dimension, column]) => ({ dimension, category: cell(column).trim() }))
    .filter((entry) => entry.category !== '' && !isTotal(entry.category));
  return {
    dimension: given.map((entry) => entry.dimension).join(COMBINED),
    category: given.map((entry) => entry.category).join(COMBINED),
  };
}

function areaOf(mapping: CsvMapping, area: Field): PublishedRow['area'] {
  const text = area.text.trim();
  if (mapping.areaCodes === 'name') return areaOfCountry({ column: area.column, text: '' }, area);
  if (mapping.areaCodes === 'iso3') {
    const iso3 = /^[A-Za-z]{3}$/.test(text) ? iso3OfCountry(text) : null;
    if (iso3) return { iso3, m49: null };
  } else {
    const m49 = m49OfArea(text);
    if (m49) return { iso3: null, m49 };
    const iso3 = /^\d{1,3}$/.test(text) ? iso3OfNumeric(text) : null;
    if (iso3) return { iso3, m49: null };
  }
  return {
    rejection: {
      column: area.column,
      value: text,
      reason: `unknown ${mapping.areaCodes === 'iso3' ? 'country code' : 'area'} "${text}"`,
    },
  };
}
