// How `concerted knowledge search` puts results into words for a person at a terminal: titles, kinds and
// countries named in the reader's language, and passages with the words found marked. Pure.
import type { SearchResult, SnippetSegment } from '../knowledge/search-schemas.js';
import type { KnowledgeLanguage } from '../knowledge/text/languages.js';
import { STATUS_LABELS, TYPE_LABELS } from '../knowledge/type-labels.js';
import { buildCountryList } from '../reference/countries.js';

type Options = { query: string; lang: KnowledgeLanguage; emphasis: boolean };

/** Bold on a terminal; asterisks when the output goes to a file or another program. */
function marked(segments: readonly SnippetSegment[], emphasis: boolean): string {
  const [on, off] = emphasis ? ['\u001b[1m', '\u001b[22m'] : ['*', '*'];
  return segments
    .map((s) => (s.highlighted ? `${on}${s.text}${off}` : s.text))
    .join('')
    .replace(/\s+/g, ' ');
}

export function searchResultText(result: SearchResult, options: Options): string {
  const countryNames = new Map(buildCountryList().map((c) => [c.iso3, c.names[options.lang]]));
  const languageNames = new Intl.DisplayNames([options.lang], { type: 'language' });
  const lines: string[] = [headline(result, options.query)];
  const first = (result.page - 1) * result.pageSize;
  for (const [index, hit] of result.data.entries()) {
    const facts = [
      TYPE_LABELS[hit.type][options.lang],
      languageNames.of(hit.language) ?? hit.language,
      hit.year === null ? null : String(hit.year),
      hit.countries.map((code) => countryNames.get(code) ?? code).join(', ') || null,
      hit.organisation.name,
      STATUS_LABELS[hit.status][options.lang],
    ].filter((fact): fact is string => fact !== null);
    lines.push('', `${first + index + 1}. ${hit.title}`, `   ${facts.join(' · ')}`);
    const passage = marked(hit.snippet, options.emphasis).trim();
    if (passage) lines.push(`   ${passage}`);
    if (hit.translations.length > 0)
      lines.push(
        `   ${hit.translations.map((t) => `${languageNames.of(t.language) ?? t.language}: ${t.title}`).join(' | ')}`,
      );
  }
  return `${lines.join('\n')}\n`;
}

function headline(result: SearchResult, query: string): string {
  if (result.total === 0) return `Nothing found for "${query}".`;
  const count = result.total === 1 ? '1 item' : `${result.total} items`;
  if (result.matchedBy === 'similar_titles')
    return `No item has every word of "${query}"; ${count} with titles close to it:`;
  const pages = Math.ceil(result.total / result.pageSize);
  return `${count} found for "${query}"${pages > 1 ? ` (page ${result.page} of ${pages})` : ''}:`;
}

export function printSearchResult(result: SearchResult, options: Options): void {
  process.stdout.write(searchResultText(result, options));
}
