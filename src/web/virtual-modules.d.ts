// Types of the modules vite.config.ts generates at build time.
declare module 'virtual:map-extra-points' {
  /**
   * Centroids [longitude, latitude] of countries that world-atlas draws only at its 10m scale,
   * keyed by ISO 3166-1 numeric code (Tuvalu, for example, is absent from the 50m map).
   */
  const points: Readonly<Record<string, readonly [number, number]>>;
  export default points;
}

// An alias of world-atlas/countries-50m.json (see vite.config.ts); declared here because letting
// TypeScript infer a type from 750 kB of JSON makes type-checking take minutes.
declare module 'virtual:world-topology' {
  import type { Topology } from 'topojson-specification';

  const topology: Topology;
  export default topology;
}
