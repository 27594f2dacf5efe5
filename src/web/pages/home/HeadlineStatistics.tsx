// The headline official figures on the start page: detected victims in the latest well-covered year, and
// the share of women and girls among those whose sex is known, read from the default release.
import type { CatalogueIndicator, Release } from '../../../statistics/schemas.js';
import { useCatalogue, useReleases, useStatisticsQuery } from '../../api/statistics.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link } from '../../router.js';
import { preferredIndicator } from '../statistics/DashboardControls.js';
import { defaultYear, womenAndGirlsShare, yearCoverage } from '../statistics/groups.js';
import { WORLD } from '../statistics/labels.js';

export function HeadlineStatistics() {
  const releases = useReleases();
  if (releases.status !== 'ready') return null;
  const list = releases.data.data;
  const release = list.find((r) => r.isDefault) ?? list[0];
  return release ? <ReleaseFigures release={release} /> : null;
}

function ReleaseFigures(props: { release: Release }) {
  const catalogue = useCatalogue(props.release.id);
  const indicator =
    catalogue.status === 'ready' ? preferredIndicator(catalogue.data.data.indicators) : undefined;
  return indicator ? <WorldFigures release={props.release} indicator={indicator} /> : null;
}

function WorldFigures(props: { release: Release; indicator: CatalogueIndicator }) {
  const { t, formatNumber, info } = useI18n();
  const common = { release: props.release.id, indicator: props.indicator.indicator, area: [WORLD] };
  const world = useStatisticsQuery(common);
  const years = world.status === 'ready' ? yearCoverage(world.data.data.coverage) : [];
  const year = defaultYear(years);
  const bySexAndAge = useStatisticsQuery(year === null ? null : { ...common, year, by: ['sex', 'age'] });
  if (world.status !== 'ready' || year === null) return null;
  const total = world.data.data.rows.find((row) => row.year === year);
  const share = bySexAndAge.status === 'ready' ? womenAndGirlsShare(bySexAndAge.data.data.rows) : null;
  const percent = new Intl.NumberFormat(info.intlLocale, { style: 'percent', maximumFractionDigits: 0 });
  const shareText = !share
    ? null
    : share.isExact || percent.format(share.lower) === percent.format(share.upper)
      ? percent.format(share.lower)
      : t('stats.share.range', { lower: percent.format(share.lower), upper: percent.format(share.upper) });
  const totalText = total
    ? total.value !== null
      ? formatNumber(total.value)
      : `${formatNumber(total.lower)}${total.upper === null ? '+' : `–${formatNumber(total.upper)}`}`
    : null;
  return (
    <>
      {totalText ? (
        <li className="tile tile-statistic">
          <Link to="/statistics">
            <span className="tile-value">{totalText}</span>
            <span className="tile-label">
              {t(props.release.isSynthetic ? 'home.tile.detectedIllustrative' : 'home.tile.detected', {
                year: String(year),
              })}
            </span>
          </Link>
        </li>
      ) : null}
      {shareText ? (
        <li className="tile tile-statistic">
          <Link to="/statistics">
            <span className="tile-value">{shareText}</span>
            <span className="tile-label">{t('home.tile.share', { year: String(year) })}</span>
          </Link>
        </li>
      ) : null}
    </>
  );
}
