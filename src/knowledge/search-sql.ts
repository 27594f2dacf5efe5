// The search statement: items matching every word (in the reader's language or as written), or, when none
// does, titles close to the words (a typing mistake); one version per translation group, preferring the
// reader's language; ranked by relevance × status × recency; with the page, the total and the facet
// counts of the same filter, all in one statement.
import { type SQL, sql } from 'drizzle-orm';
import { textArray } from '../platform/sql-arrays.js';
import type { SearchFilters } from './search-schemas.js';
import type { SearchConfig } from './text/languages.js';

export type SearchPlan = {
  /** The reader's language's configuration: words are understood in it, and as written ('simple'). */
  config: SearchConfig;
  /** One to_tsquery literal per word, in order. */
  terms: readonly string[];
  /**
   * Every word as one tsquery, as text (wordsQueryText), built once before the search: the statement takes
   * it as a value rather than parsing and stemming the words again wherever it tests them.
   */
  words: string;
  /** The words as one normalised text, for trigram similarity with titles. */
  trigramText: string;
  filters: SearchFilters;
  preferredLanguage: string;
  /** The year recency is counted from (given, so that a search is repeatable). */
  currentYear: number;
  limit: number;
  offset: number;
};

/** Every term, each in the reader's language or as written: the items that have all of them. */
function allTermsQuery(config: SearchConfig, terms: readonly string[]): SQL {
  const parts = terms.map((term) => sql`knowledge_term_query(${config}::regconfig, ${term})`);
  return sql`(${sql.join(parts, sql` && `)})`;
}

/** The text of allTermsQuery, to be sent back as the search's `words`; '' when there is no term. */
export function wordsQueryText(config: SearchConfig, terms: readonly string[]): SQL {
  return terms.length === 0 ? sql`''` : sql`(${allTermsQuery(config, terms)})::text`;
}

/** Any of the terms, in the configuration given (a document's own, for highlighting). */
export function anyTermQuery(config: SQL, terms: readonly string[]): SQL {
  const parts = terms.map((term) => sql`knowledge_term_query(${config}, ${term})`);
  return sql`(${sql.join(parts, sql` || `)})`;
}

export const FACETS = ['type', 'country', 'pillar', 'form', 'language', 'year'] as const;
export type FacetName = (typeof FACETS)[number];

/** Each set filter as a condition: those a facet chooses by its name, the others (status) apart. */
export function filterConditions(filters: SearchFilters): {
  facets: Partial<Record<FacetName, SQL>>;
  others: SQL[];
} {
  const any = (column: SQL, values: readonly string[] | undefined) =>
    values?.length ? sql`${column} = any(${textArray(values)}::text[])` : undefined;
  const overlaps = (column: SQL, values: readonly string[] | undefined) =>
    values?.length ? sql`${column} && ${textArray(values)}::text[]` : undefined;
  const years = [
    filters.yearFrom === undefined ? undefined : sql`i.year >= ${filters.yearFrom}`,
    filters.yearTo === undefined ? undefined : sql`i.year <= ${filters.yearTo}`,
  ].filter((part): part is SQL => part !== undefined);
  const facets: Partial<Record<FacetName, SQL | undefined>> = {
    type: any(sql`i.type`, filters.type),
    language: any(sql`i.language`, filters.language),
    country: overlaps(sql`i.countries`, filters.country),
    pillar: overlaps(sql`i.pillars`, filters.pillar),
    form: overlaps(sql`i.forms`, filters.form),
    year: years.length > 0 ? sql`(${sql.join(years, sql` and `)})` : undefined,
  };
  const status = any(sql`i.status`, filters.status);
  return {
    facets: Object.fromEntries(Object.entries(facets).filter(([, part]) => part !== undefined)),
    others: status ? [status] : [],
  };
}

export function filterSql(filters: SearchFilters): SQL {
  const { facets, others } = filterConditions(filters);
  return sql.join([sql`true`, ...Object.values(facets), ...others], sql` and `);
}

/**
 * Published items first, then reviewed ones, drafts last; and newer work before older (half the weight
 * gone after about seven years, never less than half).
 */
function standing(currentYear: number): SQL {
  // In float8 throughout: exp() of a numeric is computed to many digits, for every item found.
  return sql`(case i.status when 'published' then 1.0 when 'reviewed' then 0.8 else 0.5 end)::float8
    * (0.5 + 0.5 * exp(-greatest(0, ${currentYear}::int - coalesce(i.year, ${currentYear}::int))::float8 / 10.0))`;
}

/** The order of standing an index keeps (migration 0046): published, then reviewed, then drafts; newest first. */
const STANDING_ORDER = sql`(case i.status when 'published' then 2 when 'reviewed' then 1 else 0 end) desc,
  i.year desc nulls last`;

const MATCH_COLUMNS = sql`i.id, i.translation_group, i.language, i.type, i.countries, i.pillars, i.forms,
  i.year, i.updated_at`;

/**
 * Up to this many items found are counted exactly (total and facets); past it the counts say "at least",
 * as counting a word found in most of the library would read most of the library.
 */
export const COUNT_CAP = 500;
/**
 * How many of the items found are ranked by relevance: those with the words in their title first, then
 * the best standing. Ranking reads each item's whole vector, so a word found in most of the library is
 * ranked among these only; the rest follow by standing. Below this many, the ranking is exact.
 */
export const RANKED_CANDIDATES = 100;
/**
 * When more than COUNT_CAP items were found, the best-standing items under the filters that are looked at
 * for the words: reading them in standing order until enough had the words read most of the library for a
 * word found in few of them.
 */
export const BEST_STANDING_LOOKED_AT = 200;
/** Titles close to the words, at most: a short word is close to very many titles. */
export const CLOSE_TITLES_CAP = 200;

/** The words as a constant tsquery, so that the planner sees how common they are. */
function wordsQuery(plan: SearchPlan): SQL {
  return sql`${plan.words}::tsquery`;
}

/**
 * `found`: the items found, up to COUNT_CAP + 1, as the index gives them (or up to CLOSE_TITLES_CAP + 1
 * titles close to the words when no item has them all); `recent`: when more were found, those of the
 * best-standing items that have the words, which a capped sample may have missed; `pool`: both, the
 * candidates for the page.
 */
function foundSql(plan: SearchPlan): SQL {
  const filters = filterSql(plan.filters);
  const prior = standing(plan.currentYear);
  const cap = COUNT_CAP + 1;
  const candidates = Math.max(RANKED_CANDIDATES, plan.offset + plan.limit);
  if (plan.terms.length === 0)
    return sql`found as (select ${MATCH_COLUMNS}, ${prior} as prior, false as in_title, 'all' as how
        from knowledge_items_visible i where ${filters} limit ${cap}),
      recent as (select ${MATCH_COLUMNS}, ${prior} as prior, false as in_title, 'all' as how
        from knowledge_items_visible i where (select count(*) from found) > ${COUNT_CAP} and ${filters}
        order by ${STANDING_ORDER} limit ${candidates}),
      pool as (select * from found union all select * from recent)`;
  const words = wordsQuery(plan);
  const close = plan.trigramText;
  // The filters apply to what the words' index gives (OFFSET 0 keeps them out of the scan): through the
  // year's index instead, every item of those years would have its whole vector read to test the words.
  return sql`full_text as (select ${MATCH_COLUMNS}, ${prior} as prior, i.title_vector @@ ${words} as in_title,
        'words' as how
      from (select * from knowledge_items_visible i where i.search_vector @@ ${words} offset 0) i
      where ${filters} limit ${cap}),
    close_titles as (select ${MATCH_COLUMNS}, word_similarity(${close}::text, i.search_title) * ${prior} as prior,
        true as in_title, 'similar_titles' as how
      from knowledge_items_visible i
      where not exists (select 1 from full_text) and ${close}::text <% i.search_title and ${filters}
      limit ${CLOSE_TITLES_CAP + 1}),
    found as (select * from full_text union all select * from close_titles),
    recent as (select ${MATCH_COLUMNS}, ${prior} as prior, i.title_vector @@ ${words} as in_title, 'words' as how
      from (select * from knowledge_items_visible i where (select count(*) from found) > ${COUNT_CAP} and ${filters}
        order by ${STANDING_ORDER} limit ${Math.max(BEST_STANDING_LOOKED_AT, candidates)}) i
      where i.search_vector @@ ${words}),
    pool as (select * from found union all select * from recent)`;
}

/** Relevance × standing for the candidates; titles close to the words keep their similarity × standing. */
function rankedSql(plan: SearchPlan): SQL {
  const limit = Math.max(RANKED_CANDIDATES, plan.offset + plan.limit);
  const candidates = sql`select * from best order by in_title desc, prior desc, id limit ${limit}`;
  if (plan.terms.length === 0) return sql`ranked as (select id, prior as score from (${candidates}) c)`;
  return sql`ranked as (
    select c.id, case when c.how = 'words' then ts_rank_cd(i.search_vector, ${wordsQuery(plan)}, 1) * c.prior
      else c.prior end as score
    from (${candidates}) c join knowledge_items i on i.id = c.id)`;
}

/** One version per translation group: the reader's language first, then a title match, then standing. */
function onePerGroup(name: string, from: string, plan: SearchPlan): SQL {
  return sql`${sql.raw(name)} as (select distinct on (translation_group) * from ${sql.raw(from)}
    order by translation_group, (language = ${plan.preferredLanguage}) desc, in_title desc, prior desc, id)`;
}

function facetSql(name: string, expression: SQL, from: SQL): SQL {
  return sql`${name}::text, (select coalesce(json_agg(json_build_object('value', f.value, 'count', f.count)
      order by f.count desc, f.value), '[]'::json)
    from (select ${expression} as value, count(*)::int as count from ${from} group by 1) f)`;
}

const SNIPPET_SOURCE_CHARS = 30_000;
/** The ranked candidates by relevance, then the other items found by title match and standing. */
const pageOrder = (from = '') =>
  sql.raw(
    ['unranked', 'score desc', 'in_title desc', 'prior desc', 'updated_at desc', 'id']
      .map((key) => `${from}${key}`)
      .join(', '),
  );

/** The page's rows as JSON, with what their snippets are made from and their other versions. */
function hitsSql(): SQL {
  return sql`select coalesce(json_agg(json_build_object(
      'id', i.id, 'type', i.type, 'language', i.language, 'title', i.title, 'summary', i.summary,
      'organisationId', i.organisation_id, 'organisationName', o.name, 'year', i.year,
      'countries', i.countries, 'pillars', i.pillars, 'forms', i.forms, 'status', i.status,
      'publishedAt', i.published_at, 'score', p.score,
      'snippetSource', left(i.summary || E'\\n' || i.body || coalesce(E'\\n' || (select string_agg(
        a.extracted_text, E'\\n' order by a.created_at) from knowledge_attachments a where a.item_id = i.id), ''),
        ${SNIPPET_SOURCE_CHARS}),
      'translations', (select coalesce(json_agg(json_build_object('id', v.id, 'language', v.language,
        'title', v.title, 'status', v.status) order by v.language), '[]'::json)
        from knowledge_items v where v.translation_group = i.translation_group and v.id <> i.id)
    ) order by ${pageOrder('p.')}), '[]'::json)
    from page p join knowledge_items i on i.id = p.id join organisations o on o.id = i.organisation_id`;
}

/** What each facet counts: a value of the item's, or one row per value of a list. */
const FACET_VALUES: Record<FacetName, SQL> = {
  type: sql`type`,
  country: sql`unnest(countries)`,
  pillar: sql`unnest(pillars)`,
  form: sql`unnest(forms)`,
  language: sql`language`,
  year: sql`year::text`,
};

/** A facet whose filter is set, with its condition. */
type ChosenFacet = { facet: FacetName; condition: SQL };

const failsColumn = (facet: FacetName) => sql.raw(`fails_${facet}`);

/**
 * What the facets whose filter is set count, read once: the items found as the search found them (by the
 * words, or by titles close to them when nothing had the words) under every filter but at most one of
 * theirs, each marked with the one it fails; as many as the search counts. One read for any number of
 * facets, and one the planner takes through the words' index (its condition is no single filter's).
 */
function facetPoolSql(plan: SearchPlan, chosen: readonly ChosenFacet[]): SQL {
  const { others } = filterConditions(plan.filters);
  const fails = chosen.map(({ condition }) => sql`not coalesce(${condition}, false)`);
  const where = sql.join(
    [
      ...others,
      sql`(${sql.join(
        fails.map((fail) => sql`(${fail})::int`),
        sql` + `,
      )}) <= 1`,
    ],
    sql` and `,
  );
  const marks = sql.join(
    chosen.map(({ facet }, index) => sql`${fails[index]} as ${failsColumn(facet)}`),
    sql`, `,
  );
  const prior = standing(plan.currentYear);
  const cap = COUNT_CAP + 1;
  if (plan.terms.length === 0)
    return sql`facet_pool as (select ${MATCH_COLUMNS}, ${prior} as prior, false as in_title, ${marks}
      from knowledge_items_visible i where ${where} limit ${cap})`;
  const words = wordsQuery(plan);
  return sql`facet_pool as (
    (select ${MATCH_COLUMNS}, ${prior} as prior, i.title_vector @@ ${words} as in_title, ${marks}
      from knowledge_items_visible i
      where exists (select 1 from full_text) and i.search_vector @@ ${words} and ${where} limit ${cap})
    union all
    (select ${MATCH_COLUMNS}, word_similarity(${plan.trigramText}::text, i.search_title) * ${prior} as prior,
        true as in_title, ${marks}
      from knowledge_items_visible i
      where not exists (select 1 from full_text) and ${plan.trigramText}::text <% i.search_title and ${where}
      limit ${CLOSE_TITLES_CAP + 1}))`;
}

/** A chosen facet's items: those of the pool failing no other chosen facet's filter, one per group. */
function chosenFacetSql(plan: SearchPlan, chosen: readonly ChosenFacet[], facet: FacetName): SQL {
  const others = chosen.filter((entry) => entry.facet !== facet).map((entry) => failsColumn(entry.facet));
  const where = others.length === 0 ? sql`true` : sql`not (${sql.join(others, sql` or `)})`;
  return sql`${sql.raw(`facet_${facet}`)} as (select distinct on (translation_group) * from facet_pool
    where ${where}
    order by translation_group, (language = ${plan.preferredLanguage}) desc, in_title desc, prior desc, id)`;
}

/** How many items found are counted exactly: fewer when only titles close to the words were found. */
function capOf(plan: SearchPlan): SQL {
  if (plan.terms.length === 0) return sql`${COUNT_CAP}::int`;
  return sql`(case when exists (select 1 from full_text) then ${COUNT_CAP}::int else ${CLOSE_TITLES_CAP}::int end)`;
}

/*
 * Standard faceted search: each facet counts the items found under every filter but its own, so that the
 * other values of a facet stay in sight to be chosen instead or as well (facetPoolSql). A facet whose
 * filter is not set counts `best`, the items found: every one when no more than COUNT_CAP were; otherwise
 * the sample and the best-standing ones, lower bounds of the true counts, as are all the facets' counts
 * when the facets' own read reached COUNT_CAP.
 */
export function searchSql(plan: SearchPlan): SQL {
  const chosen: ChosenFacet[] = Object.entries(filterConditions(plan.filters).facets).map(
    ([facet, condition]) => ({ facet: facet as FacetName, condition }),
  );
  const counted = (facet: FacetName) =>
    chosen.some((entry) => entry.facet === facet) ? sql.raw(`facet_${facet}`) : sql`best`;
  const facets = FACETS.map((facet) =>
    facetSql(
      facet,
      FACET_VALUES[facet],
      facet === 'year' ? sql`${counted(facet)} where year is not null` : counted(facet),
    ),
  );
  const facetCtes =
    chosen.length === 0
      ? sql``
      : sql`${facetPoolSql(plan, chosen)}, ${sql.join(
          chosen.map(({ facet }) => chosenFacetSql(plan, chosen, facet)),
          sql`, `,
        )},`;
  const facetPoolCapped =
    chosen.length === 0 ? sql`false` : sql`(select count(*) from facet_pool) > ${capOf(plan)}`;
  return sql`with ${foundSql(plan)},
    ${onePerGroup('best', 'pool', plan)},
    ${rankedSql(plan)},
    ${facetCtes}
    page as (select b.id, r.score is null as unranked, coalesce(r.score, b.prior) as score, b.in_title, b.prior,
        b.updated_at
      from best b left join ranked r on r.id = b.id
      order by ${pageOrder()} limit ${plan.limit} offset ${plan.offset})
    select (select count(*)::int from best) as total,
      (select count(*) from found) > ${capOf(plan)} as capped,
      (select count(*) from found) > ${capOf(plan)} or ${facetPoolCapped} as "facetsCapped",
      (select min(how) from found) as how,
      (${hitsSql()}) as hits,
      json_build_object(${sql.join(facets, sql`, `)}) as facets`;
}
