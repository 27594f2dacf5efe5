// Loads a resource that belongs to the signed-in person (never cached between pages), with reload().
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSession } from '../session/SessionProvider.js';
import { asProblem } from './client.js';
import type { Resource } from './useResource.js';

export type ApiResource<T> = Resource<T> & { reload: () => void };

/** `path` null means "nothing to load"; a reload keeps showing the current data until the new arrives. */
export function useApiResource<T extends { data: unknown }>(path: string | null): ApiResource<T> {
  const { api } = useSession();
  const [state, setState] = useState<{ path: string | null; resource: Resource<T> }>({
    path,
    resource: { status: 'loading' },
  });
  const generation = useRef(0);

  const load = useCallback(() => {
    if (path === null) return;
    const current = ++generation.current;
    const controller = new AbortController();
    const isCurrent = () => generation.current === current;
    setState((previous) =>
      previous.path === path && previous.resource.status === 'ready'
        ? previous
        : { path, resource: { status: 'loading' } },
    );
    api.get<T>(path, controller.signal).then(
      (data) => isCurrent() && setState({ path, resource: { status: 'ready', data } }),
      (error: unknown) =>
        isCurrent() &&
        !controller.signal.aborted &&
        setState({ path, resource: { status: 'error', problem: asProblem(error), retry: load } }),
    );
    return controller;
  }, [api, path]);

  useEffect(() => {
    const controller = load();
    return () => {
      generation.current++;
      controller?.abort();
    };
  }, [load]);

  const reload = useCallback(() => {
    load();
  }, [load]);

  const resource: Resource<T> = state.path === path ? state.resource : { status: 'loading' };
  return { ...resource, reload };
}
