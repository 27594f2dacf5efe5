// Loads the map topology on demand and projects it once per page load.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Problem } from '../../../platform/errors.js';
import type { MapGeometry } from './map-geometry.js';

let pending: Promise<MapGeometry> | null = null;

function loadGeometry(): Promise<MapGeometry> {
  // Map data and the projection code (d3-geo, topojson) are chunks of their own, fetched in
  // parallel, so pages without the map never download them.
  pending ??= Promise.all([
    import('virtual:world-topology'),
    import('virtual:map-extra-points'),
    import('./map-geometry.js'),
  ]).then(([topology, extra, geometry]) => geometry.projectWorld(topology.default, extra.default));
  pending.catch(() => {
    pending = null;
  });
  return pending;
}

const NETWORK_PROBLEM: Problem = {
  type: 'about:blank',
  title: 'Network error',
  status: 0,
  code: 'network_error',
};

export type GeometryState =
  | { status: 'loading' }
  | { status: 'error'; problem: Problem; retry: () => void }
  | { status: 'ready'; data: MapGeometry };

export function useWorldGeometry(): GeometryState {
  const [state, setState] = useState<GeometryState>({ status: 'loading' });
  const generation = useRef(0);

  const start = useCallback(() => {
    const current = ++generation.current;
    const isCurrent = () => generation.current === current;
    setState({ status: 'loading' });
    loadGeometry().then(
      (data) => isCurrent() && setState({ status: 'ready', data }),
      // The map is a static file of this site: failing to get it is a network problem.
      () => isCurrent() && setState({ status: 'error', problem: NETWORK_PROBLEM, retry: start }),
    );
  }, []);

  useEffect(() => {
    start();
    return () => {
      generation.current++;
    };
  }, [start]);
  return state;
}
