import { describe, expect, it } from 'vitest';
import { ENGLISH, type MessageKey } from '../../i18n/messages.js';
import { csvFaultSentence } from './csv-problems.js';

// Enough of the message format for these templates: placeholders and English plurals.
const t = (key: MessageKey, values: Record<string, string | number> = {}) =>
  ENGLISH[key]
    .replace(
      /\{(\w+), plural, one \{([^}]*)\} other \{([^}]*)\}\}/g,
      (_, name: string, one: string, other: string) =>
        (values[name] === 1 ? one : other).replace('#', String(values[name])),
    )
    .replace(/\{(\w+)\}/g, (_, name: string) => String(values[name]));

describe('csvFaultSentence', () => {
  it('says which row has the wrong number of cells, and how to fix it', () => {
    const sentence = csvFaultSentence(t, {
      path: 'file',
      code: 'wrong_cell_count',
      row: 3,
      cells: 2,
      expectedCells: 4,
    });
    expect(sentence).toBe(
      'Row 3 has 2 cells, but row 1 names 4 columns. Give every row one cell per column, and put quotes around a value that contains a comma.',
    );
  });

  it('names the repeated column and where a quote is left open', () => {
    expect(
      csvFaultSentence(t, { path: 'file', code: 'duplicate_column', row: 1, column: 3, columnName: 'age' }),
    ).toContain('“age” for two columns (the second is column 3)');
    expect(csvFaultSentence(t, { path: 'file', code: 'unclosed_quote', row: 7 })).toContain('row 7');
  });

  it('has no sentence for an unknown fault or one without its facts, so the server’s words are shown', () => {
    expect(csvFaultSentence(t, { path: 'file', code: 'something_else' })).toBeNull();
    expect(csvFaultSentence(t, { path: 'file', code: 'wrong_cell_count', row: 3 })).toBeNull();
  });
});
