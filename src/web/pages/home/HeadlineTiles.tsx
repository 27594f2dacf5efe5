// The headline figures: official statistics, then activities, partners and countries, and the coverage gaps still open.
import type { PagedFindings } from '../../../coverage/schemas.js';
import type { Overview } from '../../../overview/schemas.js';
import { useResource } from '../../api/useResource.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link } from '../../router.js';
import { HeadlineStatistics } from './HeadlineStatistics.js';

function Tile(props: { value: string; label: string; to: string }) {
  return (
    <li className="tile">
      <Link to={props.to}>
        <span className="tile-value">{props.value}</span>
        <span className="tile-label">{props.label}</span>
      </Link>
    </li>
  );
}

export function HeadlineTiles(props: { totals: Overview['totals'] }) {
  const { t, formatNumber } = useI18n();
  // One finding is enough: the count of every gap comes with the first page.
  const findings = useResource<{ data: PagedFindings }>('/api/v1/coverage/findings?limit=1');
  // While some countries' findings are still being computed for the first time, the count would be too low.
  const gapCount =
    findings.status === 'ready' && findings.data.data.freshness.computing.length === 0
      ? findings.data.data.totals.gaps
      : null;
  const { totals } = props;
  return (
    <section aria-labelledby="headline-heading">
      <h2 id="headline-heading" className="visually-hidden">
        {t('home.headlineHeading')}
      </h2>
      <ul className="tiles">
        <HeadlineStatistics />
        <Tile
          value={formatNumber(totals.activities)}
          label={t('home.tile.activities', { count: totals.activities })}
          to="/activities"
        />
        <Tile
          value={formatNumber(totals.partners)}
          label={t('home.tile.partners', { count: totals.partners })}
          to="/partners"
        />
        <Tile
          value={formatNumber(totals.countries)}
          label={t('home.tile.countries', { count: totals.countries })}
          to="/coverage"
        />
        <Tile
          value={gapCount === null ? '…' : formatNumber(gapCount)}
          label={t('home.tile.gaps', { count: gapCount ?? 0 })}
          to="/coverage"
        />
      </ul>
    </section>
  );
}
