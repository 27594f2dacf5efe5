// One item in a list of results: its title (in its own language) linking to it, its kind, year, authoring
// organisation and countries, the passage where the words were found, and its other language versions.
import type { SearchHit } from '../../api/knowledge.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link } from '../../router.js';
import { isolate } from '../plans/bidi.js';
import { type KnowledgeVocabulary, statusKey, typeKey } from './knowledge-vocabulary.js';
import { Snippet } from './Snippet.js';
import { InLanguage, LanguageName } from './text-language.js';

/**
 * One language version, opened as itself whatever the reader's language (the item page then asks the API
 * for exactly it): the version's own language is named in the address (an item's, not the reader's).
 */
export const versionPath = (version: { id: string; language: string }) =>
  `/knowledge/${version.id}?in=${version.language}`;

type HitLike = Omit<SearchHit, 'snippet' | 'score'> & Partial<Pick<SearchHit, 'snippet'>>;

export function HitCard(props: { hit: HitLike; vocabulary: KnowledgeVocabulary; headingLevel: 'h3' | 'h4' }) {
  const { t, language } = useI18n();
  const { hit, vocabulary } = props;
  const Heading = props.headingLevel;
  const facts = [
    t(typeKey(hit.type)),
    hit.year === null ? null : String(hit.year),
    hit.organisation.name,
    hit.countries.length ? vocabulary.listOf(hit.countries.map(vocabulary.countryName)) : null,
  ].filter((fact): fact is string => fact !== null);
  return (
    <article className="hit">
      <Heading className="hit-title">
        <Link to={versionPath(hit)}>
          <InLanguage language={hit.language}>{hit.title}</InLanguage>
        </Link>
        {hit.status === 'published' ? null : (
          <span className="badge badge-muted">{t(statusKey(hit.status))}</span>
        )}
      </Heading>
      <p className="hit-facts">
        {facts.map((fact) => isolate(fact)).join(' · ')}
        {hit.language === language ? null : (
          <>
            {' · '}
            <LanguageName language={hit.language} />
          </>
        )}
      </p>
      {hit.snippet ? <Snippet segments={hit.snippet} language={hit.language} /> : null}
      {hit.translations.length > 0 ? (
        <p className="hit-versions">
          {t('knowledge.alsoIn')}{' '}
          {hit.translations.map((version, index) => (
            <span key={version.id}>
              {index > 0 ? t('knowledge.listSeparator') : null}
              <Link to={versionPath(version)}>
                <LanguageName language={version.language} />
              </Link>
            </span>
          ))}
        </p>
      ) : null}
    </article>
  );
}
