// "More like this": items sharing the weightiest words, forms of exploitation or countries of this one, each
// in the reader's language when it has a version in it.
import { useSimilarItems } from '../../api/knowledge.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { HitCard } from './HitCard.js';
import type { KnowledgeVocabulary } from './knowledge-vocabulary.js';

export function SimilarItems(props: { id: string; vocabulary: KnowledgeVocabulary }) {
  const { t, language } = useI18n();
  const similar = useSimilarItems(props.id, language);
  // Items like this one are a suggestion: while they load, or if they cannot, the page reads without them.
  if (similar.status !== 'ready' || similar.data.data.length === 0) return null;
  return (
    <section aria-labelledby="item-similar" className="item-similar">
      <h2 id="item-similar">{t('knowledge.item.similar')}</h2>
      <ul className="hits">
        {similar.data.data.map((hit) => (
          <li key={hit.id}>
            <HitCard hit={hit} vocabulary={props.vocabulary} headingLevel="h3" />
          </li>
        ))}
      </ul>
    </section>
  );
}
