// The release API's addresses, typed by the shapes the server declares (src/releases/schemas.ts).
import type { z } from 'zod';
import type { ReleaseList, ReleaseView } from '../../releases/schemas.js';
import { useApiResource } from './useApiResource.js';

export type { ColumnChoice, PrepareRequest, ReleaseMethod, ReleaseSource } from '../../releases/schemas.js';
export type { ReleaseView };
export type ReleaseSummary = z.infer<typeof ReleaseList>['data'][number];
export type ReleaseListResponse = z.infer<typeof ReleaseList>;
export type ReleaseResponse = { data: ReleaseView };

/** One column of the data to release as the server read it: how varied it is and its commonest values. */
export type InspectedColumn = {
  name: string;
  distinct: number;
  missing: number;
  top: { value: string; count: number }[];
};
export type Inspection = { rows: number; columns: InspectedColumn[] };
export type InspectionResponse = { data: Inspection };

/** The disclosure-risk report (src/releases/engine/risk.ts), as the API returns it. */
export type ClassSizeBand = {
  label: string;
  from: number;
  to: number | null;
  classes: number;
  records: number;
};
export type RiskReport = {
  recordCount: number;
  quasiIdentifiers: string[];
  k: number;
  l: number;
  classCount: number;
  classSizes: ClassSizeBand[];
  classesBelowK: number;
  recordsBelowK: number;
  shareBelowK: number;
  uniqueRecords: number;
  smallestClass: number;
  diversity: { column: string; fewestDistinctValues: number; classesBelowL: number; recordsBelowL: number }[];
  verdict: 'safe' | 'at risk';
  sentences: string[];
  suggestions: {
    column: string;
    level: number;
    levelName: string;
    classCount: number;
    recordsBelowK: number;
    unknownValues: number;
  }[];
};
export type RiskResponse = { data: RiskReport };

export const RELEASES = '/api/v1/releases';
export const releasePath = (id: string, rest = '') => `${RELEASES}/${encodeURIComponent(id)}${rest}`;

// Loaded per person: signed-in preparers also see their drafts.
export const useReleases = () => useApiResource<ReleaseListResponse>(RELEASES);
export const useRelease = (id: string) => useApiResource<ReleaseResponse>(releasePath(id));
