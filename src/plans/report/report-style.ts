// The report's stylesheet, inline so the document needs nothing else: A4 pages with numbered footers, a page
// break before each section, tables that repeat their header, and logical properties (start/end) so that the
// same rules lay out English left to right and Arabic right to left.
import { type Markup, trustedMarkup } from './html.js';
import type { ReportContext } from './report-context.js';
import { fillLabel } from './report-labels.js';

/** Fonts that hold Latin, Cyrillic, Arabic and Chinese, whichever of them the server has installed. */
const FONTS = `"Noto Sans", "Noto Sans Arabic", "Noto Naskh Arabic", "Noto Sans CJK SC", "Noto Sans SC", "DejaVu Sans", "Liberation Sans", Arial, sans-serif`;

/** A CSS string literal; the labels are ours, but quoting them properly costs nothing. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\n/g, ' ')}"`;
}

/** "Page {page} of {pages}" as CSS content, with the page counters in place of the placeholders. */
function pageFooterContent(context: ReportContext): string {
  const marker = '\u0000';
  const filled = fillLabel(context.labels.pageOf, {
    page: `${marker}page${marker}`,
    pages: `${marker}pages${marker}`,
  });
  return filled
    .split(marker)
    .map((part, index) => (index % 2 === 1 ? `counter(${part})` : cssString(part)))
    .join(' ');
}

export function reportStyle(context: ReportContext): Markup {
  return trustedMarkup(`
@page { size: A4; margin: 16mm 15mm 18mm 15mm;
  @bottom-center { content: ${pageFooterContent(context)}; font: 8pt ${FONTS}; color: #555; } }
:root { color: #1b1b1b; font: 9.5pt/1.45 ${FONTS}; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 180mm; padding: 0; }
@media screen { body { padding: 12mm 8mm; } }
h1 { font-size: 16pt; line-height: 1.2; margin: 0 0 3mm; }
h2 { font-size: 13pt; margin: 0 0 3mm; padding-block-end: 1.5mm; border-block-end: 1.5pt solid #1f4e79; color: #1f4e79; break-after: avoid; }
h3 { font-size: 10.5pt; margin: 4mm 0 1.5mm; break-after: avoid; }
.kicker { text-transform: uppercase; letter-spacing: 0.06em; font-size: 8pt; color: #1f4e79; margin: 0 0 1mm; }
:lang(ar) .kicker, :lang(zh) .kicker { letter-spacing: 0; }
.title-block { margin-block-end: 5mm; padding-block-end: 3mm; border-block-end: 0.5pt solid #999; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.5mm 5mm; margin: 0; }
dl.facts dt { font-weight: 600; color: #444; }
dl.facts dd { margin: 0; }
.report-section + .report-section { break-before: page; }
.key-figures { display: grid; grid-template-columns: repeat(4, 1fr); gap: 3mm; margin: 0 0 3mm; padding: 0; list-style: none; }
.key-figures li { border: 0.5pt solid #c5ced8; border-radius: 2mm; padding: 1.5mm 3mm; background: #f4f7fa; }
.key-figures .figure { display: block; font-size: 14pt; font-weight: 700; color: #1f4e79; }
.key-figures .caption { display: block; font-size: 8pt; color: #444; }
.indicator-summary { margin: 0 0 4mm; }
.indicator-summary .status { margin-inline-end: 2mm; }
table { width: 100%; border-collapse: collapse; margin: 0 0 4mm; font-size: 8.5pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { text-align: start; vertical-align: top; padding: 1mm 1.6mm; border-block-end: 0.5pt solid #c5ced8; }
th { background: #e8eef4; font-weight: 600; }
.num { text-align: end; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
tbody th { background: #fafbfc; font-weight: 600; }
tbody th .note { font-weight: 400; }
tr.group th { background: #f4f7fa; color: #1f4e79; text-align: start; }
.indicators thead th:first-child { width: 34%; }
.note { display: block; font-size: 7.5pt; color: #555; }
.money { white-space: nowrap; unicode-bidi: isolate; }
.empty { font-style: italic; color: #444; }
.rule { font-size: 8pt; color: #444; }
.status { display: inline-block; padding: 0.2mm 1.6mm; border-radius: 1mm; font-size: 7.5pt; font-weight: 600; white-space: nowrap; }
.status-on-track { background: #dcefdc; color: #1b5e20; }
.status-at-risk { background: #fdebc8; color: #7a4700; }
.status-off-track { background: #f9d6d5; color: #8e1b1b; }
.status-no-data { background: #e6e6e6; color: #424242; }
.chart { margin: 0 0 4mm; break-inside: avoid; }
.chart figcaption { font-weight: 600; margin-block-end: 2mm; }
.bar-row { display: flex; align-items: center; gap: 3mm; margin-block-end: 1mm; }
.bar-label { flex: 0 0 38mm; text-align: end; }
.bar-figure { font-variant-numeric: tabular-nums; }
svg.bar { flex: 0 0 auto; width: 95mm; height: auto; }
.indicator-bar { break-inside: avoid; margin-block-end: 2mm; }
.indicator-name { font-size: 8.5pt; }
.chart-note { font-size: 7.5pt; color: #555; }
.track { fill: #eef1f4; }
.bar-count { font-size: 10px; font-family: ${FONTS}; }
.bar-count.light { fill: #fff; }
.bar-count.dark { fill: #1b1b1b; }
.measure-completed { fill: #2e7d32; background: #2e7d32; }
.measure-in-progress { fill: #1f6fb2; background: #1f6fb2; }
.measure-planned { fill: #a9c4de; background: #a9c4de; }
.measure-cancelled { fill: #d0d0d0; background: #d0d0d0; }
.progress-on-track { fill: #2e7d32; }
.progress-at-risk { fill: #d08a00; }
.progress-off-track { fill: #c62828; }
.progress-no-data { fill: #9e9e9e; }
.expected { stroke: #1b1b1b; stroke-width: 2; }
.legend { display: flex; flex-wrap: wrap; gap: 1mm 5mm; list-style: none; margin: 1mm 0 0; padding: 0; font-size: 8pt; }
.swatch { display: inline-block; width: 3mm; height: 3mm; margin-inline-end: 1.5mm; vertical-align: middle; }
footer.generated { margin-block-start: 8mm; font-size: 7.5pt; color: #555; }
`);
}
