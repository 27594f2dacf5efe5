// Horizontal grouped bars with their figures written beside them; censored parts hatched.
import { useId } from 'react';
import { AXIS_INK, type Bounds, MARK_OUTLINE, niceTicks, reach, seriesColour, TEXT_INK } from './figures.js';

export type BarSeries = { key: string; label: string };
export type BarGroup = { key: string; label: string; values: readonly (Bounds | null)[] };

type Props = {
  /** What the picture shows, for screen readers (the table below gives the figures). */
  label: string;
  series: readonly BarSeries[];
  groups: readonly BarGroup[];
  format: (bounds: Bounds) => string;
  /** Text shown where a group has no figure for a series. */
  noFigure: string;
  /** Right-to-left layout: labels on the right, bars growing leftwards. */
  isRtl: boolean;
  /** One colour per group instead of per series (when there is a single series). */
  colourByGroup?: boolean;
  /** The axis maximum, for instance 1 for shares. */
  max?: number;
  tickFormat?: (n: number) => string;
};

const WIDTH = 640;
const LABEL = 170;
const VALUE_SPACE = 80;
const BAR = 18;
const GAP = 4;
const GROUP_GAP = 14;
const LEGEND = 26;
const AXIS = 22;

/** Splits a label into lines of about `max` characters at spaces, so long names fit the label column. */
export function wrapLabel(text: string, max = 22): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/)) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

export function BarChart(props: Props) {
  const patternId = `hatch${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const { series, groups, isRtl } = props;
  const hasLegend = series.length > 1;
  const top = hasLegend ? LEGEND + 6 : 6;
  const groupHeight = series.length * (BAR + GAP) - GAP;
  const height = top + groups.length * (groupHeight + GROUP_GAP) + AXIS;
  const max = props.max ?? Math.max(1, ...groups.flatMap((g) => g.values.map((v) => (v ? reach(v) : 0))));
  const ticks = props.max !== undefined ? niceTicks(props.max, 4) : niceTicks(max, 4);
  const axisMax = Math.max(max, ticks.at(-1) ?? max);
  const plot = WIDTH - LABEL - VALUE_SPACE;
  const scale = (v: number) => (v / axisMax) * plot;
  // Positions are computed left-to-right, then mirrored for right-to-left languages.
  const x = (ltrX: number, width = 0) => (isRtl ? WIDTH - ltrX - width : ltrX);
  const anchor = (ltr: 'start' | 'end') => (isRtl ? (ltr === 'start' ? 'end' : 'start') : ltr);
  const colour = (groupIndex: number, seriesIndex: number) =>
    seriesColour(props.colourByGroup ? groupIndex : seriesIndex);
  const axisY = height - AXIS;

  return (
    <svg
      className="chart-svg"
      direction="ltr"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-label={props.label}
    >
      <defs>
        <pattern
          id={patternId}
          width="6"
          height="6"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width="6" height="6" fill="#ffffff" />
          <line x1="0" y1="0" x2="0" y2="6" stroke={MARK_OUTLINE} strokeWidth="2" />
        </pattern>
      </defs>
      {hasLegend ? (
        <g>
          {series.map((s, i) => {
            const slot = LABEL + i * Math.min(150, (WIDTH - LABEL) / series.length);
            return (
              <g key={s.key}>
                <rect
                  x={x(slot, 14)}
                  y={6}
                  width={14}
                  height={14}
                  fill={colour(0, i)}
                  stroke={MARK_OUTLINE}
                />
                <text x={x(slot + 20)} y={18} fontSize="13" fill={TEXT_INK} textAnchor={anchor('start')}>
                  {s.label}
                </text>
              </g>
            );
          })}
        </g>
      ) : null}
      {ticks.map((tick) => (
        <g key={tick}>
          <line
            x1={x(LABEL + scale(tick))}
            x2={x(LABEL + scale(tick))}
            y1={top - 2}
            y2={axisY}
            stroke="#d5dbe1"
          />
          <text x={x(LABEL + scale(tick))} y={axisY + 15} fontSize="11" fill={AXIS_INK} textAnchor="middle">
            {props.tickFormat ? props.tickFormat(tick) : tick}
          </text>
        </g>
      ))}
      {groups.map((group, gi) => {
        const y0 = top + gi * (groupHeight + GROUP_GAP);
        return (
          <g key={group.key}>
            <text
              x={x(LABEL - 8)}
              y={y0 + groupHeight / 2 + 4 - ((wrapLabel(group.label).length - 1) * 15) / 2}
              fontSize="13"
              fill={TEXT_INK}
              textAnchor={anchor('end')}
            >
              {wrapLabel(group.label).map((line, i) => (
                <tspan key={line} x={x(LABEL - 8)} dy={i === 0 ? 0 : 15}>
                  {line}
                </tspan>
              ))}
            </text>
            {group.values.map((value, si) => {
              const y = y0 + si * (BAR + GAP);
              const key = series[si]?.key ?? si;
              if (!value) {
                return (
                  <text
                    key={key}
                    x={x(LABEL + 4)}
                    y={y + 13}
                    fontSize="12"
                    fill={AXIS_INK}
                    textAnchor={anchor('start')}
                  >
                    {props.noFigure}
                  </text>
                );
              }
              const solid = scale(value.lower);
              const full = scale(reach(value));
              return (
                <g key={key}>
                  {solid > 0 ? (
                    <rect
                      x={x(LABEL, solid)}
                      y={y}
                      width={solid}
                      height={BAR}
                      fill={colour(gi, si)}
                      stroke={MARK_OUTLINE}
                      strokeWidth="0.75"
                    />
                  ) : null}
                  {full > solid ? (
                    <rect
                      x={x(LABEL + solid, full - solid)}
                      y={y}
                      width={full - solid}
                      height={BAR}
                      fill={`url(#${patternId})`}
                      stroke={MARK_OUTLINE}
                      strokeWidth="0.75"
                    />
                  ) : null}
                  <text
                    x={x(LABEL + full + 5)}
                    y={y + 14}
                    fontSize="12"
                    fill={TEXT_INK}
                    textAnchor={anchor('start')}
                  >
                    {series.length > 1 ? `${props.format(value)}` : props.format(value)}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
      <line x1={x(LABEL)} x2={x(LABEL)} y1={top - 2} y2={axisY} stroke={AXIS_INK} />
    </svg>
  );
}
