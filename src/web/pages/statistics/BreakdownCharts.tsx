// The dashboard's charts of one area: trend, women/girls/men/boys, forms of exploitation, justice.
import type { QueryRow } from '../../../statistics/schemas.js';
import { queryCsvPath, type StatisticsParams, useStatisticsQuery } from '../../api/statistics.js';
import { BarChart, type BarGroup } from '../../components/charts/BarChart.js';
import { ChartFrame } from '../../components/charts/ChartFrame.js';
import { LineChart, type LineSeries } from '../../components/charts/LineChart.js';
import { ResourceView } from '../../components/Status.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import type { Dashboard } from './context.js';
import { fiveGroups, GROUPS, type Group } from './groups.js';
import { formLabel, sexAgeKey, sexAgeLabel, sexAgeOrder, WORLD } from './labels.js';

function baseParams(d: Dashboard): StatisticsParams {
  return { indicator: d.selection.indicator.indicator, release: d.selection.release.id, area: [d.area] };
}

const bounds = (row: QueryRow) => ({ lower: row.lower, upper: row.upper });

export function TrendChart(props: { dashboard: Dashboard }) {
  const { t, formatNumber } = useI18n();
  const d = props.dashboard;
  const params = baseParams(d);
  const query = useStatisticsQuery(params);
  const place = d.names.name(d.area);
  const title = t('stats.chart.trend', { indicator: d.indicatorLabel, area: place });
  return (
    <ResourceView resource={query} loadingLabel="stats.loading">
      {({ data }) => {
        const rows = [...data.rows].sort((a, b) => a.year - b.year);
        if (rows.length === 0) return <NoFigures title={title} />;
        const series: LineSeries[] = [
          { key: 'total', label: place, points: rows.map((r) => ({ year: r.year, bounds: bounds(r) })) },
        ];
        return (
          <ChartFrame
            title={title}
            summary={t('stats.chart.trendSummary', {
              from: String(rows[0]?.year ?? ''),
              to: String(rows.at(-1)?.year ?? ''),
              first: rows[0] ? d.figure(bounds(rows[0])) : '',
              last: rows.at(-1) ? d.figure(bounds(rows.at(-1) as QueryRow)) : '',
            })}
            source={d.source}
            csvHref={queryCsvPath(params)}
            notes={<SparseYearsNote dashboard={d} years={rows.map((r) => r.year)} />}
            table={{
              rowHeader: t('stats.year'),
              columns: [d.indicatorLabel],
              rows: rows.map((r) => ({
                key: String(r.year),
                label: String(r.year),
                cells: [d.figure(bounds(r))],
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
  );
}

const GROUP_LABELS: Record<Group, MessageKey> = {
  women: 'stats.group.women',
  girls: 'stats.group.girls',
  men: 'stats.group.men',
  boys: 'stats.group.boys',
  unknown: 'stats.group.unknown',
};

/** The sex × age query both the chart of groups and the headline share read (one request, cached). */
export function sexAgeParams(d: Dashboard): StatisticsParams {
  return { ...baseParams(d), year: d.selection.year, by: ['sex', 'age'] };
}

/** Women, girls, men, boys and unknown: exactly five bars, whatever words the publisher used. */
export function SexAgeChart(props: { dashboard: Dashboard }) {
  const { t, formatNumber } = useI18n();
  const d = props.dashboard;
  const params = sexAgeParams(d);
  const query = useStatisticsQuery(params);
  const title = t('stats.chart.sexAge', { year: String(d.selection.year), area: d.names.name(d.area) });
  return (
    <ResourceView resource={query} loadingLabel="stats.loading">
      {({ data }) => {
        if (data.rows.length === 0) return <NoFigures title={title} />;
        const sums = fiveGroups(data.rows);
        const groups: BarGroup[] = GROUPS.map((group) => ({
          key: group,
          label: t(GROUP_LABELS[group]),
          values: [sums.get(group) ?? null],
        }));
        return (
          <ChartFrame
            title={title}
            summary={t('stats.chart.sexAgeSummary')}
            source={d.source}
            csvHref={queryCsvPath(params)}
            table={{
              rowHeader: t('stats.group'),
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
              colourByGroup
              tickFormat={formatNumber}
            />
          </ChartFrame>
        );
      }}
    </ResourceView>
  );
}

export function FormChart(props: { dashboard: Dashboard }) {
  const { t, formatNumber } = useI18n();
  const d = props.dashboard;
  const params = { ...baseParams(d), year: d.selection.year, by: ['form', 'sex', 'age'] };
  const query = useStatisticsQuery(params);
  const title = t('stats.chart.forms', { year: String(d.selection.year), area: d.names.name(d.area) });
  return (
    <ResourceView resource={query} loadingLabel="stats.loading">
      {({ data }) => {
        // Publishers often break forms down without sex and age: then show the forms alone.
        if (data.rows.length === 0) return <FormTotalsChart dashboard={d} title={title} />;
        const seriesKeys = [...new Set(data.rows.map(sexAgeKey))].sort(sexAgeOrder);
        const series = seriesKeys.map((key) => {
          const row = data.rows.find((r) => sexAgeKey(r) === key) as QueryRow;
          return { key, label: sexAgeLabel(row, t) };
        });
        const formKeys = [...new Set(data.rows.map((r) => r.categoryCode ?? r.category ?? ''))];
        const groups: BarGroup[] = formKeys.map((form) => {
          const rows = data.rows.filter((r) => (r.categoryCode ?? r.category ?? '') === form);
          return {
            key: form,
            label: rows[0] ? formLabel(rows[0], d.forms) : form,
            values: seriesKeys.map((key) => {
              const row = rows.find((r) => sexAgeKey(r) === key);
              return row ? bounds(row) : null;
            }),
          };
        });
        return (
          <ChartFrame
            title={title}
            summary={t('stats.chart.formsSummary')}
            source={d.source}
            csvHref={queryCsvPath(params)}
            notes={
              data.rows.some((r) => r.isCensored) ? <p className="note">{t('stats.censoredNote')}</p> : null
            }
            table={{
              rowHeader: t('stats.form'),
              columns: series.map((s) => s.label),
              rows: groups.map((g) => ({
                key: g.key,
                label: g.label,
                cells: g.values.map((v) => (v ? d.figure(v) : null)),
              })),
            }}
          >
            <BarChart
              label={title}
              series={series}
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

function FormTotalsChart(props: { dashboard: Dashboard; title: string }) {
  const { t, formatNumber } = useI18n();
  const d = props.dashboard;
  const params = { ...baseParams(d), year: d.selection.year, by: ['form'] };
  const query = useStatisticsQuery(params);
  return (
    <ResourceView resource={query} loadingLabel="stats.loading">
      {({ data }) => {
        if (data.rows.length === 0) return <NoFigures title={props.title} />;
        const rows = [...data.rows].sort((a, b) => (b.upper ?? b.lower) - (a.upper ?? a.lower));
        const groups: BarGroup[] = rows.map((r) => ({
          key: r.categoryCode ?? r.category ?? '',
          label: formLabel(r, d.forms),
          values: [bounds(r)],
        }));
        return (
          <ChartFrame
            title={props.title}
            summary={t('stats.chart.formsOnlySummary')}
            source={d.source}
            csvHref={queryCsvPath(params)}
            table={{
              rowHeader: t('stats.form'),
              columns: [d.indicatorLabel],
              rows: groups.map((g) => ({
                key: g.key,
                label: g.label,
                cells: [g.values[0] ? d.figure(g.values[0]) : null],
              })),
            }}
          >
            <BarChart
              label={props.title}
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

/** Prosecutions against convictions, where the release publishes both (as GLOTIP does). */
export function JusticeChart(props: { dashboard: Dashboard }) {
  const { t } = useI18n();
  const d = props.dashboard;
  const prosecuted = d.selection.indicators.find((i) => /prosecut/i.test(i.indicator));
  const convicted = d.selection.indicators.find((i) => /convict/i.test(i.indicator));
  const title = t('stats.chart.justice', { area: d.names.name(d.area) });
  if (!prosecuted || !convicted) {
    return (
      <section className="chart" aria-labelledby="justice-missing">
        <h3 id="justice-missing" className="chart-title">
          {title}
        </h3>
        <p className="chart-empty">{t('stats.justiceMissing', { release: d.selection.release.label })}</p>
      </section>
    );
  }
  return (
    <JusticeLines
      dashboard={d}
      prosecuted={prosecuted.indicator}
      convicted={convicted.indicator}
      title={title}
    />
  );
}

function JusticeLines(props: { dashboard: Dashboard; prosecuted: string; convicted: string; title: string }) {
  const { t, formatNumber } = useI18n();
  const d = props.dashboard;
  const common = { release: d.selection.release.id, area: [d.area] };
  const prosecuted = useStatisticsQuery({ ...common, indicator: props.prosecuted });
  const convicted = useStatisticsQuery({ ...common, indicator: props.convicted });
  return (
    <ResourceView resource={prosecuted} loadingLabel="stats.loading">
      {(p) => (
        <ResourceView resource={convicted} loadingLabel="stats.loading">
          {(c) => {
            const series: LineSeries[] = [
              {
                key: 'p',
                label: t('stats.prosecuted'),
                points: p.data.rows.map((r) => ({ year: r.year, bounds: bounds(r) })),
              },
              {
                key: 'c',
                label: t('stats.convicted'),
                points: c.data.rows.map((r) => ({ year: r.year, bounds: bounds(r) })),
              },
            ];
            const years = [...new Set([...p.data.rows, ...c.data.rows].map((r) => r.year))].sort(
              (a, b) => a - b,
            );
            const cell = (rows: QueryRow[], year: number) => {
              const row = rows.find((r) => r.year === year);
              return row ? d.figure(bounds(row)) : null;
            };
            return (
              <ChartFrame
                title={props.title}
                summary={t('stats.chart.justiceSummary')}
                source={d.source}
                table={{
                  rowHeader: t('stats.year'),
                  columns: [t('stats.prosecuted'), t('stats.convicted')],
                  rows: years.map((y) => ({
                    key: String(y),
                    label: String(y),
                    cells: [cell(p.data.rows, y), cell(c.data.rows, y)],
                  })),
                }}
              >
                <LineChart
                  label={props.title}
                  series={series}
                  format={d.figure}
                  tickFormat={formatNumber}
                  isRtl={d.isRtl}
                />
              </ChartFrame>
            );
          }}
        </ResourceView>
      )}
    </ResourceView>
  );
}

/** Under a world trend: the years in which few countries reported, so that a fall is read rightly. */
function SparseYearsNote(props: { dashboard: Dashboard; years: readonly number[] }) {
  const { t } = useI18n();
  const d = props.dashboard;
  if (d.area !== WORLD) return null;
  const sparse = d.selection.years.filter((y) => y.isSparse && props.years.includes(y.year));
  if (sparse.length === 0) return null;
  const years = sparse.map((y) =>
    t('stats.sparseYearItem', { year: String(y.year), countries: String(y.reporting) }),
  );
  return (
    <p className="note" data-testid="sparse-trend">
      {t('stats.sparseTrendNote', { years: years.join(', ') })}
    </p>
  );
}

export function NoFigures(props: { title: string }) {
  const { t } = useI18n();
  return (
    <section className="chart">
      <h3 className="chart-title">{props.title}</h3>
      <p className="chart-empty">{t('stats.noFigures')}</p>
    </section>
  );
}
