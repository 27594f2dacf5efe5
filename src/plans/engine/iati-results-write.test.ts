import { describe, expect, it } from 'vitest';
import { readIatiResults } from './iati-results-read.js';
import { iatiResultsDocument, iatiResultXml } from './iati-results-write.js';
import { aMeasure, asImported, inOrder } from './results.fixtures.js';

const options = {
  identifierPrefix: 'XM-EXAMPLE-1-NAP',
  reportingOrganisation: { ref: 'XM-EXAMPLE-1', name: 'Ministry of Justice', type: '10' },
  generatedAt: '2026-02-01T09:00:00Z',
};

describe('IATI results export', () => {
  it('writes one activity per measure, named by the prefix and the measure id, with one output result', () => {
    const xml = iatiResultsDocument([aMeasure(), aMeasure({ id: 'measure-8', indicators: [] })], options);
    expect(xml).toContain('<iati-activities version="2.03" generated-datetime="2026-02-01T09:00:00Z"');
    expect(xml).toContain('<iati-identifier>XM-EXAMPLE-1-NAP-measure-7</iati-identifier>');
    expect(xml).toContain('<iati-identifier>XM-EXAMPLE-1-NAP-measure-8</iati-identifier>');
    expect(xml.match(/<result type="1"/g)).toHaveLength(2);
    expect(xml).toContain(
      '<title><narrative xml:lang="en">Train judges &amp; prosecutors</narrative></title>',
    );
  });

  it('maps units to IATI indicator measures and directions to ascending', () => {
    const xml = iatiResultXml(aMeasure());
    expect(xml).toContain('<indicator measure="1" ascending="1">');
    expect(xml).toContain('<indicator measure="2" ascending="0">');
    // A percentage cannot be summed across activities.
    expect(xml).toContain('aggregation-status="0"');
  });

  it('writes baselines, targets and actuals with sex and age dimensions, comments and evidence', () => {
    const xml = iatiResultXml(aMeasure());
    expect(xml).toContain('<baseline year="2024" iso-date="2024-06-30" value="12"></baseline>');
    expect(xml).toContain(
      '<target value="48.5"><dimension name="sex" value="female"/><dimension name="age" value="adults"/></target>',
    );
    expect(xml).toContain('<period-start iso-date="2025-01-01"/>');
    expect(xml).toContain('url="https://example.org/report?year=2025&amp;part=1"');
    expect(xml).toContain('&quot;no venue&quot; &amp; &lt;no trainers&gt;');
  });

  it('leaves out reports the coordinator has not approved', () => {
    const xml = iatiResultXml(aMeasure());
    expect(xml).not.toContain('report-draft');
    expect(xml).toContain('report="report-total"');
  });

  it('round-trips: the indicators read back equal those written, approved actuals awaiting approval again', async () => {
    const measure = aMeasure();
    const read = await readIatiResults(iatiResultsDocument([measure], options));
    expect(read.problems).toEqual([]);
    expect(read.notes).toEqual([]);
    expect(read.measures).toHaveLength(1);
    const [imported] = read.measures;
    expect(imported?.measureId).toBe('measure-7');
    expect(imported?.title).toBe(measure.title);
    expect(imported?.indicators.map(inOrder)).toEqual(measure.indicators.map(asImported));
  });

  it('round-trips an indicator without baseline, targets or reports', async () => {
    const bare = {
      ...asImported(aMeasure().indicators[0] as never),
      baseline: null,
      targets: [],
      reports: [],
      disaggregatedBy: [],
    };
    const read = await readIatiResults(iatiResultsDocument([aMeasure({ indicators: [bare] })], options));
    expect(read.problems).toEqual([]);
    expect(read.measures[0]?.indicators).toEqual([bare]);
  });

  it('round-trips an indicator asked in totals whose targets still name a group', async () => {
    const indicator = { ...asImported(aMeasure().indicators[1] as never), disaggregatedBy: [] };
    const read = await readIatiResults(iatiResultsDocument([aMeasure({ indicators: [indicator] })], options));
    expect(read.measures[0]?.indicators[0]?.disaggregatedBy).toEqual([]);
  });

  it('round-trips several measures, each by its id, and a plan written in French', async () => {
    const first = aMeasure();
    const second = aMeasure({
      id: 'measure-9',
      title: 'Former les juges',
      indicators: [first.indicators[1] as never],
    });
    const xml = iatiResultsDocument([first, second], { ...options, lang: 'fr' });
    expect(xml).toContain('<narrative xml:lang="fr">Former les juges</narrative>');
    const read = await readIatiResults(xml);
    expect(read.problems).toEqual([]);
    expect(read.notes).toEqual([]);
    expect(read.measures.map((m) => [m.measureId, m.title])).toEqual([
      ['measure-7', first.title],
      ['measure-9', 'Former les juges'],
    ]);
    expect(read.measures[1]?.indicators.map(inOrder)).toEqual(second.indicators.map(asImported));
  });

  it('says where each measure sits, so that a new plan can be drawn up from the file, and reads it back', async () => {
    const xml = iatiResultsDocument([aMeasure()], {
      ...options,
      placementOf: () => ({
        objective: { id: 'objective-1', title: 'Traffickers are convicted', pillar: 'prosecution' },
        owner: { ref: 'XM-EXAMPLE-7', name: 'Judicial Academy' },
      }),
      plan: {
        title: 'National plan',
        scope: 'national',
        countries: ['KEN'],
        period: { start: '2025-01-01', end: '2026-12-31' },
      },
    });
    expect(xml).toContain(
      '<participating-org ref="XM-EXAMPLE-7" role="4"><narrative xml:lang="en">Judicial Academy</narrative></participating-org>',
    );
    const read = await readIatiResults(xml);
    expect(read.measures[0]).toMatchObject({
      objective: { id: 'objective-1', title: 'Traffickers are convicted', pillar: 'prosecution' },
      owner: { ref: 'XM-EXAMPLE-7', name: 'Judicial Academy' },
    });
    expect(read.plan).toEqual({
      title: 'National plan',
      scope: 'national',
      countries: ['KEN'],
      period: { start: '2025-01-01', end: '2026-12-31' },
      coordinator: { ref: 'XM-EXAMPLE-1', name: 'Ministry of Justice' },
    });
  });
});
