// The printable plan report: a test plan with measures, indicators and two reporting periods shows the right
// statuses, links, overdue items and funding gaps, in names a reader knows, safely escaped, in English and Arabic.
import { describe, expect, it } from 'vitest';
import { listPlanMeasures } from '../engine/plan-measures.js';
import { planReportHtml } from './plan-report-html.js';
import { rowWith, sectionOf, tableRows, visibleText } from './testing/read-html.js';
import { ARABIC_NAMES, aReportInput, someActivities } from './testing/report-input.js';

const english = planReportHtml(aReportInput());

describe('the plan report in English', () => {
  it('is a complete document for A4 paper in the language asked for', () => {
    expect(english.startsWith('<!doctype html>\n<html lang="en" dir="ltr">')).toBe(true);
    expect(english).toContain('@page { size: A4;');
    expect(english).toContain('counter(page)');
    expect(english.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('opens with the plan, its scope, countries, period and coordinator', () => {
    const title = visibleText(english.split('</header>')[0]!);
    expect(title).toContain('Regional plan against trafficking in persons 2026–2027');
    expect(title).toContain('Scope Regional plan');
    expect(title).toContain('Countries Nigeria, Ghana');
    expect(title).toMatch(/Period Jan 1, 2026\s?–\s?Dec 31, 2027/);
    expect(title).toContain('Coordinating organisation National Coordination Agency');
    expect(title).toContain('Situation as of Aug 15, 2026');
  });

  it('summarises implementation by pillar and by owner', () => {
    const section = sectionOf(english, 'Implementation');
    expect(rowWith(section, 'Protection and assistance')).toBe('Protection and assistance 2 0 1 1 0 50% 0');
    expect(rowWith(section, 'Prevention')).toBe('Prevention 1 0 1 0 0 0% 1');
    expect(rowWith(section, 'Partnership')).toBe('Partnership 0 0 0 0 0 — 0');
    expect(rowWith(section, 'Ministry of the Interior')).toBe('Ministry of the Interior 2 1 1 0 0 0% 0');
    expect(visibleText(section)).toContain('Indicators: 4 — On track 1 At risk 1 Off track 1 No data 1');
  });

  it('draws the measures of each pillar and each indicator’s progress as SVG bars', () => {
    expect(english).toContain('aria-label="Protection and assistance — Completed: 1 — In progress: 1"');
    expect(english).toContain(
      'aria-label="People reached by awareness sessions: \u206845%\u2069 of the way to the target"',
    );
    expect(english.match(/<svg class="bar"/g)).toHaveLength(8);
  });

  it('shows each indicator against its target with the status computed from the latest approved actual', () => {
    const section = sectionOf(english, 'Indicators against targets');
    expect(rowWith(section, 'People reached')).toMatch(
      /All people 0 Jan 1, 2026 10,000 .* 4,500 .* On track$/,
    );
    expect(rowWith(section, 'Job offers checked')).toMatch(/All people — 300 .* — No data$/);
    expect(rowWith(section, 'Trafficking cases pending trial')).toMatch(
      /120 .* 60 .* 115 Jan 1\s?–\s?Mar 31, 2026 At risk$/,
    );
    const trained = rowWith(section, 'Front-line officers trained');
    expect(trained).toMatch(
      /All people 0 .* 400 .* 80 Apr 1\s?–\s?Jun 30, 2026 Off track The approved report said: On track$/,
    );
    const rows = tableRows(section);
    const women = rows[rows.indexOf(trained) + 1];
    expect(women).toMatch(/^Female 0 .* 200 .* 30 .* Off track/);
  });

  it('lists the overdue measure and the overdue progress report, with the days they are late', () => {
    const section = sectionOf(english, 'Overdue items');
    expect(rowWith(section, 'Run awareness campaigns')).toBe(
      'Run awareness campaigns in border districts Prevention Safe Migration Network Jun 30, 2026 46',
    );
    expect(rowWith(section, 'Trafficking cases pending trial')).toMatch(
      /Set up a specialised prosecution unit Ministry of the Interior Apr 1\s?–\s?Jun 30, 2026 All people Jul 30, 2026 16$/,
    );
    expect(tableRows(section)).toHaveLength(4);
  });

  it('lists the measures with no activity behind them and the activity that serves no measure', () => {
    const section = sectionOf(english, 'Measures and activities');
    const rows = tableRows(section).slice(1);
    expect(rows).toEqual([
      'Train border officers to identify victims Protection and assistance Ministry of the Interior It names no activity',
      'Set up a specialised prosecution unit Prosecution Ministry of the Interior It names no activity',
      'Activity Organisation Pillar Country Period',
      expect.stringMatching(
        /^National anti-trafficking hotline Helpline Foundation Protection and assistance Nigeria Jan 1\s?–\s?Dec 31, 2026$/,
      ),
    ]);
    expect(english).not.toContain('Legal aid clinic');
  });

  it('shows funding per measure and the funding gap per pillar and per country', () => {
    const section = sectionOf(english, 'Funding');
    expect(rowWith(section, 'Run awareness campaigns')).toBe(
      'Run awareness campaigns in border districts €100,000.00 €60,000.00 €25,000.00 Northern Donors Fund: €60,000.00',
    );
    expect(rowWith(section, 'Set up a specialised prosecution unit No budget')).toBe(
      'Set up a specialised prosecution unit No budget — — No funding recorded',
    );
    expect(rowWith(section, 'Prevention')).toBe('Prevention €100,000.00 €60,000.00 €25,000.00 €40,000.00');
    expect(rowWith(section, 'Protection and assistance')).toBe(
      'Protection and assistance €40,000.00 $50,000.00 €45,000.00 $20,000.00 €40,000.00 $5,000.00 €0.00 $30,000.00 ' +
        'Committed beyond the budget: €5,000.00 (Open a shelter for women survivors)',
    );
    expect(rowWith(section, 'Prosecution')).toBe(
      'Prosecution — — — — Without a budget, so their gap is unknown: Set up a specialised prosecution unit',
    );
    expect(rowWith(section, 'Ghana')).toMatch(
      /^Ghana €40,000.00 €45,000.00 €40,000.00 €0.00 Committed beyond/,
    );
    expect(rowWith(section, 'Nigeria')).toMatch(
      /^Nigeria €100,000.00 €60,000.00 €25,000.00 €40,000.00 Without a budget/,
    );
    expect(rowWith(section, 'Measures in several countries')).toBe(
      'Measures in several countries $50,000.00 $20,000.00 $5,000.00 $30,000.00',
    );
  });

  it('starts each section after the first on a new page', () => {
    expect(english).toContain('.report-section + .report-section { break-before: page; }');
    expect(english.match(/<section class="report-section">/g)).toHaveLength(5);
  });
});

describe('names, never ids or codes', () => {
  it('shows no id of the plan, its parts, its organisations, activities or countries', () => {
    const input = aReportInput();
    const ids = [
      input.plan.id,
      input.plan.coordinatorOrganisationId,
      ...input.plan.objectives.map((objective) => objective.id),
      ...listPlanMeasures(input.plan).flatMap(({ measure }) => [
        measure.id,
        measure.ownerOrganisationId,
        ...measure.funding.map((funding) => funding.funderOrganisationId),
        ...measure.indicators.flatMap((indicator) => [
          indicator.id,
          ...indicator.reports.map((report) => report.id),
        ]),
      ]),
      ...someActivities().flatMap((activity) => [activity.id, activity.organisationId, activity.country]),
    ];
    for (const id of new Set(ids)) expect(english, id).not.toContain(id);
  });

  it('shows no status, pillar, scope or sex code in the text a reader sees', () => {
    const text = visibleText(english);
    for (const code of [
      'on_track',
      'off_track',
      'no_data',
      'in_progress',
      'prevention',
      'protection',
      'regional',
      'female',
    ]) {
      expect(text, code).not.toContain(code);
    }
  });

  it('says an organisation or country has no name rather than printing its id', () => {
    const input = aReportInput({ names: { organisations: {}, countries: {} } });
    const text = visibleText(planReportHtml(input));
    expect(text).toContain('Coordinating organisation Organisation without a name');
    expect(text).toContain('Countries Country without a name, Country without a name');
    expect(text).not.toContain('org-interior');
  });
});

describe('hostile text', () => {
  const hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>';
  const input = aReportInput({
    names: {
      organisations: { 'org-interior': `Ministry ${hostile}` },
      countries: { NGA: `Nigeria ${hostile}` },
    },
  });
  input.plan.title = `Plan ${hostile}`;
  const measure = listPlanMeasures(input.plan)[0]!.measure;
  measure.title = `Measure ${hostile}`;
  measure.indicators[0]!.name = `Indicator ${hostile}`;
  measure.indicators[0]!.unit = `"><svg onload=alert(1)>`;
  const report = planReportHtml(input);

  it('is escaped wherever it appears, so no script or element can be injected', () => {
    expect(report).not.toMatch(/<script|<img|<svg onload/i);
    expect(report).toContain('Plan &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(visibleText(report)).toContain(`Measure ${hostile}`);
    expect(visibleText(report)).toContain(`Ministry ${hostile}`);
  });

  it('references nothing outside the document and forbids scripts and fetches', () => {
    for (const html of [english, report]) {
      // Attribute values are dropped first: escaped hostile text inside an aria-label is only text.
      expect(html.replace(/"[^"]*"/g, '""')).not.toMatch(/<[^>]+\s(src|href)=/i);
      expect(html).not.toMatch(/url\(|@import/i);
    }
    expect(english).toContain(
      `content="default-src &apos;none&apos;; style-src &apos;unsafe-inline&apos;; img-src data:"`,
    );
  });
});

describe('the plan report in Arabic', () => {
  const arabic = planReportHtml(aReportInput({ lang: 'ar', names: ARABIC_NAMES }));
  const text = visibleText(arabic);

  it('is written right to left, in Arabic', () => {
    expect(arabic.startsWith('<!doctype html>\n<html lang="ar" dir="rtl">')).toBe(true);
    for (const label of [
      'خطة العمل — تقرير التنفيذ',
      'المؤشرات مقارنة بالأهداف',
      'فجوة التمويل حسب الركيزة',
    ]) {
      expect(text).toContain(label);
    }
  });

  it('names pillars, statuses, organisations and countries in Arabic', () => {
    for (const name of [
      'الحماية والمساعدة',
      'خارج المسار',
      'معرّض للخطر',
      'وزارة الداخلية',
      'نيجيريا، غانا'.split('،')[0]!,
    ]) {
      expect(text).toContain(name);
    }
    for (const english of [
      'Funding gap',
      'On track',
      'Protection and assistance',
      'Ministry of the Interior',
      'Nigeria',
    ]) {
      expect(text).not.toContain(english);
    }
  });

  it('mirrors the bars so they grow from the right', () => {
    // The prevention bar holds one measure in progress out of at most two: its segment is the right half.
    expect(arabic).toMatch(/<rect x="200" y="0" width="200" height="18" class="measure-in-progress"\/>/);
    expect(english).toMatch(/<rect x="0" y="0" width="200" height="18" class="measure-in-progress"\/>/);
  });

  it('keeps a Latin currency symbol whole inside right-to-left text', () => {
    expect(arabic).toContain('\u2066US$\u2069');
  });
});
