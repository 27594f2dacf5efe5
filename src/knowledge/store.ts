// The knowledge library's SQL for items: insert, change, move in the review flow and read them with their
// organisation's name. Row-level security decides what a reader sees and who writes; each read is one query.
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { organisations } from '../partners/schema.js';
import type { Queryable } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import type { KnowledgeStatus, KnowledgeType } from './engine/review-flow.js';
import { knowledgeItems } from './schema.js';
import type { CaseLawDetails, ItemContent } from './schemas.js';
import { documentVectorsSql, type IndexedDocument } from './search-text.js';
import type { KnowledgeLanguage } from './text/languages.js';

export type ItemRecord = {
  id: string;
  translationGroup: string;
  type: KnowledgeType;
  language: KnowledgeLanguage;
  title: string;
  summary: string;
  body: string;
  organisationId: string;
  organisationName: string;
  year: number | null;
  countries: string[];
  pillars: string[];
  forms: string[];
  targetGroups: string[];
  legislation: ItemContent['legislation'];
  caseLaw: CaseLawDetails | null;
  status: KnowledgeStatus;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  reviewedAt: Date | null;
  publishedAt: Date | null;
};

const itemColumns = { item: knowledgeItems, organisationName: organisations.name };

function itemRecord(row: { item: typeof knowledgeItems.$inferSelect; organisationName: string }): ItemRecord {
  const { item } = row;
  const details = item.details as Record<string, unknown>;
  return {
    id: item.id,
    translationGroup: item.translationGroup,
    type: item.type as KnowledgeType,
    language: item.language as KnowledgeLanguage,
    title: item.title,
    summary: item.summary,
    body: item.body,
    organisationId: item.organisationId,
    organisationName: row.organisationName,
    year: item.year,
    countries: item.countries,
    pillars: item.pillars,
    forms: item.forms,
    targetGroups: item.targetGroups,
    legislation: item.type === 'legislation' ? (details as ItemContent['legislation']) : null,
    caseLaw: item.type === 'case_law' ? (details as CaseLawDetails) : null,
    status: item.status as KnowledgeStatus,
    version: item.version,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    reviewedAt: item.reviewedAt,
    publishedAt: item.publishedAt,
  };
}

async function selectItems(db: Queryable, where: SQL | undefined): Promise<ItemRecord[]> {
  const rows = await db
    .select(itemColumns)
    .from(knowledgeItems)
    .innerJoin(organisations, eq(organisations.id, knowledgeItems.organisationId))
    .where(where)
    .orderBy(knowledgeItems.language, knowledgeItems.id);
  return rows.map(itemRecord);
}

/** The item, or 404 when there is none the reader may see. */
export async function getItem(db: Queryable, id: string): Promise<ItemRecord> {
  const [found] = await selectItems(db, eq(knowledgeItems.id, id));
  if (!found) throw new AppError('not_found', 'There is no such item in the knowledge library.');
  return found;
}

/** Every version of the item's translation group that the reader may see, the item itself included. */
export function listGroupOf(db: Queryable, id: string): Promise<ItemRecord[]> {
  return selectItems(
    db,
    sql`${knowledgeItems.translationGroup} = (select k.translation_group from knowledge_items k where k.id = ${id})`,
  );
}

/** The versions, in the reader's sight, of several translation groups at once. */
export function listGroups(db: Queryable, groups: readonly string[]): Promise<ItemRecord[]> {
  if (groups.length === 0) return Promise.resolve([]);
  return selectItems(db, inArray(knowledgeItems.translationGroup, [...groups]));
}

/** The search columns of a document: Drizzle takes SQL for a column's value, typed here as its data. */
function searchColumns(document: IndexedDocument) {
  const vectors = documentVectorsSql(document);
  return {
    searchTitle: document.title,
    titleVector: vectors.title as unknown as string,
    searchVector: vectors.whole as unknown as string,
  };
}

function contentColumns(content: ItemContent, document: IndexedDocument) {
  return {
    type: content.type,
    language: content.language,
    title: content.title,
    summary: content.summary,
    body: content.body,
    year: content.year,
    countries: content.countries,
    pillars: content.pillars,
    forms: content.forms,
    targetGroups: content.targetGroups,
    details: content.legislation ?? content.caseLaw ?? {},
    ...searchColumns(document),
  };
}

export type ItemInsert = {
  content: ItemContent;
  document: IndexedDocument;
  organisationId: string;
  translationGroup: string | null;
  createdBy: string | null;
};

/** A new draft; its own id names its translation group unless it joins another's. */
export async function insertItem(db: Queryable, input: ItemInsert): Promise<string> {
  const id = crypto.randomUUID();
  await db.insert(knowledgeItems).values({
    id,
    translationGroup: input.translationGroup ?? id,
    organisationId: input.organisationId,
    createdBy: input.createdBy,
    ...contentColumns(input.content, input.document),
  });
  return id;
}

/** Replaces a draft's content if nobody saved it since `version`; false when nothing was changed. */
export async function updateItemContent(
  db: Queryable,
  change: { id: string; version: number; content: ItemContent; document: IndexedDocument },
): Promise<boolean> {
  const changed = await db
    .update(knowledgeItems)
    .set({
      ...contentColumns(change.content, change.document),
      version: sql`${knowledgeItems.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(
      and(
        eq(knowledgeItems.id, change.id),
        eq(knowledgeItems.version, change.version),
        eq(knowledgeItems.status, 'draft'),
      ),
    )
    .returning({ id: knowledgeItems.id });
  return changed.length === 1;
}

/** Moves the item from the status it was read in, if nobody changed it since; false otherwise. */
export async function updateItemStatus(
  db: Queryable,
  move: { id: string; version: number; from: KnowledgeStatus; to: KnowledgeStatus; userId: string | null },
): Promise<boolean> {
  const changed = await db
    .update(knowledgeItems)
    .set({
      status: move.to,
      version: sql`${knowledgeItems.version} + 1`,
      updatedAt: sql`now()`,
      ...(move.to === 'reviewed' ? { reviewedBy: move.userId, reviewedAt: sql`now()` } : {}),
      ...(move.to === 'published' ? { publishedAt: sql`now()` } : {}),
    })
    .where(
      and(
        eq(knowledgeItems.id, move.id),
        eq(knowledgeItems.version, move.version),
        eq(knowledgeItems.status, move.from),
      ),
    )
    .returning({ id: knowledgeItems.id });
  return changed.length === 1;
}

/** Writes the item's search columns again (after its attachments changed); a new version too. */
export async function reindexItem(db: Queryable, id: string, document: IndexedDocument): Promise<void> {
  await db
    .update(knowledgeItems)
    .set({
      ...searchColumns(document),
      version: sql`${knowledgeItems.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(eq(knowledgeItems.id, id));
}
