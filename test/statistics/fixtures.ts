// The expected outcome of importing GLOTIP_FIXTURE, and SDG and mapped-CSV files (invented figures).
import type { ImportReport } from '../../src/statistics/schemas.js';

export const GLOTIP_REPORT_BODY: Omit<
  ImportReport,
  'release' | 'file' | 'isDryRun' | 'replaced' | 'blankRows'
> = {
  source: 'glotip',
  preambleRows: 3,
  headerRow: 4,
  rowsRead: 31,
  imported: 26,
  rejected: 4,
  indicators: [
    {
      indicator: 'Detected trafficking victims',
      units: ['Counts'],
      observations: 24,
      censored: 5,
      countries: 3,
      areas: 1,
      fromYear: 2020,
      toYear: 2021,
    },
    {
      indicator: 'Persons convicted',
      units: ['Counts'],
      observations: 2,
      censored: 0,
      countries: 1,
      areas: 0,
      fromYear: 2020,
      toYear: 2020,
    },
  ],
  dimensions: [
    { name: 'sex', kind: 'sex', observations: 10, categories: 2, unmapped: [] },
    { name: 'age', kind: 'age', observations: 4, categories: 2, unmapped: [] },
    {
      name: 'by area of detection',
      kind: 'other',
      observations: 1,
      categories: 1,
      unmapped: [{ category: 'Urban', observations: 1 }],
    },
    {
      name: 'by citizenship',
      kind: 'citizenship',
      observations: 3,
      categories: 3,
      unmapped: [{ category: 'Other countries', observations: 1 }],
    },
    {
      name: 'by country of repatriation',
      kind: 'country_of_repatriation',
      observations: 1,
      categories: 1,
      unmapped: [],
    },
    {
      name: 'by form of exploitation',
      kind: 'form_of_exploitation',
      observations: 5,
      categories: 3,
      unmapped: [{ category: 'Baby selling', observations: 1 }],
    },
  ],
  publisherAreas: [],
  rejections: [
    { row: 32, column: 'Iso3_code', value: 'XYZ', reason: 'unknown country code "XYZ" (Nowhere)' },
    {
      row: 33,
      column: 'Year',
      value: '20x1',
      reason: 'the year is not a four-digit year between 1900 and 2100',
    },
    { row: 34, column: 'txtVALUE', value: '..', reason: 'no value published ("..")' },
    {
      row: 35,
      column: 'txtVALUE',
      value: 'about ten',
      reason: '"about ten" is neither a number nor a censored value such as "<5"',
    },
  ],
  // Row 36 repeats row 5's cell with another figure: kept as published, apart, and not counted.
  repeatedRows: {
    total: 1,
    identical: 0,
    differing: 1,
    listed: [{ row: 36, firstRow: 5, isIdentical: false }],
  },
  rejectionsNotListed: 0,
};

const SDG_HEADER =
  'Goal,Target,Indicator,SeriesCode,SeriesDescription,GeoAreaCode,GeoAreaName,TimePeriod,Value,Time_Detail,TimeCoverage,UpperBound,LowerBound,BasePeriod,Source,GeoInfoUrl,FootNote,[Age],[Nature],[Reporting Type],[Sex],[Units]';

type SdgRecord = {
  series: string;
  description: string;
  code: string;
  name: string;
  year: number;
  value: string;
  age: string;
  sex: string;
};

export const SDG_RECORDS: SdgRecord[] = [
  {
    series: 'VC_HTF_DETV',
    description: 'Detected victims of human trafficking, by age and sex (number)',
    code: '404',
    name: 'Kenya',
    year: 2019,
    value: '150',
    age: 'ALLAGE',
    sex: 'BOTHSEX',
  },
  {
    series: 'VC_HTF_DETV',
    description: 'Detected victims of human trafficking, by age and sex (number)',
    code: '404',
    name: 'Kenya',
    year: 2019,
    value: '90',
    age: 'ALLAGE',
    sex: 'FEMALE',
  },
  {
    series: 'VC_HTF_DETV',
    description: 'Detected victims of human trafficking, by age and sex (number)',
    code: '404',
    name: 'Kenya',
    year: 2019,
    value: '35',
    age: '<18Y',
    sex: 'BOTHSEX',
  },
  {
    series: 'VC_HTF_DETVSX',
    description: 'Detected victims of human trafficking for sexual exploitation, by age and sex (number)',
    code: '404',
    name: 'Kenya',
    year: 2019,
    value: '70',
    age: 'ALLAGE',
    sex: 'BOTHSEX',
  },
  {
    series: 'VC_HTF_DETVFL',
    description:
      'Detected victims of human trafficking for forced labour, servitude and slavery, by age and sex (number)',
    code: '404',
    name: 'Kenya',
    year: 2019,
    value: '<5',
    age: 'ALLAGE',
    sex: 'BOTHSEX',
  },
  {
    series: 'VC_HTF_DETV',
    description: 'Detected victims of human trafficking, by age and sex (number)',
    code: '1',
    name: 'World',
    year: 2019,
    value: '50000',
    age: 'ALLAGE',
    sex: 'BOTHSEX',
  },
  {
    series: 'VC_HTF_DETV',
    description: 'Detected victims of human trafficking, by age and sex (number)',
    code: '513',
    name: 'Europe and Northern America',
    year: 2019,
    value: '9000',
    age: 'ALLAGE',
    sex: 'BOTHSEX',
  },
  {
    series: 'VC_HTF_DETVNEW',
    description: 'A series this importer has never seen (number)',
    code: '800',
    name: 'Uganda',
    year: 2019,
    value: '7',
    age: 'ALLAGE',
    sex: 'BOTHSEX',
  },
];

export function sdgCsv(): string {
  const quote = (cell: string) => (/[",]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  const lines = SDG_RECORDS.map((r) =>
    [
      '16',
      '16.2',
      '16.2.2',
      r.series,
      r.description,
      r.code,
      r.name,
      String(r.year),
      r.value,
      '',
      '',
      '',
      '',
      '',
      'UNODC GLOTIP',
      '',
      '',
      r.age,
      'C',
      'G',
      r.sex,
      'NUMBER',
    ]
      .map(quote)
      .join(','),
  );
  return `${[SDG_HEADER, ...lines].join('\n')}\n`;
}

export function sdgJson(): string {
  return JSON.stringify({
    size: SDG_RECORDS.length,
    data: SDG_RECORDS.map((r) => ({
      goal: ['16'],
      target: ['16.2'],
      indicator: ['16.2.2'],
      series: r.series,
      seriesDescription: r.description,
      geoAreaCode: r.code,
      geoAreaName: r.name,
      timePeriodStart: r.year,
      value: r.value,
      source: 'UNODC GLOTIP',
      footnotes: [],
      attributes: { Nature: 'C', Units: 'NUMBER' },
      dimensions: { Age: r.age, Sex: r.sex, 'Reporting Type': 'G' },
    })),
  });
}

export const MAPPED_CSV = [
  'country_name;yr;victims;sex;form;nationality',
  'Kenya;2022;10;F;Sexual exploitation;',
  'Kenya;2022;4;M;;Uganda',
  'Kenya;2022;2;Total;Forced labour;Uganda',
  'Atlantis;2022;1;F;;',
].join('\n');

export const MAPPING = {
  source: 'ministry-kenya',
  publisher: 'A ministry (test fixture)',
  delimiter: ';',
  areaCodes: 'name',
  columns: { area: 'country_name', year: 'yr', value: 'victims', sex: 'sex' },
  dimensions: { 'Form of exploitation': 'form', Citizenship: 'nationality' },
  constants: { indicator: 'Victims identified', unit: 'Persons' },
};
