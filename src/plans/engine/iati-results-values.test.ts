import { describe, expect, it } from 'vitest';
import type { XmlNode } from '../../activities/import/xml-tree.js';
import {
  type Findings,
  readBaselineDate,
  readDate,
  readDimensions,
  readValue,
} from './iati-results-values.js';

const node = (name: string, attributes: Record<string, string> = {}, children: XmlNode[] = []): XmlNode => ({
  name,
  uri: '',
  attributes,
  children,
  text: '',
});

function collecting() {
  const problems: string[] = [];
  const notes: string[] = [];
  const findings: Findings = {
    problem: (_path, code) => problems.push(code),
    note: (_path, code) => notes.push(code),
  };
  return { findings, problems, notes };
}

describe('IATI result values', () => {
  it('reads a baseline date from iso-date, else from the year', () => {
    const { findings, problems } = collecting();
    expect(
      readBaselineDate(node('baseline', { year: '2023', 'iso-date': '2023-05-02' }), 'b', findings),
    ).toBe('2023-05-02');
    expect(readBaselineDate(node('baseline', { year: '2023' }), 'b', findings)).toBe('2023-01-01');
    expect(readBaselineDate(node('baseline', { year: 'last year' }), 'b', findings)).toBeNull();
    expect(problems).toEqual(['invalid_baseline_date']);
  });

  it('reads a date-time as its date, and says when a period date is missing', () => {
    const { findings, problems } = collecting();
    expect(readDate(node('period-start', { 'iso-date': '2024-01-01T00:00:00Z' }), 'p', findings)).toBe(
      '2024-01-01',
    );
    expect(readDate(undefined, 'period[1]/period-end', findings)).toBeNull();
    expect(problems).toEqual(['invalid_period_date']);
  });

  it('refuses a required value that is missing and notes an optional one', () => {
    const { findings, problems, notes } = collecting();
    expect(readValue(node('target', {}), 't', 'target', true, findings)).toBeNull();
    expect(readValue(node('baseline', {}), 'b', 'baseline', false, findings)).toBeNull();
    expect(readValue(node('target', { value: '7.25' }), 't', 'target', true, findings)).toBe(7.25);
    expect(problems).toEqual(['missing_value']);
    expect(notes).toEqual(['missing_value']);
  });

  it('reads sex and age as groups and keeps other dimensions as words', () => {
    const { findings } = collecting();
    const actual = node('actual', {}, [
      node('dimension', { name: 'Sex', value: 'F' }),
      node('dimension', { name: 'age', value: 'children' }),
      node('dimension', { name: 'region', value: 'North' }),
    ]);
    expect(readDimensions(actual, 'a', findings)).toEqual({
      disaggregation: { sex: 'female', age: 'children' },
      others: ['region: North'],
    });
  });
});
