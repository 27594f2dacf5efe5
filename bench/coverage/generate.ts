// Generated activities for the benchmark: a deterministic pseudo-random 4W register as CSV lines.
import { codesOf } from '../../src/reference/vocabulary.js';

/** Mulberry32: a small seeded generator, so that every run measures the same data. */
function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const COUNTRIES = [
  'KEN',
  'UGA',
  'TZA',
  'ETH',
  'NGA',
  'GHA',
  'SEN',
  'MLI',
  'NER',
  'EGY',
  'MAR',
  'TUN',
  'LBY',
  'SDN',
  'SSD',
  'SOM',
  'NPL',
  'BGD',
  'IND',
  'PAK',
  'AFG',
  'MMR',
  'THA',
  'KHM',
  'VNM',
  'PHL',
  'IDN',
  'MYS',
  'CHN',
  'MNG',
  'UKR',
  'MDA',
  'ROU',
  'BGR',
  'ALB',
  'GBR',
  'DEU',
  'ITA',
  'ESP',
  'FRA',
];
export const DESTINATIONS = ['SAU', 'ARE', 'QAT', 'KWT', 'DEU', 'ITA', 'GBR', 'THA', 'MYS', 'USA'];

/**
 * Realistic shares: most work is for women, girls, children and migrants, and most detected trafficking is for
 * sexual exploitation or forced labour (UNODC Global Report on Trafficking in Persons 2022, figs. 1 and 11).
 */
export const GROUP_WEIGHTS: Record<string, number> = {
  women: 20,
  girls: 15,
  children: 12,
  migrants: 12,
  general_public: 10,
  men: 6,
  boys: 5,
  domestic_workers: 4,
  refugees_idps: 4,
  police: 3,
  prosecutors_judges: 2,
  labour_inspectors: 2,
  border_officials: 2,
};
export const FORM_WEIGHTS: Record<string, number> = {
  sexual_exploitation: 35,
  forced_labour: 35,
  domestic_servitude: 8,
  forced_criminality: 5,
  forced_begging: 4,
  forced_marriage: 4,
  mixed: 4,
  other: 2,
};

export function weighted(codes: readonly string[], weights: Record<string, number>, uniform: boolean) {
  const table = codes.flatMap((code) =>
    Array.from({ length: uniform ? 1 : (weights[code] ?? 1) }, () => code),
  );
  return table;
}

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** `uniform` spreads groups and forms evenly: the worst case for the matrix (most distinct cells). */
export function* generateRows(
  count: number,
  organisationNames: readonly string[],
  columns: readonly string[],
  uniform = false,
) {
  const next = seeded(20260101);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  const types = codesOf('activity_type');
  const groups = weighted(codesOf('target_group'), GROUP_WEIGHTS, uniform);
  const forms = weighted(codesOf('form_of_exploitation'), FORM_WEIGHTS, uniform);
  yield `${columns.join(',')}\n`;
  for (let i = 0; i < count; i++) {
    const origin = pick(COUNTRIES);
    const isCorridor = next() < 0.2;
    const start = new Date(Date.UTC(2025, Math.floor(next() * 24), 1 + Math.floor(next() * 27)));
    const end = new Date(start.getTime() + (60 + Math.floor(next() * 600)) * 86_400_000);
    const lead = pick(organisationNames);
    const values: Record<string, string> = {
      identifier: `BENCH-${String(i).padStart(6, '0')}`,
      title: `Generated activity ${i}`,
      lead_organisation: lead,
      implementing_organisations: next() < 0.3 ? pick(organisationNames) : '',
      activity_type: pick(types),
      forms_of_exploitation:
        next() < 0.15 ? '' : [...new Set([pick(forms), ...(next() < 0.3 ? [pick(forms)] : [])])].join('; '),
      target_groups:
        next() < 0.1 ? '' : [...new Set([pick(groups), ...(next() < 0.3 ? [pick(groups)] : [])])].join('; '),
      chain_stage: isCorridor ? pick(['supply', 'demand']) : '',
      origin_countries: origin,
      destination_countries: isCorridor ? pick(DESTINATIONS) : '',
      places: next() < 0.3 ? `${origin}:${pick(['Capital', 'North', 'South', 'Coast'])}` : '',
      planned_start: start.toISOString().slice(0, 10),
      planned_end: end.toISOString().slice(0, 10),
      status: pick(['implementation', 'implementation', 'finalisation', 'pipeline', 'closed']),
      budget: next() < 0.6 ? String(Math.floor(next() * 500_000)) : '',
      reached_female_adults: String(Math.floor(next() * 300)),
      reached_male_children: String(Math.floor(next() * 100)),
      published: 'yes',
    };
    if (values.budget) values.currency = next() < 0.9 ? 'USD' : 'EUR';
    if (values.destination_countries === origin) values.destination_countries = '';
    yield `${columns.map((c) => csvCell(values[c] ?? '')).join(',')}\n`;
  }
}
