// "More like this": the items sharing most of an item's weightiest words (any of them, as stored in its
// vector: title words count thrice, summary words twice) or its forms of exploitation and countries,
// ranked by shared words plus shared tags; never another version of the item itself. One result per
// item, as search gives them: its version in the reader's language when it has one. One statement.
import { sql } from 'drizzle-orm';
import { type Queryable, rowsOf } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import type { SearchHit } from './search-schemas.js';
import { type KnowledgeLanguage, searchConfigOf } from './text/languages.js';

/** Enough words to say what an item is about; more only widens the net. */
const TOP_TERMS = 16;
/** Items found by those words, and by those tags, that are ranked: ranking reads each one's whole vector. */
const RANKED = 500;

export type SimilarHit = Omit<SearchHit, 'snippet'>;

export async function listSimilarItems(
  db: Queryable,
  source: { id: string; language: KnowledgeLanguage },
  options: { limit: number; readerLanguage: KnowledgeLanguage },
): Promise<SimilarHit[]> {
  const { limit, readerLanguage } = options;
  const config = searchConfigOf(source.language);
  const [row] = await rowsOf<{ found: boolean; hits: SimilarHit[] }>(
    db,
    sql`with source as (
        select id, translation_group, forms, countries, pillars, search_vector from knowledge_items where id = ${source.id}),
      terms as (
        select t.lexeme from source, unnest(source.search_vector) t
        where length(t.lexeme) > 2 and numnode(plainto_tsquery(${config}::regconfig, t.lexeme)) > 0
        order by (case when 'A' = any(t.weights) then 3 when 'B' = any(t.weights) then 2 else 1 end)
          * cardinality(t.positions) desc, t.lexeme
        limit ${TOP_TERMS}),
      query as (select coalesce(string_agg(quote_literal(lexeme), ' | '), '')::tsquery as q from terms),
      by_words as (
        select i.id from knowledge_items_visible i, source, query
        where i.search_vector @@ query.q and i.translation_group <> source.translation_group limit ${RANKED}),
      by_tags as (
        select i.id from knowledge_items_visible i, source
        where (i.forms && source.forms or i.countries && source.countries)
          and i.translation_group <> source.translation_group limit ${RANKED}),
      found as (select id from by_words union select id from by_tags),
      scored as (
        select i.id, i.translation_group, i.updated_at, ts_rank(i.search_vector, query.q)
            + 0.1 * cardinality(array(select unnest(i.forms) intersect select unnest(source.forms)))
            + 0.05 * cardinality(array(select unnest(i.countries) intersect select unnest(source.countries)))
            + 0.02 * cardinality(array(select unnest(i.pillars) intersect select unnest(source.pillars))) as score
        from found f join knowledge_items i on i.id = f.id, source, query),
      best_of_group as (
        select distinct on (translation_group) * from scored
        order by translation_group, score desc, updated_at desc, id),
      -- Each item as its version in the reader's language when the reader may see one, found or not; an
      -- item that has one goes first among equals.
      ranked as (
        select coalesce(v.id, b.id) as id, b.score, b.updated_at, v.id is not null as in_language
        from best_of_group b
          left join knowledge_items_visible v on v.translation_group = b.translation_group
            and v.language = ${readerLanguage}
        order by b.score desc, in_language desc, b.updated_at desc, b.id limit ${limit})
      select exists (select 1 from source) as found,
        (select coalesce(json_agg(json_build_object(
          'id', i.id, 'type', i.type, 'language', i.language, 'title', i.title, 'summary', i.summary,
          'organisation', json_build_object('id', o.id, 'name', o.name), 'year', i.year,
          'countries', i.countries, 'pillars', i.pillars, 'forms', i.forms, 'status', i.status,
          'publishedAt', i.published_at, 'score', r.score,
          'translations', (select coalesce(json_agg(json_build_object('id', v.id, 'language', v.language,
            'title', v.title, 'status', v.status) order by v.language), '[]'::json)
            from knowledge_items v where v.translation_group = i.translation_group and v.id <> i.id)
        ) order by r.score desc, r.in_language desc, r.updated_at desc, r.id), '[]'::json)
        from ranked r join knowledge_items i on i.id = r.id join organisations o on o.id = i.organisation_id) as hits`,
  );
  if (!row?.found) throw new AppError('not_found', 'There is no such item in the knowledge library.');
  return row.hits.map((hit) => ({
    ...hit,
    score: Number(hit.score),
    publishedAt: hit.publishedAt ? new Date(hit.publishedAt).toISOString() : null,
  }));
}
