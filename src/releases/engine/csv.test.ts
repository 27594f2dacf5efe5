import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { readDataset, writeDatasetCsv } from './csv.js';
import { MISSING } from './dataset.js';

const from = (text: string) => Readable.from([Buffer.from(text)]);

async function failure(text: string, options = {}): Promise<AppError> {
  const error = await readDataset(from(text), options).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('readDataset', () => {
  it('codes each column by its values, the empty cell as missing', async () => {
    const dataset = await readDataset(from('gender,age\nF,18-20\nM,\nF,18-20\n'));
    expect(dataset.rowCount).toBe(3);
    expect(dataset.columns.map((column) => column.name)).toEqual(['gender', 'age']);
    expect([...(dataset.columns[0]?.codes ?? [])]).toEqual([1, 2, 1]);
    expect(dataset.columns[1]?.codes[1]).toBe(MISSING);
  });

  it('keeps only the chosen columns, in the order asked, and treats declared markers as missing', async () => {
    const dataset = await readDataset(from('a,b,c\n1,-99,x\n2,y,-99\n'), {
      columns: ['c', 'b'],
      missing: ['-99'],
    });
    expect(dataset.columns.map((column) => column.name)).toEqual(['c', 'b']);
    expect([...(dataset.columns[0]?.codes ?? [])]).toEqual([1, MISSING]);
    expect([...(dataset.columns[1]?.codes ?? [])]).toEqual([MISSING, 1]);
  });

  it('stops after maxRows data rows', async () => {
    const dataset = await readDataset(from('a\n1\n2\n3\n'), { maxRows: 2 });
    expect(dataset.rowCount).toBe(2);
  });

  it('names the row whose cell count differs from the header', async () => {
    const error = await failure('a,b\n1,2\n3\n');
    expect(error.code).toBe('malformed_csv');
    expect(error.message).toContain('Row 3 has 1 cells where the header has 2');
    expect(error.fields?.[0]).toMatchObject({
      path: 'file',
      code: 'wrong_cell_count',
      row: 3,
      cells: 1,
      expectedCells: 2,
    });
  });

  it('names the row of a quote left open, as a malformed CSV', async () => {
    const error = await failure('a,b\n1,2\n"3,4\n5,6\n');
    expect(error.code).toBe('malformed_csv');
    expect(error.fields?.[0]).toMatchObject({ code: 'unclosed_quote', row: 3 });
  });

  it('refuses a column name used twice, an unnamed column, an empty file and a missing chosen column', async () => {
    const twice = await failure('a,b,a\n1,2,3\n');
    expect(twice.message).toContain('"a" is named twice');
    expect(twice.fields?.[0]).toMatchObject({ code: 'duplicate_column', row: 1, column: 3, columnName: 'a' });
    const unnamed = await failure('a,,c\n1,2,3\n');
    expect(unnamed.message).toContain('Column 2 has no name');
    expect(unnamed.fields?.[0]).toMatchObject({ code: 'unnamed_column', row: 1, column: 2 });
    expect((await failure('')).message).toContain('empty');
    const missing = await failure('a,b\n1,2\n', { columns: ['z'] });
    expect(missing.code).toBe('validation_failed');
    expect(missing.message).toContain('"z" is not in the file');
  });
});

describe('writeDatasetCsv', () => {
  it('quotes values with commas and quotes, so that reading back gives the same dataset', async () => {
    const text = 'place,note\n"Lagos, NG","said ""no"""\n,plain\n';
    const dataset = await readDataset(from(text));
    const written = [...writeDatasetCsv(dataset)].join('');
    const again = await readDataset(from(written));
    expect(again).toEqual(dataset);
    expect(written).toContain('"Lagos, NG"');
  });
});
