// The coverage analysis' addresses, typed by the shapes the server declares (src/coverage/schemas.ts).
import type { z } from 'zod';
import type { CountryProfile, CoverageReport, Finding } from '../../coverage/schemas.js';
import { queryString } from './partners.js';
import { useApiResource } from './useApiResource.js';

export type { CountryProfile, CoverageReport, Finding };

export const COVERAGE_FILTERS = [
  'from',
  'to',
  'country',
  'pillar',
  'activityType',
  'form',
  'targetGroup',
  'organisationId',
] as const;
export type CoverageFilterName = (typeof COVERAGE_FILTERS)[number];
export type CoverageFilterValues = Partial<Record<CoverageFilterName, string>>;

export const COVERAGE_PATH = '/api/v1/coverage';

/** The whole report (matrix, findings, country profiles) for the period and filters. */
export const useCoverageReport = (filters: CoverageFilterValues) =>
  useApiResource<{ data: z.infer<typeof CoverageReport> }>(`${COVERAGE_PATH}${queryString(filters)}`);

export const findingsCsvHref = (filters: CoverageFilterValues) =>
  `${COVERAGE_PATH}/findings.csv${queryString(filters)}`;
export const matrixCsvHref = (filters: CoverageFilterValues) =>
  `${COVERAGE_PATH}/matrix.csv${queryString(filters)}`;
