// The 4W register's addresses, typed by the shapes the server declares (src/activities/schemas.ts).
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type {
  Activity,
  ActivityInput,
  ActivityList,
  ActivityResponse,
  ActivityVersionList,
} from '../../activities/schemas.js';
import type { Problem } from '../../platform/errors.js';
import { useSession } from '../session/SessionProvider.js';
import { asProblem } from './client.js';
import { queryString } from './partners.js';
import { useApiResource } from './useApiResource.js';

export type { Activity, ActivityInput };
export type ActivityVersion = z.infer<typeof ActivityVersionList>['data'][number];

/** The list's filters, as the API names them (all optional, all plain strings in the address). */
export const ACTIVITY_FILTERS = [
  'country',
  'pillar',
  'activityType',
  'form',
  'targetGroup',
  'status',
  'organisationId',
  'from',
  'to',
  'q',
  'needsClassification',
] as const;
export type ActivityFilterName = (typeof ACTIVITY_FILTERS)[number];
export type ActivityFilterValues = Partial<Record<ActivityFilterName, string>>;

export const ACTIVITIES_PATH = '/api/v1/activities';
/** Pages the list and the map read together; a larger register shows a note that more exist. */
const PAGE_SIZE = 500;
const MAX_PAGES = 4;

export const useActivity = (id: string) =>
  useApiResource<z.infer<typeof ActivityResponse>>(`${ACTIVITIES_PATH}/${encodeURIComponent(id)}`);
export const useActivityVersions = (id: string) =>
  useApiResource<z.infer<typeof ActivityVersionList>>(
    `${ACTIVITIES_PATH}/${encodeURIComponent(id)}/versions`,
  );

export type ActivitySet =
  | { status: 'loading' }
  | { status: 'error'; problem: Problem }
  | { status: 'ready'; activities: Activity[]; isComplete: boolean };

/** Every activity the filters select, page after page (up to 2,000), for the list, the map and the heat-maps. */
export function useActivitySet(filters: ActivityFilterValues): ActivitySet {
  const { api } = useSession();
  const query = queryString(filters);
  const [state, setState] = useState<{ query: string; set: ActivitySet }>({
    query,
    set: { status: 'loading' },
  });
  useEffect(() => {
    const controller = new AbortController();
    (async () => {
      const found: Activity[] = [];
      let after: string | null = null;
      for (let page = 0; page < MAX_PAGES; page++) {
        const separator = query ? '&' : '?';
        const cursor = after ? `&after=${encodeURIComponent(after)}` : '';
        const answer: z.infer<typeof ActivityList> = await api.get(
          `${ACTIVITIES_PATH}${query}${separator}limit=${PAGE_SIZE}${cursor}`,
          controller.signal,
        );
        found.push(...answer.data);
        after = answer.next;
        if (!after) break;
      }
      return { activities: found, isComplete: after === null };
    })().then(
      (result) => setState({ query, set: { status: 'ready', ...result } }),
      (error: unknown) => {
        if (!controller.signal.aborted)
          setState({ query, set: { status: 'error', problem: asProblem(error) } });
      },
    );
    return () => controller.abort();
  }, [api, query]);
  return state.query === query ? state.set : { status: 'loading' };
}
