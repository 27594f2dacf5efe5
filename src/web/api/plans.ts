// The plans of action's addresses, typed by the shapes the server declares (src/plans/schemas.ts and
// src/plans/dashboard-schemas.ts).
import type { z } from 'zod';
import type { PlanDashboard } from '../../plans/dashboard-schemas.js';
import type {
  IndicatorView,
  MeasureView,
  PlanInput,
  PlanList,
  PlanSummary,
  PlanView,
  ProgressReportInput,
  ProgressReportView,
} from '../../plans/schemas.js';
import { queryString } from './partners.js';
import { useApiResource } from './useApiResource.js';

export type {
  IndicatorView,
  MeasureView,
  PlanDashboard,
  PlanInput,
  PlanSummary,
  PlanView,
  ProgressReportInput,
  ProgressReportView,
};
export type PlanListResponse = z.infer<typeof PlanList>;
export type PlanResponse = { data: PlanView };
export type DashboardResponse = { data: PlanDashboard };
/** What PUT /plans/:id takes: the document and the version it was read at. */
export type PlanReplaceBody = PlanInput & { version: number };
export type ResultsFormat = 'iati' | 'csv' | 'xlsx';

export const PLANS = '/api/v1/plans';
export const planPath = (id: string, rest = '') => `${PLANS}/${encodeURIComponent(id)}${rest}`;
export const reportsPath = (planId: string, indicatorId: string) =>
  planPath(planId, `/indicators/${encodeURIComponent(indicatorId)}/reports`);
export const reportPath = (planId: string, reportId: string) =>
  planPath(planId, `/reports/${encodeURIComponent(reportId)}`);
export const approvalPath = (planId: string, reportId: string) => `${reportPath(planId, reportId)}/approval`;
export const measureStatusPath = (planId: string, measureId: string) =>
  planPath(planId, `/measures/${encodeURIComponent(measureId)}/status`);
export const resultsPath = (planId: string, format: ResultsFormat, lang: string) =>
  planPath(planId, `/results${queryString({ format, lang })}`);
/** The printable plan report, in the reader's language: HTML, or PDF printed by the server's Chromium. */
export const reportDocumentPath = (planId: string, format: 'html' | 'pdf', lang: string) =>
  planPath(planId, `/report.${format}${queryString({ lang })}`);

// Loaded per person: what a plan offers depends on who reads it (the `can` flags).
export const usePlans = (country?: string) =>
  useApiResource<PlanListResponse>(`${PLANS}${queryString({ country })}`);
export const usePlan = (id: string) => useApiResource<PlanResponse>(planPath(id));
export const usePlanDashboard = (id: string) => useApiResource<DashboardResponse>(planPath(id, '/dashboard'));

/** A new plan from a results file: read first (nothing written), then created with its mapping. */
export const PLAN_IMPORT_PREVIEW = `${PLANS}/imports/preview`;
export const PLAN_IMPORTS = `${PLANS}/imports`;
