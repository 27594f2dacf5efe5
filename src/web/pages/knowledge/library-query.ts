// What a reader asked the library for, as it lives in the page's address (so that a link shares the view)
// and as the API is asked for it. Only words about items and codes go in the address, never a person. Pure.

export const FACET_NAMES = ['type', 'language', 'pillar', 'form', 'country', 'year'] as const;
export type FacetName = (typeof FACET_NAMES)[number];
/** The facets where several values may be chosen at once (any of them matches); a year is one. */
export type ListFacet = Exclude<FacetName, 'year'>;
export const LIST_FACETS: readonly ListFacet[] = ['type', 'language', 'pillar', 'form', 'country'];

export type LibraryQuery = {
  q: string;
  filters: Record<ListFacet, string[]>;
  year: string;
  page: number;
};

export const PAGE_SIZE = 10;
const CODE = /^[A-Za-z_]{2,40}$/;
const YEAR = /^\d{4}$/;
const MAX_PAGE = 10_000;

export function emptyQuery(): LibraryQuery {
  return { q: '', filters: { type: [], language: [], pillar: [], form: [], country: [] }, year: '', page: 1 };
}

/** The query in an address's search part; values that cannot be codes are left out, not sent. */
export function readLibraryQuery(search: string): LibraryQuery {
  const params = new URLSearchParams(search);
  const query = emptyQuery();
  query.q = (params.get('q') ?? '').slice(0, 300);
  for (const name of LIST_FACETS) {
    const values = params.getAll(name).flatMap((value) => value.split(','));
    query.filters[name] = [...new Set(values.filter((value) => CODE.test(value)))];
  }
  const year = params.get('year') ?? '';
  query.year = YEAR.test(year) ? year : '';
  const page = Number(params.get('page') ?? '1');
  query.page = Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : 1;
  return query;
}

/** The address's parameters for the query: null removes one (the first page and empty filters are left out). */
export function addressParams(query: LibraryQuery): Record<string, string | null> {
  const params: Record<string, string | null> = { q: query.q.trim() || null };
  for (const name of LIST_FACETS) params[name] = query.filters[name].join(',') || null;
  params.year = query.year || null;
  params.page = query.page > 1 ? String(query.page) : null;
  return params;
}

/** The API's query string: the reader's language, the filters, the page; `extra` for the drafts' statuses. */
export function apiQueryString(
  query: LibraryQuery,
  lang: string,
  extra: Readonly<Record<string, string>> = {},
): string {
  const params = new URLSearchParams({ lang });
  if (query.q.trim()) params.set('q', query.q.trim());
  for (const name of LIST_FACETS)
    if (query.filters[name].length) params.set(name, query.filters[name].join(','));
  if (query.year) {
    params.set('yearFrom', query.year);
    params.set('yearTo', query.year);
  }
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  params.set('page', String(query.page));
  params.set('pageSize', String(PAGE_SIZE));
  return `?${params}`;
}

/** The query with one value of a facet chosen or no longer chosen; back to the first page. */
export function toggleValue(query: LibraryQuery, name: ListFacet, value: string): LibraryQuery {
  const current = query.filters[name];
  const next = current.includes(value) ? current.filter((one) => one !== value) : [...current, value];
  return { ...query, filters: { ...query.filters, [name]: next }, page: 1 };
}

export function withYear(query: LibraryQuery, year: string): LibraryQuery {
  return { ...query, year, page: 1 };
}

export function isFiltered(query: LibraryQuery): boolean {
  return query.year !== '' || LIST_FACETS.some((name) => query.filters[name].length > 0);
}

export function withoutFilters(query: LibraryQuery): LibraryQuery {
  return { ...emptyQuery(), q: query.q };
}
