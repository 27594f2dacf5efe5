// The column table: documented, unique, and read the same by name or by hashtag.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { COLUMNS, mapHeader, normaliseHashtag } from './flat.js';

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
});
