// Projects the world-atlas countries once, and decides which ones are too small to see as shapes.
import { type GeoPermissibleObjects, geoEqualEarth, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

export const MAP_WIDTH = 960;
/** Shapes smaller than this (in square units of a 960-wide map) also get a dot marker. */
export const MIN_VISIBLE_AREA = 24;
/** Antarctica has no M49 region and would take a sixth of the height; the map leaves it out. */
const LEFT_OUT = new Set(['010']);

export type MapShape = {
  /** ISO 3166-1 numeric code, the key shared by world-atlas and the reference countries. */
  numeric: string | null;
  d: string;
  /** A dot at the shape's centroid when the shape is too small to see. */
  marker: readonly [number, number] | null;
};

export type MapMarker = { numeric: string; x: number; y: number };

export type MapGeometry = {
  viewBox: string;
  sphere: string;
  shapes: MapShape[];
  /** Countries the 50m map lacks, placed from build-time centroids. */
  extraMarkers: MapMarker[];
};

type CountryProperties = { name?: string };

export function projectWorld(
  topology: Topology,
  extraPoints: Readonly<Record<string, readonly [number, number]>>,
): MapGeometry {
  const object = topology.objects.countries as GeometryCollection<CountryProperties>;
  const all = (feature(topology, object) as FeatureCollection<Geometry, CountryProperties>).features;
  const features = all.filter((f) => !LEFT_OUT.has(String(f.id)));

  const projection = geoEqualEarth().fitWidth(MAP_WIDTH, { type: 'Sphere' });
  const path = geoPath(projection);
  const [[, top], [, bottom]] = path.bounds({ type: 'FeatureCollection', features } as GeoPermissibleObjects);
  const pad = 6;

  const shapes = features.map((f: Feature<Geometry, CountryProperties>): MapShape => {
    const isSmall = path.area(f) < MIN_VISIBLE_AREA;
    const [x, y] = path.centroid(f);
    return {
      numeric: f.id === undefined ? null : String(f.id),
      d: path(f) ?? '',
      marker: isSmall && Number.isFinite(x) ? [round(x), round(y)] : null,
    };
  });
  const drawn = new Set(all.map((f) => String(f.id)));
  const extraMarkers = Object.entries(extraPoints).flatMap(([numeric, point]): MapMarker[] => {
    const projected = drawn.has(numeric) ? null : projection([point[0], point[1]]);
    return projected ? [{ numeric, x: round(projected[0]), y: round(projected[1]) }] : [];
  });

  return {
    viewBox: `0 ${round(top - pad)} ${MAP_WIDTH} ${round(bottom - top + 2 * pad)}`,
    sphere: path({ type: 'Sphere' }) ?? '',
    shapes,
    extraMarkers,
  };
}

/** A point (longitude, latitude) on the same projection as projectWorld's shapes; null off the map. */
export function projectPoint(longitude: number, latitude: number): readonly [number, number] | null {
  const projected = geoEqualEarth().fitWidth(MAP_WIDTH, { type: 'Sphere' })([longitude, latitude]);
  return projected ? [round(projected[0]), round(projected[1])] : null;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
