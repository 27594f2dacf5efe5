// The report's links section: measures that no 4W activity carries out, and activities in the plan's countries
// and period that serve none of its measures.

import { linkPlanToActivities, type MeasureWithoutActivity } from '../engine/links.js';
import type { ActivityFacts } from '../engine/model.js';
import { html, type Markup } from './html.js';
import type { ReportContext } from './report-context.js';
import { emptyNote, sectionHeading, table } from './report-tables.js';

export function linksSection(context: ReportContext): Markup {
  const { labels, input } = context;
  const links = linkPlanToActivities(input.plan, input.activities);
  return html`<section class="report-section">${sectionHeading(labels.links)}
<h3>${labels.measuresWithoutActivity}</h3>${measuresTable(context, links.measuresWithoutActivity)}
<h3>${labels.activitiesServingNoMeasure}</h3>${activitiesTable(context, links.activitiesServingNoMeasure)}</section>`;
}

function measuresTable(context: ReportContext, measures: readonly MeasureWithoutActivity[]): Markup {
  const { labels } = context;
  if (measures.length === 0) return emptyNote(labels.empty.measuresWithoutActivity);
  const { columns } = labels;
  return table(
    [
      { label: columns.measure },
      { label: columns.pillar },
      { label: columns.owner },
      { label: columns.reason },
    ],
    measures.map((measure) => [
      measure.title,
      context.pillar(measure.pillar),
      context.organisation(measure.ownerOrganisationId),
      labels.reasons[measure.reason],
    ]),
  );
}

function activitiesTable(context: ReportContext, activities: readonly ActivityFacts[]): Markup {
  const { labels } = context;
  if (activities.length === 0) return emptyNote(labels.empty.activitiesServingNoMeasure);
  const { columns } = labels;
  return table(
    [
      { label: columns.activity },
      { label: columns.organisation },
      { label: columns.pillar },
      { label: columns.country },
      { label: columns.period },
    ],
    activities.map((activity) => [
      activity.title,
      context.organisation(activity.organisationId),
      context.pillar(activity.pillar),
      context.country(activity.country),
      context.period(activity.period),
    ]),
  );
}
