// An item's summary and body as its authors wrote them, in its own language: paragraphs at blank lines.
import type { ItemView } from '../../api/knowledge.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { InLanguage } from './text-language.js';

const paragraphsOf = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);

export function ItemText(props: { item: ItemView }) {
  const { t } = useI18n();
  const { item } = props;
  return (
    <>
      {item.summary ? (
        <section aria-labelledby="item-summary" className="item-summary">
          <h2 id="item-summary">{t('knowledge.item.summary')}</h2>
          <InLanguage as="div" language={item.language}>
            {paragraphsOf(item.summary).map((paragraph) => (
              <p key={paragraph}>{paragraph}</p>
            ))}
          </InLanguage>
        </section>
      ) : null}
      {item.body ? (
        <section aria-labelledby="item-body" className="item-body">
          <h2 id="item-body">{t('knowledge.item.body')}</h2>
          <InLanguage as="div" language={item.language}>
            {paragraphsOf(item.body).map((paragraph, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs may repeat; their order is their identity
              <p key={index}>{paragraph}</p>
            ))}
          </InLanguage>
        </section>
      ) : null}
    </>
  );
}
