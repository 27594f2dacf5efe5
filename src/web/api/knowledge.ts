// The knowledge library's addresses, typed by the shapes the server declares (src/knowledge/schemas.ts and
// src/knowledge/search-schemas.ts).
import type { ItemChange, ItemRequest, ItemView } from '../../knowledge/schemas.js';
import type {
  Facets,
  SearchHit,
  SearchResult,
  SimilarItems,
  SnippetSegment,
} from '../../knowledge/search-schemas.js';
import { queryString } from './partners.js';
import { useApiResource } from './useApiResource.js';

export type {
  Facets,
  ItemChange,
  ItemRequest,
  ItemView,
  SearchHit,
  SearchResult,
  SimilarItems,
  SnippetSegment,
};
export type ItemResponse = { data: ItemView };

export const KNOWLEDGE_ITEMS = '/api/v1/knowledge/items';
export const itemPath = (id: string, rest = '') => `${KNOWLEDGE_ITEMS}/${encodeURIComponent(id)}${rest}`;
export const attachmentPath = (itemId: string, attachmentId: string) =>
  itemPath(itemId, `/attachments/${encodeURIComponent(attachmentId)}`);
/** The review flow's steps, as the routes name them. */
export const MOVE_PATHS = {
  review: 'review',
  publish: 'publication',
  returnToDraft: 'return-to-draft',
} as const;
export type MoveName = keyof typeof MOVE_PATHS;

// Loaded per person: drafts and what an item offers (`can`) depend on who reads.
export const useKnowledgeSearch = (query: string) =>
  useApiResource<SearchResult>(`${KNOWLEDGE_ITEMS}${query}`);
/** The version in the reader's language `lang` when the item has one; with `exact`, the version `id` names. */
export const useKnowledgeItem = (id: string, lang: string, options: { exact?: boolean } = {}) =>
  useApiResource<ItemResponse>(
    `${itemPath(id)}${queryString({ lang, exact: options.exact ? 'true' : undefined })}`,
  );
/** Items like this one, each in the reader's language `lang` when it has a version in it. */
export const useSimilarItems = (id: string, lang: string) =>
  useApiResource<SimilarItems>(`${itemPath(id, '/similar')}${queryString({ lang })}`);
