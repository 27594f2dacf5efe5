// What needs following up: measures past their deadline, progress reports past due, measures with no
// activity behind them, and activities of the plan's countries that serve no measure.
import type { PlanDashboard } from '../../api/plans.js';
import { TableScroll } from '../../components/TableScroll.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link } from '../../router.js';
import { isolate } from './bidi.js';
import { breakdownText } from './breakdown.js';
import { useCountryNames } from './countries.js';
import { useDayFormat, usePeriodFormat } from './period.js';

export function DashboardFollowUp(props: { dashboard: PlanDashboard }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="plan-follow-up">
      <h3 id="plan-follow-up">{t('plans.dashboard.followUp')}</h3>
      <OverdueMeasures measures={props.dashboard.overdueMeasures} />
      <OverdueReports reports={props.dashboard.overdueReports} />
      <Links links={props.dashboard.links} />
    </section>
  );
}

function OverdueMeasures(props: { measures: PlanDashboard['overdueMeasures'] }) {
  const { t } = useI18n();
  const day = useDayFormat();
  return (
    <>
      <h4>{t('plans.dashboard.overdueMeasures')}</h4>
      {props.measures.length === 0 ? (
        <p>{t('plans.dashboard.noOverdueMeasures')}</p>
      ) : (
        <TableScroll>
          <table className="data-table">
            <caption className="visually-hidden">{t('plans.dashboard.overdueMeasures')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plans.column.measure')}</th>
                <th scope="col">{t('plans.column.owner')}</th>
                <th scope="col">{t('plans.column.deadline')}</th>
                <th scope="col">{t('plans.column.late')}</th>
              </tr>
            </thead>
            <tbody>
              {props.measures.map((measure) => (
                <tr key={measure.measureId}>
                  <th scope="row">{measure.title}</th>
                  <td>{measure.owner.name}</td>
                  <td>{day(measure.deadline)}</td>
                  <td className="nowrap">{t('plans.daysLate', { count: measure.daysOverdue })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}

function OverdueReports(props: { reports: PlanDashboard['overdueReports'] }) {
  const { t } = useI18n();
  const day = useDayFormat();
  const period = usePeriodFormat();
  return (
    <>
      <h4>{t('plans.dashboard.overdueReports')}</h4>
      {props.reports.length === 0 ? (
        <p>{t('plans.dashboard.noOverdueReports')}</p>
      ) : (
        <TableScroll>
          <table className="data-table">
            <caption className="visually-hidden">{t('plans.dashboard.overdueReports')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plans.column.indicator')}</th>
                <th scope="col">{t('plans.column.owner')}</th>
                <th scope="col">{t('plans.column.period')}</th>
                <th scope="col">{t('plans.column.breakdown')}</th>
                <th scope="col">{t('plans.column.due')}</th>
                <th scope="col">{t('plans.column.late')}</th>
              </tr>
            </thead>
            <tbody>
              {props.reports.map((report) => (
                <tr key={`${report.indicatorId}-${report.start}-${report.sex ?? ''}-${report.age ?? ''}`}>
                  <th scope="row">
                    {report.indicatorName}
                    <span className="cell-note">{report.measureTitle}</span>
                  </th>
                  <td>{report.owner.name}</td>
                  <td>{period(report)}</td>
                  <td>{breakdownText(t, report.sex, report.age)}</td>
                  <td>{day(report.dueDate)}</td>
                  <td className="nowrap">{t('plans.daysLate', { count: report.daysPastDue })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}

function Links(props: { links: PlanDashboard['links'] }) {
  const { t } = useI18n();
  const countries = useCountryNames();
  const { measuresWithoutActivity, activitiesServingNoMeasure } = props.links;
  return (
    <>
      <h4>{t('plans.dashboard.measuresWithoutActivity')}</h4>
      {measuresWithoutActivity.length === 0 ? (
        <p>{t('plans.dashboard.everyMeasureLinked')}</p>
      ) : (
        <ul className="plan-list">
          {measuresWithoutActivity.map((measure) => (
            <li key={measure.measureId}>
              <strong>
                <bdi>{measure.title}</bdi>
              </strong>{' '}
              — <bdi>{measure.owner.name}</bdi> ({t(`plans.pillar.${measure.pillar}`)}).{' '}
              {t(`plans.dashboard.reason.${measure.reason}`)}
            </li>
          ))}
        </ul>
      )}
      <h4>{t('plans.dashboard.activitiesServingNoMeasure')}</h4>
      {activitiesServingNoMeasure.length === 0 ? (
        <p>{t('plans.dashboard.everyActivityServes')}</p>
      ) : (
        <ul className="plan-list">
          {activitiesServingNoMeasure.map((activity) => (
            <li key={activity.id}>
              <Link to={`/activities/${activity.id}`}>{activity.title}</Link> —{' '}
              {t('plans.activityFacts', {
                lead: isolate(activity.lead.name),
                pillar: t(`plans.pillar.${activity.pillar}`),
                country: countries.nameOf(activity.country),
              })}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
