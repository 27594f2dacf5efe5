// What an item gives the search index: its parts normalised for its language (pure), and the SQL that
// turns them into the stored vector with the migration's knowledge_document_vector().
import { type SQL, sql } from 'drizzle-orm';
import { type KnowledgeLanguage, searchConfigOf } from './text/languages.js';
import { indexableText } from './text/normalise.js';

export type IndexedDocument = {
  config: ReturnType<typeof searchConfigOf>;
  /** The normalised title, also kept for trigram matching of typing mistakes. */
  title: string;
  summary: string;
  /** The body and the attachments' text. */
  rest: string;
};

export type IndexSource = {
  language: KnowledgeLanguage;
  title: string;
  summary: string;
  body: string;
  /** The extracted text of each attachment. */
  attachmentTexts: readonly string[];
};

export function indexedDocument(source: IndexSource): IndexedDocument {
  const prepare = (text: string) => indexableText(text, source.language);
  return {
    config: searchConfigOf(source.language),
    title: prepare(source.title),
    summary: prepare(source.summary),
    rest: prepare([source.body, ...source.attachmentTexts].join('\n\n')),
  };
}

/** The title's vector and the whole vector of one document, as SQL expressions (migration 0046). */
export function documentVectorsSql(document: IndexedDocument): { title: SQL; whole: SQL } {
  const title = sql`knowledge_title_vector(${document.config}::regconfig, ${document.title})`;
  return {
    title,
    whole: sql`knowledge_document_vector(${title}, ${document.config}::regconfig, ${document.summary}, ${document.rest})`,
  };
}
