// Home: the world map of reference countries by UN M49 region, and what Concerted is for.
import { useMemo } from 'react';
import type { Country, M49Area } from '../../../reference/schemas.js';
import { useCountries, useRegions } from '../../api/reference.js';
import { PageHeading } from '../../components/PageHeading.js';
import { Loading, ProblemAlert } from '../../components/Status.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MapGeometry } from './map-geometry.js';
import { countByRegion, Legend, RegionTable } from './RegionSummary.js';
import { useWorldGeometry } from './useWorldGeometry.js';
import { type CountryLabel, WorldMap } from './WorldMap.js';

export function HomePage() {
  const { t } = useI18n();
  return (
    <article className="home">
      <PageHeading isHome>{t('home.title')}</PageHeading>
      <section className="map-section" aria-labelledby="map-heading">
        <h2 id="map-heading">{t('home.mapHeading')}</h2>
        <MapSection />
      </section>
      <section className="mission" aria-labelledby="mission-heading">
        <h2 id="mission-heading">{t('home.missionHeading')}</h2>
        <p>{t('home.mission')}</p>
      </section>
    </article>
  );
}

function MapSection() {
  const countries = useCountries();
  const regions = useRegions();
  const geometry = useWorldGeometry();
  for (const resource of [countries, regions, geometry]) {
    if (resource.status === 'error')
      return <ProblemAlert problem={resource.problem} onRetry={resource.retry} />;
  }
  if (countries.status !== 'ready' || regions.status !== 'ready' || geometry.status !== 'ready') {
    return <Loading label="status.loadingMap" />;
  }
  return <MapFigure countries={countries.data.data} regions={regions.data.data} geometry={geometry.data} />;
}

function MapFigure(props: { countries: Country[]; regions: M49Area[]; geometry: MapGeometry }) {
  const { t, language, info } = useI18n();
  const { countries, regions, geometry } = props;

  const labels = useMemo(() => {
    const areaNames = new Map(regions.map((area) => [area.code, area.names[language]]));
    const entries = countries.map((country): [string, CountryLabel] => {
      const place = areaNames.get(country.subregionCode ?? '') ?? areaNames.get(country.regionCode ?? '');
      const name = country.names[language];
      return [country.numeric, { country, title: place ? `${name} — ${place}` : name }];
    });
    return new Map(entries);
  }, [countries, regions, language]);

  const rows = countByRegion(countries, regions, language, t('home.noRegion'));
  const regionList = new Intl.ListFormat(info.intlLocale, { type: 'conjunction' }).format(
    rows.filter((row) => row.code !== null).map((row) => row.name),
  );
  const notDrawn = useMemo(
    () => namesNotDrawn(countries, geometry, language),
    [countries, geometry, language],
  );

  return (
    <>
      <figure className="map-figure">
        <div className="map-frame">
          <WorldMap
            geometry={geometry}
            labels={labels}
            label={t('home.mapLabel', { count: countries.length, regions: regionList })}
          />
        </div>
        <figcaption>
          <Legend rows={rows} />
          <p className="note">{t('home.smallStatesNote')}</p>
          {notDrawn.length > 0 ? (
            <p className="note">
              {t('home.notDrawnNote', { names: new Intl.ListFormat(info.intlLocale).format(notDrawn) })}
            </p>
          ) : null}
        </figcaption>
      </figure>
      <RegionTable rows={rows} />
    </>
  );
}

/** Reference countries with no outline and no dot on this map, named so that none goes missing silently. */
function namesNotDrawn(
  countries: readonly Country[],
  geometry: MapGeometry,
  language: keyof Country['names'],
) {
  const drawn = new Set<string>();
  for (const shape of geometry.shapes) if (shape.numeric) drawn.add(shape.numeric);
  for (const marker of geometry.extraMarkers) drawn.add(marker.numeric);
  const collator = new Intl.Collator(language);
  return countries
    .filter((country) => !drawn.has(country.numeric) && country.regionCode !== null)
    .map((country) => country.names[language])
    .sort(collator.compare);
}
