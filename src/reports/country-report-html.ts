// The country report as one printable A4 page per country: self-contained HTML (inline style and SVG, no script,
// nothing fetched), in the report's language, right to left in Arabic, with names and labels, never ids or codes.
import { createHash } from 'node:crypto';
import type { Language } from '../reference/index.js';
import { findingsSection, plansSection } from './findings-and-plans.js';
import { type Direction, escapeHtml } from './html-parts.js';
import { formatDay, formatNumber, label } from './labels.js';
import type { CountryReport } from './schemas.js';
import { latestActivitiesSection, partnersSection, pillarChartSection } from './sections.js';
import { statisticsSection } from './statistics-section.js';

const STYLE = `@page{size:A4;margin:10mm 12mm}
*{box-sizing:border-box}
body{margin:0;color:#1a1a1a;font:8.5pt/1.3 system-ui,"Noto Sans","Noto Sans Arabic","Noto Naskh Arabic","Noto Sans CJK SC",sans-serif}
.page{width:186mm;margin:0 auto;break-after:page}
.page:last-child{break-after:auto}
@media screen{body{background:#e8ebee}.page{width:210mm;min-height:297mm;padding:10mm 12mm;margin:6mm auto;background:#fff}}
header{border-bottom:2px solid #1f5f8b;padding-bottom:1.2mm;margin-bottom:2mm}
.kicker{margin:0;color:#1f5f8b;font-weight:600;font-size:8pt}
h1{margin:0;font-size:17pt;line-height:1.15}
.place{margin:.5mm 0 0;color:#4a4a4a}
.figures{display:grid;grid-template-columns:repeat(4,1fr);gap:3mm;list-style:none;margin:0 0 1mm;padding:0}
.figures li{border:1px solid #c5d2dc;border-radius:2px;padding:.8mm 2.5mm}
.figures strong{display:block;font-size:12pt;line-height:1.15;font-variant-numeric:tabular-nums}
.columns{display:grid;grid-template-columns:1fr 1fr;gap:6mm}
.pillars{display:grid;grid-template-columns:repeat(auto-fit,minmax(38mm,1fr));gap:4mm}
.clamp{display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:2;overflow:hidden}
.partners{display:grid;grid-template-columns:1fr 1fr;column-gap:6mm}
ul.list li>span{display:block}
ul.list li>span.clamp{display:-webkit-box}
section{break-inside:avoid}
h2{font-size:10pt;color:#1f5f8b;border-bottom:1px solid #c5d2dc;margin:2mm 0 1mm;padding-bottom:.4mm}
h3{font-size:8.5pt;margin:0 0 .5mm}
p{margin:0 0 .8mm}
ul.list{list-style:none;margin:0;padding:0}
ul.list li{margin:0 0 .7mm}
.muted{color:#4a4a4a}
.small{font-size:7.5pt}
.tag{display:inline-block;font-size:7pt;border:1px solid #8a5a00;color:#6b4500;border-radius:2px;padding:0 1mm;margin-inline-start:1mm}
table{border-collapse:collapse;width:100%}
th,td{text-align:start;vertical-align:top;padding:.5mm 1.2mm;border-bottom:1px solid #dde3e8}
th{font-weight:600;color:#333}
.num{text-align:end;font-variant-numeric:tabular-nums;white-space:nowrap}
.finding{border-inline-start:3px solid #b03a2e;padding-inline-start:2mm}
.finding.overlap{border-inline-start-color:#9a6700}
figure.chart{margin:1mm 0 1.5mm}
figure.chart figcaption{font-size:7.5pt;color:#4a4a4a}
svg.stacked{display:block;height:2.6mm;margin:.8mm 0}
.item{white-space:nowrap}
.key.onTrack{color:#2e7d32}.key.atRisk{color:#b26a00}.key.offTrack{color:#b03a2e}.key.noData{color:#9e9e9e}
footer{margin-top:2mm;border-top:1px solid #c5d2dc;padding-top:1mm}`;

/** The hash a Content-Security-Policy names to let this page's one style block apply, and nothing else. */
export const COUNTRY_REPORT_STYLE_HASH = `sha256-${createHash('sha256').update(STYLE).digest('base64')}`;

/** The policy the page is served under: its own style, its inline images, no script, nothing from elsewhere. */
export const COUNTRY_REPORT_CSP = [
  "default-src 'none'",
  `style-src '${COUNTRY_REPORT_STYLE_HASH}'`,
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function directionOf(lang: Language): Direction {
  return lang === 'ar' ? 'rtl' : 'ltr';
}

function keyFigures(report: CountryReport): string {
  const { lang } = report;
  const items: [string, number][] = [
    [label(lang, 'figure.partners'), report.partners.total],
    [label(lang, 'figure.activities'), report.activities.total],
    [label(lang, 'figure.gaps'), report.findings.gaps.total],
    [label(lang, 'figure.overlaps'), report.findings.overlaps.total],
  ];
  const cells = items.map(
    ([name, value]) =>
      `<li><strong>${escapeHtml(formatNumber(lang, value))}</strong>${escapeHtml(name)}</li>`,
  );
  return `<ul class="figures">${cells.join('')}</ul>`;
}

function countryPage(report: CountryReport, index: number): string {
  const { lang } = report;
  const dir = directionOf(lang);
  const heading = `country-${index + 1}`;
  const place = [report.country.region, report.country.subregion].filter((part): part is string =>
    Boolean(part),
  );
  return `<article class="page" lang="${lang}" dir="${dir}" aria-labelledby="${heading}">
<header><p class="kicker">${escapeHtml(label(lang, 'reportTitle'))}</p>
<h1 id="${heading}">${escapeHtml(report.country.name)}</h1>
<p class="place">${escapeHtml([...place, label(lang, 'preparedOn', { date: formatDay(lang, report.today, 'long') })].join(' · '))}</p></header>
${keyFigures(report)}
<div class="columns"><div>${pillarChartSection(report, dir)}${findingsSection(report)}</div>
<div>${statisticsSection(report, dir)}${plansSection(report, dir)}</div></div>
${latestActivitiesSection(report)}
${partnersSection(report)}
<footer class="small muted"><p>${escapeHtml(label(lang, 'visibility'))}</p></footer>
</article>`;
}

/** One page per report, all in the first report's language (a set of countries is read in one language). */
export function countryReportHtml(reports: readonly CountryReport[]): string {
  const lang = reports[0]?.lang ?? 'en';
  const title =
    reports.length === 1 && reports[0]
      ? label(lang, 'documentTitle', { country: reports[0].country.name })
      : label(lang, 'reportTitle');
  return `<!doctype html>
<html lang="${lang}" dir="${directionOf(lang)}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style></head>
<body><main>
${reports.map(countryPage).join('\n')}
</main></body></html>`;
}
