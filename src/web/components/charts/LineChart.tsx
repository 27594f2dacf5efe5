// Lines over years, one marker shape per series, censored years drawn as a vertical range.
import type { ReactNode } from 'react';
import {
  AXIS_INK,
  type Bounds,
  isExact,
  niceTicks,
  reach,
  seriesColour,
  TEXT_INK,
  yearTicks,
} from './figures.js';

export type LinePoint = { year: number; bounds: Bounds };
export type LineSeries = { key: string; label: string; points: readonly LinePoint[] };

type Props = {
  label: string;
  series: readonly LineSeries[];
  format: (bounds: Bounds) => string;
  tickFormat: (n: number) => string;
  /** Legend placement follows the reading direction; the time axis stays left-to-right. */
  isRtl: boolean;
};

const WIDTH = 640;
const HEIGHT = 300;
const PAD = { top: 34, right: 90, bottom: 28, left: 56 };
/** Room for one legend entry; entries wrap onto further rows rather than run into each other. */
const LEGEND_SLOT = 170;
const LEGEND_ROW = 20;
const SHAPES = ['circle', 'square', 'triangle', 'diamond'] as const;

function Marker(props: {
  shape: (typeof SHAPES)[number];
  x: number;
  y: number;
  colour: string;
  hollow: boolean;
}) {
  const { x, y, colour } = props;
  const style = { fill: props.hollow ? '#ffffff' : colour, stroke: colour, strokeWidth: 2 };
  switch (props.shape) {
    case 'square':
      return <rect x={x - 4.5} y={y - 4.5} width={9} height={9} {...style} />;
    case 'triangle':
      return <path d={`M${x},${y - 6} L${x + 5.5},${y + 4} L${x - 5.5},${y + 4} Z`} {...style} />;
    case 'diamond':
      return <path d={`M${x},${y - 6} L${x + 6},${y} L${x},${y + 6} L${x - 6},${y} Z`} {...style} />;
    default:
      return <circle cx={x} cy={y} r={5} {...style} />;
  }
}

export function LineChart(props: Props) {
  const years = [...new Set(props.series.flatMap((s) => s.points.map((p) => p.year)))].sort((a, b) => a - b);
  const first = years[0] ?? 0;
  const last = years.at(-1) ?? first;
  const max = Math.max(1, ...props.series.flatMap((s) => s.points.map((p) => reach(p.bounds))));
  const ticks = niceTicks(max, 4);
  const top = ticks.at(-1) ?? max;
  const plotW = WIDTH - PAD.left - PAD.right;
  const perRow = Math.max(1, Math.floor((WIDTH - PAD.left) / LEGEND_SLOT));
  const extra = (Math.ceil(props.series.length / perRow) - 1) * LEGEND_ROW;
  const height = HEIGHT + extra;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const labelledYears = yearTicks(years, plotW);
  const sx = (year: number) =>
    PAD.left + (last === first ? plotW / 2 : ((year - first) / (last - first)) * plotW);
  const sy = (v: number) => PAD.top + extra + plotH - (v / top) * plotH;
  const shape = (i: number) => SHAPES[i % SHAPES.length] ?? 'circle';

  const legend: ReactNode = props.series.map((s, i) => {
    const column = i % perRow;
    const rowY = Math.floor(i / perRow) * LEGEND_ROW;
    const slot = props.isRtl ? WIDTH - PAD.right - column * LEGEND_SLOT : PAD.left + column * LEGEND_SLOT;
    return (
      <g key={s.key}>
        <Marker
          shape={shape(i)}
          x={props.isRtl ? slot - 6 : slot + 6}
          y={14 + rowY}
          colour={seriesColour(i)}
          hollow={false}
        />
        <text
          x={props.isRtl ? slot - 18 : slot + 18}
          y={19 + rowY}
          fontSize="13"
          fill={TEXT_INK}
          textAnchor="start"
          direction={props.isRtl ? 'rtl' : 'ltr'}
        >
          {s.label}
        </text>
      </g>
    );
  });

  return (
    <svg
      className="chart-svg"
      direction="ltr"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-label={props.label}
    >
      {legend}
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={PAD.left} x2={WIDTH - PAD.right} y1={sy(tick)} y2={sy(tick)} stroke="#d5dbe1" />
          <text x={PAD.left - 6} y={sy(tick) + 4} fontSize="11" fill={AXIS_INK} textAnchor="end">
            {props.tickFormat(tick)}
          </text>
        </g>
      ))}
      {labelledYears.map((year) => (
        <text key={year} x={sx(year)} y={height - 8} fontSize="11" fill={AXIS_INK} textAnchor="middle">
          {year}
        </text>
      ))}
      <line x1={PAD.left} x2={WIDTH - PAD.right} y1={sy(0)} y2={sy(0)} stroke={AXIS_INK} />
      {props.series.map((s, i) => {
        const colour = seriesColour(i);
        const points = [...s.points].sort((a, b) => a.year - b.year);
        // The line joins the lower bounds; a censored year adds its range as a vertical bar.
        const d = points.map((p, j) => `${j === 0 ? 'M' : 'L'}${sx(p.year)},${sy(p.bounds.lower)}`).join(' ');
        const end = points.at(-1);
        return (
          <g key={s.key}>
            <path
              d={d}
              fill="none"
              stroke={colour}
              strokeWidth={2.5}
              strokeDasharray={i % 2 === 1 ? '6 3' : undefined}
            />
            {points.map((p) => (
              <g key={p.year}>
                {isExact(p.bounds) ? null : (
                  <line
                    x1={sx(p.year)}
                    x2={sx(p.year)}
                    y1={sy(p.bounds.lower)}
                    y2={sy(reach(p.bounds))}
                    stroke={colour}
                    strokeWidth={4}
                    strokeOpacity={0.6}
                  />
                )}
                <Marker
                  shape={shape(i)}
                  x={sx(p.year)}
                  y={sy(p.bounds.lower)}
                  colour={colour}
                  hollow={!isExact(p.bounds)}
                />
              </g>
            ))}
            {end ? (
              <text x={sx(end.year) + 9} y={sy(end.bounds.lower) + 4} fontSize="12" fill={TEXT_INK}>
                {props.format(end.bounds)}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
