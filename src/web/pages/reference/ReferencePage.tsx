// Reference data index: the code lists with version and size, and the way to the country list.
import { useCodeListIndex, useCountries } from '../../api/reference.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ResourceView } from '../../components/Status.js';
import { TableScroll } from '../../components/TableScroll.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link } from '../../router.js';

export function ReferencePage() {
  const { t } = useI18n();
  return (
    <article className="reference">
      <PageHeading>{t('reference.title')}</PageHeading>
      <p className="lede">{t('reference.intro')}</p>
      <section aria-labelledby="code-lists-heading">
        <h2 id="code-lists-heading">{t('reference.codeListsHeading')}</h2>
        <CodeListIndexTable />
      </section>
      <section aria-labelledby="countries-heading">
        <h2 id="countries-heading">{t('reference.countriesHeading')}</h2>
        <CountriesSummary />
      </section>
    </article>
  );
}

function CodeListIndexTable() {
  const { t, language, formatNumber } = useI18n();
  return (
    <ResourceView resource={useCodeListIndex()}>
      {({ data }) => (
        <TableScroll>
          <table className="data-table">
            <caption>{t('reference.codeListsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reference.colList')}</th>
                <th scope="col">{t('reference.colVersion')}</th>
                <th scope="col" className="numeric">
                  {t('reference.colCodeCount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.map((list) => (
                <tr key={list.name}>
                  <th scope="row">
                    <Link to={`/reference/lists/${encodeURIComponent(list.name)}`}>
                      {list.labels[language]}
                    </Link>{' '}
                    <code className="code-name">{list.name}</code>
                    {list.description ? <p className="cell-note">{list.description[language]}</p> : null}
                  </th>
                  <td>{list.version}</td>
                  <td className="numeric">{formatNumber(list.codeCount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </ResourceView>
  );
}

function CountriesSummary() {
  const { t } = useI18n();
  return (
    <ResourceView resource={useCountries()}>
      {({ data }) => (
        <>
          <p>{t('reference.countriesIntro', { count: data.length })}</p>
          <p>
            <Link to="/reference/countries">{t('reference.countriesLink')}</Link>
          </p>
        </>
      )}
    </ResourceView>
  );
}
