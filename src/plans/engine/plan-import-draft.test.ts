import { describe, expect, it } from 'vitest';
import { readIatiResults } from './iati-results-read.js';
import { draftPlanOf, titleOfFile } from './plan-import-draft.js';
import { readResultsCsv } from './results-csv.js';

const HEADER = 'objective,pillar,owner,owner_ref,measure,indicator,period_start,period_end,target,actual';

describe('a new plan drawn from a results file', () => {
  it('groups a table’s measures under the objectives it names, keeping a known pillar and the owner', async () => {
    const csv = [
      HEADER,
      'Victims are protected,protection,Shelter Network,XM-1,Open shelters,Places,2025-01-01,2025-06-30,10,8',
      'Victims are protected,protection,Shelter Network,XM-1,Train staff,Staff trained,2025-07-01,2025-12-31,5,',
      'Laws are enforced,enforcement,,,Draft the law,,,,,',
    ].join('\n');
    const draft = draftPlanOf(await readResultsCsv(csv), 'national-results_2025.csv');
    expect(draft.title).toBe('national results 2025');
    expect(draft.period).toEqual({ start: '2025-01-01', end: '2025-12-31' });
    expect(draft.objectives.map((o) => [o.title, o.pillar, o.measures.map((m) => m.title)])).toEqual([
      ['Victims are protected', 'protection', ['Open shelters', 'Train staff']],
      // A pillar not in the list is left for a person to choose.
      ['Laws are enforced', null, ['Draft the law']],
    ]);
    expect(draft.objectives[0]?.measures[0]?.owner).toEqual({ ref: 'XM-1', name: 'Shelter Network' });
    expect(draft.objectives[1]?.measures[0]).toMatchObject({ source: 'row 4', indicators: [] });
  });

  it('makes each result of another publisher an objective, its activity the measure, its implementer the owner', async () => {
    const xml = `<iati-activities version="2.03"><iati-activity>
      <iati-identifier>XM-2-A</iati-identifier>
      <reporting-org ref="XM-2"><narrative>Publisher</narrative></reporting-org>
      <title><narrative>Border programme</narrative></title>
      <participating-org role="1" ref="XM-9"><narrative>Funder</narrative></participating-org>
      <participating-org role="4"><narrative>Border Police</narrative></participating-org>
      <activity-status code="4"/><activity-date type="3" iso-date="2025-12-31"/>
      <recipient-country code="UG"/>
      <result type="2"><title><narrative>Fewer people are trafficked across the border</narrative></title></result>
      <result type="1"><title><narrative>Officers are trained</narrative></title></result>
    </iati-activity></iati-activities>`;
    const draft = draftPlanOf(await readIatiResults(xml), 'border.xml');
    expect(draft.countries).toEqual(['UG']);
    expect(draft.coordinator).toEqual({ ref: 'XM-2', name: 'Publisher' });
    expect(draft.period).toBeNull();
    expect(draft.objectives.map((o) => [o.title, o.source, o.measures[0]?.title])).toEqual([
      ['Fewer people are trafficked across the border', 'iati-activity[1]/result[1]', 'Border programme'],
      ['Officers are trained', 'iati-activity[1]/result[2]', 'Border programme'],
    ]);
    expect(draft.objectives[0]?.measures[0]).toMatchObject({
      owner: { ref: null, name: 'Border Police' },
      status: 'completed',
      deadline: '2025-12-31',
    });
  });

  it('titles a plan after its file when nothing else names it', () => {
    expect(titleOfFile('/tmp/plan-results-ab12.xlsx')).toBe('plan results ab12');
    expect(titleOfFile('.csv')).toBe('Imported plan');
  });
});
