// Loads a resource once per address and shares it between pages; reference data changes rarely.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Problem } from '../../platform/errors.js';
import { asProblem, getJson } from './client.js';

export type Resource<T> =
  | { status: 'loading' }
  | { status: 'error'; problem: Problem; retry: () => void }
  | { status: 'ready'; data: T };

const cache = new Map<string, Promise<unknown>>();

function load<T extends { data: unknown }>(path: string): Promise<T> {
  let pending = cache.get(path) as Promise<T> | undefined;
  if (!pending) {
    pending = getJson<T>(path);
    // A failure is not cached, so "Try again" really asks the server again.
    pending.catch(() => cache.delete(path));
    cache.set(path, pending);
  }
  return pending;
}

/** `path` null means "nothing to load yet"; the resource then stays in its loading state. */
export function useResource<T extends { data: unknown }>(path: string | null): Resource<T> {
  const [state, setState] = useState<{ path: string | null; resource: Resource<T> }>({
    path,
    resource: { status: 'loading' },
  });
  // Answers to an older request (another path, or one before a retry) are ignored.
  const generation = useRef(0);

  const start = useCallback(() => {
    if (path === null) return;
    const current = ++generation.current;
    const isCurrent = () => generation.current === current;
    setState({ path, resource: { status: 'loading' } });
    load<T>(path).then(
      (data) => isCurrent() && setState({ path, resource: { status: 'ready', data } }),
      (error: unknown) =>
        isCurrent() &&
        setState({ path, resource: { status: 'error', problem: asProblem(error), retry: start } }),
    );
  }, [path]);

  useEffect(() => {
    start();
    return () => {
      generation.current++;
    };
  }, [start]);

  // While a new path loads, never show the previous path's data.
  return state.path === path ? state.resource : { status: 'loading' };
}
