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
export function allTermsQuery(config: SearchConfig, terms: readonly string[]): SQL {
  const parts = terms.map((term) => sql`knowledge_term_query(${config}::regconfig, ${term})`);
  return sql`(${sql.join(parts, sql` && `)})`;
}

/** Any of the terms, in the configuration given (a document's own, for highlighting). */
export function anyTermQuery(config: SQL, terms: readonly string[]): SQL {
  const parts = terms.map((term) => sql`knowledge_term_query(${config}, ${term})`);
  return sql`(${sql.join(parts, sql` || `)})`;
}

export function filterSql(filters: SearchFilters): SQL {
  const parts: SQL[] = [sql`true`];
  const any = (column: SQL, values: readonly string[] | undefined) => {
    if (values?.length) parts.push(sql`${column} = any(${textArray(values)}::text[])`);
  };
  const overlaps = (column: SQL, values: readonly string[] | undefined) => {
    if (values?.length) parts.push(sql`${column} && ${textArray(values)}::text[]`);
  };
  any(sql`i.type`, filters.type);
  any(sql`i.language`, filters.language);
  any(sql`i.status`, filters.status);
  overlaps(sql`i.countries`, filters.country);
  overlaps(sql`i.pillars`, filters.pillar);
  overlaps(sql`i.forms`, filters.form);
  if (filters.yearFrom !== undefined) parts.push(sql`i.year >= ${filters.yearFrom}`);
  if (filters.yearTo !== undefined) parts.push(sql`i.year <= ${filters.yearTo}`);
  return sql.join(parts, sql` and `);
}

/**
 * Published items first, then reviewed ones, drafts last; and newer work before older (half the weight
 * gone after about seven years, never less than half).
 */
function standing(currentYear: number): SQL {
  return sql`(case i.status when 'published' then 1.0 when 'reviewed' then 0.8 else 0.5 end)::float8
    * (0.5 + 0.5 * exp(-greatest(0, ${currentYear}::int - coalesce(i.year, ${currentYear}::int)) / 10.0))::float8`;
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
export const COUNT_CAP = 2000;
/**
 * How many of the items found are ranked by relevance: those with the words in their title first, then
 * the best standing. Ranking reads each item's whole vector, so a word found in most of the library is
 * ranked among these only; the rest follow by standing. Below this many, the ranking is exact.
 */
export const RANKED_CANDIDATES = 100;

/** The words as a constant tsquery expression, so that the planner sees how common they are. */
function wordsQuery(plan: SearchPlan): SQL {
  return allTermsQuery(plan.config, plan.terms);
}

/**
 * `found`: the items found, up to COUNT_CAP + 1, as the index gives them (or titles close to the words
 * when no item has them all); `recent`: when more were found, the best-standing of them, which a capped
 * sample may have missed; `pool`: both, the candidates for the page.
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
  return sql`full_text as (select ${MATCH_COLUMNS}, ${prior} as prior, i.title_vector @@ ${words} as in_title,
        'words' as how
      from knowledge_items_visible i where i.search_vector @@ ${words} and ${filters} limit ${cap}),
    close_titles as (select ${MATCH_COLUMNS}, word_similarity(${close}::text, i.search_title) * ${prior} as prior,
        true as in_title, 'similar_titles' as how
      from knowledge_items_visible i
      where not exists (select 1 from full_text) and ${close}::text <% i.search_title and ${filters} limit ${cap}),
    found as (select * from full_text union all select * from close_titles),
    recent as (select ${MATCH_COLUMNS}, ${prior} as prior, i.title_vector @@ ${words} as in_title, 'words' as how
      from knowledge_items_visible i
      where (select count(*) from found) > ${COUNT_CAP} and i.search_vector @@ ${words} and ${filters}
      order by ${STANDING_ORDER} limit ${candidates}),
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

export const FACETS = ['type', 'country', 'pillar', 'form', 'language', 'year'] as const;
export type FacetName = (typeof FACETS)[number];

/** The filters each facet sets: choosing its values, or a year. */
const OWN_FILTERS: Record<FacetName, readonly (keyof SearchFilters)[]> = {
  type: ['type'],
  country: ['country'],
  pillar: ['pillar'],
  form: ['form'],
  language: ['language'],
  year: ['yearFrom', 'yearTo'],
};

/** What each facet counts: a value of the item's, or one row per value of a list. */
const FACET_VALUES: Record<FacetName, SQL> = {
  type: sql`type`,
  country: sql`unnest(countries)`,
  pillar: sql`unnest(pillars)`,
  form: sql`unnest(forms)`,
  language: sql`language`,
  year: sql`year::text`,
};

const isSet = (value: unknown) => value !== undefined && (!Array.isArray(value) || value.length > 0);

/** The other filters, when the facet's own is set: its counts leave out its own choice; null otherwise. */
export function filtersWithout(filters: SearchFilters, facet: FacetName): SearchFilters | null {
  const own = OWN_FILTERS[facet];
  if (!own.some((name) => isSet(filters[name]))) return null;
  return Object.fromEntries(
    Object.entries(filters).filter(([name]) => !own.includes(name as keyof SearchFilters)),
  ) as SearchFilters;
}

/**
 * The items a facet counts when its own filter is set: found as the search found them (by the words, or
 * by titles close to them when nothing had the words), under every other filter; as many as the search
 * counts, one per translation group as the search gives them.
 */
function facetFoundSql(facet: FacetName, plan: SearchPlan, filters: SearchFilters): SQL {
  const name = `facet_${facet}`;
  const where = filterSql(filters);
  const prior = standing(plan.currentYear);
  const cap = COUNT_CAP + 1;
  const found =
    plan.terms.length === 0
      ? sql`select ${MATCH_COLUMNS}, ${prior} as prior, false as in_title
          from knowledge_items_visible i where ${where} limit ${cap}`
      : sql`(select ${MATCH_COLUMNS}, ${prior} as prior, i.title_vector @@ ${wordsQuery(plan)} as in_title
            from knowledge_items_visible i
            where exists (select 1 from full_text) and i.search_vector @@ ${wordsQuery(plan)} and ${where}
            limit ${cap})
          union all
          (select ${MATCH_COLUMNS}, word_similarity(${plan.trigramText}::text, i.search_title) * ${prior} as prior,
              true as in_title
            from knowledge_items_visible i
            where not exists (select 1 from full_text) and ${plan.trigramText}::text <% i.search_title
              and ${where}
            limit ${cap})`;
  return sql`${sql.raw(`${name}_found`)} as (${found}), ${onePerGroup(name, `${name}_found`, plan)}`;
}

/*
 * Standard faceted search: each facet counts the items found under every filter but its own, so that the
 * other values of a facet stay in sight to be chosen instead or as well. A facet whose filter is not set
 * counts `best`, the items found: every one when no more than COUNT_CAP were; otherwise the sample and the
 * best-standing ones, lower bounds of the true counts (as are those of a facet whose own items were capped).
 */
export function searchSql(plan: SearchPlan): SQL {
  const own = FACETS.flatMap((facet) => {
    const filters = filtersWithout(plan.filters, facet);
    return filters ? [{ facet, filters }] : [];
  });
  const counted = (facet: FacetName) =>
    own.some((entry) => entry.facet === facet) ? sql.raw(`facet_${facet}`) : sql`best`;
  const facetCaps = own.map(
    ({ facet }) => sql`(select count(*) from ${sql.raw(`facet_${facet}_found`)}) > ${COUNT_CAP}`,
  );
  const facets = FACETS.map((facet) =>
    facetSql(
      facet,
      FACET_VALUES[facet],
      facet === 'year' ? sql`${counted(facet)} where year is not null` : counted(facet),
    ),
  );
  return sql`with ${foundSql(plan)},
    ${onePerGroup('best', 'pool', plan)},
    ${rankedSql(plan)},
    ${sql.join(
      own.map(({ facet, filters }) => sql`${facetFoundSql(facet, plan, filters)},`),
      sql` `,
    )}
    page as (select b.id, r.score is null as unranked, coalesce(r.score, b.prior) as score, b.in_title, b.prior,
        b.updated_at
      from best b left join ranked r on r.id = b.id
      order by ${pageOrder()} limit ${plan.limit} offset ${plan.offset})
    select (select count(*)::int from best) as total,
      (select count(*) from found) > ${COUNT_CAP} as capped,
      ${sql.join([sql`(select count(*) from found) > ${COUNT_CAP}`, ...facetCaps], sql` or `)} as "facetsCapped",
      (select min(how) from found) as how,
      (${hitsSql()}) as hits,
      json_build_object(${sql.join(facets, sql`, `)}) as facets`;
}
