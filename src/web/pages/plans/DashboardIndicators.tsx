// Indicators against their targets: baseline, the target of the period, the latest approved actual, and the
// status in words with its mark (and what the last report said when the figures say otherwise).
import type { PlanDashboard } from '../../api/plans.js';
import { TableScroll } from '../../components/TableScroll.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { breakdownText } from './breakdown.js';
import { ProgressBadge } from './ProgressBadge.js';
import { useDayFormat, usePeriodFormat } from './period.js';

type Indicator = PlanDashboard['indicators'][number];
type Row = Indicator['rows'][number];

export function DashboardIndicators(props: { indicators: Indicator[] }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="plan-indicators">
      <h3 id="plan-indicators">{t('plans.dashboard.indicators')}</h3>
      {props.indicators.length === 0 ? (
        <p>{t('plans.dashboard.noIndicators')}</p>
      ) : (
        <TableScroll>
          <table className="data-table indicator-progress">
            <caption>{t('plans.dashboard.indicatorsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plans.column.indicator')}</th>
                <th scope="col">{t('plans.column.breakdown')}</th>
                <th scope="col">{t('plans.column.baseline')}</th>
                <th scope="col">{t('plans.column.target')}</th>
                <th scope="col">{t('plans.column.actual')}</th>
                <th scope="col">{t('plans.column.status')}</th>
              </tr>
            </thead>
            <tbody>
              {props.indicators.flatMap((indicator) =>
                // One row per breakdown (sex × age): the pair is unique within an indicator.
                (indicator.rows.length > 0 ? indicator.rows : [null]).map((row) => (
                  <IndicatorRow
                    key={`${indicator.indicatorId}-${row?.sex ?? ''}-${row?.age ?? ''}`}
                    indicator={indicator}
                    row={row}
                  />
                )),
              )}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

function IndicatorRow(props: { indicator: Indicator; row: Row | null }) {
  const { t, formatNumber } = useI18n();
  const day = useDayFormat();
  const period = usePeriodFormat();
  const { indicator, row } = props;
  const value = (n: number) => t('plans.valueWithUnit', { value: formatNumber(n), unit: indicator.unit });
  const none = <span className="muted">{t('plans.notSet')}</span>;
  return (
    <tr>
      <th scope="row">
        {indicator.name}
        <span className="cell-note">
          <bdi>{indicator.measureTitle}</bdi> · <bdi>{indicator.owner.name}</bdi>
        </span>
      </th>
      <td>{breakdownText(t, row?.sex, row?.age)}</td>
      <td>
        {row?.baseline ? (
          <>
            {value(row.baseline.value)}
            <span className="cell-note">{day(row.baseline.date)}</span>
          </>
        ) : (
          none
        )}
      </td>
      <td>
        {row?.target ? (
          <>
            {value(row.target.value)}
            <span className="cell-note">{period(row.target)}</span>
          </>
        ) : (
          none
        )}
      </td>
      <td>
        {row?.actual ? (
          <>
            {value(row.actual.value)}
            <span className="cell-note">{period(row.actual)}</span>
          </>
        ) : (
          <span className="muted">{t('plans.noActual')}</span>
        )}
      </td>
      <td>
        <ProgressBadge status={row?.computedStatus ?? indicator.headlineStatus} />
        {row?.statusDiffers && row.reportedStatus ? (
          <span className="cell-note">
            {t('plans.reportedStatus', { status: t(`plans.progress.${row.reportedStatus}`) })}
          </span>
        ) : null}
        {row?.isTargetAgainstDirection ? (
          <span className="cell-note">{t('plans.targetAgainstDirection')}</span>
        ) : null}
        {row && isJudgedWithoutBaseline(indicator, row) ? (
          <span className="cell-note">{t('plans.judgedWithoutBaseline')}</span>
        ) : null}
      </td>
    </tr>
  );
}

/** An increase without a baseline is counted up from zero at the start of its target (the engine's rule). */
function isJudgedWithoutBaseline(indicator: Indicator, row: Row): boolean {
  return indicator.direction === 'increase' && row.baseline === null && row.computedStatus !== 'no_data';
}
