// Builds the web app (src/web → dist/web); in development, forwards /api to the server on :3000.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { geoArea, geoCentroid } from 'd3-geo';
import type { Feature, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { defineConfig, type Plugin } from 'vite';

const require = createRequire(import.meta.url);
const atlas50m = require.resolve('world-atlas/countries-50m.json');
const atlas10m = require.resolve('world-atlas/countries-10m.json');

function countryFeatures(file: string) {
  const topology = JSON.parse(readFileSync(file, 'utf8')) as Topology;
  return feature(topology, topology.objects.countries as GeometryCollection).features;
}

/** A multi-island country's largest island, so that its dot lands on land, not between atolls. */
function largestPart(f: Feature<Geometry>): Feature<Geometry> {
  if (f.geometry.type !== 'MultiPolygon') return f;
  const parts = f.geometry.coordinates.map(
    (coordinates): Feature<Geometry> => ({
      type: 'Feature',
      properties: {},
      geometry: { type: 'Polygon', coordinates },
    }),
  );
  return parts.reduce((best, part) => (geoArea(part) > geoArea(best) ? part : best));
}

/**
 * `virtual:map-extra-points`: centroids of the countries the 10m map has and the 50m map lacks
 * (Tuvalu, for one), computed at build time so the browser never downloads the 3.6 MB 10m file.
 */
function mapExtraPoints(): Plugin {
  const id = 'virtual:map-extra-points';
  return {
    name: 'concerted-map-extra-points',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load(loadId) {
      if (loadId !== `\0${id}`) return null;
      const present = new Set(countryFeatures(atlas50m).map((f) => String(f.id)));
      const points: Record<string, [number, number]> = {};
      for (const f of countryFeatures(atlas10m)) {
        if (f.id === undefined || present.has(String(f.id))) continue;
        const [lon, lat] = geoCentroid(largestPart(f));
        points[String(f.id)] = [Math.round(lon * 100) / 100, Math.round(lat * 100) / 100];
      }
      return `export default ${JSON.stringify(points)};`;
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('src/web', import.meta.url)),
  plugins: [react(), mapExtraPoints()],
  resolve: { alias: { 'virtual:world-topology': atlas50m } },
  build: {
    outDir: fileURLToPath(new URL('dist/web', import.meta.url)),
    emptyOutDir: true,
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
