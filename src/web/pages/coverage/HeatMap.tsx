// A heat-map drawn as SVG (rows × columns, a number in each cell), downloadable as PNG or SVG, with a table.
import { useId, useRef } from 'react';
import { useI18n } from '../../i18n/I18nProvider.js';
import { classOf, SCALES } from '../activities/CountryChoropleth.js';
import { downloadPng, downloadSvg } from './export.js';
import type { HeatCell } from './heatmap-data.js';
import { CELL, estimateWidth, FONT_SIZE, layoutHeatMap, type Measure } from './heatmap-layout.js';

type Axis = { value: string; label: string }[];

const FONT = 'system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans Arabic", sans-serif';

let canvas: CanvasRenderingContext2D | null | undefined;

/** Labels measured in the font they are drawn in; estimated where no canvas is available. */
const measureText: Measure = (label, bold) => {
  if (canvas === undefined)
    canvas = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!canvas) return estimateWidth(label, bold);
  canvas.font = `${bold ? 600 : 400} ${FONT_SIZE}px ${FONT}`;
  return canvas.measureText(label).width;
};

export function HeatMap(props: {
  title: string;
  description: string;
  rows: Axis;
  columns: Axis;
  cells: HeatCell[];
  filename: string;
  source: string;
}) {
  const { t, formatNumber, info } = useI18n();
  const svgRef = useRef<SVGSVGElement>(null);
  const titleId = useId();
  const values = new Map(props.cells.map((cell) => [`${cell.row}\u0000${cell.column}`, cell.value]));
  const cellValue = (row: string, column: string) => values.get(`${row}\u0000${column}`) ?? 0;
  const max = Math.max(0, ...props.cells.map((cell) => cell.value));
  const colours = SCALES.blue;
  const layout = layoutHeatMap(
    props.rows.map((r) => r.label),
    props.columns.map((c) => c.label),
    info.dir === 'rtl',
    measureText,
  );
  const { width, height } = layout;
  return (
    <figure className="heatmap-figure" aria-labelledby={titleId}>
      <figcaption id={titleId}>
        <h3>{props.title}</h3>
        <p className="note">{props.description}</p>
      </figcaption>
      {/* Focusable so that keyboard users can scroll a heat-map wider than the page. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: axe requires a scrollable region to take keyboard focus */}
      <section className="heatmap-frame" tabIndex={0} aria-label={props.title}>
        <svg
          ref={svgRef}
          role="img"
          aria-label={`${props.title}. ${props.description}`}
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          fontFamily={FONT}
          fontSize={FONT_SIZE}
          direction="ltr"
        >
          <rect x={0} y={0} width={width} height={height} fill="#ffffff" />
          {props.columns.map((column, c) => {
            const x = layout.columnX(c) + CELL / 2;
            return (
              <text
                key={column.value || 'none'}
                transform={`translate(${x},${layout.gridTop - 6}) rotate(${layout.columnLabel.rotate})`}
                fill="#1b2430"
                textAnchor={layout.columnLabel.anchor}
              >
                {column.label}
              </text>
            );
          })}
          {props.rows.map((row, r) => {
            const y = layout.rowY(r);
            return (
              <g key={row.value}>
                <text
                  x={layout.rowLabel.x}
                  y={y + CELL / 2 + 4}
                  textAnchor={layout.rowLabel.anchor}
                  fill="#1b2430"
                  fontWeight={600}
                >
                  {row.label}
                </text>
                {props.columns.map((column, c) => {
                  const value = cellValue(row.value, column.value);
                  const fill = value === 0 ? '#f3f4f6' : (colours[classOf(value, max)] ?? '#f3f4f6');
                  const x = layout.columnX(c);
                  return (
                    <g key={column.value || 'none'}>
                      <rect
                        x={x}
                        y={y}
                        width={CELL - 2}
                        height={CELL - 2}
                        fill={fill}
                        stroke="#c8ced6"
                        strokeWidth={0.5}
                      >
                        <title>{`${row.label} × ${column.label}: ${formatNumber(value)}`}</title>
                      </rect>
                      <text
                        x={x + (CELL - 2) / 2}
                        y={y + CELL / 2 + 3}
                        textAnchor="middle"
                        fontSize={11}
                        fill={classOf(value, max) >= 3 ? '#ffffff' : '#1b2430'}
                      >
                        {value === 0 ? '' : formatNumber(value)}
                      </text>
                    </g>
                  );
                })}
              </g>
            );
          })}
          <text
            x={layout.sourceX}
            y={height - 8}
            fontSize={11}
            fill="#4a5563"
            textAnchor={layout.sourceAnchor}
          >
            {props.source}
          </text>
        </svg>
      </section>
      <div className="button-row">
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => svgRef.current && downloadPng(svgRef.current, props.filename)}
        >
          {t('chart.downloadPng')}
        </button>
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => svgRef.current && downloadSvg(svgRef.current, props.filename)}
        >
          {t('chart.downloadSvg')}
        </button>
      </div>
      <details className="map-table">
        <summary>{t('chart.showTable')}</summary>
        <div className="table-scroll">
          <table className="data-table">
            <caption>{props.title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('chart.rowsColumns')}</th>
                {props.columns.map((column) => (
                  <th scope="col" key={column.value || 'none'}>
                    {column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {props.rows.map((row) => (
                <tr key={row.value}>
                  <th scope="row">{row.label}</th>
                  {props.columns.map((column) => (
                    <td className="numeric" key={column.value || 'none'}>
                      {formatNumber(cellValue(row.value, column.value))}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
