// The release, indicator and year a dashboard shows: newest release by default, synthetic ones labelled.
import { type ReactNode, useId, useState } from 'react';
import type { CatalogueIndicator, Release } from '../../../statistics/schemas.js';
import { useCatalogue, useReleases } from '../../api/statistics.js';
import { ResourceView } from '../../components/Status.js';
import { useI18n } from '../../i18n/I18nProvider.js';

export type Selection = {
  release: Release;
  indicator: CatalogueIndicator;
  /** Every indicator of the release, for charts that combine several (prosecutions and convictions). */
  indicators: readonly CatalogueIndicator[];
  year: number;
};

/** The indicator a dashboard opens with: detected victims where the release has them. */
function preferredIndicator(indicators: readonly CatalogueIndicator[]): CatalogueIndicator | undefined {
  return indicators.find((i) => /victim/i.test(i.indicator)) ?? indicators[0];
}

export function DashboardControls(props: { children: (selection: Selection) => ReactNode }) {
  const { t } = useI18n();
  const releases = useReleases();
  const [releaseId, setReleaseId] = useState<string | null>(null);
  return (
    <ResourceView resource={releases} loadingLabel="stats.loading">
      {({ data }) => {
        if (data.length === 0) return <p className="chart-empty">{t('stats.noReleases')}</p>;
        const release = data.find((r) => r.id === releaseId) ?? data.find((r) => r.isDefault) ?? data[0];
        if (!release) return null;
        return (
          <ReleaseDashboard releases={data} release={release} onRelease={setReleaseId}>
            {props.children}
          </ReleaseDashboard>
        );
      }}
    </ResourceView>
  );
}

function releaseName(release: Release, t: (k: 'stats.syntheticRelease', p: { label: string }) => string) {
  return release.isSynthetic ? t('stats.syntheticRelease', { label: release.label }) : release.label;
}

function ReleaseDashboard(props: {
  releases: readonly Release[];
  release: Release;
  onRelease: (id: string) => void;
  children: (selection: Selection) => ReactNode;
}) {
  const { t } = useI18n();
  const ids = { release: useId(), indicator: useId(), year: useId() };
  const catalogue = useCatalogue(props.release.id);
  const [indicatorName, setIndicatorName] = useState<string | null>(null);
  const [year, setYear] = useState<number | null>(null);
  const { release } = props;

  return (
    <>
      <search className="filters" aria-label={t('stats.controls')}>
        <div className="field">
          <label htmlFor={ids.release}>{t('stats.release')}</label>
          <select
            id={ids.release}
            value={release.id}
            onChange={(event) => {
              props.onRelease(event.target.value);
              setIndicatorName(null);
              setYear(null);
            }}
          >
            {props.releases.map((r) => (
              <option key={r.id} value={r.id}>
                {releaseName(r, t)}
              </option>
            ))}
          </select>
        </div>
        {catalogue.status === 'ready' ? (
          <IndicatorAndYear
            ids={ids}
            indicators={catalogue.data.data.indicators}
            indicatorName={indicatorName}
            year={year}
            onIndicator={(name) => {
              setIndicatorName(name);
              setYear(null);
            }}
            onYear={setYear}
          />
        ) : null}
      </search>
      {release.isSynthetic ? (
        <p className="banner banner-warning">
          <strong>{t('stats.syntheticBanner')}</strong>
        </p>
      ) : null}
      <ResourceView resource={catalogue} loadingLabel="stats.loading">
        {({ data }) => {
          const indicator =
            data.indicators.find((i) => i.indicator === indicatorName) ?? preferredIndicator(data.indicators);
          if (!indicator) return <p className="chart-empty">{t('stats.noIndicators')}</p>;
          const chosenYear =
            year !== null && year >= indicator.fromYear && year <= indicator.toYear ? year : indicator.toYear;
          return props.children({ release, indicator, indicators: data.indicators, year: chosenYear });
        }}
      </ResourceView>
    </>
  );
}

function IndicatorAndYear(props: {
  ids: { indicator: string; year: string };
  indicators: readonly CatalogueIndicator[];
  indicatorName: string | null;
  year: number | null;
  onIndicator: (name: string) => void;
  onYear: (year: number) => void;
}) {
  const { t } = useI18n();
  const indicator =
    props.indicators.find((i) => i.indicator === props.indicatorName) ?? preferredIndicator(props.indicators);
  if (!indicator) return null;
  const years: number[] = [];
  for (let y = indicator.toYear; y >= indicator.fromYear; y--) years.push(y);
  const year = props.year !== null && years.includes(props.year) ? props.year : indicator.toYear;
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
              {i.indicator}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={props.ids.year}>{t('stats.year')}</label>
        <select id={props.ids.year} value={year} onChange={(e) => props.onYear(Number(e.target.value))}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
