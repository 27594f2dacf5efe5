// The report's title block: which plan, its scope, countries, period and coordinator, and the day described.
import { html, type Markup } from './html.js';
import type { ReportContext } from './report-context.js';

export function titleBlock(context: ReportContext): Markup {
  const { labels, input } = context;
  const { plan } = input;
  const facts: [string, string][] = [
    [labels.scope, labels.scopes[plan.scope]],
    [labels.countries, plan.countries.map(context.country).join(', ')],
    [labels.period, context.period(plan.period)],
    [labels.coordinator, context.organisation(plan.coordinatorOrganisationId)],
    [labels.situationAsOf, context.date(input.today)],
  ];
  return html`<header class="title-block">
<p class="kicker">${labels.kicker}</p>
<h1>${plan.title}</h1>
<dl class="facts">${facts.map(([term, value]) => html`<dt>${term}</dt><dd>${value}</dd>`)}</dl>
</header>`;
}
