// What an item is, in the reader's words: its kind, year, authoring organisation, countries, pillars, forms of
// exploitation, the people it is for, its language and when it was published.
import type { ItemView } from '../../api/knowledge.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { type KnowledgeVocabulary, typeKey } from './knowledge-vocabulary.js';
import { LanguageName } from './text-language.js';

export function ItemFacts(props: { item: ItemView; vocabulary: KnowledgeVocabulary }) {
  const { t, formatDate } = useI18n();
  const { item, vocabulary: v } = props;
  const names = (codes: readonly string[], name: (code: string) => string) =>
    codes.length ? v.listOf(codes.map(name)) : null;
  const rows: { label: string; value: React.ReactNode }[] = [
    { label: t('knowledge.facet.type'), value: t(typeKey(item.type)) },
    { label: t('knowledge.field.year'), value: item.year === null ? null : String(item.year) },
    { label: t('knowledge.item.organisation'), value: <bdi>{item.organisation.name}</bdi> },
    { label: t('knowledge.field.countries'), value: names(item.countries, v.countryName) },
    { label: t('knowledge.facet.pillar'), value: names(item.pillars, (c) => v.label('pillar', c)) },
    { label: t('knowledge.facet.form'), value: names(item.forms, (c) => v.label('form_of_exploitation', c)) },
    {
      label: t('knowledge.field.targetGroups'),
      value: names(item.targetGroups, (c) => v.label('target_group', c)),
    },
    { label: t('knowledge.facet.language'), value: <LanguageName language={item.language} /> },
    { label: t('knowledge.item.published'), value: item.publishedAt ? formatDate(item.publishedAt) : null },
  ];
  return (
    <dl className="facts item-facts">
      {rows
        .filter((row) => row.value !== null)
        .map((row) => (
          <div key={row.label}>
            <dt>{row.label}</dt>
            <dd>{row.value}</dd>
          </div>
        ))}
    </dl>
  );
}
