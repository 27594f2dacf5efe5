// The CSV reader: RFC 4180 quoting, line breaks inside quotes, CRLF, a byte-order mark, row numbers.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readCsvRecords } from './csv-reader.js';

async function read(chunks: string[], delimiter = ',') {
  const records = [];
  for await (const batch of readCsvRecords(Readable.from(chunks.map((c) => Buffer.from(c))), { delimiter })) {
    records.push(...batch);
  }
  return records;
}

describe('readCsvRecords', () => {
  it('reads plain, quoted and doubled-quote fields, numbering rows by the line they start on', async () => {
    const records = await read([
      '\uFEFFa,b,c\r\n1,"two, with comma","say ""hi"""\r\n',
      '"multi\nline",x,\n4,5,6',
    ]);
    expect(records).toEqual([
      { rowNo: 1, cells: ['a', 'b', 'c'] },
      { rowNo: 2, cells: ['1', 'two, with comma', 'say "hi"'] },
      { rowNo: 3, cells: ['multi\nline', 'x', ''] },
      { rowNo: 5, cells: ['4', '5', '6'] },
    ]);
  });

  it('joins a record split across chunks, even inside quotes and multi-byte characters', async () => {
    const text = Buffer.from('Côte d’Ivoire,"<5"\nKEN,12\n');
    const chunks = [text.subarray(0, 3), text.subarray(3, 17), text.subarray(17)];
    const records = [];
    for await (const batch of readCsvRecords(Readable.from(chunks))) records.push(...batch);
    expect(records.map((r) => r.cells)).toEqual([
      ['Côte d’Ivoire', '<5'],
      ['KEN', '12'],
    ]);
  });

  it('hands a large chunk over in batches of at most a thousand records, none lost or reordered', async () => {
    const lines = Array.from({ length: 2500 }, (_, i) => (i % 7 === 0 ? `"q${i}\nx",${i}` : `r${i},${i}`));
    const batches: number[] = [];
    const numbers: string[] = [];
    const input = Readable.from([Buffer.from(`${lines.join('\n')}\n`)]);
    for await (const batch of readCsvRecords(input)) {
      batches.push(batch.length);
      numbers.push(...batch.map((r) => r.cells[1] as string));
    }
    expect(batches).toEqual([1000, 1000, 500]);
    expect(numbers).toEqual(lines.map((_, i) => String(i)));
  });

  it('finds quoted records among unquoted ones wherever the next quote lies, across chunks', async () => {
    const records = await read(['a,b\r\n\r\nplain,1\nx,"q\r\n', 'uoted",y\r\nafter,2\nlast,"end"']);
    expect(records.map((r) => [r.rowNo, r.cells])).toEqual([
      [1, ['a', 'b']],
      [2, ['']],
      [3, ['plain', '1']],
      [4, ['x', 'q\r\nuoted', 'y']],
      [6, ['after', '2']],
      [7, ['last', 'end']],
    ]);
  });

  it('uses another delimiter when the mapping names one, and keeps a stray quote as a character', async () => {
    expect((await read(['a;b"c;d\n'], ';'))[0]?.cells).toEqual(['a', 'b"c', 'd']);
  });

  it('stops with an error naming the row when a record passes a declared limit', async () => {
    const readWith = async (text: string, options: Parameters<typeof readCsvRecords>[1]) => {
      for await (const _ of readCsvRecords(Readable.from([Buffer.from(text)]), options));
    };
    await expect(readWith('a,b\n1,2,3\n', { maxColumns: 2 })).rejects.toThrow(
      'The CSV record in row 2 has 3 cells, more than the 2 allowed',
    );
    await expect(readWith('a,b\nshort,much too long\n', { maxCellLength: 8 })).rejects.toThrow(
      'row 2 cell 2 is longer than 8 characters',
    );
    await expect(readWith(`a,b\n"open,${'x'.repeat(100)}`, { maxRecordLength: 50 })).rejects.toThrow(
      'row 2 runs past 50 characters',
    );
    await expect(readWith('a,b\n1,2\n', { maxColumns: 2, maxCellLength: 8 })).resolves.toBeUndefined();
  });

  it('refuses a quote that is never closed, naming the row it opened in', async () => {
    await expect(read(['identifier,title\n', '"T-1,Unclosed\nmore text\n'])).rejects.toThrow(
      'A quote opened in row 2 is never closed',
    );
    await expect(read(['a,b\n"closed",2\n'])).resolves.toHaveLength(2);
  });

  it('reads a delimiter of several bytes, even split across chunks, and refuses one that cannot separate fields', async () => {
    const text = Buffer.from('a；b；"c；d"\nÉté；x；y\n');
    const chunks = [text.subarray(0, 2), text.subarray(2, 19), text.subarray(19)];
    const records = [];
    for await (const batch of readCsvRecords(Readable.from(chunks), { delimiter: '；' }))
      records.push(...batch);
    expect(records.map((r) => r.cells)).toEqual([
      ['a', 'b', 'c；d'],
      ['Été', 'x', 'y'],
    ]);
    for (const delimiter of ['"', '\n', '\r', '', ';;']) {
      await expect(read(['a,b\n'], delimiter)).rejects.toMatchObject({
        fields: [{ code: 'invalid_delimiter' }],
      });
    }
  });

  it('gives repeated values the same text, long and short, split anywhere between chunks', async () => {
    const long = 'x'.repeat(100);
    const rows = Array.from({ length: 50 }, (_, i) => `KEN,Total,${i % 7},${long},"q""${i % 3}"`);
    const text = Buffer.from(`${rows.join('\r\n')}\r\n`);
    for (const size of [1, 7, 64, text.length]) {
      const chunks = [];
      for (let at = 0; at < text.length; at += size) chunks.push(text.subarray(at, at + size));
      const records = [];
      for await (const batch of readCsvRecords(Readable.from(chunks))) records.push(...batch);
      expect(records.map((r) => r.cells)).toEqual(
        rows.map((_, i) => ['KEN', 'Total', String(i % 7), long, `q"${i % 3}`]),
      );
      expect(records.map((r) => r.rowNo)).toEqual(rows.map((_, i) => i + 1));
    }
  });
});
