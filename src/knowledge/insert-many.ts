// Many items in one statement, their search vectors computed by PostgreSQL as the rows go in: for the demo
// dataset and for loading a large library. The rows travel as one JSON parameter, read back into typed
// columns (JSON arrays become text[]), so that a batch costs one round trip however many items it holds.
import { sql } from 'drizzle-orm';
import { type Queryable, rowsOf } from '../platform/db.js';
import type { KnowledgeStatus } from './engine/review-flow.js';
import type { ItemContent } from './schemas.js';
import { indexedDocument } from './search-text.js';

export type ManyItem = ItemContent & {
  id: string;
  translationGroup: string;
  organisationId: string;
  status: KnowledgeStatus;
  createdBy: string | null;
  /** The text of the files that will be attached to it, searched with its body. */
  attachmentTexts?: readonly string[];
};

function rowOf(item: ManyItem) {
  const document = indexedDocument({ ...item, attachmentTexts: item.attachmentTexts ?? [] });
  return {
    id: item.id,
    translation_group: item.translationGroup,
    type: item.type,
    language: item.language,
    title: item.title,
    summary: item.summary,
    body: item.body,
    organisation_id: item.organisationId,
    year: item.year,
    countries: item.countries,
    pillars: item.pillars,
    forms: item.forms,
    target_groups: item.targetGroups,
    details: item.legislation ?? item.caseLaw ?? {},
    status: item.status,
    created_by: item.createdBy,
    config: document.config,
    search_title: document.title,
    search_summary: document.summary,
    search_rest: document.rest,
  };
}

/** Inserts the items; reviewed and published ones are marked so from now. Returns how many went in. */
export async function insertManyItems(db: Queryable, items: readonly ManyItem[]): Promise<number> {
  if (items.length === 0) return 0;
  const rows = JSON.stringify(items.map(rowOf));
  const [inserted] = await rowsOf<{ count: number }>(
    db,
    sql`with inserted as (
      insert into knowledge_items (id, translation_group, type, language, title, summary, body, organisation_id,
        year, countries, pillars, forms, target_groups, details, status, created_by, reviewed_at, published_at,
        search_title, title_vector, search_vector)
      select d.id, d.translation_group, d.type, d.language, d.title, d.summary, d.body, d.organisation_id,
        d.year, d.countries, d.pillars, d.forms, d.target_groups, d.details, d.status, d.created_by,
        case when d.status <> 'draft' then now() end, case when d.status = 'published' then now() end,
        d.search_title, t.vector,
        knowledge_document_vector(t.vector, d.config::regconfig, d.search_summary, d.search_rest)
      from jsonb_to_recordset(${rows}::jsonb) as d(id uuid, translation_group uuid, type text, language text,
        title text, summary text, body text, organisation_id uuid, year int, countries text[], pillars text[],
        forms text[], target_groups text[], details jsonb, status text, created_by uuid, config text,
        search_title text, search_summary text, search_rest text)
      -- OFFSET 0 keeps the subquery apart, so the title is parsed once rather than again inside the whole vector.
      cross join lateral (select knowledge_title_vector(d.config::regconfig, d.search_title) as vector offset 0) t
      returning 1)
    select count(*)::int as count from inserted`,
  );
  return inserted?.count ?? 0;
}
