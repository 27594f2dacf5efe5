// The publisher's own regional figures (UNODC's regions, joint areas, territories), shown as published
// and apart from our sums of countries, largest first.
import type { PublisherAreaView, QueryRow } from '../../../statistics/schemas.js';
import { queryCsvPath, usePublisherAreas, useStatisticsQuery } from '../../api/statistics.js';
import { BarChart, type BarGroup } from '../../components/charts/BarChart.js';
import { ChartFrame } from '../../components/charts/ChartFrame.js';
import { ResourceView } from '../../components/Status.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { Dashboard } from './context.js';

export function PublisherRegions(props: { dashboard: Dashboard }) {
  const d = props.dashboard;
  const areas = usePublisherAreas(d.selection.release.id);
  return (
    <ResourceView resource={areas} loadingLabel="stats.loading">
      {({ data }) => (data.length === 0 ? null : <PublisherRegionChart dashboard={d} areas={data} />)}
    </ResourceView>
  );
}

function PublisherRegionChart(props: { dashboard: Dashboard; areas: readonly PublisherAreaView[] }) {
  const { t, formatNumber, language } = useI18n();
  const d = props.dashboard;
  const params = {
    indicator: d.selection.indicator.indicator,
    release: d.selection.release.id,
    area: props.areas.map((a) => a.code),
    year: d.selection.year,
    by: ['area'],
  };
  const query = useStatisticsQuery(params);
  const nameOf = (code: string | null) => {
    const area = props.areas.find((a) => a.code === code);
    return area ? area.names[language] : (code ?? '');
  };
  const title = t('stats.chart.publisherRegions', {
    indicator: d.indicatorLabel,
    year: String(d.selection.year),
  });
  return (
    <section className="publisher-regions" aria-labelledby="publisher-regions">
      <h2 id="publisher-regions">{t('stats.publisherRegions.heading')}</h2>
      <p className="note">{t('stats.publisherRegions.note')}</p>
      <ResourceView resource={query} loadingLabel="stats.loading">
        {({ data }) => {
          if (data.rows.length === 0)
            return (
              <p className="chart-empty">
                {t('stats.publisherRegions.none', { year: String(d.selection.year) })}
              </p>
            );
          const largest = (r: QueryRow) => r.upper ?? r.lower;
          const rows = [...data.rows].sort((a, b) => largest(b) - largest(a));
          const groups: BarGroup[] = rows.map((r) => ({
            key: r.area ?? '',
            label: nameOf(r.area),
            values: [{ lower: r.lower, upper: r.upper }],
          }));
          return (
            <ChartFrame
              level={2}
              title={title}
              summary={t('stats.chart.publisherRegionsSummary')}
              source={d.source}
              csvHref={queryCsvPath(params)}
              table={{
                rowHeader: t('stats.area'),
                columns: [d.indicatorLabel],
                rows: groups.map((g) => ({
                  key: g.key,
                  label: g.label,
                  cells: [g.values[0] ? d.figure(g.values[0]) : null],
                })),
              }}
            >
              <BarChart
                label={title}
                series={[{ key: 'value', label: d.indicatorLabel }]}
                groups={groups}
                format={d.figure}
                noFigure={t('charts.noFigure')}
                isRtl={d.isRtl}
                tickFormat={formatNumber}
              />
            </ChartFrame>
          );
        }}
      </ResourceView>
    </section>
  );
}
