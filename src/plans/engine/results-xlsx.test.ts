import { describe, expect, it } from 'vitest';
import { aMeasure, asImported, inOrder } from './results.fixtures.js';
import { readResultsXlsx, resultsXlsx } from './results-xlsx.js';

describe('results as a spreadsheet', () => {
  it('round-trips through XLSX as through CSV', async () => {
    const measure = aMeasure();
    const read = await readResultsXlsx(await resultsXlsx([measure]));
    expect(read.problems).toEqual([]);
    const expected = measure.indicators.map((i) => ({ ...asImported(i), source: { kind: 'manual' } }));
    expect(read.measures[0]?.indicators.map(inOrder)).toEqual(expected);
  });

  it('reports a file that is not a workbook as a problem, not an exception', async () => {
    const read = await readResultsXlsx(Buffer.from('measure,indicator\n'));
    expect(read.measures).toEqual([]);
    expect(read.problems.map((p) => p.code)).toEqual(['unreadable_file']);
  });
});
