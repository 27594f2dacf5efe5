// The report's indicators section: a bar per indicator, then every indicator against its targets, one row per
// disaggregation (baseline, target, latest approved actual, computed status), grouped by pillar.
import type { DisaggregatedProgress } from '../engine/indicator-progress.js';
import { listIndicatorProgress, type PlacedIndicatorProgress } from '../engine/plan-indicators.js';
import { PILLARS } from '../engine/plan-measures.js';
import { html, type Interpolation, type Markup } from './html.js';
import { indicatorProgressChart } from './report-charts.js';
import type { ReportContext } from './report-context.js';
import { fillLabel } from './report-labels.js';
import { emptyNote, sectionHeading, statusBadge, withNote } from './report-tables.js';

export function indicatorsSection(context: ReportContext): Markup {
  const { labels, input } = context;
  const indicators = listIndicatorProgress(input.plan, { asOf: input.today });
  const body =
    indicators.length === 0
      ? emptyNote(labels.empty.indicators)
      : html`${indicatorProgressChart(context, indicators)}${indicatorTable(context, indicators)}<p class="rule">${labels.statusRule}</p>`;
  return html`<section class="report-section">${sectionHeading(labels.indicators)}${body}</section>`;
}

const COLUMN_COUNT = 6;

function indicatorTable(context: ReportContext, indicators: readonly PlacedIndicatorProgress[]): Markup {
  const { columns } = context.labels;
  const headers = [
    columns.indicator,
    columns.people,
    columns.baseline,
    columns.target,
    columns.actual,
    columns.status,
  ];
  const groups = PILLARS.map((pillar) => ({
    pillar,
    indicators: indicators.filter((indicator) => indicator.pillar === pillar),
  })).filter((group) => group.indicators.length > 0);
  return html`<table class="indicators">
<thead><tr>${headers.map((header, index) => html`<th scope="col"${index >= 2 && index <= 4 ? html` class="num"` : ''}>${header}</th>`)}</tr></thead>
${groups.map(
  (group) =>
    html`<tbody><tr class="group"><th scope="rowgroup" colspan="${COLUMN_COUNT}">${context.pillar(group.pillar)}</th></tr>${group.indicators.map((indicator) => indicatorRows(context, indicator))}</tbody>`,
)}
</table>`;
}

function indicatorRows(context: ReportContext, indicator: PlacedIndicatorProgress): Markup {
  const nameCell = html`<th scope="row" rowspan="${indicator.rows.length}">${indicator.indicatorName}<span class="note">${indicator.unit}</span><span class="note">${context.measureTitle(indicator.measureId)}</span></th>`;
  return html`${indicator.rows.map(
    (row, index) =>
      html`<tr>${index === 0 ? nameCell : ''}${progressCells(context, row).map((cell, cellIndex) => html`<td${cellIndex >= 1 && cellIndex <= 3 ? html` class="num"` : ''}>${cell}</td>`)}</tr>`,
  )}`;
}

function progressCells(context: ReportContext, row: DisaggregatedProgress): Interpolation[] {
  const { labels } = context;
  const differs =
    row.statusDiffers && row.reportedStatus !== null
      ? html`<span class="note">${fillLabel(labels.reportedDiffers, { status: labels.progressStatuses[row.reportedStatus] })}</span>`
      : '';
  return [
    context.people(row.disaggregation),
    row.baseline ? withNote(context.number(row.baseline.value), context.date(row.baseline.date)) : '—',
    row.target ? withNote(context.number(row.target.value), context.period(row.target)) : '—',
    row.actual ? withNote(context.number(row.actual.value), context.period(row.actual.period)) : '—',
    html`${statusBadge(context, row.computedStatus)}${differs}`,
  ];
}
