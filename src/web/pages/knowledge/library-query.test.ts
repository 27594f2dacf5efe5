// The library's view in its address and in the API's query: filters kept, junk left out, the page reset.
import { describe, expect, it } from 'vitest';
import {
  addressParams,
  apiQueryString,
  emptyQuery,
  readLibraryQuery,
  toggleValue,
  withYear,
} from './library-query.js';

describe('the library query', () => {
  it('reads words, several values per facet, a year and a page from the address', () => {
    const query = readLibraryQuery(
      '?q=border+posts&type=case_law,legislation&country=KEN&country=TZA&year=2024&page=3',
    );
    expect(query.q).toBe('border posts');
    expect(query.filters.type).toEqual(['case_law', 'legislation']);
    expect(query.filters.country).toEqual(['KEN', 'TZA']);
    expect(query.year).toBe('2024');
    expect(query.page).toBe(3);
  });

  it('leaves out values that cannot be codes, years or pages', () => {
    const query = readLibraryQuery('?type=<script>&year=20x4&page=-2&form=forced_labour');
    expect(query.filters.type).toEqual([]);
    expect(query.filters.form).toEqual(['forced_labour']);
    expect(query.year).toBe('');
    expect(query.page).toBe(1);
  });

  it('asks the API for one year as a range of one, in the reader’s language', () => {
    const query = withYear(toggleValue(emptyQuery(), 'pillar', 'protection'), '2025');
    const params = new URLSearchParams(apiQueryString({ ...query, q: ' shelter ' }, 'ar'));
    expect(params.get('lang')).toBe('ar');
    expect(params.get('q')).toBe('shelter');
    expect(params.get('pillar')).toBe('protection');
    expect(params.get('yearFrom')).toBe('2025');
    expect(params.get('yearTo')).toBe('2025');
    expect(params.get('page')).toBe('1');
  });

  it('goes back to the first page when a filter changes, and unchooses a chosen value', () => {
    const chosen = toggleValue({ ...emptyQuery(), page: 4 }, 'language', 'fr');
    expect(chosen.page).toBe(1);
    expect(chosen.filters.language).toEqual(['fr']);
    expect(toggleValue(chosen, 'language', 'fr').filters.language).toEqual([]);
  });

  it('keeps the address short: no empty filter and no first page', () => {
    const params = addressParams(toggleValue(emptyQuery(), 'type', 'research'));
    expect(params).toMatchObject({ q: null, type: 'research', country: null, year: null, page: null });
  });
});
