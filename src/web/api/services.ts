// The service directory's addresses, typed by the shapes the server declares (src/services/schemas.ts).
import type { z } from 'zod';
import type { ServiceList } from '../../services/schemas.js';
import { queryString } from './partners.js';
import { useApiResource } from './useApiResource.js';

export type ServiceListResponse = z.infer<typeof ServiceList>;

export type ServiceQuery = {
  q?: string;
  category?: string;
  country?: string;
  eligibility?: string;
  language?: string;
  hasPlacesFree?: string;
  offset?: string;
};

export const PAGE_SIZE = 25;

// Loaded per person: signed-in partners see every service, case staff shelters' addresses too.
export const useServices = (query: ServiceQuery) =>
  useApiResource<ServiceListResponse>(
    `/api/v1/services${queryString({ ...query, limit: String(PAGE_SIZE) })}`,
  );
