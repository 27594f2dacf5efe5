// The statistics API's addresses, typed by the shapes the server declares for them.
import type { z } from 'zod';
import type {
  CatalogueResponse,
  PublisherAreaList,
  QueryResponse,
  ReleaseList,
  SharesResponse,
} from '../../statistics/schemas.js';
import { useResource } from './useResource.js';

const BASE = '/api/v1/statistics';

export type ReleaseListBody = z.infer<typeof ReleaseList>;
export type CatalogueBody = z.infer<typeof CatalogueResponse>;
export type QueryBody = z.infer<typeof QueryResponse>;
export type SharesBody = z.infer<typeof SharesResponse>;
export type PublisherAreasBody = z.infer<typeof PublisherAreaList>;

/** The parameters a dashboard sends; lists repeat the key (?by=sex&by=age), as the API expects. */
export type StatisticsParams = {
  indicator: string;
  release?: string | undefined;
  area?: readonly string[] | undefined;
  year?: number | undefined;
  by?: readonly string[] | undefined;
  of?: string | undefined;
};

export function statisticsSearch(params: StatisticsParams): string {
  const search = new URLSearchParams();
  search.set('indicator', params.indicator);
  if (params.release) search.set('release', params.release);
  for (const area of params.area ?? []) search.append('area', area);
  if (params.year !== undefined) search.set('year', String(params.year));
  for (const by of params.by ?? []) search.append('by', by);
  if (params.of) search.set('of', params.of);
  return search.toString();
}

export const queryPath = (params: StatisticsParams) => `${BASE}/query?${statisticsSearch(params)}`;
export const queryCsvPath = (params: StatisticsParams) => `${BASE}/query.csv?${statisticsSearch(params)}`;
export const sharesPath = (params: StatisticsParams) => `${BASE}/shares?${statisticsSearch(params)}`;

// Official figures are public and change only with a new release, so the shared cache suits them.
export const useReleases = () => useResource<ReleaseListBody>(`${BASE}/releases`);
export const useCatalogue = (releaseId: string | null) =>
  useResource<CatalogueBody>(
    releaseId ? `${BASE}/releases/${encodeURIComponent(releaseId)}/catalogue` : null,
  );
export const useStatisticsQuery = (params: StatisticsParams | null) =>
  useResource<QueryBody>(params ? queryPath(params) : null);
export const useShares = (params: StatisticsParams | null) =>
  useResource<SharesBody>(params ? sharesPath(params) : null);
export const usePublisherAreas = (releaseId: string | null) =>
  useResource<PublisherAreasBody>(
    releaseId ? `${BASE}/releases/${encodeURIComponent(releaseId)}/areas` : null,
  );
