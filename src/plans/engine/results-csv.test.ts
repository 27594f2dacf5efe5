import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readCsvRecords } from '../../platform/csv-reader.js';
import { aMeasure, asImported, inOrder } from './results.fixtures.js';
import { readResultsCsv, resultsCsv } from './results-csv.js';

async function rowsOf(csv: string): Promise<Record<string, string>[]> {
  const records: string[][] = [];
  for await (const batch of readCsvRecords(Readable.from([csv]))) records.push(...batch.map((r) => r.cells));
  const [header = [], ...rows] = records;
  return rows.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ''])));
}

const HEADER =
  'measure,indicator,unit,direction,period_start,period_end,sex,age,target,actual,status,narrative';

describe('results as CSV', () => {
  it('writes one row per indicator, period and group, with the target and the approved report side by side', async () => {
    const rows = await rowsOf(resultsCsv([aMeasure()]));
    const femaleAdults = rows.filter((r) => r.sex === 'female' && r.age === 'adults');
    expect(femaleAdults).toHaveLength(1);
    expect(femaleAdults[0]).toMatchObject({ target: '48.5', actual: '39.5', period_start: '2025-01-01' });
    expect(rows.some((r) => r.report_id === 'report-draft')).toBe(false);
    // The total baseline sits on the rows of totals; the percentage's baseline for men on the row for men.
    expect(rows.filter((r) => r.baseline === '12').every((r) => r.sex === '' && r.age === '')).toBe(true);
    expect(rows.find((r) => r.baseline === '61.25')).toMatchObject({
      sex: 'male',
      target: '40',
      actual: '55',
    });
  });

  it('round-trips: the indicators read back equal those written, approved reports awaiting approval again', async () => {
    const measure = aMeasure();
    const read = await readResultsCsv(resultsCsv([measure]));
    expect(read.problems).toEqual([]);
    expect(read.measures).toHaveLength(1);
    expect(read.measures[0]).toMatchObject({ measureId: 'measure-7', title: measure.title });
    // The table carries no data source: its values were typed or copied by a person.
    const expected = measure.indicators.map((i) => ({ ...asImported(i), source: { kind: 'manual' } }));
    expect(read.measures[0]?.indicators.map(inOrder)).toEqual(expected);
  });

  it('round-trips a baseline for a group no period names, and an indicator with nothing yet', async () => {
    const [first] = aMeasure().indicators;
    const lonely = {
      ...asImported(first as never),
      targets: [],
      reports: [],
      baseline: { age: 'children' as const, value: 3, date: '2024-01-31' },
    };
    const bare = { ...lonely, id: 'indicator-bare', name: 'Not yet measured', baseline: null };
    const read = await readResultsCsv(resultsCsv([aMeasure({ indicators: [lonely, bare] })]));
    expect(read.problems).toEqual([]);
    expect(read.measures[0]?.indicators).toEqual([lonely, bare]);
  });

  it('reads a hand-made table with only some columns, giving new ids and default direction and status', async () => {
    const csv = `${HEADER}\nShelters,People accommodated,people,,2024-01-01,2024-12-31,Female,adult,40,38,,Two new shelters\n`;
    const read = await readResultsCsv(csv);
    expect(read.problems).toEqual([]);
    const [indicator] = read.measures[0]?.indicators ?? [];
    expect(read.measures[0]?.measureId).toBeNull();
    expect(indicator).toMatchObject({
      id: 'imported-indicator-1',
      direction: 'increase',
      targets: [{ start: '2024-01-01', end: '2024-12-31', sex: 'female', age: 'adults', value: 40 }],
    });
    expect(indicator?.reports[0]).toMatchObject({
      id: 'imported-report-1',
      value: 38,
      status: 'on_track',
      approvedAt: null,
    });
  });

  it('rejects each row that does not fit, with its number and the reason, and keeps the others', async () => {
    const csv = [
      HEADER,
      'Shelters,People accommodated,people,increase,2024-01-01,2024-12-31,,,40,,,',
      ',People accommodated,people,increase,2024-01-01,2024-12-31,,,40,,,',
      'Shelters,People accommodated,people,increase,2024-02-30,2024-12-31,,,40,,,',
      'Shelters,People accommodated,people,increase,2024-12-31,2024-01-01,,,40,,,',
      'Shelters,People accommodated,people,increase,2024-01-01,2024-12-31,unknown,,40,,,',
      'Shelters,People accommodated,people,increase,2024-01-01,2024-12-31,,,"1,200",,,',
      'Shelters,People accommodated,people,sideways,2024-01-01,2024-12-31,,,40,,,',
      'Shelters,People accommodated,people,increase,2024-01-01,2024-12-31,,,,12,late,',
      'Shelters,People accommodated,people,increase,,,,,40,,,',
      'Shelters,People accommodated,percent,increase,2025-01-01,2025-12-31,,,40,,,',
      'Shelters,People accommodated,people,increase,2024-01-01,2024-12-31,,,41,,,',
      '',
      'Shelters,People accommodated,people,increase,2024-01-01,2024-12-31,female,,20,18,at_risk,Fewer places',
    ].join('\n');
    const read = await readResultsCsv(csv);
    expect(read.problems.map((p) => p.row)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const reasons = read.problems.map((p) => p.message);
    expect(reasons[0]).toBe(
      'Row 3 was not imported: it names no measure; write the measure in the "measure" column.',
    );
    expect(reasons[2]).toContain('ends (2024-01-01) before it starts (2024-12-31)');
    expect(reasons[4]).toContain('without thousands separators');
    expect(reasons[8]).toContain('where row 2 gives "people"');
    expect(reasons[9]).toContain('row 2 already gives the target');
    const [indicator] = read.measures[0]?.indicators ?? [];
    expect(indicator?.targets.map((t) => t.value)).toEqual([40, 20]);
    expect(indicator?.reports).toHaveLength(1);
  });

  it('refuses a table without the measure or indicator column, or with a column named twice', async () => {
    const missing = await readResultsCsv('title,target\nShelters,3\n');
    expect(missing.problems.map((p) => p.code)).toEqual(['missing_column']);
    expect(missing.notes.map((n) => n.columnName)).toEqual(['title']);
    const twice = await readResultsCsv('measure,indicator,measure\na,b,c\n');
    expect(twice.problems[0]).toMatchObject({ code: 'duplicate_column', column: 3 });
    expect((await readResultsCsv('')).problems.map((p) => p.code)).toEqual(['empty_file']);
  });

  it('reports a file that is not well-formed CSV as a problem, not an exception', async () => {
    const read = await readResultsCsv(`${HEADER}\n"Shelters,People`);
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]?.code).toBe('unreadable_file');
  });

  it('keeps measures apart by id, and indicators of the same name apart by measure', async () => {
    const first = aMeasure();
    const second = aMeasure({ id: 'measure-9', title: 'Another measure' });
    const read = await readResultsCsv(resultsCsv([first, second]));
    expect(read.problems).toEqual([]);
    expect(read.measures.map((m) => [m.measureId, m.indicators.length])).toEqual([
      ['measure-7', 2],
      ['measure-9', 2],
    ]);
  });
});
