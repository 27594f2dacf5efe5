// The world map: countries coloured by UN M49 region, small states as dots, names on hover.
import { memo } from 'react';
import type { Country } from '../../../reference/schemas.js';
import type { MapGeometry } from './map-geometry.js';
import { regionColour } from './palette.js';

/** Radius of a small state's dot, in units of the 960-wide map: about 6 px across on a laptop. */
const MARKER_RADIUS = 3;

export type CountryLabel = { country: Country; title: string };

type Props = {
  geometry: MapGeometry;
  /** Country and hover text by ISO numeric code, in the current language. */
  labels: ReadonlyMap<string, CountryLabel>;
  label: string;
};

/**
 * One picture (role="img") described by its aria-label and by the table that follows it.
 * Countries are not separate tab stops: some 250 of them would bury the rest of the page for
 * keyboard users, and focusable parts inside an image are invalid ARIA. Pointer users get each
 * name from its <title>; keyboard and screen-reader users get the table and the country list.
 */
export const WorldMap = memo(function WorldMap({ geometry, labels, label }: Props) {
  return (
    <svg className="world-map" role="img" aria-label={label} viewBox={geometry.viewBox}>
      <path className="map-ocean" d={geometry.sphere} />
      <g className="map-countries">
        {geometry.shapes.map((shape, i) => {
          const entry = shape.numeric ? labels.get(shape.numeric) : undefined;
          return (
            <path
              key={shape.numeric ?? `unlisted-${i}`}
              d={shape.d}
              fill={regionColour(entry?.country.regionCode)}
              data-numeric={shape.numeric ?? undefined}
              data-iso3={entry?.country.iso3}
            >
              {entry ? <title>{entry.title}</title> : null}
            </path>
          );
        })}
      </g>
      <g className="map-markers">
        {geometry.shapes.map((shape) => {
          const entry = shape.numeric ? labels.get(shape.numeric) : undefined;
          if (!shape.marker || !entry) return null;
          return <Marker key={shape.numeric} entry={entry} x={shape.marker[0]} y={shape.marker[1]} />;
        })}
        {geometry.extraMarkers.map((marker) => {
          const entry = labels.get(marker.numeric);
          return entry ? <Marker key={marker.numeric} entry={entry} x={marker.x} y={marker.y} /> : null;
        })}
      </g>
    </svg>
  );
});

function Marker(props: { entry: CountryLabel; x: number; y: number }) {
  const { country, title } = props.entry;
  return (
    <circle
      className="map-marker"
      cx={props.x}
      cy={props.y}
      r={MARKER_RADIUS}
      fill={regionColour(country.regionCode)}
      data-numeric={country.numeric}
      data-iso3={country.iso3}
    >
      <title>{title}</title>
    </circle>
  );
}
