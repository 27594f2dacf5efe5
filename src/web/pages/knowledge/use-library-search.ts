// The library's query kept in the page's address, and its answer: while the next answer loads the last one
// stays on screen (marked busy), so that the checkbox just pressed keeps its place and its focus.
import { useCallback, useRef, useState } from 'react';
import type { Problem } from '../../../platform/errors.js';
import { type SearchResult, useKnowledgeSearch } from '../../api/knowledge.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { replaceQueryParams } from '../../router.js';
import { addressParams, apiQueryString, type LibraryQuery, readLibraryQuery } from './library-query.js';

export type LibrarySearch = {
  query: LibraryQuery;
  setQuery: (next: LibraryQuery) => void;
  /** The latest answer, or the one before while the next loads; null before the first. */
  result: SearchResult | null;
  isLoading: boolean;
  problem: Problem | null;
  retry: () => void;
};

export function useLibrarySearch(extra: Readonly<Record<string, string>> = {}): LibrarySearch {
  const { language } = useI18n();
  const [query, setState] = useState<LibraryQuery>(() => readLibraryQuery(window.location.search));
  const resource = useKnowledgeSearch(apiQueryString(query, language, extra));
  const last = useRef<SearchResult | null>(null);
  if (resource.status === 'ready') last.current = resource.data;
  const setQuery = useCallback((next: LibraryQuery) => {
    setState(next);
    // Replaced, not pushed: refining a search is not a new page.
    replaceQueryParams(addressParams(next));
  }, []);
  return {
    query,
    setQuery,
    result: last.current,
    isLoading: resource.status === 'loading',
    problem: resource.status === 'error' ? resource.problem : null,
    retry: resource.status === 'error' ? resource.retry : resource.reload,
  };
}
