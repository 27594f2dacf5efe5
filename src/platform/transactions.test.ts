// The last statement of a server transaction travels with its COMMIT in one simple-protocol message,
// with its parameters written as literals: what is quoted must stay as it was.
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { inlineParameters } from './transactions.js';

const dialect = new PgDialect();
const quote = (value: string) => `'${value.replaceAll("'", "''")}'`;
const inline = (query: ReturnType<typeof sql>) => inlineParameters(dialect.sqlToQuery(query), quote);

describe('parameters written as literals', () => {
  it('quotes strings, writes numbers, booleans, dates and null, and leaves quoted text alone', () => {
    const at = new Date('2026-01-02T03:04:05.000Z');
    expect(inline(sql`select ${"it's $1"}, '$2' as "x$3", ${7}, ${true}, ${at}, ${null}`)).toBe(
      `select 'it''s $1', '$2' as "x$3", 7, true, '2026-01-02T03:04:05.000Z', NULL`,
    );
  });

  it('refuses dollar-quoted text and values it cannot write', () => {
    expect(() => inline(sql`select $$ ${1} $$`)).toThrow(/dollar-quoted/);
    expect(() => inline(sql`select ${{ a: 1 } as never}`)).toThrow(/cannot be inlined/);
  });
});
