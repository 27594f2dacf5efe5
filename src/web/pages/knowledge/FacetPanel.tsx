// The filters beside the results: for each facet a group of checkboxes named in the reader's language with
// how many items each would keep (years as one choice), long lists shortened until asked for in full.
import { useId, useState } from 'react';
import type { Facets } from '../../api/knowledge.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import type { KnowledgeVocabulary } from './knowledge-vocabulary.js';
import { typeKey } from './knowledge-vocabulary.js';
import { LIST_FACETS, type LibraryQuery, type ListFacet } from './library-query.js';
import { endonymOf, useTextLanguage } from './text-language.js';

const LEGENDS: Record<ListFacet | 'year', MessageKey> = {
  type: 'knowledge.facet.type',
  language: 'knowledge.facet.language',
  pillar: 'knowledge.facet.pillar',
  form: 'knowledge.facet.form',
  country: 'knowledge.facet.country',
  year: 'knowledge.facet.year',
};
/** Values shown before "Show all": a short list to scan, the rest one press away. */
const SHORT_LIST = 8;

type FacetEntry = { value: string; count: number; label: string; lang?: string; dir?: 'ltr' | 'rtl' };

export function FacetPanel(props: {
  facets: Facets;
  isLowerBound: boolean;
  query: LibraryQuery;
  vocabulary: KnowledgeVocabulary;
  onToggle: (name: ListFacet, value: string) => void;
  onYear: (year: string) => void;
}) {
  const { t } = useI18n();
  const textLanguage = useTextLanguage();
  const { vocabulary } = props;
  const labelOf = (name: ListFacet, value: string): Omit<FacetEntry, 'value' | 'count'> => {
    if (name === 'type') return { label: t(typeKey(value)) };
    if (name === 'language') return { label: endonymOf(value), ...textLanguage(value) };
    if (name === 'pillar') return { label: vocabulary.label('pillar', value) };
    if (name === 'form') return { label: vocabulary.label('form_of_exploitation', value) };
    return { label: vocabulary.countryName(value) };
  };
  return (
    <aside className="facets" aria-labelledby="facets-heading">
      <h2 id="facets-heading">{t('knowledge.refine')}</h2>
      {LIST_FACETS.map((name) => {
        const chosen = props.query.filters[name];
        // A chosen value stays in the list to be unchosen, even when no item found has it.
        const counted = props.facets[name];
        const missing = chosen.filter((value) => !counted.some((entry) => entry.value === value));
        const entries = [...counted, ...missing.map((value) => ({ value, count: 0 }))].map((entry) => ({
          ...entry,
          ...labelOf(name, entry.value),
        }));
        return (
          <CheckboxFacet
            key={name}
            legend={t(LEGENDS[name])}
            entries={entries}
            chosen={chosen}
            isLowerBound={props.isLowerBound}
            onToggle={(value) => props.onToggle(name, value)}
          />
        );
      })}
      <YearFacet
        entries={props.facets.year}
        chosen={props.query.year}
        isLowerBound={props.isLowerBound}
        onYear={props.onYear}
      />
    </aside>
  );
}

function CountText(props: { count: number; isLowerBound: boolean }) {
  const { t, formatNumber } = useI18n();
  const count = formatNumber(props.count);
  return (
    <span className="facet-count">
      {props.isLowerBound ? t('knowledge.countAtLeast', { count }) : t('knowledge.count', { count })}
    </span>
  );
}

function CheckboxFacet(props: {
  legend: string;
  entries: FacetEntry[];
  chosen: readonly string[];
  isLowerBound: boolean;
  onToggle: (value: string) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [isOpen, setOpen] = useState(false);
  if (props.entries.length === 0) return null;
  const isLong = props.entries.length > SHORT_LIST;
  const shown =
    isLong && !isOpen
      ? props.entries.filter((entry, index) => index < SHORT_LIST || props.chosen.includes(entry.value))
      : props.entries;
  return (
    <fieldset className="facet">
      <legend>{props.legend}</legend>
      <ul id={`${id}-list`}>
        {shown.map((entry) => (
          <li key={entry.value}>
            <label>
              <input
                type="checkbox"
                checked={props.chosen.includes(entry.value)}
                onChange={() => props.onToggle(entry.value)}
              />{' '}
              <span lang={entry.lang} dir={entry.dir}>
                {entry.label}
              </span>{' '}
              <CountText count={entry.count} isLowerBound={props.isLowerBound} />
            </label>
          </li>
        ))}
      </ul>
      {isLong ? (
        <button
          type="button"
          className="link-button"
          aria-expanded={isOpen}
          aria-controls={`${id}-list`}
          onClick={() => setOpen(!isOpen)}
        >
          {isOpen
            ? t('knowledge.showFewer')
            : t('knowledge.showAll', { count: props.entries.length, facet: props.legend })}
        </button>
      ) : null}
    </fieldset>
  );
}

function YearFacet(props: {
  entries: Facets['year'];
  chosen: string;
  isLowerBound: boolean;
  onYear: (year: string) => void;
}) {
  const { t } = useI18n();
  const name = useId();
  if (props.entries.length === 0 && !props.chosen) return null;
  const years = [...props.entries].sort((a, b) => Number(b.value) - Number(a.value));
  if (props.chosen && !years.some((entry) => entry.value === props.chosen))
    years.unshift({ value: props.chosen, count: 0 });
  return (
    <fieldset className="facet">
      <legend>{t(LEGENDS.year)}</legend>
      <ul>
        <li>
          <label>
            <input type="radio" name={name} checked={props.chosen === ''} onChange={() => props.onYear('')} />{' '}
            {t('knowledge.anyYear')}
          </label>
        </li>
        {years.map((entry) => (
          <li key={entry.value}>
            <label>
              <input
                type="radio"
                name={name}
                checked={props.chosen === entry.value}
                onChange={() => props.onYear(entry.value)}
              />{' '}
              {entry.value} <CountText count={entry.count} isLowerBound={props.isLowerBound} />
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
