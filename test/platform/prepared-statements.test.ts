// Repeated statements are prepared once per server connection (src/platform/prepared-statements.ts):
// from their second sending, under a name the text alone decides, within a bound per connection; and
// what they answer is what the unnamed statement answered.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MAX_PREPARED_PER_CONNECTION,
  nameRepeatedStatements,
  RepeatedStatements,
} from '../../src/platform/prepared-statements.js';

describe('which statements are named', () => {
  it('names a text from its second sending, the same name every time', () => {
    const statements = new RepeatedStatements();
    const text = 'select $1::int as n';
    expect(statements.nameFor(text)).toBeUndefined();
    const name = statements.nameFor(text);
    expect(name).toMatch(/^concerted_[\w-]{32}$/);
    expect(statements.nameFor(text)).toBe(name);
    expect(new RepeatedStatements().nameFor(text)).toBeUndefined();
  });

  it('gives two texts two names', () => {
    const statements = new RepeatedStatements();
    for (const text of ['select $1::int', 'select $1::text']) statements.nameFor(text);
    expect(statements.nameFor('select $1::int')).not.toBe(statements.nameFor('select $1::text'));
  });
});

const serverUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!serverUrl)('prepared on a PostgreSQL connection', () => {
  let client: pg.Client;

  beforeAll(async () => {
    client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    nameRepeatedStatements(client, new RepeatedStatements());
  });
  afterAll(async () => {
    await client.end();
  });

  const prepared = async () =>
    (await client.query<{ statement: string }>('select statement from pg_prepared_statements')).rows.map(
      (row) => row.statement,
    );

  it('prepares a statement with parameters at its second sending and answers the same', async () => {
    const text = 'select $1::int + 1 as next';
    const answers: number[] = [];
    for (const n of [1, 2, 3]) answers.push((await client.query({ text, values: [n] })).rows[0].next);
    expect(answers).toEqual([2, 3, 4]);
    expect(await prepared()).toEqual([text]);
  });

  it('passes values given apart from the text, as drizzle sends them', async () => {
    const text = 'select $1::text as word';
    await client.query({ text }, ['first']);
    const { rows } = await client.query({ text }, ['second']);
    expect(rows[0].word).toBe('second');
    expect(await prepared()).toContain(text);
  });

  it('leaves statements without parameters, and those already named, as they are', async () => {
    for (let i = 0; i < 3; i++) await client.query('select 42 as answer');
    for (let i = 0; i < 3; i++) await client.query({ name: 'their_own', text: 'select 1 as one' });
    const statements = await prepared();
    expect(statements).not.toContain('select 42 as answer');
    expect(statements).toContain('select 1 as one');
    expect(statements.filter((text) => text === 'select 1 as one')).toHaveLength(1);
  });

  it('recovers when a named statement fails to parse, and prepares it once it can', async () => {
    await client.query('drop table if exists later_table');
    const text = 'select n from later_table where n = $1';
    for (let i = 0; i < 2; i++)
      await expect(client.query({ text, values: [1] })).rejects.toThrow(/later_table/);
    await client.query('create temporary table later_table (n int)');
    await client.query('insert into later_table values (1)');
    expect((await client.query({ text, values: [1] })).rows).toEqual([{ n: 1 }]);
    expect((await client.query({ text, values: [1] })).rows).toEqual([{ n: 1 }]);
  });

  it('keeps no more statements on one connection than its bound', async () => {
    const bound = new pg.Client({ connectionString: serverUrl });
    await bound.connect();
    try {
      nameRepeatedStatements(bound, new RepeatedStatements());
      for (let i = 0; i < MAX_PREPARED_PER_CONNECTION + 20; i++) {
        const text = `select $1::int + ${i} as n`;
        await bound.query({ text, values: [i] });
        expect((await bound.query({ text, values: [i] })).rows[0].n).toBe(2 * i);
      }
      const { rows } = await bound.query('select count(*)::int as count from pg_prepared_statements');
      expect(rows[0].count).toBe(MAX_PREPARED_PER_CONNECTION);
    } finally {
      await bound.end();
    }
  });
});
