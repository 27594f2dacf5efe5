// Searches the knowledge library as the reader may see it: one statement finds, ranks, pages and counts
// facets; a second marks the words found in the page's texts (found as indexed, shown as written).
import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, rowsOf } from '../platform/db.js';
import { textArray } from '../platform/sql-arrays.js';
import type { KnowledgeStatus, KnowledgeType } from './engine/review-flow.js';
import type { Facets, SearchFilters, SearchHit, SearchResult, SnippetSegment } from './search-schemas.js';
import { anyTermQuery, type SearchPlan, searchSql, wordsQueryText } from './search-sql.js';
import { headlineWindow } from './text/headline-window.js';
import { type KnowledgeLanguage, searchConfigOf } from './text/languages.js';
import { withOrigins } from './text/origins.js';
import { searchTerms, tsqueryText } from './text/query.js';
import { HEADLINE_OPTIONS, headlineInput, snippetSegments } from './text/snippet.js';

export type SearchRequest = {
  q?: string | undefined;
  /** The reader's language: words are understood in it, and items shown in it when they can be. */
  language: KnowledgeLanguage;
  filters: SearchFilters;
  page: number;
  pageSize: number;
  /** The year recency is counted from. */
  currentYear: number;
};

type RawHit = {
  id: string;
  type: KnowledgeType;
  language: KnowledgeLanguage;
  title: string;
  summary: string;
  organisationId: string;
  organisationName: string;
  year: number | null;
  countries: string[];
  pillars: string[];
  forms: string[];
  status: KnowledgeStatus;
  publishedAt: string | null;
  score: number;
  snippetSource: string;
  translations: SearchHit['translations'];
};

type RawResult = {
  total: number;
  capped: boolean;
  facetsCapped: boolean;
  how: SearchResult['matchedBy'] | null;
  hits: RawHit[];
  facets: Facets;
};

/** The words of a query as to_tsquery literals: whole words, as a web search engine takes them. */
export function termLiterals(q: string | undefined, language: KnowledgeLanguage): string[] {
  const terms = q ? searchTerms(q, language) : [];
  return terms.map((term) => tsqueryText([term], { prefix: false }));
}

export function searchPlan(request: SearchRequest, words: string): SearchPlan {
  const terms = termLiterals(request.q, request.language);
  return {
    config: searchConfigOf(request.language),
    terms,
    words,
    trigramText: request.q ? searchTerms(request.q, request.language).join(' ') : '',
    filters: request.filters,
    preferredLanguage: request.language,
    currentYear: request.currentYear,
    limit: request.pageSize,
    offset: (request.page - 1) * request.pageSize,
  };
}

/**
 * Sets how the search is planned and turns its words into one tsquery, in one round trip. Words are found
 * through the index: the planner, which does not count what reading a whole vector costs, would otherwise
 * read the table from the start for a common word. And each search is planned for its own words and
 * filters: searches of one shape share their text, which a connection prepares once it is sent again, and
 * a generic plan (one for every word) read hundreds of rows for a rare one.
 */
async function prepareSearch(db: Queryable, request: SearchRequest): Promise<SearchPlan> {
  const terms = termLiterals(request.q, request.language);
  const [prepared] = await rowsOf<{ words: string }>(
    db,
    sql`select set_config('plan_cache_mode', 'force_custom_plan', true),
      set_config('enable_seqscan', ${terms.length > 0 ? 'off' : 'on'}, true),
      ${wordsQueryText(searchConfigOf(request.language), terms)} as words`,
  );
  return searchPlan(request, prepared?.words ?? '');
}

export async function searchKnowledge(db: Queryable, request: SearchRequest): Promise<SearchResult> {
  const plan = await prepareSearch(db, request);
  const [raw] = await rowsOf<RawResult>(db, searchSql(plan));
  if (!raw) throw new Error('the search statement returned no row');
  const typed = request.q ? searchTerms(request.q, request.language) : [];
  const snippets = await highlight(db, raw.hits, plan.terms, typed);
  return {
    data: raw.hits.map((hit, index) => hitView(hit, snippets[index] ?? [])),
    total: raw.total,
    counted: raw.capped ? 'at_least' : 'exact',
    facetsCounted: raw.facetsCapped ? 'at_least' : 'exact',
    page: request.page,
    pageSize: request.pageSize,
    matchedBy: plan.terms.length === 0 ? 'all' : (raw.how ?? 'words'),
    facets: raw.facets,
  };
}

function hitView(hit: RawHit, snippet: SnippetSegment[]): SearchHit {
  return {
    id: hit.id,
    type: hit.type,
    language: hit.language,
    title: hit.title,
    summary: hit.summary,
    organisation: { id: hit.organisationId, name: hit.organisationName },
    year: hit.year,
    countries: hit.countries,
    pillars: hit.pillars,
    forms: hit.forms,
    status: hit.status,
    publishedAt: hit.publishedAt ? new Date(hit.publishedAt).toISOString() : null,
    score: Number(hit.score),
    snippet: snippet.some((segment) => segment.highlighted) ? snippet : opening(hit.summary),
    translations: hit.translations,
  };
}

const OPENING_CHARS = 240;

/** The summary's first sentences, when no word of the query shows in the text (a title matched). */
function opening(summary: string): SnippetSegment[] {
  if (summary === '') return [];
  const text = summary.length > OPENING_CHARS ? `${summary.slice(0, OPENING_CHARS - 1)}…` : summary;
  return [{ text, highlighted: false }];
}

/**
 * The page's passages, each in its own language's configuration, in one statement: found in the text as
 * indexed, shown as written (an Arabic word with its vowels and its own alef, Chinese without added spaces);
 * in a long text, around the first word written as typed (headlineWindow).
 */
async function highlight(
  db: Queryable,
  hits: readonly RawHit[],
  terms: readonly string[],
  typed: readonly string[],
) {
  if (hits.length === 0 || terms.length === 0) return [];
  const configs = hits.map((hit) => searchConfigOf(hit.language));
  const documents = hits.map((hit) => withOrigins(headlineWindow(hit.snippetSource, typed)));
  const texts = documents.map(headlineInput);
  const query: SQL = anyTermQuery(sql`d.config::regconfig`, terms);
  const rows = await rowsOf<{ headline: string }>(
    db,
    sql`select ts_headline(d.config::regconfig, d.doc, ${query}, ${HEADLINE_OPTIONS}) as headline
      from unnest(${textArray(configs)}::text[], ${textArray(texts)}::text[]) with ordinality as d(config, doc, n)
      order by d.n`,
  );
  return rows.map((row, index) => {
    const document = documents[index];
    return document ? snippetSegments(document, row.headline) : [];
  });
}
