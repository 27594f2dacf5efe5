// The knowledge library under /api/v1/knowledge: search with facets and highlighted passages, an item in
// the reader's language with its other versions, drafts written and changed by the authoring organisation,
// reviewed and published by coordinators, and items like a given one. Every change and its audit entry
// share one transaction; what the reader may see is row-level security's to decide.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { typed } from '../platform/routes.js';
import { changeItem } from './change-item.js';
import { createItem } from './create-item.js';
import { readerLanguage } from './engine/reader-language.js';
import type { ReviewMove } from './engine/review-flow.js';
import { listSimilarItems } from './more-like-this.js';
import { moveItem } from './move-item.js';
import { readItem } from './read-item.js';
import { IdParams, ItemChange, ItemRequest, ItemView, MoveRequest, ReadQuery } from './schemas.js';
import { searchKnowledge } from './search.js';
import { SearchQuery, SearchResult, SimilarItems, SimilarQuery } from './search-schemas.js';
import { getItem, type ItemRecord } from './store.js';
import { itemView } from './views.js';

export const TAGS = ['knowledge'];
const ItemReply = z.object({ data: ItemView });
const SIMILAR_LIMIT = 10;

export function userIdOf(request: FastifyRequest): string | null {
  return request.principal.kind === 'user' ? request.principal.userId : null;
}

export function languageOf(request: FastifyRequest, asked: ItemView['language'] | undefined) {
  const header = request.headers['accept-language'];
  return readerLanguage(asked, Array.isArray(header) ? header[0] : header);
}

export function itemSubject(item: ItemRecord, details: Record<string, unknown>) {
  return {
    resourceType: 'knowledge_item',
    resourceId: item.id,
    organisationId: item.organisationId,
    details: { type: item.type, language: item.language, ...details },
  };
}

/** The item as the API returns it after a change: with its attachments and versions, read again. */
async function viewAfterChange(request: FastifyRequest, tx: Parameters<typeof readItem>[0], id: string) {
  const read = await readItem(tx, id, null);
  return itemView(read.item, { ...read, principal: request.principal });
}

export async function knowledgeRoutes(app: FastifyInstance) {
  const api = typed(app);

  api.get(
    '/items',
    {
      config: { action: 'knowledge.read' },
      schema: {
        tags: TAGS,
        summary: 'Search the library, or list it newest first: one result per item, with facets',
        description:
          'Words are understood in the reader’s language (lang, else Accept-Language, else English) and as written, so names match in every language; every word must be found, the last one also as the start of a word. When no item has them all, titles close to the words are given instead (matchedBy: similar_titles). Published and reviewed items, and recent ones, come first.',
        querystring: SearchQuery,
        response: { 200: SearchResult },
      },
    },
    async (request) => {
      const { q, lang, page, pageSize, ...filters } = request.query;
      const language = languageOf(request, lang) ?? 'en';
      const currentYear = new Date().getUTCFullYear();
      return request.transaction((tx) =>
        searchKnowledge(tx, { q, language, filters, page, pageSize, currentYear }),
      );
    },
  );

  api.post(
    '/items',
    {
      config: { action: 'knowledge.write' },
      schema: {
        tags: TAGS,
        summary:
          'Write a draft for one’s organisation, alone or as a version of another item in a new language',
        body: ItemRequest,
        response: { 201: ItemReply },
      },
    },
    async (request, reply) => {
      request.authorize('knowledge.write', { organisationId: request.body.organisationId });
      const data = await request.transaction(async (tx) => {
        const created = await createItem(tx, request.body, userIdOf(request));
        request.auditSubject = itemSubject(created, { translationOf: request.body.translationOf });
        return viewAfterChange(request, tx, created.id);
      });
      return reply.status(201).send({ data });
    },
  );

  api.get(
    '/items/:id',
    {
      config: { action: 'knowledge.read' },
      schema: {
        tags: TAGS,
        summary: 'An item in the reader’s language when it has a version in it, with its other versions',
        description:
          'By default the version in the reader’s language (lang, else Accept-Language) is answered when the item has one the reader may see, whichever version the id names. With exact=true the item the id names is answered, as a link to one language version expects.',
        params: IdParams,
        querystring: ReadQuery,
        response: { 200: ItemReply },
      },
    },
    async (request) => {
      const { lang, exact } = request.query;
      const language = languageOf(request, lang);
      const read = await request.transaction((tx) => readItem(tx, request.params.id, language, { exact }));
      return { data: itemView(read.item, { ...read, principal: request.principal }) };
    },
  );

  api.put(
    '/items/:id',
    {
      config: { action: 'knowledge.write' },
      schema: {
        tags: TAGS,
        summary: 'Change a draft',
        description:
          'Answers 409 `conflict` when someone saved the item since `version` was read, or when it is not a draft; nothing is written.',
        params: IdParams,
        body: ItemChange,
        response: { 200: ItemReply },
      },
    },
    async (request) => {
      const data = await request.transaction(async (tx) => {
        const current = await getItem(tx, request.params.id);
        request.authorize('knowledge.write', { organisationId: current.organisationId });
        request.auditSubject = itemSubject(current, { version: request.body.version });
        await changeItem(tx, current, request.body);
        return viewAfterChange(request, tx, current.id);
      });
      return { data };
    },
  );

  const move = (
    path: string,
    name: ReviewMove,
    action: 'knowledge.review' | 'knowledge.write',
    summary: string,
  ) =>
    api.post(
      `/items/:id/${path}`,
      {
        config: { action },
        schema: { tags: TAGS, summary, params: IdParams, body: MoveRequest, response: { 200: ItemReply } },
      },
      async (request) => {
        const data = await request.transaction(async (tx) => {
          const current = await getItem(tx, request.params.id);
          request.authorize(action, { organisationId: current.organisationId });
          request.auditSubject = itemSubject(current, { from: current.status, move: name });
          await moveItem(tx, current, { name, version: request.body.version, userId: userIdOf(request) });
          return viewAfterChange(request, tx, current.id);
        });
        return { data };
      },
    );
  move('review', 'review', 'knowledge.review', 'Mark a draft reviewed (409 `invalid_review_step` otherwise)');
  move('publication', 'publish', 'knowledge.review', 'Publish a reviewed item: everyone can then read it');
  move(
    'return-to-draft',
    'return_to_draft',
    'knowledge.write',
    'Take a reviewed or published item back to draft, to change it (it then needs review again)',
  );

  api.get(
    '/items/:id/similar',
    {
      config: { action: 'knowledge.read' },
      schema: {
        tags: TAGS,
        summary: 'Items like this one: sharing its weightiest words, forms of exploitation or countries',
        description:
          'One result per item, as search gives them: the version in the reader’s language (lang, else Accept-Language, else the language of this item) when the item has one, and at equal likeness the items that have one first.',
        params: IdParams,
        querystring: SimilarQuery,
        response: { 200: SimilarItems },
      },
    },
    async (request) => {
      const data = await request.transaction(async (tx) => {
        const source = await getItem(tx, request.params.id);
        const readerLanguage = languageOf(request, request.query.lang) ?? source.language;
        return listSimilarItems(tx, source, { limit: SIMILAR_LIMIT, readerLanguage });
      });
      return { data };
    },
  );
}
