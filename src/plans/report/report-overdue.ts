// The report's overdue section: measures past their deadline and progress reports still awaited, most
// overdue first, so the coordinator knows whom to chase.
import { findOverdueMeasures } from '../engine/implementation.js';
import type { OverdueReport } from '../engine/overdue.js';
import { listPlanMeasures } from '../engine/plan-measures.js';
import { html, type Markup } from './html.js';
import type { ReportContext } from './report-context.js';
import { emptyNote, sectionHeading, table, withNote } from './report-tables.js';

export function overdueSection(context: ReportContext, overdueReports: readonly OverdueReport[]): Markup {
  const { labels } = context;
  return html`<section class="report-section">${sectionHeading(labels.overdue)}
<h3>${labels.overdueMeasures}</h3>${overdueMeasuresTable(context)}
<h3>${labels.overdueReports}</h3>${overdueReportsTable(context, overdueReports)}</section>`;
}

function overdueMeasuresTable(context: ReportContext): Markup {
  const { labels, input } = context;
  const overdue = findOverdueMeasures(listPlanMeasures(input.plan), input.today);
  if (overdue.length === 0) return emptyNote(labels.empty.overdueMeasures);
  const { columns } = labels;
  return table(
    [
      { label: columns.measure },
      { label: columns.pillar },
      { label: columns.owner },
      { label: columns.deadline, isNumeric: true },
      { label: columns.daysOverdue, isNumeric: true },
    ],
    overdue.map((measure) => [
      measure.title,
      context.pillar(measure.pillar),
      context.organisation(measure.ownerOrganisationId),
      context.date(measure.deadline),
      context.number(measure.daysOverdue),
    ]),
  );
}

function overdueReportsTable(context: ReportContext, overdue: readonly OverdueReport[]): Markup {
  const { labels } = context;
  if (overdue.length === 0) return emptyNote(labels.empty.overdueReports);
  const { columns } = labels;
  return table(
    [
      { label: columns.indicator },
      { label: columns.owner },
      { label: columns.period },
      { label: columns.people },
      { label: columns.dueDate, isNumeric: true },
      { label: columns.daysOverdue, isNumeric: true },
    ],
    overdue.map((report) => [
      withNote(report.indicatorName, context.measureTitle(report.measureId)),
      context.organisation(report.ownerOrganisationId),
      context.period(report.period),
      context.people(report.disaggregation),
      context.date(report.dueDate),
      context.number(report.daysPastDue),
    ]),
  );
}
