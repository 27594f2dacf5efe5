import { describe, expect, it } from 'vitest';
import { readIatiResults } from './iati-results-read.js';

/** Another publisher's activity in the style of the IATI 2.03 example file (invented organisation and figures). */
const FOREIGN = `<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03" generated-datetime="2025-03-01T10:00:00Z">
 <iati-activity last-updated-datetime="2025-03-01T10:00:00Z" xml:lang="en" default-currency="EUR">
  <iati-identifier>XM-EXAMPLE-2-PROJ-42</iati-identifier>
  <reporting-org ref="XM-EXAMPLE-2" type="21"><narrative>Example Shelter Network</narrative></reporting-org>
  <title><narrative>Safe shelters for survivors</narrative></title>
  <result type="2" aggregation-status="1">
   <title>
    <narrative>Survivors find safe accommodation</narrative>
    <narrative xml:lang="fr">Les survivantes trouvent un hébergement sûr</narrative>
   </title>
   <description><narrative>Shelter places run by the network.</narrative></description>
   <reference vocabulary="1" code="01"/>
   <indicator measure="1" ascending="1" aggregation-status="1">
    <title>
     <narrative xml:lang="es">Personas alojadas</narrative>
     <narrative xml:lang="en">People accommodated</narrative>
    </title>
    <reference vocabulary="1" code="3429"/>
    <baseline year="2023" value="35">
     <location ref="AF-KAN"/>
     <dimension name="sex" value="Female"/>
     <dimension name="age" value="adult"/>
     <comment><narrative>Count at the end of 2023.</narrative></comment>
    </baseline>
    <period>
     <period-start iso-date="2024-01-01"/>
     <period-end iso-date="2024-03-31"/>
     <target value="10">
      <location ref="AF-KAN"/>
      <dimension name="sex" value="female"/>
      <dimension name="age" value="adult"/>
      <comment><narrative>Quarterly target.</narrative></comment>
     </target>
     <actual value="11">
      <location ref="AF-KAN"/>
      <dimension name="sex" value="female"/>
      <dimension name="age" value="adult"/>
      <dimension name="disability" value="yes"/>
      <comment><narrative>More places opened than planned.</narrative></comment>
      <document-link format="application/pdf" url="https://example.org/q1.pdf">
       <title><narrative>Quarterly report</narrative></title>
       <category code="A08"/>
      </document-link>
     </actual>
    </period>
    <period>
     <period-start iso-date="2024-04-01"/>
     <period-end iso-date="2024-06-30"/>
     <target value="12"/>
    </period>
   </indicator>
   <indicator measure="5">
    <title><narrative>Quality of shelter management</narrative></title>
    <period>
     <period-start iso-date="2024-01-01"/>
     <period-end iso-date="2024-12-31"/>
     <actual><comment><narrative>Inspections found the standards met.</narrative></comment></actual>
    </period>
   </indicator>
  </result>
 </iati-activity>
</iati-activities>`;

describe('IATI results import', () => {
  it("reads another publisher's result in the 2.03 example's style, with the parts it has", async () => {
    const read = await readIatiResults(FOREIGN);
    expect(read.problems).toEqual([]);
    expect(read.measures).toHaveLength(1);
    const [measure] = read.measures;
    expect(measure?.measureId).toBeNull();
    expect(measure?.title).toBe('Survivors find safe accommodation');
    const [people, quality] = measure?.indicators ?? [];
    expect(people).toMatchObject({
      name: 'People accommodated',
      definition: '',
      unit: 'number',
      direction: 'increase',
      baseline: { sex: 'female', age: 'adults', value: 35, date: '2023-01-01' },
      disaggregatedBy: ['sex', 'age'],
      source: { kind: 'manual' },
      targets: [
        { start: '2024-01-01', end: '2024-03-31', sex: 'female', age: 'adults', value: 10 },
        { start: '2024-04-01', end: '2024-06-30', value: 12 },
      ],
    });
    expect(people?.reports).toEqual([
      {
        id: 'imported-report-1',
        start: '2024-01-01',
        end: '2024-03-31',
        sex: 'female',
        age: 'adults',
        value: 11,
        narrative: 'More places opened than planned.',
        evidenceLinks: ['https://example.org/q1.pdf'],
        status: 'on_track',
        approvedAt: null,
        sourceNote: 'disability: yes',
      },
    ]);
    expect(quality).toMatchObject({ unit: 'qualitative', baseline: null, targets: [] });
    expect(quality?.reports[0]).toMatchObject({
      value: null,
      narrative: 'Inspections found the standards met.',
    });
  });

  it('keeps the English narrative and notes the languages it left out', async () => {
    const read = await readIatiResults(FOREIGN);
    const notes = read.notes.filter((n) => n.code === 'other_languages');
    expect(notes.map((n) => n.path)).toEqual([
      'iati-activity[1]/result[1]/title',
      'iati-activity[1]/result[1]/indicator[1]/title',
    ]);
    expect(notes[0]?.message).toContain('also given in fr');
    expect(notes[1]?.message).toContain('only "People accommodated" was kept');
  });

  it('gives an activity named by the plan prefix its measure id', async () => {
    const read = await readIatiResults(FOREIGN, { identifierPrefix: 'XM-EXAMPLE-2-PROJ' });
    expect(read.measures[0]?.measureId).toBe('42');
  });

  it('refuses a file that is not well-formed with a sentence naming the line, never an exception', async () => {
    const read = await readIatiResults('<iati-activities><iati-activity><result></iati-activity>');
    expect(read.measures).toEqual([]);
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]?.message).toMatch(/not well-formed XML at line 1/);
  });

  it('refuses a DOCTYPE, whose entities could expand without bound', async () => {
    const read = await readIatiResults('<!DOCTYPE x [<!ENTITY a "aaaa">]><iati-activities/>');
    expect(read.problems[0]?.message).toMatch(/DOCTYPE/);
  });

  it('says when a file holds no activity', async () => {
    const read = await readIatiResults('<iati-organisations/>');
    expect(read.problems.map((p) => p.code)).toEqual(['no_activity']);
  });

  it('reports each bad value, date, dimension and missing title with its place and the fix, and keeps the rest', async () => {
    const xml = `<iati-activities version="2.03"><iati-activity>
      <iati-identifier>XM-EXAMPLE-3-1</iati-identifier>
      <result type="1"><title><narrative>Hotline answers calls</narrative></title>
       <indicator measure="1" ascending="1"><description><narrative>No title</narrative></description></indicator>
       <indicator measure="9" ascending="maybe"><title><narrative>Calls answered</narrative></title>
        <baseline value="1,200"/>
        <period><period-start iso-date="2024-13-01"/><period-end iso-date="2024-12-31"/><target value="5"/></period>
        <period><period-start iso-date="2024-12-31"/><period-end iso-date="2024-01-01"/><target value="5"/></period>
        <period><period-start iso-date="2024-01-01"/><period-end iso-date="2024-12-31"/>
         <target/><target value="12 calls"/><target value="30"><dimension name="sex" value="unknown"/></target>
         <target value="40"/><actual value="41"/>
        </period>
       </indicator>
      </result>
     </iati-activity></iati-activities>`;
    const read = await readIatiResults(xml);
    const where = (code: string) => read.problems.filter((p) => p.code === code).map((p) => p.path);
    const indicator = 'iati-activity[1]/result[1]/indicator[2]';
    expect(where('untitled_indicator')).toEqual(['iati-activity[1]/result[1]/indicator[1]']);
    expect(where('invalid_value')).toEqual([`${indicator}/baseline[1]`, `${indicator}/period[3]/target[2]`]);
    expect(where('invalid_period_date')).toEqual([`${indicator}/period[1]/period-start`]);
    expect(where('period_ends_before_start')).toEqual([`${indicator}/period[2]`]);
    expect(where('missing_value')).toEqual([`${indicator}/period[3]/target[1]`]);
    expect(where('unknown_dimension_value')).toEqual([`${indicator}/period[3]/target[3]`]);
    expect(read.problems.find((p) => p.code === 'invalid_value')?.message).toContain(
      'without thousands separators',
    );
    expect(read.notes.map((n) => n.code)).toEqual(
      expect.arrayContaining(['unknown_measure', 'unknown_ascending']),
    );
    const [kept] = read.measures[0]?.indicators ?? [];
    expect(kept?.targets).toEqual([{ start: '2024-01-01', end: '2024-12-31', value: 40 }]);
    expect(kept?.reports.map((r) => r.value)).toEqual([41]);
  });

  it('refuses a file beyond a declared limit', async () => {
    const read = await readIatiResults(FOREIGN, { limits: { maxDepth: 4 } });
    expect(read.problems[0]?.message).toMatch(/goes beyond the limit/);
  });

  it("names a result without a title by its activity's title, and refuses one with neither", async () => {
    const read = await readIatiResults(`<iati-activities>
      <iati-activity><title><narrative>Hotline</narrative></title><result type="1"/></iati-activity>
      <iati-activity><result type="1"/></iati-activity>
      <iati-activity><title><narrative>No results yet</narrative></title></iati-activity>
    </iati-activities>`);
    expect(read.measures.map((m) => m.title)).toEqual(['Hotline']);
    expect(read.problems.map((p) => [p.code, p.path])).toEqual([
      ['untitled_result', 'iati-activity[2]/result[1]'],
    ]);
    expect(read.notes.map((n) => n.code)).toEqual(['no_result']);
  });
});
