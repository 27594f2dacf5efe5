// Countries and areas: a table filtered by UN M49 region and by a search on names and codes.
import { useId, useMemo, useState } from 'react';
import type { Country, M49Area } from '../../../reference/schemas.js';
import { useCountries, useRegions } from '../../api/reference.js';
import { PageHeading } from '../../components/PageHeading.js';
import { Loading, ProblemAlert } from '../../components/Status.js';
import { TableScroll } from '../../components/TableScroll.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link } from '../../router.js';
import { filterCountries, regionOptions } from './country-filter.js';

export function CountriesPage() {
  const { t } = useI18n();
  const countries = useCountries();
  const regions = useRegions();
  let body: React.ReactNode;
  if (countries.status === 'error')
    body = <ProblemAlert problem={countries.problem} onRetry={countries.retry} />;
  else if (regions.status === 'error')
    body = <ProblemAlert problem={regions.problem} onRetry={regions.retry} />;
  else if (countries.status === 'loading' || regions.status === 'loading') body = <Loading />;
  else body = <CountryBrowser countries={countries.data.data} areas={regions.data.data} />;
  return (
    <article className="reference">
      <p className="back-link">
        <Link to="/reference">{t('reference.backLink')}</Link>
      </p>
      <PageHeading>{t('countries.title')}</PageHeading>
      <p className="lede">{t('countries.intro')}</p>
      {body}
    </article>
  );
}

function CountryBrowser(props: { countries: Country[]; areas: M49Area[] }) {
  const { t, language } = useI18n();
  const [areaCode, setAreaCode] = useState('');
  const [query, setQuery] = useState('');
  const regionId = useId();
  const searchId = useId();
  const areaNames = useMemo(
    () => new Map(props.areas.map((area) => [area.code, area.names[language]])),
    [props.areas, language],
  );
  const options = useMemo(() => regionOptions(props.areas, language), [props.areas, language]);
  const shown = useMemo(
    () => filterCountries(props.countries, { areaCode, query }, language),
    [props.countries, areaCode, query, language],
  );

  return (
    <>
      <search className="filters" aria-label={t('countries.filters')}>
        <div className="field">
          <label htmlFor={regionId}>{t('countries.region')}</label>
          <select id={regionId} value={areaCode} onChange={(event) => setAreaCode(event.target.value)}>
            <option value="">{t('countries.allRegions')}</option>
            {options.map(({ region, subregions }) => (
              <optgroup key={region.code} label={region.names[language]}>
                <option value={region.code}>
                  {t('countries.wholeRegion', { region: region.names[language] })}
                </option>
                {subregions.map((sub) => (
                  <option key={sub.code} value={sub.code}>
                    {sub.names[language]}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={searchId}>{t('countries.search')}</label>
          <input
            id={searchId}
            type="search"
            value={query}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setQuery(event.target.value)}
          />
        </div>
      </search>
      {/* Announced politely as the filters change, so a screen-reader user hears the effect. */}
      <p className="result-count" role="status">
        {t('countries.resultCount', { count: shown.length })}
      </p>
      {shown.length === 0 ? (
        <p>{t('countries.noMatch')}</p>
      ) : (
        <CountryTable countries={shown} areaNames={areaNames} />
      )}
    </>
  );
}

function CountryTable(props: { countries: Country[]; areaNames: ReadonlyMap<string, string> }) {
  const { t, language } = useI18n();
  const areaName = (code: string | null) => (code ? (props.areaNames.get(code) ?? code) : t('home.noRegion'));
  return (
    <TableScroll>
      <table className="data-table">
        <caption>{t('countries.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('countries.colName')}</th>
            <th scope="col">{t('countries.colIso3')}</th>
            <th scope="col">{t('countries.colIso2')}</th>
            <th scope="col">{t('countries.colNumeric')}</th>
            <th scope="col">{t('countries.colRegion')}</th>
            <th scope="col">{t('countries.colSubregion')}</th>
          </tr>
        </thead>
        <tbody>
          {props.countries.map((country) => (
            <tr key={country.iso3}>
              <th scope="row">{country.names[language]}</th>
              <td>
                <code>{country.iso3}</code>
              </td>
              <td>
                <code>{country.iso2}</code>
              </td>
              <td>
                <code>{country.numeric}</code>
              </td>
              <td>{areaName(country.regionCode)}</td>
              <td>{country.subregionCode ? areaName(country.subregionCode) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
