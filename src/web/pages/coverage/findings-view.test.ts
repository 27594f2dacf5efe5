// The findings table's logic: groups stay together whatever the sort, pages hold 25, the CSV carries labels
// first and codes after, and explanations name things by their labels.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../api/coverage.js';
import { formatMessage } from '../../i18n/format.js';
import { ENGLISH, type MessageKey } from '../../i18n/messages.js';
import type { Vocabulary } from '../activities/vocabulary.js';
import { explainFinding, type Wording } from './explain-finding.js';
import {
  csvCell,
  filterFindings,
  findingsCsv,
  NO_FILTERS,
  PAGE_SIZE,
  pageOf,
  sortFindings,
} from './findings-view.js';

let counter = 0;
function finding(overrides: Partial<Finding>): Finding {
  counter++;
  return {
    id: `f${String(counter).padStart(3, '0')}`,
    rule: 'need_uncovered',
    kind: 'gap',
    severity: 'medium',
    iso3: 'KEN',
    cell: { pillar: null, activityType: null, targetGroups: [], forms: [], places: [], corridor: null },
    explanation: 'Rule need_uncovered: in English',
    activityIds: [],
    activityCount: 0,
    activities: [],
    organisationIds: [],
    period: { from: '2026-01-01', to: '2026-12-31' },
    need: null,
    ...overrides,
  };
}

const COUNTRY_NAMES: Record<string, string> = { KEN: 'Kenya', UGA: 'Uganda', BRA: 'Brazil' };
const LABELS: Record<string, string> = {
  sexual_exploitation: 'Sexual exploitation',
  women: 'Women',
  shelter: 'Shelter',
  protection: 'Protection',
};
const vocabulary = {
  label: (_list: string, code: string | null | undefined) => (code ? (LABELS[code] ?? code) : ''),
  countryName: (iso3: string | null | undefined) => (iso3 ? (COUNTRY_NAMES[iso3] ?? iso3) : ''),
} as unknown as Vocabulary;
const wording: Wording = {
  t: (key: MessageKey, params = {}) => formatMessage(ENGLISH[key], params, 'en'),
  vocabulary,
  day: (day) => day,
  list: (items) => new Intl.ListFormat('en').format(items),
};
const names = { country: (iso3: string) => COUNTRY_NAMES[iso3] ?? iso3, rule: (rule: string) => rule };
const collator = new Intl.Collator('en');

describe('the findings table', () => {
  it('keeps each country and rule together and puts the most severe group first', () => {
    const list = [
      finding({ iso3: 'UGA', severity: 'low' }),
      finding({ iso3: 'KEN', severity: 'medium' }),
      finding({ iso3: 'UGA', severity: 'high' }),
      finding({ iso3: 'KEN', rule: 'pillar_absent', severity: 'low' }),
    ];
    const sorted = sortFindings(list, 'severity', names, collator);
    expect(sorted.map((f) => `${f.iso3}/${f.rule}/${f.severity}`)).toEqual([
      'UGA/need_uncovered/high',
      'UGA/need_uncovered/low',
      'KEN/need_uncovered/medium',
      'KEN/pillar_absent/low',
    ]);
    expect(sortFindings(list, 'country', names, collator).map((f) => f.iso3)).toEqual([
      'KEN',
      'KEN',
      'UGA',
      'UGA',
    ]);
  });

  it('filters by country, rule, severity and kind', () => {
    const list = [
      finding({ iso3: 'UGA' }),
      finding({ iso3: 'KEN', kind: 'overlap', rule: 'unlinked_overlap' }),
    ];
    expect(filterFindings(list, { ...NO_FILTERS, country: 'UGA' })).toHaveLength(1);
    expect(filterFindings(list, { ...NO_FILTERS, kind: 'overlap' })[0]?.iso3).toBe('KEN');
    expect(filterFindings(list, { ...NO_FILTERS, severity: 'high' })).toEqual([]);
  });

  it('pages 25 findings at a time and keeps the page within range', () => {
    const rows = Array.from({ length: 2 * PAGE_SIZE + 3 }, (_, i) => i);
    expect(pageOf(rows, 3)).toMatchObject({ page: 3, pages: 3, rows: [50, 51, 52] });
    expect(pageOf(rows, 9).page).toBe(3);
    expect(pageOf([], 1)).toMatchObject({ page: 1, pages: 1, rows: [] });
  });

  it('writes labels first and codes after, and defuses spreadsheet formulas', () => {
    const csv = findingsCsv([finding({ iso3: 'BRA' })], {
      headings: ['Country'],
      row: (f) => [names.country(f.iso3)],
    });
    const [header, row] = csv.replace('\uFEFF', '').split('\r\n');
    expect(header?.startsWith('Country,finding_id,rule,kind,severity,iso3')).toBe(true);
    expect(row?.startsWith('Brazil,')).toBe(true);
    expect(row).toContain(',BRA,');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });

  it('explains a finding with country names and labels, never codes', () => {
    const overlap = finding({
      rule: 'unlinked_overlap',
      kind: 'overlap',
      iso3: 'BRA',
      activityIds: ['a', 'b'],
      activityCount: 2,
      activities: [
        {
          id: 'a',
          identifier: 'A',
          title: 'A',
          leadOrganisationId: 'x',
          leadOrganisation: 'Alpha',
          start: null,
          end: null,
        },
        {
          id: 'b',
          identifier: 'B',
          title: 'B',
          leadOrganisationId: 'y',
          leadOrganisation: 'Beta',
          start: null,
          end: null,
        },
      ],
      cell: {
        pillar: 'protection',
        activityType: 'shelter',
        targetGroups: ['women'],
        forms: ['sexual_exploitation'],
        places: [],
        corridor: null,
      },
    });
    const text = explainFinding(wording, overlap);
    expect(text).toContain('Brazil');
    expect(text).toContain('Alpha and Beta');
    expect(text).toContain('Sexual exploitation');
    expect(text).not.toMatch(/BRA\b|sexual_exploitation|unlinked_overlap/);
    const need = finding({
      iso3: 'BRA',
      need: { source: 'the need table', origin: 'table', level: 'high', peopleInNeed: 10 },
      cell: { ...overlap.cell, activityType: null, places: [] },
    });
    expect(explainFinding(wording, need)).toMatch(/^No activity covers the high need in Brazil/);
  });
});
