// The case API's addresses, typed by the shapes the server declares (src/cases/*schemas.ts).
import type { z } from 'zod';
import type { CaseHistory } from '../../cases/history-schemas.js';
import type {
  CaseConsents,
  CaseScreeningSummary,
  CaseStatus,
  CaseSummary as CaseSummarySchema,
  CaseView,
  PersonView,
} from '../../cases/schemas.js';
import type { ScreeningResult } from '../../cases/screening/schemas.js';
import { queryString } from './partners.js';
import { useApiResource } from './useApiResource.js';

export type { CaseStatus, CaseView };
export type CaseSummary = z.infer<typeof CaseSummarySchema>;
export type CaseListResponse = { data: CaseSummary[]; nextOffset: number | null };
export type CaseResponse = { data: CaseView };
export type PersonResponse = { data: PersonView };
export type ScreeningList = { data: z.infer<typeof CaseScreeningSummary>[] };
export type KeptScreening = { data: ScreeningResult & { id: string } };
export type ConsentsResponse = { data: z.infer<typeof CaseConsents> };
export type HistoryResponse = z.infer<typeof CaseHistory>;
export type HistoryEntry = HistoryResponse['data'][number];

export const CASES = '/api/v1/cases';
export const casePath = (id: string, rest = '') => `${CASES}/${encodeURIComponent(id)}${rest}`;

export type CaseListFilters = { status?: string; assigned?: 'me'; offset?: number };

export const CASE_PAGE_SIZE = 25;

export const useCaseList = (filters: CaseListFilters) =>
  useApiResource<CaseListResponse>(
    `${CASES}${queryString({
      status: filters.status,
      assigned: filters.assigned,
      limit: String(CASE_PAGE_SIZE),
      offset: filters.offset ? String(filters.offset) : undefined,
    })}`,
  );
export const useCase = (id: string) => useApiResource<CaseResponse>(casePath(id));
export const useScreenings = (id: string) => useApiResource<ScreeningList>(casePath(id, '/screenings'));
export const useConsents = (id: string) => useApiResource<ConsentsResponse>(casePath(id, '/consents'));
