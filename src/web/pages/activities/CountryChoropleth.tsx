// A world map shaded by one number per country (activities, gaps…), with a legend and the numbers as a table.
import { memo, useId } from 'react';
import { Loading, ProblemAlert } from '../../components/Status.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MapGeometry } from '../home/map-geometry.js';
import { useWorldGeometry } from '../home/useWorldGeometry.js';
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
};

export function CountryChoropleth(props: Props) {
  const { t, formatNumber } = useI18n();
  const geometry = useWorldGeometry();
  const captionId = useId();
  const colours = SCALES[props.scale ?? 'blue'];
  const max = Math.max(0, ...props.values.values());
  const rows = [...props.values.entries()]
    .map(([iso3, value]) => ({ iso3, name: props.vocabulary.countryName(iso3), value }))
    .sort((a, b) => b.value - a.value || a.name.localeCompare(b.name));
  const steps = colours.map((colour, i) => ({
    colour,
    from: Math.floor((max * i) / 5) + (i === 0 ? 0 : 1),
    to: Math.ceil((max * (i + 1)) / 5),
  }));
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
            colours={colours}
            max={max}
            label={props.label}
            onSelect={props.onSelect}
          />
        ) : null}
      </div>
      <div className="legend">
        <ul>
          {max > 0
            ? steps.map((step) => (
                <li key={step.colour}>
                  <span className="swatch" style={{ background: step.colour }} aria-hidden="true" />
                  {t('choropleth.range', { from: formatNumber(step.from), to: formatNumber(step.to) })}
                </li>
              ))
            : null}
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
  colours: readonly string[];
  max: number;
  label: string;
  onSelect?: ((iso3: string) => void) | undefined;
}) {
  const { formatNumber } = useI18n();
  const { geometry, vocabulary } = props;
  const shade = (iso3: string | undefined) => {
    const value = iso3 ? props.values.get(iso3) : undefined;
    return value === undefined || value === 0
      ? NO_DATA
      : (props.colours[classOf(value, props.max)] ?? NO_DATA);
  };
  const titleOf = (iso3: string) => {
    const value = props.values.get(iso3);
    return `${vocabulary.countryName(iso3)}: ${formatNumber(value ?? 0)}`;
  };
  return (
    <svg className="world-map" role="img" aria-label={props.label} viewBox={geometry.viewBox}>
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
