// Implementation by pillar (a bar chart of the share of measures completed, with its table) and by owning
// organisation (a table): measures by status, overdue measures and indicators by status.
import type { PlanDashboard } from '../../api/plans.js';
import { BarChart } from '../../components/charts/BarChart.js';
import { ChartFrame } from '../../components/charts/ChartFrame.js';
import type { TableData } from '../../components/charts/DataTable.js';
import { DataTable } from '../../components/charts/DataTable.js';
import { type Translate, useI18n } from '../../i18n/I18nProvider.js';
import { useDayFormat } from './period.js';

type Summary = PlanDashboard['implementation']['overall'];
type Row = { key: string; label: string; summary: Summary };

function summaryTable(t: Translate, rowHeader: string, rows: Row[], format: Formats): TableData {
  return {
    rowHeader,
    columns: [
      t('plans.column.measures'),
      t('plans.measureStatus.completed'),
      t('plans.measureStatus.in_progress'),
      t('plans.measureStatus.planned'),
      t('plans.measureStatus.cancelled'),
      t('plans.dashboard.overdue'),
      t('plans.dashboard.completedShare'),
      t('plans.dashboard.indicatorsOffTrack'),
    ],
    rows: rows.map(({ key, label, summary }) => ({
      key,
      label,
      cells: [
        format.number(summary.measureCount),
        format.number(summary.measuresByStatus.completed),
        format.number(summary.measuresByStatus.in_progress),
        format.number(summary.measuresByStatus.planned),
        format.number(summary.measuresByStatus.cancelled),
        format.number(summary.overdueMeasures.length),
        summary.completedShare === null ? null : format.percent(summary.completedShare),
        format.number(summary.indicatorsByStatus.off_track + summary.indicatorsByStatus.at_risk),
      ],
    })),
  };
}

type Formats = { number: (n: number) => string; percent: (share: number) => string };

export function DashboardImplementation(props: { dashboard: PlanDashboard }) {
  const { t, info, formatNumber } = useI18n();
  const day = useDayFormat();
  const { implementation, asOf } = props.dashboard;
  const percent = new Intl.NumberFormat(info.intlLocale, { style: 'percent', maximumFractionDigits: 0 });
  const format: Formats = { number: formatNumber, percent: (share) => percent.format(share) };
  const pillars: Row[] = implementation.byPillar.map((summary) => ({
    key: summary.pillar,
    label: t(`plans.pillar.${summary.pillar}`),
    summary,
  }));
  const owners: Row[] = implementation.byOwner.map((summary) => ({
    key: summary.owner.id,
    label: summary.owner.name,
    summary,
  }));
  const overall = implementation.overall;
  return (
    <section aria-labelledby="plan-implementation">
      <h3 id="plan-implementation">{t('plans.dashboard.implementation')}</h3>
      <p>
        {t('plans.dashboard.overall', {
          done: overall.measuresByStatus.completed,
          total: overall.measureCount,
          overdue: overall.overdueMeasures.length,
        })}
      </p>
      {pillars.length > 0 ? (
        <ChartFrame
          title={t('plans.dashboard.byPillar')}
          summary={t('plans.dashboard.byPillarSummary')}
          source={t('plans.dashboard.source', { date: day(asOf) })}
          table={summaryTable(t, t('plans.column.pillar'), pillars, format)}
          level={4}
        >
          <BarChart
            label={t('plans.dashboard.byPillar')}
            series={[{ key: 'completed', label: t('plans.dashboard.completedShare') }]}
            groups={pillars.map((row) => ({
              key: row.key,
              label: row.label,
              values: [
                row.summary.completedShare === null
                  ? null
                  : { lower: row.summary.completedShare, upper: row.summary.completedShare },
              ],
            }))}
            format={(bounds) => format.percent(bounds.lower)}
            tickFormat={(n) => format.percent(n)}
            noFigure={t('plans.dashboard.noMeasures')}
            isRtl={info.dir === 'rtl'}
            max={1}
          />
        </ChartFrame>
      ) : null}
      {owners.length > 0 ? (
        <>
          <h4>{t('plans.dashboard.byOwner')}</h4>
          {/* The heading names the table; its caption stays for screen readers moving by table. */}
          <div className="caption-hidden">
            <DataTable
              caption={t('plans.dashboard.byOwner')}
              data={summaryTable(t, t('plans.column.owner'), owners, format)}
            />
          </div>
        </>
      ) : null}
    </section>
  );
}
