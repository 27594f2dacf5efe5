// A plan's dashboard, section by section: implementation, indicators against targets, what is overdue,
// what is not linked, and funding with its gaps. Each section has its own heading, under the page's h2.
import type { PlanDashboard } from '../../api/plans.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { DashboardFollowUp } from './DashboardFollowUp.js';
import { DashboardFunding } from './DashboardFunding.js';
import { DashboardImplementation } from './DashboardImplementation.js';
import { DashboardIndicators } from './DashboardIndicators.js';
import { useDayFormat } from './period.js';

export function PlanDashboardView(props: { dashboard: PlanDashboard }) {
  const { t } = useI18n();
  const day = useDayFormat();
  const { dashboard } = props;
  return (
    <>
      <p className="note">{t('plans.dashboard.asOf', { date: day(dashboard.asOf) })}</p>
      <DashboardImplementation dashboard={dashboard} />
      <DashboardIndicators indicators={dashboard.indicators} />
      <DashboardFollowUp dashboard={dashboard} />
      <DashboardFunding funding={dashboard.funding} />
    </>
  );
}
