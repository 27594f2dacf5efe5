// The release, indicator and year a dashboard shows, kept in the address so that a view can be shared.
// The year opens on the latest year with good coverage (a country: its own latest year); years in which
// few countries reported are marked in the list.
import { type ReactNode, useId } from 'react';
import type { CatalogueIndicator, Release } from '../../../statistics/schemas.js';
import { useCatalogue, useReleases, useStatisticsQuery } from '../../api/statistics.js';
import { ResourceView } from '../../components/Status.js';
import { type Translate, useI18n } from '../../i18n/I18nProvider.js';
import { defaultYear, type YearCoverage, yearCoverage } from './groups.js';
import { indicatorName, releaseTitle } from './indicatorNames.js';
import { WORLD } from './labels.js';
import { useViewParams, type ViewParams } from './useViewParams.js';

export type Selection = {
  release: Release;
  indicator: CatalogueIndicator;
  /** Every indicator of the release, for charts that combine several (prosecutions and convictions). */
  indicators: readonly CatalogueIndicator[];
  year: number;
  /** How many countries reported each year, and which years are sparse (world figures). */
  years: readonly YearCoverage[];
};

/** The indicator a dashboard opens with: detected victims where the release has them. */
export function preferredIndicator(
  indicators: readonly CatalogueIndicator[],
): CatalogueIndicator | undefined {
  return indicators.find((i) => /victim/i.test(i.indicator)) ?? indicators[0];
}

export function DashboardControls(props: { area?: string; children: (selection: Selection) => ReactNode }) {
  const { t } = useI18n();
  const releases = useReleases();
  const view = useViewParams();
  return (
    <ResourceView resource={releases} loadingLabel="stats.loading">
      {({ data }) => {
        if (data.length === 0) return <p className="chart-empty">{t('stats.noReleases')}</p>;
        const chosen = view.get('release');
        const release = data.find((r) => r.id === chosen) ?? data.find((r) => r.isDefault) ?? data[0];
        if (!release) return null;
        return (
          <ReleaseDashboard releases={data} release={release} view={view} area={props.area ?? WORLD}>
            {props.children}
          </ReleaseDashboard>
        );
      }}
    </ResourceView>
  );
}

export function releaseName(release: Release, t: Translate) {
  return release.isSynthetic
    ? t('stats.syntheticRelease', { label: release.label })
    : releaseTitle(release, t);
}

function ReleaseDashboard(props: {
  releases: readonly Release[];
  release: Release;
  view: ViewParams;
  area: string;
  children: (selection: Selection) => ReactNode;
}) {
  const { t } = useI18n();
  const ids = { release: useId(), indicator: useId(), year: useId() };
  const catalogue = useCatalogue(props.release.id);
  const { release, view } = props;
  const indicators = catalogue.status === 'ready' ? catalogue.data.data.indicators : [];
  const indicator =
    indicators.find((i) => i.indicator === view.get('indicator')) ?? preferredIndicator(indicators);
  const common = indicator ? { indicator: indicator.indicator, release: release.id } : null;
  // The world's figures per year say how many countries reported; a country's own say its latest year.
  const world = useStatisticsQuery(common ? { ...common, area: [WORLD] } : null);
  const own = useStatisticsQuery(common && props.area !== WORLD ? { ...common, area: [props.area] } : null);
  const years = world.status === 'ready' ? yearCoverage(world.data.data.coverage) : [];
  const ownYears = own.status === 'ready' ? own.data.data.rows.map((r) => r.year) : [];
  const openingYear =
    props.area !== WORLD && ownYears.length > 0 ? Math.max(...ownYears) : defaultYear(years);
  const asked = Number(view.get('year'));
  const year =
    indicator && asked >= indicator.fromYear && asked <= indicator.toYear
      ? asked
      : (openingYear ?? indicator?.toYear ?? null);
  const isReady = world.status === 'ready' && (props.area === WORLD || own.status !== 'loading');

  return (
    <>
      <search className="filters" aria-label={t('stats.controls')}>
        <div className="field">
          <label htmlFor={ids.release}>{t('stats.release')}</label>
          <select
            id={ids.release}
            value={release.id}
            onChange={(event) => view.set({ release: event.target.value, indicator: null, year: null })}
          >
            {props.releases.map((r) => (
              <option key={r.id} value={r.id}>
                {releaseName(r, t)}
              </option>
            ))}
          </select>
        </div>
        {indicator && year !== null ? (
          <IndicatorAndYear
            ids={ids}
            indicators={indicators}
            indicator={indicator}
            year={year}
            years={years}
            onIndicator={(name) => view.set({ indicator: name, year: null })}
            onYear={(y) => view.set({ year: String(y) })}
          />
        ) : null}
      </search>
      {release.isSynthetic ? (
        <p className="banner banner-warning">
          <strong>{t('stats.syntheticBanner')}</strong>
        </p>
      ) : null}
      <ResourceView resource={catalogue} loadingLabel="stats.loading">
        {() => {
          if (!indicator) return <p className="chart-empty">{t('stats.noIndicators')}</p>;
          if (!isReady || year === null) return <p className="status-loading">{t('stats.loading')}</p>;
          // World totals of a sparse year mislead; a country's own figure for that year does not.
          const sparse = props.area === WORLD ? years.find((y) => y.year === year && y.isSparse) : undefined;
          return (
            <>
              {sparse ? (
                <p className="banner banner-warning" data-testid="sparse-year">
                  {t('stats.sparseYear', { year: String(year), countries: String(sparse.reporting) })}
                </p>
              ) : null}
              {props.children({ release, indicator, indicators, year, years })}
            </>
          );
        }}
      </ResourceView>
    </>
  );
}

function IndicatorAndYear(props: {
  ids: { indicator: string; year: string };
  indicators: readonly CatalogueIndicator[];
  indicator: CatalogueIndicator;
  year: number;
  years: readonly YearCoverage[];
  onIndicator: (name: string) => void;
  onYear: (year: number) => void;
}) {
  const { t } = useI18n();
  const { indicator } = props;
  const years: number[] = [];
  for (let y = indicator.toYear; y >= indicator.fromYear; y--) years.push(y);
  const yearLabel = (y: number) => {
    const sparse = props.years.find((c) => c.year === y && c.isSparse);
    return sparse
      ? t('stats.sparseYearOption', { year: String(y), countries: String(sparse.reporting) })
      : String(y);
  };
  return (
    <>
      <div className="field">
        <label htmlFor={props.ids.indicator}>{t('stats.indicator')}</label>
        <select
          id={props.ids.indicator}
          value={indicator.indicator}
          onChange={(e) => props.onIndicator(e.target.value)}
        >
          {props.indicators.map((i) => (
            <option key={i.indicator} value={i.indicator}>
              {indicatorName(i.indicator, t)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={props.ids.year}>{t('stats.year')}</label>
        <select id={props.ids.year} value={props.year} onChange={(e) => props.onYear(Number(e.target.value))}>
          {years.map((y) => (
            <option key={y} value={y}>
              {yearLabel(y)}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
