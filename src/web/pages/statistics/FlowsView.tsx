// Origin → destination: where detected victims come from (citizenship) and where they were returned to
// (repatriation), from the publisher's breakdowns by country, largest flows first. Only flows between two
// countries: "Other countries" or "Unknown" is no place a flow can be drawn to.
import type { QueryRow } from '../../../statistics/schemas.js';
import { queryCsvPath, useStatisticsQuery } from '../../api/statistics.js';
import { BarChart, type BarGroup } from '../../components/charts/BarChart.js';
import { ChartFrame } from '../../components/charts/ChartFrame.js';
import { ResourceView } from '../../components/Status.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import type { Dashboard } from './context.js';

const FLOWS_SHOWN = 20;
type FlowKind = 'citizenship' | 'country_of_repatriation';
const TITLES: Record<FlowKind, { title: MessageKey; summary: MessageKey }> = {
  citizenship: { title: 'stats.chart.origins', summary: 'stats.chart.originsSummary' },
  country_of_repatriation: { title: 'stats.chart.returns', summary: 'stats.chart.returnsSummary' },
};

export function FlowsView(props: { dashboard: Dashboard }) {
  const { t } = useI18n();
  const d = props.dashboard;
  const kinds = (['citizenship', 'country_of_repatriation'] as const).filter((kind) =>
    d.selection.indicator.dimensions.some((dimension) => dimension.kind === kind),
  );
  if (kinds.length === 0) return null;
  return (
    <section className="flows" aria-labelledby="flows-heading">
      <h2 id="flows-heading">{t('stats.flows.heading')}</h2>
      <p className="note">{t('stats.flows.note')}</p>
      <div className="chart-grid">
        {kinds.map((kind) => (
          <FlowChart key={kind} dashboard={d} kind={kind} />
        ))}
      </div>
    </section>
  );
}

function FlowChart(props: { dashboard: Dashboard; kind: FlowKind }) {
  const { t, formatNumber } = useI18n();
  const d = props.dashboard;
  const dimension = d.selection.indicator.dimensions.find((x) => x.kind === props.kind)?.name ?? '';
  const params = {
    indicator: d.selection.indicator.indicator,
    release: d.selection.release.id,
    year: d.selection.year,
    by: ['country', dimension],
  };
  const query = useStatisticsQuery(params);
  const title = t(TITLES[props.kind].title, { year: String(d.selection.year) });
  // A category we matched to a country is named in the reader's language; the rest as published.
  const placeOf = (row: QueryRow) =>
    row.categoryCode ? d.names.name(row.categoryCode) : (row.category ?? '');
  return (
    <ResourceView resource={query} loadingLabel="stats.loading">
      {({ data }) => {
        const flows = [...data.rows]
          .filter((r) => r.area && r.categoryCode && r.categoryCode !== r.area)
          .sort((a, b) => (b.upper ?? b.lower) - (a.upper ?? a.lower))
          .slice(0, FLOWS_SHOWN);
        if (flows.length === 0)
          return <p className="chart-empty">{t('stats.flows.none', { year: String(d.selection.year) })}</p>;
        const groups: BarGroup[] = flows.map((r) => {
          const detectedIn = d.names.name(r.area ?? '');
          const [from, to] =
            props.kind === 'citizenship' ? [placeOf(r), detectedIn] : [detectedIn, placeOf(r)];
          return {
            key: `${r.area}|${r.category}`,
            label: t('stats.flows.flow', { from, to }),
            values: [{ lower: r.lower, upper: r.upper }],
          };
        });
        return (
          <ChartFrame
            title={title}
            summary={t(TITLES[props.kind].summary)}
            source={d.source}
            csvHref={queryCsvPath(params)}
            table={{
              rowHeader: t('stats.flows.route'),
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
  );
}
