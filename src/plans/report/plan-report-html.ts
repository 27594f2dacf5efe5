// The printable plan report: one self-contained HTML document (inline style and SVG, no script, nothing
// fetched) in the reader's language, laid out for A4, that the server sends as is or prints to PDF.
import { findOverdueReports } from '../engine/overdue.js';
import { html } from './html.js';
import { createReportContext, type PlanReportInput } from './report-context.js';
import { fundingSection } from './report-funding.js';
import { implementationSection } from './report-implementation.js';
import { indicatorsSection } from './report-indicators.js';
import { fillLabel } from './report-labels.js';
import { linksSection } from './report-links.js';
import { overdueSection } from './report-overdue.js';
import { reportStyle } from './report-style.js';
import { titleBlock } from './report-title.js';

export type { PlanReportInput } from './report-context.js';

/** A policy that forbids scripts and every fetch, so that even a flaw in escaping could not run or call out. */
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export function planReportHtml(input: PlanReportInput): string {
  const context = createReportContext(input);
  const { labels } = context;
  const overdueReports = findOverdueReports(input.plan, input.today);
  return `<!doctype html>\n${html`<html lang="${input.lang}" dir="${context.dir}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${input.plan.title} — ${labels.kicker}</title>
<style>${reportStyle(context)}</style>
</head>
<body>
${titleBlock(context)}
<main>
${implementationSection(context, overdueReports)}
${indicatorsSection(context)}
${overdueSection(context, overdueReports)}
${linksSection(context)}
${fundingSection(context)}
</main>
<footer class="generated">${fillLabel(labels.generatedOn, { date: context.dateTime(input.generatedAt) })}</footer>
</body>
</html>`}\n`;
}
