// The plans of action: scope, countries, period, coordinator and how many measures are done, filtered by
// country; those who may draw a plan up find the way to a new one here.
import { useId, useState } from 'react';
import { type PlanSummary, usePlans } from '../../api/plans.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ResourceView } from '../../components/Status.js';
import { TableScroll } from '../../components/TableScroll.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link } from '../../router.js';
import { useSession } from '../../session/SessionProvider.js';
import { useCountryNames } from './countries.js';
import { usePeriodFormat } from './period.js';
import './plans.css';

function countryInAddress(): string {
  return new URLSearchParams(window.location.search).get('country') ?? '';
}

export function PlansPage() {
  const { t } = useI18n();
  const session = useSession();
  const countries = useCountryNames();
  const [country, setCountry] = useState(countryInAddress);
  const plans = usePlans(country || undefined);
  const filterId = useId();
  const choose = (next: string) => {
    setCountry(next);
    // Kept in the address so that a link keeps the filter; replaced, since filtering is not a new page.
    const url = new URL(window.location.href);
    if (next) url.searchParams.set('country', next);
    else url.searchParams.delete('country');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  };
  return (
    <article className="plans-page">
      <PageHeading>{t('plans.title')}</PageHeading>
      <p className="lede">{t('plans.intro')}</p>
      {session.canWithSecondFactor('plans.write') ? (
        <p className="button-row">
          <Link to="/plans/new" className="button">
            {t('plans.new')}
          </Link>
          <Link to="/plans/import" className="button button-secondary">
            {t('planImport.link')}
          </Link>
        </p>
      ) : null}
      <search className="filters" aria-label={t('plans.filterLabel')}>
        <div className="field">
          <label htmlFor={filterId}>{t('plans.filterCountry')}</label>
          <select id={filterId} value={country} onChange={(event) => choose(event.target.value)}>
            <option value="">{t('plans.allCountries')}</option>
            {countries.choices.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        </div>
      </search>
      <ResourceView resource={plans}>
        {(body) =>
          body.data.length === 0 ? (
            <p>
              {country ? t('plans.noneInCountry', { country: countries.nameOf(country) }) : t('plans.none')}
            </p>
          ) : (
            <PlanTable plans={body.data} />
          )
        }
      </ResourceView>
    </article>
  );
}

function PlanTable(props: { plans: PlanSummary[] }) {
  const { t } = useI18n();
  const countries = useCountryNames();
  const period = usePeriodFormat();
  return (
    <TableScroll>
      <table className="data-table plan-table">
        <caption>{t('plans.caption', { count: props.plans.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('plans.column.title')}</th>
            <th scope="col">{t('plans.column.scope')}</th>
            <th scope="col">{t('plans.column.countries')}</th>
            <th scope="col">{t('plans.column.period')}</th>
            <th scope="col">{t('plans.column.coordinator')}</th>
            <th scope="col" className="numeric">
              {t('plans.column.measures')}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.plans.map((plan) => (
            <tr key={plan.id}>
              <th scope="row">
                <Link to={`/plans/${plan.id}`}>{plan.title}</Link>
              </th>
              <td>{t(`plans.scope.${plan.scope}`)}</td>
              <td>{countries.listOf(plan.countries)}</td>
              <td>{period(plan.period)}</td>
              <td>{plan.coordinator.name}</td>
              <td className="numeric">
                {t('plans.measuresDone', { done: plan.completedMeasures, total: plan.measureCount })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
