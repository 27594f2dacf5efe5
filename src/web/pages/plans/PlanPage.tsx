// One plan of action: what it is and who coordinates it, its dashboard (implementation, indicators against
// targets, what is overdue or unlinked, funding and its gaps), then the plan itself with its reports, and the
// downloads of its results.
import {
  type PlanView,
  reportDocumentPath,
  resultsPath,
  usePlan,
  usePlanDashboard,
} from '../../api/plans.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ResourceView } from '../../components/Status.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link } from '../../router.js';
import { useCountryNames } from './countries.js';
import { PlanDashboardView } from './PlanDashboardView.js';
import { PlanDocument } from './PlanDocument.js';
import { usePeriodFormat } from './period.js';
import './plans.css';

export function PlanPage(props: { id: string }) {
  const { t } = useI18n();
  const plan = usePlan(props.id);
  const dashboard = usePlanDashboard(props.id);
  // Every change answers with the plan; the dashboard is read again, since its analyses depend on it.
  const changed = () => {
    plan.reload();
    dashboard.reload();
  };
  return (
    <article className="plan-page">
      <p className="back-link">
        <Link to="/plans">{t('plans.back')}</Link>
      </p>
      <ResourceView resource={plan}>
        {(body) => (
          <>
            <PageHeading>{body.data.title}</PageHeading>
            <PlanHeader plan={body.data} />
            <section aria-labelledby="plan-dashboard" className="plan-dashboard">
              <h2 id="plan-dashboard">{t('plans.dashboard.heading')}</h2>
              <ResourceView resource={dashboard}>
                {(answer) => <PlanDashboardView dashboard={answer.data} />}
              </ResourceView>
            </section>
            <PlanDocument plan={body.data} onChanged={changed} />
          </>
        )}
      </ResourceView>
    </article>
  );
}

function PlanHeader(props: { plan: PlanView }) {
  const { t } = useI18n();
  const countries = useCountryNames();
  const period = usePeriodFormat();
  const { plan } = props;
  return (
    <>
      <dl className="facts plan-facts">
        <dt>{t('plans.column.scope')}</dt>
        <dd>{t(`plans.scope.${plan.scope}`)}</dd>
        <dt>{t('plans.column.countries')}</dt>
        <dd>{countries.listOf(plan.countries)}</dd>
        <dt>{t('plans.column.period')}</dt>
        <dd>{period(plan.period)}</dd>
        <dt>{t('plans.column.coordinator')}</dt>
        <dd>{plan.coordinator.name}</dd>
      </dl>
      {plan.description ? (
        <p className="plan-description" dir="auto">
          {plan.description}
        </p>
      ) : null}
      {plan.can.edit ? (
        <p>
          <Link to={`/plans/${plan.id}/edit`} className="button">
            {t('plans.edit')}
          </Link>
        </p>
      ) : null}
      <Downloads plan={plan} />
    </>
  );
}

/**
 * The printable report (the HTML one opens in a new tab; the PDF may be unavailable where the server has no
 * Chromium, and then says so), and the results in IATI's structure and as tables.
 */
function Downloads(props: { plan: PlanView }) {
  const { t, language } = useI18n();
  const { plan } = props;
  const formats = [
    { format: 'iati', label: t('plans.download.iati') },
    { format: 'csv', label: t('plans.download.csv') },
    { format: 'xlsx', label: t('plans.download.xlsx') },
  ] as const;
  return (
    <>
      <nav className="plan-downloads" aria-label={t('plans.report.heading')}>
        <p className="plan-downloads-title">{t('plans.report.heading')}</p>
        <ul>
          <li>
            <a href={reportDocumentPath(plan.id, 'html', language)} target="_blank" rel="noopener">
              {t('plans.report.html')}
              <span className="visually-hidden"> {t('plans.newTab')}</span>
            </a>
          </li>
          <li>
            <a href={reportDocumentPath(plan.id, 'pdf', language)} download>
              {t('plans.report.pdf')}
            </a>
          </li>
        </ul>
      </nav>
      <nav className="plan-downloads" aria-label={t('plans.download.heading')}>
        <p className="plan-downloads-title">{t('plans.download.heading')}</p>
        <ul>
          {formats.map(({ format, label }) => (
            <li key={format}>
              <a href={resultsPath(plan.id, format, language)} download>
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}
