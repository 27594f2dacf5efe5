// The release API's addresses, typed by the shapes the server declares (src/releases/schemas.ts).
import type { z } from 'zod';
import type { DatasetBudget, ReleaseList, ReleaseView } from '../../releases/schemas.js';
import type { Inspection as InspectionSchema, RiskAnswer } from '../../releases/task-schemas.js';
import { useApiResource } from './useApiResource.js';

export type { ColumnChoice, PrepareRequest, ReleaseMethod, ReleaseSource } from '../../releases/schemas.js';
export type { DatasetBudget, ReleaseView };
export type ReleaseSummary = z.infer<typeof ReleaseList>['data'][number];
export type ReleaseListResponse = z.infer<typeof ReleaseList>;
export type ReleaseResponse = { data: ReleaseView };

/** The columns of the data to release as the server read them; the disclosure-risk report. */
export type Inspection = z.infer<typeof InspectionSchema>;
export type InspectedColumn = Inspection['columns'][number];
export type InspectionResponse = { data: Inspection };
export type RiskReport = z.infer<typeof RiskAnswer>;
export type RiskResponse = { data: RiskReport };

export const RELEASES = '/api/v1/releases';
export const releasePath = (id: string, rest = '') => `${RELEASES}/${encodeURIComponent(id)}${rest}`;

// Loaded per person: signed-in preparers also see their drafts.
export const useReleases = () => useApiResource<ReleaseListResponse>(RELEASES);
export const useRelease = (id: string) => useApiResource<ReleaseResponse>(releasePath(id));

/** Each dataset's privacy budget, with the releases that spent it (for those who may prepare releases). */
export type BudgetsResponse = { data: DatasetBudget[] };
export type BudgetResponse = { data: DatasetBudget };
export const BUDGETS = `${RELEASES}/budgets`;
export const budgetPath = (id: string) => `${BUDGETS}/${encodeURIComponent(id)}`;
export const useBudgets = () => useApiResource<BudgetsResponse>(BUDGETS);
