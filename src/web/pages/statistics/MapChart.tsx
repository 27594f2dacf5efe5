// The world choropleth of the chosen indicator and year; a click opens that country's dashboard.
import { useMemo } from 'react';
import { queryCsvPath, useStatisticsQuery } from '../../api/statistics.js';
import { ChartFrame } from '../../components/charts/ChartFrame.js';
import { type ChoroplethEntry, ChoroplethMap } from '../../components/charts/ChoroplethMap.js';
import { type Bounds, quantileBreaks } from '../../components/charts/figures.js';
import { ResourceView } from '../../components/Status.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link, navigate } from '../../router.js';
import { useWorldGeometry } from '../home/useWorldGeometry.js';
import type { Dashboard } from './context.js';

export function countryPath(iso3: string): string {
  return `/statistics/countries/${encodeURIComponent(iso3)}`;
}

function openCountry(iso3: string) {
  navigate(countryPath(iso3));
}

export function MapChart(props: { dashboard: Dashboard }) {
  const { t, formatNumber, info } = useI18n();
  const d = props.dashboard;
  const params = {
    indicator: d.selection.indicator.indicator,
    release: d.selection.release.id,
    year: d.selection.year,
    by: ['country'],
  };
  const query = useStatisticsQuery(params);
  const geometry = useWorldGeometry();
  const title = t('stats.chart.map', {
    indicator: d.indicatorLabel,
    year: String(d.selection.year),
  });
  const rows = query.status === 'ready' ? query.data.data.rows : [];

  const { values, breaks, listed } = useMemo(() => {
    const numericOf = new Map(d.names.countries.map((c) => [c.iso3, c.numeric]));
    const entries = new Map<string, ChoroplethEntry>();
    const listed: { iso3: string; name: string; bounds: Bounds }[] = [];
    for (const row of rows) {
      if (!row.area) continue;
      const numeric = numericOf.get(row.area);
      const b = { lower: row.lower, upper: row.upper };
      const name = d.names.name(row.area);
      listed.push({ iso3: row.area, name, bounds: b });
      if (numeric) entries.set(numeric, { bounds: b, title: `${name}: ${d.figure(b)}`, key: row.area });
    }
    const collator = new Intl.Collator(info.intlLocale);
    listed.sort((a, b) => collator.compare(a.name, b.name));
    return { values: entries, breaks: quantileBreaks(rows.map((r) => r.upper ?? r.lower)), listed };
  }, [rows, d, info.intlLocale]);

  const classes = breaks.map((limit, i) =>
    i === 0 ? `≤ ${formatNumber(limit)}` : `${formatNumber((breaks[i - 1] ?? 0) + 1)}–${formatNumber(limit)}`,
  );

  return (
    <ResourceView resource={query} loadingLabel="stats.loading">
      {() =>
        geometry.status !== 'ready' ? (
          <ResourceView resource={geometry} loadingLabel="status.loadingMap">
            {() => null}
          </ResourceView>
        ) : (
          <ChartFrame
            title={title}
            level={2}
            summary={t('stats.chart.mapSummary', { count: listed.length })}
            source={d.source}
            csvHref={queryCsvPath(params)}
            notes={
              <nav aria-label={t('stats.countryDashboards')} className="country-links">
                <h3 className="legend-heading">{t('stats.countryDashboards')}</h3>
                <ul>
                  {listed.map((c) => (
                    <li key={c.iso3}>
                      <Link to={countryPath(c.iso3)}>{c.name}</Link>
                    </li>
                  ))}
                </ul>
              </nav>
            }
            table={{
              rowHeader: t('stats.country'),
              columns: [d.indicatorLabel],
              rows: listed.map((c) => ({ key: c.iso3, label: c.name, cells: [d.figure(c.bounds)] })),
            }}
          >
            <div className="map-frame">
              <ChoroplethMap
                geometry={geometry.data}
                values={values}
                breaks={breaks}
                label={t('stats.chart.mapLabel', { count: listed.length })}
                legend={{ classes, noData: t('stats.map.noData'), range: t('stats.map.range') }}
                isRtl={d.isRtl}
                onSelect={openCountry}
              />
            </div>
          </ChartFrame>
        )
      }
    </ResourceView>
  );
}
