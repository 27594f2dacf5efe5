// The partner directory's addresses, typed by the shapes the server declares (src/partners/schemas.ts).
import type { z } from 'zod';
import type { MechanismList, OrganisationList, OrganisationProfileResponse } from '../../partners/schemas.js';
import { useApiResource } from './useApiResource.js';

export type OrganisationListResponse = z.infer<typeof OrganisationList>;
export type OrganisationProfile = z.infer<typeof OrganisationProfileResponse>['data'];
export type MechanismListResponse = z.infer<typeof MechanismList>;

export type DirectoryQuery = { q?: string; actorType?: string; country?: string };

/** A query string of the non-empty values, `?` included; '' when there are none. */
export function queryString(values: Readonly<Record<string, string | undefined>>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value) params.set(name, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

// Loaded per person (useApiResource): signed-in partners see focal points' contact details.
export const useOrganisations = (query: DirectoryQuery = {}) =>
  useApiResource<OrganisationListResponse>(`/api/v1/organisations${queryString(query)}`);
export const useOrganisation = (id: string) =>
  useApiResource<z.infer<typeof OrganisationProfileResponse>>(
    `/api/v1/organisations/${encodeURIComponent(id)}`,
  );
export const useMechanisms = () => useApiResource<MechanismListResponse>('/api/v1/mechanisms');

/** The organisations of the directory as choices of a form, by name; none until they have arrived. */
export function useOrganisationChoices(): { value: string; label: string }[] {
  const organisations = useOrganisations();
  return organisations.status === 'ready'
    ? organisations.data.data.map((organisation) => ({ value: organisation.id, label: organisation.name }))
    : [];
}
