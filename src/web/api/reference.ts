// The reference API's addresses, typed by the shapes the server declares for them.
import type { z } from 'zod';
import type { CodeListIndex, CodeListResponse, CountryList, M49AreaList } from '../../reference/schemas.js';
import { useResource } from './useResource.js';

const BASE = '/api/v1/reference';

export const useCountries = () => useResource<z.infer<typeof CountryList>>(`${BASE}/countries`);
export const useRegions = () => useResource<z.infer<typeof M49AreaList>>(`${BASE}/regions`);
export const useCodeListIndex = () => useResource<z.infer<typeof CodeListIndex>>(`${BASE}/code-lists`);
export const useCodeList = (name: string | null) =>
  useResource<z.infer<typeof CodeListResponse>>(
    name === null ? null : `${BASE}/code-lists/${encodeURIComponent(name)}`,
  );
