// API shapes of searching the knowledge library: the question with its filters, and the answer: one result
// per item (in the reader's language when it exists), highlighted passages, and facet counts.
import { z } from 'zod';
import { QueryInt, Text } from '../platform/fields.js';
import { FormOfExploitation, Iso3, Pillar } from '../reference/vocabulary.js';
import { KnowledgeLanguage, KnowledgeStatus, KnowledgeType, TranslationRef } from './schemas.js';

/** Several values as `a,b` or as the parameter repeated; any of them matches. */
const AnyOf = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => {
    const values = Array.isArray(value) ? value : [value];
    return values.flatMap((one) => (typeof one === 'string' ? one.split(',').filter(Boolean) : [one]));
  }, z.array(item).max(50));

export const SearchFilters = z
  .object({
    type: AnyOf(KnowledgeType).optional(),
    country: AnyOf(Iso3).optional().describe('ISO3 codes: items about any of them'),
    pillar: AnyOf(Pillar).optional(),
    form: AnyOf(FormOfExploitation).optional(),
    language: AnyOf(KnowledgeLanguage).optional().describe('Only versions written in these languages'),
    yearFrom: QueryInt({ min: 1800, max: 2200 }).optional(),
    yearTo: QueryInt({ min: 1800, max: 2200 }).optional(),
    status: AnyOf(KnowledgeStatus)
      .optional()
      .describe('For signed-in partners: drafts and reviewed items they may see (the public sees published)'),
  })
  .strict();
export type SearchFilters = z.infer<typeof SearchFilters>;

export const SearchQuery = SearchFilters.extend({
  q: Text(300).optional().describe('Words to find, in any of the six languages; a few typing mistakes pass'),
  lang: KnowledgeLanguage.optional().describe(
    'The reader’s language: words are understood in it (and as written), and each item is shown in it when it has a version in it. Else Accept-Language decides.',
  ),
  page: QueryInt({ min: 1, max: 10_000 }).default(1),
  pageSize: QueryInt({ min: 1, max: 50 }).default(20),
}).strict();
export type SearchQuery = z.infer<typeof SearchQuery>;

export const SnippetSegment = z.object({ text: z.string(), highlighted: z.boolean() });
export type SnippetSegment = z.infer<typeof SnippetSegment>;

export const SearchHit = z.object({
  id: z.uuid(),
  type: KnowledgeType,
  language: KnowledgeLanguage,
  title: z.string(),
  summary: z.string(),
  organisation: z.object({ id: z.uuid(), name: z.string() }),
  year: z.number().int().nullable(),
  countries: z.array(z.string()),
  pillars: z.array(z.string()),
  forms: z.array(z.string()),
  status: KnowledgeStatus,
  publishedAt: z.string().nullable(),
  score: z.number().describe('Relevance × status × recency: only the order matters'),
  snippet: z
    .array(SnippetSegment)
    .describe('Passages of the text with the words found marked highlighted; the summary’s start otherwise'),
  translations: z.array(TranslationRef).describe('The other versions of the item the reader may see'),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const FacetCount = z.object({ value: z.string(), count: z.number().int() });
export type FacetCount = z.infer<typeof FacetCount>;

export const Facets = z.object({
  type: z.array(FacetCount),
  country: z.array(FacetCount),
  pillar: z.array(FacetCount),
  form: z.array(FacetCount),
  language: z.array(FacetCount),
  year: z.array(FacetCount),
});
export type Facets = z.infer<typeof Facets>;

export const SearchResult = z.object({
  data: z.array(SearchHit),
  total: z.number().int().describe('Items found (one per translation group)'),
  counted: z
    .enum(['exact', 'at_least'])
    .describe(
      'exact; or at_least when more than 500 items were found (200 titles close to a mistyped word): the total and the facet counts are then lower bounds (show "500+")',
    ),
  page: z.number().int(),
  pageSize: z.number().int(),
  matchedBy: z
    .enum(['all', 'words', 'similar_titles'])
    .describe(
      'all: no words were given; words: full-text search; similar_titles: nothing had every word, these titles are close to them (a typing mistake)',
    ),
  facetsCounted: z
    .enum(['exact', 'at_least'])
    .describe(
      'exact; or at_least when the facet counts are lower bounds: more than 500 items were found (200 close titles), or found under every filter but a facet’s own',
    ),
  facets: Facets.describe(
    'Counts of the items found, by each filter’s values, most frequent first. Each facet counts the items found under every filter but its own (the type counts leave out the types chosen, and so on), so that its other values can be seen and chosen',
  ),
});
export type SearchResult = z.infer<typeof SearchResult>;

export const SimilarQuery = z
  .object({
    lang: KnowledgeLanguage.optional().describe(
      'The reader’s language: each item is shown in it when it has a version in it. Else Accept-Language decides, else the language of the item the others are like.',
    ),
  })
  .strict();

export const SimilarItems = z.object({
  data: z.array(SearchHit.omit({ snippet: true })),
});
export type SimilarItems = z.infer<typeof SimilarItems>;
