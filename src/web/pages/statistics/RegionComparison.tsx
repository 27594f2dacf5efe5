// A country beside its sub-region, region and the world: the share of female victims in each.
import { useShares } from '../../api/statistics.js';
import { BarChart, type BarGroup } from '../../components/charts/BarChart.js';
import { ChartFrame } from '../../components/charts/ChartFrame.js';
import { formatBounds } from '../../components/charts/figures.js';
import { ResourceView } from '../../components/Status.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { Dashboard } from './context.js';
import { sexLabel, WORLD } from './labels.js';

export function RegionComparison(props: { dashboard: Dashboard; areas: readonly string[] }) {
  const { t, info } = useI18n();
  const d = props.dashboard;
  const shares = useShares({
    indicator: d.selection.indicator.indicator,
    release: d.selection.release.id,
    area: [...props.areas, WORLD],
    year: d.selection.year,
    by: ['area'],
    of: 'sex',
  });
  const percent = new Intl.NumberFormat(info.intlLocale, { style: 'percent', maximumFractionDigits: 1 });
  const format = (b: { lower: number; upper: number | null }) => formatBounds(b, (n) => percent.format(n));
  const title = t('stats.chart.region', { area: d.names.name(d.area), year: String(d.selection.year) });
  return (
    <ResourceView resource={shares} loadingLabel="stats.loading">
      {({ data }) => {
        const order = [...props.areas, WORLD];
        const areas = order.filter((a) => data.rows.some((r) => r.area === a));
        const sexes = [...new Set(data.rows.map((r) => r.sexCode ?? r.sex ?? ''))].sort();
        const series = sexes.map((key) => {
          const row = data.rows.find((r) => (r.sexCode ?? r.sex) === key);
          return { key, label: row ? sexLabel(row, t) : key };
        });
        const groups: BarGroup[] = areas.map((area) => ({
          key: area,
          label: d.names.name(area),
          values: sexes.map((sex) => {
            const row = data.rows.find((r) => r.area === area && (r.sexCode ?? r.sex) === sex);
            return row?.share ? { lower: row.share.lower ?? 0, upper: row.share.upper } : null;
          }),
        }));
        const coverage = data.coverage.filter((c) => c.area !== d.area);
        return (
          <ChartFrame
            title={title}
            summary={t('stats.chart.regionSummary')}
            source={d.source}
            notes={
              coverage.length > 0 ? (
                <ul className="note">
                  {coverage.map((c) => (
                    <li key={`${c.area}-${c.year}`}>
                      {t('stats.coverage', {
                        area: d.names.name(c.area),
                        reporting: c.reporting,
                        members: c.members,
                      })}
                    </li>
                  ))}
                </ul>
              ) : null
            }
            table={{
              rowHeader: t('stats.area'),
              columns: series.map((s) => s.label),
              rows: groups.map((g) => ({
                key: g.key,
                label: g.label,
                cells: g.values.map((v) => (v ? format(v) : null)),
              })),
            }}
          >
            <BarChart
              label={title}
              series={series}
              groups={groups}
              format={format}
              noFigure={t('charts.noFigure')}
              isRtl={d.isRtl}
              max={1}
              tickFormat={(n) => percent.format(n)}
            />
          </ChartFrame>
        );
      }}
    </ResourceView>
  );
}
