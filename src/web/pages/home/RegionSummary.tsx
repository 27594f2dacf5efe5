// The map's legend and its text alternative: each region's name, colour and number of countries.
import type { Country, M49Area } from '../../../reference/schemas.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link } from '../../router.js';
import { NO_REGION_COLOUR, regionColour } from './palette.js';

export type RegionCount = { code: string | null; name: string; count: number };

/** Regions in M49 code order (a stable order keeps each colour in the same place), then "no region". */
export function countByRegion(
  countries: readonly Country[],
  regions: readonly M49Area[],
  language: keyof M49Area['names'],
  noRegionName: string,
): RegionCount[] {
  const counts = new Map<string | null, number>();
  for (const country of countries) counts.set(country.regionCode, (counts.get(country.regionCode) ?? 0) + 1);
  const rows: RegionCount[] = regions
    .filter((area) => area.level === 'region')
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((area) => ({ code: area.code, name: area.names[language], count: counts.get(area.code) ?? 0 }));
  const withoutRegion = counts.get(null) ?? 0;
  if (withoutRegion > 0) rows.push({ code: null, name: noRegionName, count: withoutRegion });
  return rows;
}

export function Legend(props: { rows: readonly RegionCount[] }) {
  const { t } = useI18n();
  return (
    <div className="legend">
      <h3 className="legend-heading">{t('home.legendHeading')}</h3>
      <ul>
        {props.rows.map((row) => (
          <li key={row.code ?? 'none'}>
            <span
              className="swatch"
              aria-hidden="true"
              style={{ backgroundColor: row.code ? regionColour(row.code) : NO_REGION_COLOUR }}
            />
            {row.name}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function RegionTable(props: { rows: readonly RegionCount[] }) {
  const { t, formatNumber } = useI18n();
  const total = props.rows.reduce((sum, row) => sum + row.count, 0);
  return (
    <details className="map-table">
      <summary>{t('home.tableSummary')}</summary>
      <table>
        <caption>{t('home.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('home.colRegion')}</th>
            <th scope="col" className="numeric">
              {t('home.colCount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.code ?? 'none'}>
              <th scope="row">{row.name}</th>
              <td className="numeric">{formatNumber(row.count)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('home.total')}</th>
            <td className="numeric">{formatNumber(total)}</td>
          </tr>
        </tfoot>
      </table>
      <p>
        <Link to="/reference/countries">{t('home.browseCountries')}</Link>
      </p>
    </details>
  );
}
