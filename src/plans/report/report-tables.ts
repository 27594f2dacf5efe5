// Small building blocks shared by the report's sections: tables, empty notes, status badges, money lists.
import type { ComputedStatus } from '../engine/indicator-progress.js';
import type { Money } from '../engine/model.js';
import { html, type Interpolation, type Markup } from './html.js';
import type { ReportContext } from './report-context.js';

export type Column = { label: string; isNumeric?: boolean };

/** A table whose header repeats on each printed page; numeric columns align to the end of the line. */
export function table(columns: readonly Column[], rows: readonly (readonly Interpolation[])[]): Markup {
  return html`<table>
<thead><tr>${columns.map((column) => html`<th scope="col"${column.isNumeric ? html` class="num"` : ''}>${column.label}</th>`)}</tr></thead>
<tbody>${rows.map((row) => html`<tr>${row.map((cell, index) => html`<td${columns[index]?.isNumeric ? html` class="num"` : ''}>${cell}</td>`)}</tr>`)}</tbody>
</table>`;
}

/** A sentence in place of a table that would be empty, so a reader knows the absence is a finding. */
export function emptyNote(sentence: string): Markup {
  return html`<p class="empty">${sentence}</p>`;
}

/** The status as a word on a coloured ground: the colour helps, the word carries the meaning. */
export function statusBadge(context: ReportContext, status: ComputedStatus): Markup {
  return html`<span class="status status-${status.replace('_', '-')}">${context.labels.progressStatuses[status]}</span>`;
}

/** One line per currency; a dash when there is no amount at all. */
export function moneyLines(context: ReportContext, sums: readonly Money[]): Markup {
  if (sums.length === 0) return html`—`;
  return html`${sums.map((money, index) => html`${index > 0 ? html`<br>` : ''}<span class="money">${context.money(money)}</span>`)}`;
}

/** A figure with a smaller line beneath it (a date or a period). */
export function withNote(main: Interpolation, note: Interpolation): Markup {
  return html`${main}<span class="note">${note}</span>`;
}

export function sectionHeading(title: string): Markup {
  return html`<h2>${title}</h2>`;
}
