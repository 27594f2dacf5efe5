// A generated file in the UNODC data file's layout, at a realistic shape: many countries over 19 years,
// sex × age as UNODC writes it ("0 to 17 years"), citizenship and repatriation as free text, UNODC's
// regional aggregates under its own codes, a joint area and a territory without an ISO code. Every
// figure is invented (a fixed pseudo-random sequence), and each row's parts add up to its total.
import type { GlotipRow } from './publisher-files.js';

export const VICTIMS = 'Detected trafficking victims';
export const CONVICTED = 'Persons convicted';
export const FIRST_YEAR = 2003;
export const LAST_YEAR = 2021;
/** In the last year only these countries report: the year a dashboard must mark as sparse. */
export const LAST_YEAR_REPORTERS = ['KEN', 'THA'];

type Place = { iso3: string; country: string; region: string; subregion: string };

/** Countries as UNODC names them, with the M49 region names the file carries. */
export const PLACES: Place[] = [
  { iso3: 'KEN', country: 'Kenya', region: 'Africa', subregion: 'Sub-Saharan Africa' },
  { iso3: 'NGA', country: 'Nigeria', region: 'Africa', subregion: 'Sub-Saharan Africa' },
  { iso3: 'CIV', country: "Côte d'Ivoire", region: 'Africa', subregion: 'Sub-Saharan Africa' },
  { iso3: 'EGY', country: 'Egypt', region: 'Africa', subregion: 'Northern Africa' },
  {
    iso3: 'BOL',
    country: 'Bolivia (Plurinational State of)',
    region: 'Americas',
    subregion: 'Latin America and the Caribbean',
  },
  { iso3: 'BRA', country: 'Brazil', region: 'Americas', subregion: 'Latin America and the Caribbean' },
  { iso3: 'MEX', country: 'Mexico', region: 'Americas', subregion: 'Latin America and the Caribbean' },
  { iso3: 'USA', country: 'United States of America', region: 'Americas', subregion: 'Northern America' },
  { iso3: 'THA', country: 'Thailand', region: 'Asia', subregion: 'South-eastern Asia' },
  { iso3: 'VNM', country: 'Viet Nam', region: 'Asia', subregion: 'South-eastern Asia' },
  { iso3: 'KAZ', country: 'Kazakhstan', region: 'Asia', subregion: 'Central Asia' },
  { iso3: 'TUR', country: 'Türkiye', region: 'Asia', subregion: 'Western Asia' },
  { iso3: 'UKR', country: 'Ukraine', region: 'Europe', subregion: 'Eastern Europe' },
  { iso3: 'MDA', country: 'Republic of Moldova', region: 'Europe', subregion: 'Eastern Europe' },
  {
    iso3: 'GBR',
    country: 'United Kingdom of Great Britain and Northern Ireland',
    region: 'Europe',
    subregion: 'Northern Europe',
  },
  { iso3: 'DEU', country: 'Germany', region: 'Europe', subregion: 'Western Europe' },
  { iso3: 'FJI', country: 'Fiji', region: 'Oceania', subregion: 'Melanesia' },
];

/** Places without an ISO code of their own, written as the publisher writes them. */
export const JOINT_AREA: Place = {
  iso3: '',
  country: 'Aruba/Curacao',
  region: 'Americas',
  subregion: 'Latin America and the Caribbean',
};
export const SARK: Place = { iso3: '', country: 'Sark', region: 'Europe', subregion: 'Northern Europe' };
/** UNODC's regional aggregates: its own codes, no country name, region and sub-region left blank. */
export const REGION_CODES = ['CAR', 'CAS', 'EEU', 'MCA', 'MCN', 'SAF', 'SAM'];

/** Sex and age as UNODC writes them, with the group each one is. */
export const SEX_AGE = [
  { sex: 'Female', age: '18 years or over' },
  { sex: 'Female', age: '0 to 17 years' },
  { sex: 'Male', age: '18 years or over' },
  { sex: 'Male', age: '0 to 17 years' },
] as const;

/** Citizenship as free text: countries (with the publisher's spellings) and groups no code matches. */
const CITIZENSHIPS = ['Nigeria', 'Viet Nam', "Cote d'Ivoire", 'Own country', 'Other countries', 'Unknown'];
const REPATRIATION = ['Nigeria', 'Republic of Moldova', 'Curacao'];
const FORMS = ['Sexual exploitation', 'Forced labour', 'Other forms of exploitation'];

function sequence(seed: number) {
  let state = seed;
  return (max: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return 5 + (state % max);
  };
}

const text = (n: number) => (n < 5 ? '<5' : String(n));

function rowsOfPlace(place: Place, year: number, next: (max: number) => number): GlotipRow[] {
  const base = { iso3: place.iso3, country: place.country, region: place.region, subregion: place.subregion };
  const groups = SEX_AGE.map((g) => ({ ...g, n: next(60) }));
  const unknown = next(10);
  const total = groups.reduce((sum, g) => sum + g.n, 0) + unknown;
  const rows: GlotipRow[] = [
    { ...base, indicator: VICTIMS, year, value: text(total) },
    ...groups.map((g) => ({ ...base, indicator: VICTIMS, sex: g.sex, age: g.age, year, value: text(g.n) })),
    { ...base, indicator: VICTIMS, sex: 'Unknown', age: 'Unknown', year, value: text(unknown) },
    {
      ...base,
      indicator: VICTIMS,
      sex: 'Female',
      year,
      value: text(groups.filter((g) => g.sex === 'Female').reduce((s, g) => s + g.n, 0)),
    },
    {
      ...base,
      indicator: VICTIMS,
      age: '0 to 17 years',
      year,
      value: text(groups.filter((g) => g.age === '0 to 17 years').reduce((s, g) => s + g.n, 0)),
    },
    { ...base, indicator: CONVICTED, year, value: text(next(30)) },
  ];
  const share = (parts: readonly string[], dimension: string) =>
    parts.map((category, i) => ({
      ...base,
      indicator: VICTIMS,
      dimension,
      category,
      year,
      value: text(Math.floor(total / (parts.length + 1)) - i),
    }));
  rows.push(...share(FORMS, 'by form of exploitation'), ...share(CITIZENSHIPS, 'by citizenship'));
  rows.push(...share(REPATRIATION, 'by country of repatriation'));
  return rows;
}

function rowsOfRegion(code: string, year: number, next: (max: number) => number): GlotipRow[] {
  const base = { iso3: code, country: '', region: '', subregion: '' };
  const groups = SEX_AGE.map((g) => ({ ...g, n: next(600) }));
  return [
    { ...base, indicator: VICTIMS, year, value: String(groups.reduce((s, g) => s + g.n, 0)) },
    ...groups.map((g) => ({ ...base, indicator: VICTIMS, sex: g.sex, age: g.age, year, value: String(g.n) })),
  ];
}

/** The whole file: every place and aggregate for each year; in the last year only a few countries. */
export function publisherLayoutRows(): GlotipRow[] {
  const next = sequence(20_240_101);
  const rows: GlotipRow[] = [];
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year += 1) {
    const places = year === LAST_YEAR ? PLACES.filter((p) => LAST_YEAR_REPORTERS.includes(p.iso3)) : PLACES;
    for (const place of places) rows.push(...rowsOfPlace(place, year, next));
    if (year >= LAST_YEAR - 2) {
      rows.push(...rowsOfPlace(JOINT_AREA, year, next), ...rowsOfPlace(SARK, year, next));
      for (const code of REGION_CODES) rows.push(...rowsOfRegion(code, year, next));
    }
  }
  return rows;
}
