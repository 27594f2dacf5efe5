// The register of intermediaries' addresses, typed by the shapes the server declares
// (src/prevention/register-store/api-schemas.ts).
import type {
  AgencyView,
  ImportPreview,
  ImportSummaryView,
  LookupView,
  RegisterFile,
} from '../../prevention/register-store/api-schemas.js';
import { useApiResource } from './useApiResource.js';

export type { AgencyView, ImportPreview, ImportSummaryView, LookupView, RegisterFile };
export type LookupResponse = { data: LookupView };
export type AgencyResponse = { data: AgencyView };

export const INTERMEDIARIES = '/api/v1/intermediaries';
export const agencyPath = (id: string, rest = '') => `${INTERMEDIARIES}/${encodeURIComponent(id)}${rest}`;
export const IMPORT_PREVIEW = `${INTERMEDIARIES}/imports/preview`;
export const IMPORT = `${INTERMEDIARIES}/imports`;

export type LookupParams = { name: string; licence: string; country: string };

/** The look-up's address; null (nothing to ask) until a name, a licence number or a country is given. */
export function lookupPath(params: LookupParams, language: string): string | null {
  const query = new URLSearchParams();
  if (params.name.trim()) query.set('name', params.name.trim());
  if (params.licence.trim()) query.set('licence', params.licence.trim());
  if (params.country) query.set('country', params.country);
  if ([...query.keys()].length === 0) return null;
  query.set('lang', language);
  return `${INTERMEDIARIES}?${query}`;
}

export const useLookup = (path: string | null) => useApiResource<LookupResponse>(path);
export const useAgency = (id: string, language: string) =>
  useApiResource<AgencyResponse>(`${agencyPath(id)}?lang=${encodeURIComponent(language)}`);
