// A world choropleth: countries shaded by a figure in five classes, with its legend drawn inside.
import { memo, useEffect, useId, useRef } from 'react';
import type { MapGeometry } from '../../pages/home/map-geometry.js';
import {
  type Bounds,
  classOf,
  MARK_OUTLINE,
  NO_DATA_FILL,
  reach,
  SEQUENTIAL_BLUES,
  TEXT_INK,
} from './figures.js';

export type ChoroplethEntry = { bounds: Bounds; title: string; key: string };

type Props = {
  geometry: MapGeometry;
  /** Figures by ISO 3166-1 numeric code; countries absent here are drawn as "no figures". */
  values: ReadonlyMap<string, ChoroplethEntry>;
  /** Upper limits of the classes (see quantileBreaks). */
  breaks: readonly number[];
  label: string;
  legend: { classes: readonly string[]; noData: string; range: string };
  isRtl: boolean;
  /** Called with the entry's key when a shaded country is clicked (keyboard users get the table's links). */
  onSelect?: (key: string) => void;
};

const LEGEND_HEIGHT = 34;

export const ChoroplethMap = memo(function ChoroplethMap(props: Props) {
  const hatch = `range${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const svg = useRef<SVGSVGElement>(null);
  const { onSelect } = props;
  // One listener for the whole map: a click on a shaded country selects it. The shapes are not
  // tab stops (see WorldMap); keyboard users reach the same pages through the list beside the map.
  useEffect(() => {
    const element = svg.current;
    if (!element || !onSelect) return;
    const onClick = (event: MouseEvent) => {
      const key = (event.target as Element | null)?.closest('[data-key]')?.getAttribute('data-key');
      if (key) onSelect(key);
    };
    element.addEventListener('click', onClick);
    return () => element.removeEventListener('click', onClick);
  }, [onSelect]);
  const { geometry, values, breaks } = props;
  const [vx = 0, vy = 0, vw = 960, vh = 500] = geometry.viewBox.split(' ').map(Number);
  const fillFor = (entry: ChoroplethEntry | undefined) => {
    if (!entry) return NO_DATA_FILL;
    const low = classOf(entry.bounds.lower, breaks);
    const high = classOf(reach(entry.bounds), breaks);
    // A censored figure whose bounds fall in different classes gets no class it may not belong to.
    return low === high ? (SEQUENTIAL_BLUES[low] ?? NO_DATA_FILL) : `url(#${hatch})`;
  };
  const legendItems = [
    ...props.legend.classes.map((text, i) => ({ text, fill: SEQUENTIAL_BLUES[i] ?? NO_DATA_FILL })),
    { text: props.legend.range, fill: `url(#${hatch})` },
    { text: props.legend.noData, fill: NO_DATA_FILL },
  ];
  const legendY = vy + vh + 8;
  const slot = vw / legendItems.length;

  return (
    <svg
      ref={svg}
      direction="ltr"
      className="chart-svg world-map choropleth"
      viewBox={`${vx} ${vy} ${vw} ${vh + LEGEND_HEIGHT}`}
      role="img"
      aria-label={props.label}
    >
      <defs>
        <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill={SEQUENTIAL_BLUES[1]} />
          <line x1="0" y1="0" x2="0" y2="6" stroke={MARK_OUTLINE} strokeWidth="1.5" />
        </pattern>
      </defs>
      <path d={geometry.sphere} fill="#e8f1f8" />
      <g>
        {geometry.shapes.map((shape, i) => {
          const entry = shape.numeric ? values.get(shape.numeric) : undefined;
          return (
            <path
              key={shape.numeric ?? `unlisted-${i}`}
              d={shape.d}
              fill={fillFor(entry)}
              stroke="#6b7785"
              strokeWidth={0.4}
              data-key={entry?.key}
              className={entry && onSelect ? 'is-selectable' : undefined}
            >
              {entry ? <title>{entry.title}</title> : null}
            </path>
          );
        })}
        {geometry.shapes.map((shape) => {
          const entry = shape.numeric ? values.get(shape.numeric) : undefined;
          if (!shape.marker || !entry) return null;
          return (
            <circle
              key={`m${shape.numeric}`}
              cx={shape.marker[0]}
              cy={shape.marker[1]}
              r={3}
              fill={fillFor(entry)}
              stroke={MARK_OUTLINE}
              data-key={entry.key}
              className={onSelect ? 'is-selectable' : undefined}
            >
              <title>{entry.title}</title>
            </circle>
          );
        })}
      </g>
      <g>
        {legendItems.map((item, i) => {
          const x = props.isRtl ? vx + vw - (i + 1) * slot + 6 : vx + i * slot + 6;
          return (
            <g key={item.text}>
              <rect
                x={props.isRtl ? x + slot - 30 : x}
                y={legendY}
                width={16}
                height={16}
                fill={item.fill}
                stroke={MARK_OUTLINE}
              />
              <text
                x={props.isRtl ? x + slot - 36 : x + 22}
                y={legendY + 13}
                fontSize="13"
                fill={TEXT_INK}
                textAnchor={props.isRtl ? 'end' : 'start'}
              >
                {item.text}
              </text>
            </g>
          );
        })}
      </g>
    </svg>
  );
});
