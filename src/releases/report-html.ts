// The HTML report stored with every release: what was released from what, the guarantees as checked on the
// output, the utility figures and their charts. One self-contained page (inline styles and SVG, no script),
// readable offline and printable. Never the seed of a release: with it, anyone could undo the noise.
import type { ColumnChoice } from './schemas.js';

export type UtilityByLength = {
  length: number;
  sourceCombinations: number;
  meanAbsoluteError: number;
  meanRelativeError: number;
  preservedShare: number;
  fabricated: number;
  suppressed: number;
};

export type ReportInput = {
  title: string;
  methodSentence: string;
  createdAt: string;
  softwareVersion: string;
  sourceLabel: string;
  inputRows: number;
  inputChecksum: string;
  outputRows: number;
  outputChecksum: string;
  columns: readonly ColumnChoice[];
  parameters: readonly [string, string][];
  privacyStatements: readonly string[];
  figures: readonly [string, string][];
  utility: readonly UtilityByLength[];
  notes: readonly string[];
};

const ROLE_WORDS: Record<ColumnChoice['role'], string> = {
  quasi_identifier: 'quasi-identifier',
  sensitive: 'sensitive',
  other: 'other',
};

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

const number = (value: number, digits = 0) =>
  value.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const percent = (share: number) => `${number(share * 100, 1)} %`;

function table(head: readonly string[], rows: readonly (readonly string[])[], caption: string): string {
  const th = head.map((cell) => `<th scope="col">${escapeHtml(cell)}</th>`).join('');
  const body = rows
    .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`)
    .join('');
  return `<table><caption>${escapeHtml(caption)}</caption><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

/** A horizontal bar chart; the same figures are in the table beside it, for those who cannot see it. */
function barChart(title: string, bars: readonly { label: string; value: number; text: string }[]): string {
  const width = 520;
  const labelWidth = 170;
  const rowHeight = 26;
  const max = Math.max(...bars.map((bar) => bar.value), Number.MIN_VALUE);
  const rows = bars
    .map((bar, index) => {
      const y = index * rowHeight;
      const length = ((width - labelWidth - 90) * bar.value) / max;
      return `<text x="0" y="${y + 17}">${escapeHtml(bar.label)}</text><rect x="${labelWidth}" y="${y + 5}" width="${Math.max(1, length)}" height="16" fill="#1f5f8b"/><text x="${labelWidth + length + 6}" y="${y + 17}">${escapeHtml(bar.text)}</text>`;
    })
    .join('');
  return `<figure><svg role="img" aria-label="${escapeHtml(title)}" width="${width}" height="${bars.length * rowHeight + 4}" font-size="13" font-family="system-ui, sans-serif">${rows}</svg><figcaption>${escapeHtml(title)}</figcaption></figure>`;
}

function utilitySection(utility: readonly UtilityByLength[]): string {
  if (utility.length === 0) return '';
  const rows = utility.map((u) => [
    `${u.length}-way`,
    number(u.sourceCombinations),
    number(u.meanAbsoluteError, 2),
    percent(u.meanRelativeError),
    percent(u.preservedShare),
    number(u.fabricated),
    number(u.suppressed),
  ]);
  const head = [
    'Combinations of',
    'In the source',
    'Mean absolute error',
    'Mean relative error',
    'Preserved',
    'Fabricated',
    'Suppressed',
  ];
  const errorBars = utility.map((u) => ({
    label: `${u.length}-way combinations`,
    value: u.meanRelativeError,
    text: percent(u.meanRelativeError),
  }));
  const preservedBars = utility.map((u) => ({
    label: `${u.length}-way combinations`,
    value: u.preservedShare,
    text: percent(u.preservedShare),
  }));
  return `<section><h2>Utility: how close the release is to the source</h2>
<p>Every combination of one to ${utility.length} values counted in the release and in the source. The relative error of a combination is the difference of the two counts divided by the source count; combinations absent from the release count as fully lost.</p>
${table(head, rows, 'Errors and combinations by length')}
${barChart('Mean relative error by combination length', errorBars)}
${barChart('Share of source combinations preserved', preservedBars)}</section>`;
}

export function releaseReportHtml(input: ReportInput): string {
  const columns = input.columns.map((column) => [
    column.name,
    ROLE_WORDS[column.role],
    column.generalise ? `${column.generalise.hierarchy}, level ${column.generalise.level}` : 'as published',
  ]);
  const list = (items: readonly string[]) =>
    `<ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.title)} — release report</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.5}
table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #8a8a8a;padding:.3rem .6rem;text-align:start}
caption{text-align:start;font-weight:600;padding-bottom:.3rem}code{word-break:break-all}figure{margin:1rem 0}</style></head>
<body><main>
<h1>${escapeHtml(input.title)}</h1>
<p>${escapeHtml(input.methodSentence)}</p>
<section><h2>What was released, from what</h2>
${table(
  ['', ''],
  [
    ['Source', input.sourceLabel],
    ['Records read', number(input.inputRows)],
    ['SHA-256 of the input', input.inputChecksum],
    ['Rows released', number(input.outputRows)],
    ['SHA-256 of the released CSV', input.outputChecksum],
    ['Prepared', input.createdAt],
    ['Software', `Concerted ${input.softwareVersion}`],
  ],
  'Provenance',
)}
${table(['Column', 'Role', 'Generalisation'], columns, 'Columns')}
${table(['Parameter', 'Value'], input.parameters, 'Parameters')}</section>
<section><h2>Privacy, as checked on the release</h2>${list(input.privacyStatements)}
${input.figures.length ? table(['Figure', 'Value'], input.figures, 'Guarantees and figures') : ''}</section>
${utilitySection(input.utility)}
${input.notes.length ? `<section><h2>Notes</h2>${list(input.notes)}</section>` : ''}
<p>The seed that makes this release reproducible is kept by its publisher: published, it would let anyone recompute the random choices and undo the protection.</p>
</main></body></html>`;
}
