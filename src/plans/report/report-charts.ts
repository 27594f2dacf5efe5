// Inline SVG bar charts for the printed report: no script and no external resource, so they print the same
// everywhere. Labels and legends are HTML beside the bars, so that long names wrap and Arabic reads right to
// left; the bars themselves are mirrored for right-to-left reports, so they grow from the reading side.

import { isTotal } from '../engine/disaggregation.js';
import type { ImplementationSummary } from '../engine/implementation.js';
import type { ComputedStatus, DisaggregatedProgress } from '../engine/indicator-progress.js';
import type { MeasureStatus, Pillar } from '../engine/model.js';
import type { PlacedIndicatorProgress } from '../engine/plan-indicators.js';
import { html, type Markup } from './html.js';
import type { ReportContext } from './report-context.js';
import { fillLabel } from './report-labels.js';
import { statusBadge } from './report-tables.js';

const BAR_WIDTH = 400;
const BAR_HEIGHT = 18;
const MEASURE_STATUSES: readonly MeasureStatus[] = ['completed', 'in_progress', 'planned', 'cancelled'];

/** Segment x for a bar drawn in a box of BAR_WIDTH: from the left, or from the right in a right-to-left report. */
function segmentX(context: ReportContext, start: number, width: number): number {
  return context.dir === 'rtl' ? BAR_WIDTH - start - width : start;
}

function barSvg(label: string, content: Markup): Markup {
  return html`<svg class="bar" role="img" aria-label="${label}" viewBox="0 0 ${BAR_WIDTH} ${BAR_HEIGHT}" width="${BAR_WIDTH}" height="${BAR_HEIGHT}" xmlns="http://www.w3.org/2000/svg"><title>${label}</title>${content}</svg>`;
}

/** One stacked bar per pillar, all on one scale (the pillar with most measures fills the width). */
export function measureStatusChart(
  context: ReportContext,
  byPillar: readonly (ImplementationSummary & { pillar: Pillar })[],
): Markup {
  const { labels } = context;
  const largest = Math.max(1, ...byPillar.map((row) => row.measureCount));
  const rows = byPillar.map((row) => {
    const description = [
      context.pillar(row.pillar),
      ...MEASURE_STATUSES.filter((status) => row.measuresByStatus[status] > 0).map(
        (status) => `${labels.measureStatuses[status]}: ${context.number(row.measuresByStatus[status])}`,
      ),
    ].join(' — ');
    return html`<div class="bar-row"><span class="bar-label">${context.pillar(row.pillar)}</span>${barSvg(
      description,
      stackedSegments(context, row.measuresByStatus, largest),
    )}<span class="bar-figure">${context.number(row.measureCount)}</span></div>`;
  });
  const legend = MEASURE_STATUSES.map(
    (status) =>
      html`<li><span class="swatch measure-${status.replace('_', '-')}"></span>${labels.measureStatuses[status]}</li>`,
  );
  return html`<figure class="chart"><figcaption>${labels.chartMeasuresByPillar}</figcaption>${rows}<ul class="legend">${legend}</ul></figure>`;
}

function stackedSegments(
  context: ReportContext,
  counts: Record<MeasureStatus, number>,
  largest: number,
): Markup {
  let start = 0;
  const segments = MEASURE_STATUSES.map((status) => {
    const count = counts[status];
    if (count === 0) return html``;
    const width = (count / largest) * BAR_WIDTH;
    const x = segmentX(context, start, width);
    start += width;
    const figure =
      width >= 16
        ? html`<text x="${x + width / 2}" y="13" text-anchor="middle" class="bar-count ${status === 'planned' || status === 'cancelled' ? 'dark' : 'light'}">${context.number(count)}</text>`
        : html``;
    return html`<rect x="${x}" y="0" width="${width}" height="${BAR_HEIGHT}" class="measure-${status.replace('_', '-')}"/>${figure}`;
  });
  return html`<rect x="0" y="0" width="${BAR_WIDTH}" height="${BAR_HEIGHT}" class="track"/>${segments}`;
}

/** The row an indicator's headline status comes from: its total when that has a status, else its worst part. */
function headlineRow(indicator: PlacedIndicatorProgress): DisaggregatedProgress | undefined {
  const total = indicator.rows.find((row) => isTotal(row.disaggregation));
  if (total && total.computedStatus !== 'no_data') return total;
  return indicator.rows.find((row) => row.computedStatus === indicator.headlineStatus) ?? total;
}

/** One bar per indicator: the share of the way from baseline to target, and a line where it should be by now. */
export function indicatorProgressChart(
  context: ReportContext,
  indicators: readonly PlacedIndicatorProgress[],
): Markup {
  const { labels } = context;
  const rows = indicators.map((indicator) => {
    const row = headlineRow(indicator);
    const share = row?.progressShare ?? null;
    const caption =
      share === null
        ? labels.chartNoData
        : fillLabel(labels.progressOfTarget, { share: context.percent(share) });
    const people = row && !isTotal(row.disaggregation) ? `${context.people(row.disaggregation)} — ` : '';
    return html`<div class="indicator-bar"><div class="indicator-name">${indicator.indicatorName}</div><div class="bar-row">${barSvg(
      `${indicator.indicatorName}: ${people}${caption}`,
      progressBar(context, share, row?.expectedShare ?? null, indicator.headlineStatus),
    )}<span class="bar-figure">${people}${caption} ${statusBadge(context, indicator.headlineStatus)}</span></div></div>`;
  });
  return html`<figure class="chart"><figcaption>${labels.chartIndicators}</figcaption>${rows}<p class="chart-note">${labels.chartExpectedMarker}</p></figure>`;
}

function progressBar(
  context: ReportContext,
  share: number | null,
  expected: number | null,
  status: ComputedStatus,
): Markup {
  const width = (share ?? 0) * BAR_WIDTH;
  const fill = html`<rect x="${segmentX(context, 0, width)}" y="2" width="${width}" height="${BAR_HEIGHT - 4}" class="progress-${status.replace('_', '-')}"/>`;
  const marker =
    expected === null
      ? html``
      : html`<line x1="${segmentX(context, expected * BAR_WIDTH, 0)}" x2="${segmentX(context, expected * BAR_WIDTH, 0)}" y1="0" y2="${BAR_HEIGHT}" class="expected"/>`;
  return html`<rect x="0" y="2" width="${BAR_WIDTH}" height="${BAR_HEIGHT - 4}" class="track"/>${fill}${marker}`;
}
