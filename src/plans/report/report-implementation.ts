// The report's implementation section: key figures, measures by status in each pillar (chart and table), and
// the same by owner organisation, from the engine's assessment of the plan as of the report's day.
import { assessImplementation, type ImplementationSummary } from '../engine/implementation.js';
import type { ComputedStatus } from '../engine/indicator-progress.js';
import type { OverdueReport } from '../engine/overdue.js';
import { html, type Interpolation, type Markup } from './html.js';
import { measureStatusChart } from './report-charts.js';
import type { ReportContext } from './report-context.js';
import { type Column, emptyNote, sectionHeading, statusBadge, table } from './report-tables.js';

const INDICATOR_STATUSES: readonly ComputedStatus[] = ['on_track', 'at_risk', 'off_track', 'no_data'];

export function implementationSection(
  context: ReportContext,
  overdueReports: readonly OverdueReport[],
): Markup {
  const { labels, input } = context;
  const implementation = assessImplementation(input.plan, input.today);
  const { overall } = implementation;
  const body =
    overall.measureCount === 0
      ? emptyNote(labels.empty.measures)
      : html`${keyFigures(context, overall, overdueReports.length)}
${measureStatusChart(context, implementation.byPillar)}
<h3>${labels.byPillar}</h3>
${table(
  summaryColumns(context, labels.columns.pillar),
  implementation.byPillar.map((row) => summaryCells(context, context.pillar(row.pillar), row)),
)}
<h3>${labels.byOwner}</h3>
${table(
  summaryColumns(context, labels.columns.owner),
  implementation.byOwner.map((row) =>
    summaryCells(context, context.organisation(row.ownerOrganisationId), row),
  ),
)}`;
  return html`<section class="report-section">${sectionHeading(labels.implementation)}${body}</section>`;
}

function keyFigures(
  context: ReportContext,
  overall: ImplementationSummary,
  overdueReportCount: number,
): Markup {
  const { labels } = context;
  const figures: [string, string][] = [
    [context.number(overall.measureCount), labels.measuresCount],
    [overall.completedShare === null ? '—' : context.percent(overall.completedShare), labels.completedShare],
    [context.number(overall.overdueMeasures.length), labels.overdueMeasuresCount],
    [context.number(overdueReportCount), labels.overdueReportsCount],
  ];
  const indicatorCount = INDICATOR_STATUSES.reduce(
    (sum, status) => sum + overall.indicatorsByStatus[status],
    0,
  );
  return html`<h3>${labels.keyFigures}</h3>
<ul class="key-figures">${figures.map(([figure, caption]) => html`<li><span class="figure">${figure}</span><span class="caption">${caption}</span></li>`)}</ul>
<p class="indicator-summary"><strong>${labels.indicatorsCount}: ${context.number(indicatorCount)}</strong> — ${INDICATOR_STATUSES.map(
    (status) => html`${statusBadge(context, status)}${context.number(overall.indicatorsByStatus[status])} `,
  )}</p>`;
}

function summaryColumns(context: ReportContext, first: string): Column[] {
  const { columns, measureStatuses } = context.labels;
  return [
    { label: first },
    { label: columns.measures, isNumeric: true },
    { label: measureStatuses.planned, isNumeric: true },
    { label: measureStatuses.in_progress, isNumeric: true },
    { label: measureStatuses.completed, isNumeric: true },
    { label: measureStatuses.cancelled, isNumeric: true },
    { label: columns.completedShare, isNumeric: true },
    { label: columns.overdue, isNumeric: true },
  ];
}

function summaryCells(context: ReportContext, name: string, row: ImplementationSummary): Interpolation[] {
  const { number } = context;
  return [
    name,
    number(row.measureCount),
    number(row.measuresByStatus.planned),
    number(row.measuresByStatus.in_progress),
    number(row.measuresByStatus.completed),
    number(row.measuresByStatus.cancelled),
    row.completedShare === null ? '—' : context.percent(row.completedShare),
    number(row.overdueMeasures.length),
  ];
}
