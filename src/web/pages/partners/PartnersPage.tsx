// The partner directory: search by name or acronym, filter by kind of actor and by country.
import { useDeferredValue, useId, useState } from 'react';
import { useOrganisations } from '../../api/partners.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ResourceView } from '../../components/Status.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link } from '../../router.js';
import { VocabularyGate } from '../activities/VocabularyGate.js';
import { useVocabulary, type Vocabulary } from '../activities/vocabulary.js';

export function PartnersPage() {
  const { t } = useI18n();
  const vocabulary = useVocabulary();
  return (
    <article>
      <PageHeading>{t('partners.title')}</PageHeading>
      <p className="lede">{t('partners.intro')}</p>
      <VocabularyGate state={vocabulary}>{(v) => <Directory vocabulary={v} />}</VocabularyGate>
    </article>
  );
}

function Directory(props: { vocabulary: Vocabulary }) {
  const { t } = useI18n();
  const { vocabulary } = props;
  const [q, setQ] = useState('');
  const [actorType, setActorType] = useState('');
  const [country, setCountry] = useState('');
  const deferredQ = useDeferredValue(q.trim());
  const organisations = useOrganisations({ q: deferredQ, actorType, country });
  const ids = { q: useId(), type: useId(), country: useId() };
  return (
    <>
      <search className="filters" aria-label={t('partners.filters')}>
        <div className="field">
          <label htmlFor={ids.q}>{t('partners.search')}</label>
          <input
            id={ids.q}
            type="search"
            value={q}
            autoComplete="off"
            onChange={(e) => setQ(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.type}>{t('partners.actorType')}</label>
          <select id={ids.type} value={actorType} onChange={(e) => setActorType(e.target.value)}>
            <option value="">{t('filters.all')}</option>
            {vocabulary.options('actor_type').map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.country}>{t('filters.country')}</label>
          <select id={ids.country} value={country} onChange={(e) => setCountry(e.target.value)}>
            <option value="">{t('filters.allCountries')}</option>
            {vocabulary.countries.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      </search>
      <ResourceView resource={organisations}>
        {({ data }) => (
          <>
            <p className="result-count" role="status">
              {t('partners.resultCount', { count: data.length })}
            </p>
            {data.length === 0 ? (
              <p>{t('partners.noMatch')}</p>
            ) : (
              <div className="table-scroll">
                <table className="data-table">
                  <caption>{t('partners.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('partners.name')}</th>
                      <th scope="col">{t('partners.acronym')}</th>
                      <th scope="col">{t('partners.actorType')}</th>
                      <th scope="col">{t('partners.headquarters')}</th>
                      <th scope="col">{t('partners.countries')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.map((organisation) => (
                      <tr key={organisation.id}>
                        <th scope="row">
                          <Link to={`/partners/${organisation.id}`}>{organisation.name}</Link>
                        </th>
                        <td>{organisation.acronym ?? ''}</td>
                        <td>{vocabulary.label('actor_type', organisation.actorType)}</td>
                        <td>{vocabulary.countryName(organisation.headquartersIso3)}</td>
                        <td>{organisation.countriesOfOperation.map(vocabulary.countryName).join(', ')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
      </ResourceView>
    </>
  );
}
