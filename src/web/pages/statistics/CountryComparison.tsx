// Cross-country comparison: countries ranked by the selected figure, and several countries on one trend.
// The countries compared live in the address (compare=KEN,NGA), so the comparison can be shared.
import { useId } from 'react';
import type { QueryRow } from '../../../statistics/schemas.js';
import { queryCsvPath, useStatisticsQuery } from '../../api/statistics.js';
import { BarChart, type BarGroup } from '../../components/charts/BarChart.js';
import { ChartFrame } from '../../components/charts/ChartFrame.js';
import { LineChart, type LineSeries } from '../../components/charts/LineChart.js';
import { ResourceView } from '../../components/Status.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { Dashboard } from './context.js';
import { useViewParams } from './useViewParams.js';

const RANKED = 15;
const DEFAULT_COMPARED = 3;
const largest = (r: QueryRow) => r.upper ?? r.lower;

export function CountryComparison(props: { dashboard: Dashboard }) {
  const { t } = useI18n();
  const d = props.dashboard;
  const params = {
    indicator: d.selection.indicator.indicator,
    release: d.selection.release.id,
    year: d.selection.year,
    by: ['country'],
  };
  const query = useStatisticsQuery(params);
  return (
    <section className="comparison" aria-labelledby="comparison-heading">
      <h2 id="comparison-heading">{t('stats.compare.heading')}</h2>
      <ResourceView resource={query} loadingLabel="stats.loading">
        {({ data }) => {
          const ranked = [...data.rows].filter((r) => r.area).sort((a, b) => largest(b) - largest(a));
          if (ranked.length === 0) return <p className="chart-empty">{t('stats.noFigures')}</p>;
          return (
            <div className="chart-grid">
              <RankedCountries dashboard={d} rows={ranked.slice(0, RANKED)} csvHref={queryCsvPath(params)} />
              <ComparedTrend dashboard={d} candidates={ranked.map((r) => r.area as string)} />
            </div>
          );
        }}
      </ResourceView>
    </section>
  );
}

function RankedCountries(props: { dashboard: Dashboard; rows: readonly QueryRow[]; csvHref: string }) {
  const { t, formatNumber } = useI18n();
  const d = props.dashboard;
  const title = t('stats.chart.ranked', { indicator: d.indicatorLabel, year: String(d.selection.year) });
  const groups: BarGroup[] = props.rows.map((r) => ({
    key: r.area ?? '',
    label: d.names.name(r.area ?? ''),
    values: [{ lower: r.lower, upper: r.upper }],
  }));
  return (
    <ChartFrame
      title={title}
      summary={t('stats.chart.rankedSummary', { count: String(groups.length) })}
      source={d.source}
      csvHref={props.csvHref}
      table={{
        rowHeader: t('stats.country'),
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
}

function ComparedTrend(props: { dashboard: Dashboard; candidates: readonly string[] }) {
  const { t, formatNumber, info } = useI18n();
  const d = props.dashboard;
  const view = useViewParams();
  const id = useId();
  const asked = (view.get('compare') ?? '').split(',').filter((code) => props.candidates.includes(code));
  const compared = asked.length > 0 ? asked : props.candidates.slice(0, DEFAULT_COMPARED);
  const params = {
    indicator: d.selection.indicator.indicator,
    release: d.selection.release.id,
    area: compared,
    by: ['area'],
  };
  const query = useStatisticsQuery(compared.length > 0 ? params : null);
  const collator = new Intl.Collator(info.intlLocale);
  const choices = [...props.candidates].sort((a, b) => collator.compare(d.names.name(a), d.names.name(b)));
  const toggle = (code: string, isOn: boolean) => {
    const next = isOn ? [...compared, code] : compared.filter((c) => c !== code);
    view.set({ compare: next.length > 0 ? next.join(',') : null });
  };
  const title = t('stats.chart.compareTrend', { indicator: d.indicatorLabel });
  return (
    <div className="compare-trend">
      <details className="compare-picker">
        <summary id={id}>{t('stats.compare.pick', { count: String(compared.length) })}</summary>
        <fieldset aria-labelledby={id}>
          {choices.map((code) => (
            <label key={code} className="checkbox">
              <input
                type="checkbox"
                checked={compared.includes(code)}
                onChange={(event) => toggle(code, event.target.checked)}
              />{' '}
              {d.names.name(code)}
            </label>
          ))}
        </fieldset>
      </details>
      <ResourceView resource={query} loadingLabel="stats.loading">
        {({ data }) => {
          const series: LineSeries[] = compared.map((code) => ({
            key: code,
            label: d.names.name(code),
            points: data.rows
              .filter((r) => r.area === code)
              .map((r) => ({ year: r.year, bounds: { lower: r.lower, upper: r.upper } })),
          }));
          const years = [...new Set(data.rows.map((r) => r.year))].sort((a, b) => a - b);
          const cell = (code: string, year: number) => {
            const row = data.rows.find((r) => r.area === code && r.year === year);
            return row ? d.figure({ lower: row.lower, upper: row.upper }) : null;
          };
          return (
            <ChartFrame
              title={title}
              summary={t('stats.chart.compareTrendSummary')}
              source={d.source}
              csvHref={queryCsvPath(params)}
              table={{
                rowHeader: t('stats.year'),
                columns: series.map((s) => s.label),
                rows: years.map((year) => ({
                  key: String(year),
                  label: String(year),
                  cells: compared.map((code) => cell(code, year)),
                })),
              }}
            >
              <LineChart
                label={title}
                series={series}
                format={d.figure}
                tickFormat={formatNumber}
                isRtl={d.isRtl}
              />
            </ChartFrame>
          );
        }}
      </ResourceView>
    </div>
  );
}
