// A world map shaded by one number per country (activities, gaps…), with a legend and the numbers as a table.
import { memo, useId, useLayoutEffect, useRef, useState } from 'react';
import { Loading, ProblemAlert } from '../../components/Status.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MapGeometry } from '../home/map-geometry.js';
import { useWorldGeometry } from '../home/useWorldGeometry.js';
import { classFor, type LegendClass, legendClasses } from './legend-classes.js';
import type { Vocabulary } from './vocabulary.js';
import './activities.css';

/** ColorBrewer sequential schemes (5 classes), readable with the common colour-vision deficiencies. */
export const SCALES = {
  blue: ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'],
  orange: ['#fee6ce', '#fdae6b', '#fd8d3c', '#e6550d', '#a63603'],
} as const;
const NO_DATA = '#d5d9de';

export type Scale = keyof typeof SCALES;

/** The class of a value among five equal steps up to the largest value. */
export function classOf(value: number, max: number): number {
  if (max <= 0) return 0;
  return Math.min(4, Math.floor((value / max) * 5 - 1e-9));
}

type Props = {
  values: ReadonlyMap<string, number>;
  vocabulary: Vocabulary;
  /** Names the picture and the table caption. */
  label: string;
  valueHeading: string;
  scale?: Scale;
  /** Pointer users may click a country; keyboard users get the same through the table's buttons. */
  onSelect?: (iso3: string) => void;
  /** A country to zoom the map to (the one the page is filtered to). */
  focus?: string | undefined;
};

export function CountryChoropleth(props: Props) {
  const { t, formatNumber } = useI18n();
  const geometry = useWorldGeometry();
  const captionId = useId();
  const colours = SCALES[props.scale ?? 'blue'];
  const rows = [...props.values.entries()]
    .map(([iso3, value]) => ({ iso3, name: props.vocabulary.countryName(iso3), value }))
    .sort((a, b) => b.value - a.value || a.name.localeCompare(b.name));
  const classes = legendClasses(props.values.values(), colours);
  return (
    <figure className="map-figure choropleth" aria-labelledby={captionId}>
      <figcaption id={captionId} className="legend-heading">
        {props.label}
      </figcaption>
      <div className="map-frame">
        {geometry.status === 'loading' ? <Loading /> : null}
        {geometry.status === 'error' ? (
          <ProblemAlert problem={geometry.problem} onRetry={geometry.retry} />
        ) : null}
        {geometry.status === 'ready' ? (
          <ShadedMap
            geometry={geometry.data}
            values={props.values}
            vocabulary={props.vocabulary}
            classes={classes}
            label={props.label}
            onSelect={props.onSelect}
            focus={props.focus}
          />
        ) : null}
      </div>
      <div className="legend">
        <ul>
          {classes.map((step) => (
            <li key={step.colour}>
              <span className="swatch" style={{ background: step.colour }} aria-hidden="true" />
              {step.from === step.to
                ? formatNumber(step.from)
                : t('choropleth.range', { from: formatNumber(step.from), to: formatNumber(step.to) })}
            </li>
          ))}
          <li>
            <span className="swatch" style={{ background: NO_DATA }} aria-hidden="true" />
            {t('choropleth.none')}
          </li>
        </ul>
      </div>
      <details className="map-table">
        <summary>{t('choropleth.showTable')}</summary>
        {rows.length === 0 ? (
          <p>{t('choropleth.noCountries')}</p>
        ) : (
          <table className="data-table">
            <caption>{props.label}</caption>
            <thead>
              <tr>
                <th scope="col">{t('choropleth.country')}</th>
                <th scope="col" className="numeric">
                  {props.valueHeading}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.iso3}>
                  <th scope="row">
                    {props.onSelect ? (
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => props.onSelect?.(row.iso3)}
                      >
                        {row.name}
                      </button>
                    ) : (
                      row.name
                    )}
                  </th>
                  <td className="numeric">{formatNumber(row.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </details>
    </figure>
  );
}

const ShadedMap = memo(function ShadedMap(props: {
  geometry: MapGeometry;
  values: ReadonlyMap<string, number>;
  vocabulary: Vocabulary;
  classes: readonly LegendClass[];
  label: string;
  onSelect?: ((iso3: string) => void) | undefined;
  focus?: string | undefined;
}) {
  const { formatNumber } = useI18n();
  const { geometry, vocabulary } = props;
  const viewBox = useFocusedViewBox(geometry.viewBox, props.focus);
  const shade = (iso3: string | undefined) =>
    classFor(iso3 ? props.values.get(iso3) : undefined, props.classes)?.colour ?? NO_DATA;
  const titleOf = (iso3: string) => {
    const value = props.values.get(iso3);
    return `${vocabulary.countryName(iso3)}: ${formatNumber(value ?? 0)}`;
  };
  return (
    <svg ref={viewBox.ref} className="world-map" role="img" aria-label={props.label} viewBox={viewBox.value}>
      <path className="map-ocean" d={geometry.sphere} />
      <g className="map-countries">
        {geometry.shapes.map((shape, i) => {
          const iso3 = shape.numeric ? vocabulary.countryByNumeric.get(shape.numeric)?.iso3 : undefined;
          const isClickable = Boolean(iso3 && props.onSelect && props.values.has(iso3));
          return (
            // Pointer convenience only: keyboard users choose the same country in the table below the map.
            // biome-ignore lint/a11y/noStaticElementInteractions: a shape inside role="img" cannot be a control
            <path
              key={shape.numeric ?? `unlisted-${i}`}
              d={shape.d}
              fill={shade(iso3)}
              data-iso3={iso3}
              className={isClickable ? 'is-clickable' : undefined}
              onClick={isClickable && iso3 ? () => props.onSelect?.(iso3) : undefined}
            >
              {iso3 ? <title>{titleOf(iso3)}</title> : null}
            </path>
          );
        })}
      </g>
    </svg>
  );
});

/** The whole world, or the focused country's outline with a margin around it (measured once drawn). */
function useFocusedViewBox(world: string, focus: string | undefined) {
  const ref = useRef<SVGSVGElement>(null);
  const [value, setValue] = useState(world);
  useLayoutEffect(() => {
    const shape = focus ? ref.current?.querySelector<SVGGraphicsElement>(`path[data-iso3="${focus}"]`) : null;
    if (!shape) {
      setValue(world);
      return;
    }
    const box = shape.getBBox();
    // At least a region's width around a small country, so that its neighbours give it a place.
    const size = Math.max(box.width, box.height * 2, 80) * 1.6;
    const [x, y] = [box.x + box.width / 2 - size / 2, box.y + box.height / 2 - size / 4];
    setValue(`${x.toFixed(1)} ${y.toFixed(1)} ${size.toFixed(1)} ${(size / 2).toFixed(1)}`);
  }, [world, focus]);
  return { ref, value };
}
