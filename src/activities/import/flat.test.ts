// The column table: documented, unique, and read the same by name or by hashtag.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { COLUMNS, isCalendarDate, mapHeader, normaliseHashtag } from './flat.js';

describe('activity file columns', () => {
  it('documents every column and hashtag in the README', async () => {
    const readme = await readFile(new URL('./README.md', import.meta.url), 'utf8');
    for (const column of COLUMNS) {
      expect(readme).toContain(`\`${column.column}\``);
      expect(readme).toContain(`\`${column.hxl}\``);
    }
  });

  it('gives every column its own name and hashtag', () => {
    expect(new Set(COLUMNS.map((c) => c.column)).size).toBe(COLUMNS.length);
    expect(new Set(COLUMNS.map((c) => normaliseHashtag(c.hxl))).size).toBe(COLUMNS.length);
  });

  it('matches names loosely and hashtags with attributes in any order', () => {
    const map = mapHeader(
      ['Identifier', 'Title', 'Lead Organisation', 'activity-type', 'Where', 'Notes'],
      ['', '', '', '', '#country +code +destination', ''],
    );
    expect(map.columns).toEqual([
      'identifier',
      'title',
      'lead_organisation',
      'activity_type',
      'destination_countries',
      null,
    ]);
    expect(map.unknown).toEqual(['Notes']);
    expect(map.missing).toEqual([]);
  });

  it('names the required columns a header lacks', () => {
    expect(mapHeader(['title'], null).missing).toEqual([
      'identifier',
      'lead_organisation',
      'activity_type',
      'destination_countries',
    ]);
  });

  it('takes a date only when the day exists, leap years included', () => {
    for (const date of ['2026-03-31', '2024-02-29', '2000-02-29', '2026-12-01'])
      expect(isCalendarDate(date), date).toBe(true);
    for (const date of [
      '2026-02-29',
      '1900-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '2026-1-01',
      '26-01-01',
      '2026-01-01T00:00',
    ])
      expect(isCalendarDate(date), date).toBe(false);
  });
});
