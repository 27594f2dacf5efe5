// Small files in the publishers' own layouts, built by the tests (no publisher's data is shipped).
// Every figure here is invented.
import ExcelJS from 'exceljs';
import { GLOTIP_COLUMNS } from '../../src/statistics/import/glotip.js';

export type GlotipRow = {
  iso3: string;
  country: string;
  /** UNODC leaves both blank on its regional aggregates. */
  region?: string;
  subregion?: string;
  indicator: string;
  dimension?: string;
  category?: string;
  sex?: string;
  age?: string;
  year: string | number;
  value: string;
  unit?: string;
  source?: string;
};

/** The publisher puts a title and notes above the header; the importer must skip them. */
export const GLOTIP_PREAMBLE = [
  ['UNODC, Global Report on Trafficking in Persons: data file (test fixture, invented figures)'],
  ['Values below 5 are shown as "<5" to protect the persons counted.'],
  ['Downloaded for the Concerted test suite'],
];

function cellsOf(row: GlotipRow): string[] {
  return [
    row.iso3,
    row.country,
    row.region ?? 'Sub-Saharan Africa',
    row.subregion ?? 'East Africa',
    row.indicator,
    row.dimension ?? 'Total',
    row.category ?? 'Total',
    row.sex ?? 'Total',
    row.age ?? 'Total',
    String(row.year),
    row.unit ?? 'Counts',
    row.value,
    row.source ?? 'National authorities',
  ];
}

const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

export function glotipCsv(rows: readonly (GlotipRow | null)[], options: { preamble?: boolean } = {}): string {
  const lines = [
    ...(options.preamble === false ? [] : GLOTIP_PREAMBLE),
    [...GLOTIP_COLUMNS],
    ...rows.map((row) => (row ? cellsOf(row) : GLOTIP_COLUMNS.map(() => ''))),
  ];
  return `${lines.map((cells) => cells.map(quote).join(',')).join('\r\n')}\r\n`;
}

/** The same table as an XLSX workbook, with the year and plain counts as numbers, as Excel stores them. */
export async function glotipXlsx(rows: readonly (GlotipRow | null)[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('data_glotip');
  for (const line of GLOTIP_PREAMBLE) sheet.addRow(line);
  sheet.addRow([...GLOTIP_COLUMNS]);
  for (const row of rows) {
    if (!row) {
      sheet.addRow([]);
      continue;
    }
    const cells: (string | number)[] = cellsOf(row);
    if (/^\d{4}$/.test(String(row.year))) cells[9] = Number(row.year);
    if (/^\d+$/.test(row.value)) cells[11] = Number(row.value);
    sheet.addRow(cells);
  }
  workbook.addWorksheet('notes').addRow(['Not data: a second sheet the importer must ignore']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const VICTIMS = 'Detected trafficking victims';
const CONVICTED = 'Persons convicted';
const FORM = 'by form of exploitation';

/**
 * The file the tests import: preamble, every kind of breakdown (sex × age, form, citizenship, country of
 * repatriation, and one the importer has never heard of), censored values, and rows it must reject.
 * Rows start at 5 (three preamble rows and the header).
 */
export const GLOTIP_FIXTURE: (GlotipRow | null)[] = [
  /* 5 */ { iso3: 'KEN', country: 'Kenya', indicator: VICTIMS, year: 2020, value: '120' },
  /* 6 */ {
    iso3: 'KEN',
    country: 'Kenya',
    indicator: VICTIMS,
    sex: 'Female',
    age: 'Adult',
    year: 2020,
    value: '50',
  },
  /* 7 */ {
    iso3: 'KEN',
    country: 'Kenya',
    indicator: VICTIMS,
    sex: 'Female',
    age: 'Minor',
    year: 2020,
    value: '30',
  },
  /* 8 */ {
    iso3: 'KEN',
    country: 'Kenya',
    indicator: VICTIMS,
    sex: 'Male',
    age: 'Adult',
    year: 2020,
    value: '36',
  },
  /* 9 */ {
    iso3: 'KEN',
    country: 'Kenya',
    indicator: VICTIMS,
    sex: 'Male',
    age: 'Minor',
    year: 2020,
    value: '<5',
  },
  /* 10 */ { iso3: 'KEN', country: 'Kenya', indicator: VICTIMS, sex: 'Female', year: 2020, value: '80' },
  /* 11 */ { iso3: 'KEN', country: 'Kenya', indicator: VICTIMS, sex: 'Male', year: 2020, value: '40' },
  /* 12 */ {
    iso3: 'KEN',
    country: 'Kenya',
    indicator: VICTIMS,
    dimension: FORM,
    category: 'Sexual exploitation',
    year: 2020,
    value: '60',
  },
  /* 13 */ {
    iso3: 'KEN',
    country: 'Kenya',
    indicator: VICTIMS,
    dimension: FORM,
    category: 'Forced labour',
    year: 2020,
    value: '52',
  },
  /* 14 */ {
    iso3: 'KEN',
    country: 'Kenya',
    indicator: VICTIMS,
    dimension: FORM,
    category: 'Baby selling',
    year: 2020,
    value: '<5',
  },
  /* 15 */ {
    iso3: 'KEN',
    country: 'Kenya',
    indicator: VICTIMS,
    dimension: FORM,
    category: 'Sexual exploitation',
    sex: 'Female',
    year: 2020,
    value: '58',
  },
  /* 16 */ {
    iso3: 'KEN',
    country: 'Kenya',
    indicator: VICTIMS,
    dimension: 'by country of repatriation',
    category: 'Uganda',
    year: 2020,
    value: '12',
  },
  /* 17 */ {
    iso3: 'KEN',
    country: 'Kenya',
    indicator: VICTIMS,
    dimension: 'by citizenship',
    category: 'Kenya',
    year: 2020,
    value: '100',
  },
  /* 18 */ {
    iso3: 'KEN',
    country: 'Kenya',
    indicator: VICTIMS,
    dimension: 'by citizenship',
    category: 'Somalia',
    year: 2020,
    value: '<5',
  },
  /* 19 */ {
    iso3: 'KEN',
    country: 'Kenya',
    indicator: VICTIMS,
    dimension: 'by citizenship',
    category: 'Other countries',
    year: 2020,
    value: '17',
  },
  /* 20 */ {
    iso3: 'KEN',
    country: 'Kenya',
    indicator: VICTIMS,
    dimension: 'by area of detection',
    category: 'Urban',
    year: 2020,
    value: '70',
  },
  /* 21 */ { iso3: 'UGA', country: 'Uganda', indicator: VICTIMS, year: 2020, value: '80' },
  /* 22 */ { iso3: 'UGA', country: 'Uganda', indicator: VICTIMS, sex: 'Female', year: 2020, value: '<5' },
  /* 23 */ { iso3: 'UGA', country: 'Uganda', indicator: VICTIMS, sex: 'Male', year: 2020, value: '77' },
  /* 24 */ {
    iso3: 'UGA',
    country: 'Uganda',
    indicator: VICTIMS,
    dimension: FORM,
    category: 'Sexual exploitation',
    year: 2020,
    value: '40',
  },
  /* 25 */ { iso3: 'UGA', country: 'Uganda', indicator: VICTIMS, year: 2021, value: '<5' },
  /* 26 */ { iso3: 'KEN', country: 'Kenya', indicator: VICTIMS, year: 2021, value: '130' },
  /* 27 */ { iso3: 'THA', country: 'Thailand', indicator: VICTIMS, year: 2020, value: '300' },
  /* 28 */ { iso3: '', country: 'Africa', indicator: VICTIMS, year: 2020, value: '1000' },
  /* 29 */ { iso3: 'KEN', country: 'Kenya', indicator: CONVICTED, year: 2020, value: '15' },
  /* 30 */ { iso3: 'KEN', country: 'Kenya', indicator: CONVICTED, sex: 'Male', year: 2020, value: '12' },
  /* 31 */ null,
  /* 32 */ { iso3: 'XYZ', country: 'Nowhere', indicator: VICTIMS, year: 2020, value: '9' },
  /* 33 */ { iso3: 'KEN', country: 'Kenya', indicator: VICTIMS, year: '20x1', value: '9' },
  /* 34 */ { iso3: 'UGA', country: 'Uganda', indicator: CONVICTED, year: 2020, value: '..' },
  /* 35 */ { iso3: 'UGA', country: 'Uganda', indicator: CONVICTED, year: 2021, value: 'about ten' },
  /* 36 */ { iso3: 'KEN', country: 'Kenya', indicator: VICTIMS, year: 2020, value: '121' },
];
