// The six UN languages the knowledge library is searched in, and the PostgreSQL text search configuration of each.

export const KNOWLEDGE_LANGUAGES = ['en', 'fr', 'es', 'ru', 'zh', 'ar'] as const;
export type KnowledgeLanguage = (typeof KNOWLEDGE_LANGUAGES)[number];

export type SearchConfig = 'english' | 'french' | 'spanish' | 'russian' | 'arabic' | 'simple';

/*
 * Both engines ship the Snowball stemmers for five of the languages. PostgreSQL has no Chinese parser:
 * Chinese text is cut into words before it reaches the database (see normalise.ts) and indexed unstemmed.
 */
const CONFIGS: Record<KnowledgeLanguage, SearchConfig> = {
  en: 'english',
  fr: 'french',
  es: 'spanish',
  ru: 'russian',
  zh: 'simple',
  ar: 'arabic',
};

export function searchConfigOf(lang: KnowledgeLanguage): SearchConfig {
  return CONFIGS[lang];
}

export function isKnowledgeLanguage(value: string): value is KnowledgeLanguage {
  return (KNOWLEDGE_LANGUAGES as readonly string[]).includes(value);
}
