// The printable country page: hostile text stays text, Arabic reads right to left, and no id or code shows.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { COUNTRY_REPORT_STYLE_HASH, countryReportHtml } from './country-report-html.js';
import { LABEL_LANGUAGES } from './labels.js';
import type { CountryReport } from './schemas.js';

const ids = {
  lead: '0b7e4c1e-1111-4a4a-8b8b-000000000001',
  partner: '0b7e4c1e-1111-4a4a-8b8b-000000000002',
  activity: '0b7e4c1e-1111-4a4a-8b8b-000000000003',
  unpublished: '0b7e4c1e-1111-4a4a-8b8b-000000000004',
  release: '0b7e4c1e-1111-4a4a-8b8b-000000000005',
};
const HOSTILE = '<script>alert("x")</script>';

function report(overrides: Partial<CountryReport> = {}): CountryReport {
  return {
    iso3: 'KEN',
    lang: 'en',
    today: '2026-03-05',
    country: { name: 'Kenya', region: 'Africa', subregion: 'Sub-Saharan Africa' },
    partners: {
      total: 14,
      shown: [
        {
          id: ids.lead,
          name: `Invented Shelter ${HOSTILE}`,
          acronym: 'ISN',
          actorType: 'ngo',
          leads: 2,
          takesPart: 1,
          declaresCountry: true,
        },
        {
          id: ids.partner,
          name: 'Invented Institute',
          acronym: null,
          actorType: 'academia',
          leads: 0,
          takesPart: 0,
          declaresCountry: true,
        },
      ],
    },
    activities: {
      total: 5,
      byPillar: [
        {
          pillar: 'protection',
          total: 4,
          shown: [
            {
              id: ids.activity,
              title: 'Shelter "><img src=x onerror=alert(1)>',
              activityType: 'shelter',
              status: 'implementation',
              start: '2025-01-01',
              end: null,
              leadOrganisation: { id: ids.lead, name: `Invented Shelter ${HOSTILE}` },
              isPublished: true,
            },
            {
              id: ids.unpublished,
              title: 'Draft counselling plan',
              activityType: 'counselling',
              status: 'pipeline',
              start: null,
              end: null,
              leadOrganisation: { id: ids.lead, name: 'Invented Shelter' },
              isPublished: false,
            },
          ],
        },
        { pillar: 'prevention', total: 1, shown: [] },
      ],
    },
    findings: {
      gaps: {
        total: 1,
        shown: [
          {
            id: 'protection_without_prosecution:KEN',
            rule: 'protection_without_prosecution',
            kind: 'gap',
            severity: 'high',
            iso3: 'KEN',
            cell: {
              pillar: 'prosecution',
              activityType: null,
              targetGroups: ['girls'],
              forms: ['sexual_exploitation'],
              places: ['Mombasa & <coast>'],
              corridor: { origin: 'UGA', destination: 'KEN' },
            },
            explanation: 'English explanation, not shown',
            activityIds: [ids.activity],
            activityCount: 1,
            activities: [
              {
                id: ids.activity,
                identifier: 'XM-INVENTED-1',
                title: 'Shelter',
                leadOrganisationId: ids.lead,
                leadOrganisation: 'Invented Shelter',
                start: null,
                end: null,
              },
            ],
            organisationIds: [ids.lead],
            period: { from: null, to: null },
            need: null,
          },
        ],
      },
      overlaps: { total: 0, shown: [] },
    },
    statistics: [
      {
        measure: 'detected_victims',
        indicator: 'Detected trafficking victims',
        unit: 'Counts',
        year: 2022,
        release: {
          id: ids.release,
          label: 'Invented release <2026>',
          publisher: 'Invented Office',
          publishedOn: null,
          isSynthetic: true,
        },
        total: { lower: 40, upper: 40, text: '40', isCensored: false },
        cells: [
          cell('Female', 'Adult', 'female', 'adults', 20),
          cell('Female', 'Minor', 'female', 'children', 12),
          cell('Male', 'Adult', 'male', 'adults', 8),
          { ...cell('Male', 'Minor', 'male', 'children', 0), value: censored() },
          cell('Female', 'Total', 'female', null, 32),
          cell('Male', 'Total', 'male', null, 8),
        ],
      },
    ],
    plans: [
      {
        title: `National plan ${HOSTILE}`,
        measures: { total: 10, completed: 4, overdue: 2 },
        indicators: { onTrack: 3, atRisk: 1, offTrack: 1, noData: 2 },
      },
    ],
    ...overrides,
  };
}

function cell(sex: string, age: string, sexCode: string | null, ageCode: string | null, count: number) {
  return {
    sex,
    age,
    sexCode,
    ageCode,
    value: { lower: count, upper: count, text: String(count), isCensored: false },
  };
}

function censored() {
  return { lower: 0, upper: 4, text: '<5', isCensored: true };
}

/** Where the first chart puts its first label and bar. */
function firstBar(html: string) {
  const found = html.match(
    /<svg[^>]*><text x="([\d.]+)"[^>]*>[^<]*<\/text><rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/,
  );
  const [labelX, barStart, width] = [found?.[1], found?.[2], found?.[3]].map(Number) as [
    number,
    number,
    number,
  ];
  return { labelX, barStart, barEnd: barStart + width };
}

/** The visible text of the page, without tags, for what a reader sees. */
function textOf(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

describe('the country report page', () => {
  it('escapes hostile names, titles and places so they stay text', () => {
    const html = countryReportHtml([report()]);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<coast>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('Mombasa &amp; &lt;coast&gt;');
    expect(html).toContain('Invented release &lt;2026&gt;');
  });

  it('loads nothing and runs nothing: no script, link, image source or address', () => {
    const html = countryReportHtml([report()]);
    const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
    expect(tags.length).toBeGreaterThan(50);
    for (const tag of tags)
      expect(tag).not.toMatch(/^<(script|link|iframe|object|embed|img|image)\b|\s(src|href|on\w+)=/i);
    expect(html).not.toMatch(/url\(|@import|https?:/i);
  });

  it('shows names and labels, never ids or codes', () => {
    const html = countryReportHtml([report()]);
    for (const id of Object.values(ids)) expect(html).not.toContain(id);
    const text = textOf(html);
    for (const code of ['KEN', 'UGA', 'XM-INVENTED-1', 'sexual_exploitation', 'implementation', 'academia'])
      expect(text).not.toContain(code);
    expect(text).toContain('Uganda');
    expect(text).toContain('Sexual exploitation');
    expect(text).toContain('Academia');
    expect(text).toContain('Girls');
    expect(text).not.toContain('English explanation');
  });

  it('marks an unpublished activity and shows censored figures as published', () => {
    const text = textOf(countryReportHtml([report()]));
    expect(text).toContain('Draft counselling plan Not published');
    expect(text).toContain('<5');
    expect(text).toContain('Synthetic demo data');
    expect(text).toContain('Not listed here: 2');
    expect(text).toContain('Not listed here: 12');
  });

  it('reads right to left in Arabic, with Arabic labels and the bars drawn from the right', () => {
    const html = countryReportHtml([
      report({ lang: 'ar', country: { name: 'كينيا', region: null, subregion: null } }),
    ]);
    expect(html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(html).toContain('تقييم قطري');
    expect(html).toContain('الحماية');
    expect(html).toContain('direction="rtl"');
    const { labelX, barStart, barEnd } = firstBar(html);
    expect(labelX).toBeGreaterThan(barEnd);
    expect(barStart).toBeGreaterThan(0);
    expect(textOf(html)).not.toContain('Not published');
    // Names in another script keep their own direction and punctuation inside the Arabic sentences.
    expect(html).toContain('<bdi>Invented Institute</bdi>');
    expect(html).toContain('بقيادة <bdi>Invented Shelter</bdi>');
    expect(html).toContain('<bdi>Invented release &lt;2026&gt;</bdi>');
  });

  it('reads left to right in the other languages, bars from the left', () => {
    for (const lang of ['en', 'fr', 'es', 'ru', 'zh'] as const) {
      const html = countryReportHtml([report({ lang })]);
      expect(html).toContain(`<html lang="${lang}" dir="ltr">`);
      const { labelX, barStart } = firstBar(html);
      expect(labelX, lang).toBeLessThan(barStart);
    }
  });

  it('says so in a sentence where a section has nothing', () => {
    const empty = report({
      partners: { total: 0, shown: [] },
      activities: { total: 0, byPillar: [] },
      findings: { gaps: { total: 0, shown: [] }, overlaps: { total: 0, shown: [] } },
      statistics: [],
      plans: [],
    });
    const text = textOf(countryReportHtml([empty]));
    expect(text).toContain('No activity is recorded in this country');
    expect(text).toContain('No partner organisation is recorded');
    expect(text).toContain('finds no gap and no overlap');
    expect(text).toContain('No official figure');
    expect(text).toContain('No plan of action');
  });

  it('puts each country on a page of its own', () => {
    const html = countryReportHtml([
      report(),
      report({ country: { name: 'Uganda', region: null, subregion: null } }),
    ]);
    expect(html.match(/<article class="page"/g)).toHaveLength(2);
    expect(html).toContain('@page{size:A4');
  });

  it('names its one style block by the hash the page is served with', () => {
    const html = countryReportHtml([report()]);
    const style = html.match(/<style>([\s\S]*?)<\/style>/)?.[1] ?? '';
    expect(`sha256-${createHash('sha256').update(style).digest('base64')}`).toBe(COUNTRY_REPORT_STYLE_HASH);
  });
});

describe('the country report labels', () => {
  const english = LABEL_LANGUAGES.en;
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it('has every label in each of the six languages, with the same placeholders', () => {
    for (const [lang, labels] of Object.entries(LABEL_LANGUAGES)) {
      expect(Object.keys(labels).sort(), lang).toEqual(Object.keys(english).sort());
      for (const [key, text] of Object.entries(labels)) {
        expect(text.trim(), `${lang} ${key}`).not.toBe('');
        expect(placeholders(text), `${lang} ${key}`).toEqual(
          placeholders(english[key as keyof typeof english]),
        );
      }
    }
    expect(Object.keys(LABEL_LANGUAGES).sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
  });

  it('translates rather than copies the English, apart from words shared across languages', () => {
    const shared = new Set(['period', 'openDate', 'stats.inYear', 'stats.cell']);
    for (const lang of ['ar', 'zh', 'ru'] as const) {
      for (const [key, text] of Object.entries(LABEL_LANGUAGES[lang]))
        if (!shared.has(key)) expect(text, `${lang} ${key}`).not.toBe(english[key as keyof typeof english]);
    }
  });
});
