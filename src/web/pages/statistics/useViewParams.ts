// What a reader selected on a dashboard (release, indicator, year, breakdowns), kept in the address.
import { useCallback, useMemo } from 'react';
import { replaceQueryParams, useLocation } from '../../router.js';

export const VIEW_PARAMS = ['release', 'indicator', 'year', 'rows', 'columns', 'compare'] as const;
export type ViewParam = (typeof VIEW_PARAMS)[number];

export type ViewParams = {
  get(name: ViewParam): string | null;
  set(changes: Partial<Record<ViewParam, string | null>>): void;
};

export function useViewParams(): ViewParams {
  const { search } = useLocation();
  const params = useMemo(() => new URLSearchParams(search), [search]);
  const set = useCallback(
    (changes: Partial<Record<ViewParam, string | null>>) =>
      replaceQueryParams(changes as Record<string, string | null>),
    [],
  );
  return useMemo(() => ({ get: (name: ViewParam) => params.get(name), set }), [params, set]);
}
