// Reading the report's HTML in tests as a person would: the text shown, row by row, without markup or the
// invisible direction marks that keep mixed-script text in order.
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function visibleText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, ' ')
    .replace(/<title>[\s\S]*?<\/title>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name] ?? '')
    .replace(/[\u2066-\u2069\u200e\u200f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The shown text of every table row, in document order. */
export function tableRows(html: string): string[] {
  return html
    .split(/<tr[\s>]/)
    .slice(1)
    .map((row) => visibleText(`<tr ${row.split('</tr>')[0] ?? ''}`));
}

/** The shown text of the one row that contains `text`; fails when none or several do. */
export function rowWith(html: string, text: string): string {
  const rows = tableRows(html).filter((row) => row.includes(text));
  if (rows.length !== 1) throw new Error(`${rows.length} rows contain "${text}": ${rows.join(' | ')}`);
  return rows[0]!;
}

/** The HTML of the section whose heading is `title`. */
export function sectionOf(html: string, title: string): string {
  const sections = html.split('<section').slice(1);
  const found = sections.find((section) => section.includes(`<h2>${title}</h2>`));
  if (!found) throw new Error(`no section titled "${title}"`);
  return found.split('</section>')[0]!;
}
