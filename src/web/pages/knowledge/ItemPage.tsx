// One item of the library, in the reader's language when it has a version in it: what it is, its text, the
// particulars of a law or a court decision, its files, its other language versions, what the reader may do
// with it next, and items like it.
import type { ItemView } from '../../api/knowledge.js';
import { useKnowledgeItem } from '../../api/knowledge.js';
import { PageHeading } from '../../components/PageHeading.js';
import { Loading, ProblemAlert, ResourceView } from '../../components/Status.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link, useLocation } from '../../router.js';
import { AttachmentsSection } from './AttachmentsSection.js';
import { CaseLawFacts, LegislationFacts } from './DecisionFacts.js';
import { ItemFacts } from './ItemFacts.js';
import { ItemText } from './ItemText.js';
import { type KnowledgeVocabulary, statusKey, useKnowledgeVocabulary } from './knowledge-vocabulary.js';
import { ReviewActions } from './ReviewActions.js';
import { SimilarItems } from './SimilarItems.js';
import { endonymOf, useTextLanguage } from './text-language.js';
import { Versions } from './Versions.js';
import './knowledge.css';

/**
 * An address naming a version's language (`?in=fr`, see versionPath) opens exactly that version; one
 * without it, the item in the reader's language when it has a version in it.
 */
function useNamesVersion(): boolean {
  const { search } = useLocation();
  return new URLSearchParams(search).has('in');
}

export function ItemPage(props: { id: string }) {
  const { t, language } = useI18n();
  const item = useKnowledgeItem(props.id, language, { exact: useNamesVersion() });
  const vocabulary = useKnowledgeVocabulary();
  return (
    <article className="knowledge-item">
      <p className="back-link">
        <Link to="/knowledge">{t('knowledge.back')}</Link>
      </p>
      <ResourceView resource={item}>
        {(body) =>
          vocabulary.status === 'ready' ? (
            <ItemDocument item={body.data} vocabulary={vocabulary.vocabulary} onChanged={item.reload} />
          ) : vocabulary.status === 'error' ? (
            <ProblemAlert problem={vocabulary.problem} onRetry={vocabulary.retry} />
          ) : (
            <Loading />
          )
        }
      </ResourceView>
    </article>
  );
}

function ItemDocument(props: { item: ItemView; vocabulary: KnowledgeVocabulary; onChanged: () => void }) {
  const { t, language } = useI18n();
  const textLanguage = useTextLanguage();
  const { item, vocabulary } = props;
  return (
    <>
      <PageHeading {...textLanguage(item.language)}>{item.title}</PageHeading>
      {item.status === 'published' ? null : (
        <p>
          <span className="badge badge-muted">{t(statusKey(item.status))}</span>
        </p>
      )}
      {item.language !== language && !item.requestedLanguageAvailable ? (
        <p className="note">{t('knowledge.item.otherLanguage', { language: endonymOf(item.language) })}</p>
      ) : null}
      <Versions item={item} />
      <ReviewActions item={item} onChanged={props.onChanged} />
      <ItemFacts item={item} vocabulary={vocabulary} />
      <ItemText item={item} />
      {item.legislation ? (
        <LegislationFacts item={item} details={item.legislation} vocabulary={vocabulary} />
      ) : null}
      {item.caseLaw ? <CaseLawFacts item={item} details={item.caseLaw} vocabulary={vocabulary} /> : null}
      <AttachmentsSection item={item} onChanged={props.onChanged} />
      <SimilarItems id={item.id} vocabulary={vocabulary} />
    </>
  );
}
