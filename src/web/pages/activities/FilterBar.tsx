// The filters shared by the activity list and the coverage page, kept in the address so a link keeps them.
import { useCallback, useId, useState } from 'react';
import { useOrganisations } from '../../api/partners.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import type { ListName, Vocabulary } from './vocabulary.js';

export type FilterName =
  | 'country'
  | 'pillar'
  | 'activityType'
  | 'form'
  | 'targetGroup'
  | 'status'
  | 'organisationId'
  | 'from'
  | 'to'
  | 'q'
  | 'needsClassification';
export type FilterValues = Partial<Record<FilterName, string>>;

/** Filter values from the current address, keeping only the names given. */
function readFilters(names: readonly FilterName[]): FilterValues {
  const params = new URLSearchParams(window.location.search);
  const values: FilterValues = {};
  for (const name of names) {
    const value = params.get(name);
    if (value) values[name] = value;
  }
  return values;
}

/** The filters as state mirrored in the address (replaced, not pushed: filtering is not a new page). */
export function useAddressFilters(names: readonly FilterName[]) {
  const [values, setValues] = useState<FilterValues>(() => readFilters(names));
  const update = useCallback(
    (next: FilterValues) => {
      setValues(next);
      const url = new URL(window.location.href);
      for (const name of names) {
        const value = next[name];
        if (value) url.searchParams.set(name, value);
        else url.searchParams.delete(name);
      }
      window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    },
    [names],
  );
  return [values, update] as const;
}

const CODE_FILTERS: { name: FilterName; list: ListName; label: MessageKey }[] = [
  { name: 'pillar', list: 'pillar', label: 'filters.pillar' },
  { name: 'activityType', list: 'activity_type', label: 'filters.activityType' },
  { name: 'form', list: 'form_of_exploitation', label: 'filters.form' },
  { name: 'targetGroup', list: 'target_group', label: 'filters.targetGroup' },
  { name: 'status', list: 'iati_activity_status', label: 'filters.status' },
];

export function FilterBar(props: {
  names: readonly FilterName[];
  values: FilterValues;
  onChange: (values: FilterValues) => void;
  vocabulary: Vocabulary;
}) {
  const { t } = useI18n();
  const { values, vocabulary } = props;
  const organisations = useOrganisations();
  const id = useId();
  const has = (name: FilterName) => props.names.includes(name);
  const set = (name: FilterName, value: string) => props.onChange({ ...values, [name]: value || undefined });
  const isFiltered = props.names.some((name) => values[name]);
  return (
    <search className="filters" aria-label={t('filters.label')}>
      {has('q') ? (
        <div className="field">
          <label htmlFor={`${id}-q`}>{t('filters.q')}</label>
          <input
            id={`${id}-q`}
            type="search"
            autoComplete="off"
            value={values.q ?? ''}
            onChange={(e) => set('q', e.target.value)}
          />
        </div>
      ) : null}
      {has('country') ? (
        <div className="field">
          <label htmlFor={`${id}-country`}>{t('filters.country')}</label>
          <select
            id={`${id}-country`}
            value={values.country ?? ''}
            onChange={(e) => set('country', e.target.value)}
          >
            <option value="">{t('filters.allCountries')}</option>
            {vocabulary.countries.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {CODE_FILTERS.filter((filter) => has(filter.name)).map((filter) => (
        <div className="field" key={filter.name}>
          <label htmlFor={`${id}-${filter.name}`}>{t(filter.label)}</label>
          <select
            id={`${id}-${filter.name}`}
            value={values[filter.name] ?? ''}
            onChange={(e) => set(filter.name, e.target.value)}
          >
            <option value="">{t('filters.all')}</option>
            {vocabulary.options(filter.list).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      ))}
      {has('needsClassification') ? (
        <div className="field field-check">
          <label className="check">
            <input
              type="checkbox"
              checked={values.needsClassification === 'true'}
              onChange={(e) => set('needsClassification', e.target.checked ? 'true' : '')}
            />
            {t('filters.needsClassification')}
          </label>
        </div>
      ) : null}
      {has('organisationId') ? (
        <div className="field">
          <label htmlFor={`${id}-org`}>{t('filters.organisation')}</label>
          <select
            id={`${id}-org`}
            value={values.organisationId ?? ''}
            onChange={(e) => set('organisationId', e.target.value)}
          >
            <option value="">{t('filters.all')}</option>
            {(organisations.status === 'ready' ? organisations.data.data : []).map((o) => (
              <option key={o.id} value={o.id}>
                {o.acronym ? `${o.name} (${o.acronym})` : o.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {has('from') ? (
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('filters.from')}</label>
          <input
            id={`${id}-from`}
            type="date"
            value={values.from ?? ''}
            onChange={(e) => set('from', e.target.value)}
          />
        </div>
      ) : null}
      {has('to') ? (
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('filters.to')}</label>
          <input
            id={`${id}-to`}
            type="date"
            value={values.to ?? ''}
            onChange={(e) => set('to', e.target.value)}
          />
        </div>
      ) : null}
      {isFiltered ? (
        <div className="filters-buttons">
          <button type="button" className="button button-secondary" onClick={() => props.onChange({})}>
            {t('filters.clear')}
          </button>
        </div>
      ) : null}
    </search>
  );
}
