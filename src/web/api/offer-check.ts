// The job-offer check's counts of anonymous reports, typed by the shape the server declares
// (src/prevention/offer-check/server/reports.ts).
import type { OfferReportCounts } from '../../prevention/offer-check/server/reports.js';
import { useApiResource } from './useApiResource.js';

export type { OfferReportCounts };

export const OFFER_REPORT_COUNTS = '/api/v1/offer-check/reports/counts';

/** Null path while the person may not read them: nothing is asked. */
export const useOfferReportCounts = (mayRead: boolean) =>
  useApiResource<{ data: OfferReportCounts }>(mayRead ? OFFER_REPORT_COUNTS : null);
