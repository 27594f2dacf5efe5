// The headline: the share of women and girls among detected victims whose sex is known, with its bounds.
import { useStatisticsQuery } from '../../api/statistics.js';
import { ResourceView } from '../../components/Status.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { sexAgeParams } from './BreakdownCharts.js';
import type { Dashboard } from './context.js';
import { womenAndGirlsShare } from './groups.js';

export function HeadlineShare(props: { dashboard: Dashboard }) {
  const { t, info } = useI18n();
  const d = props.dashboard;
  const query = useStatisticsQuery(sexAgeParams(d));
  const percent = new Intl.NumberFormat(info.intlLocale, { style: 'percent', maximumFractionDigits: 0 });
  const where = { area: d.names.name(d.area), year: String(d.selection.year) };
  return (
    <ResourceView resource={query} loadingLabel="stats.loading">
      {({ data }) => {
        const share = womenAndGirlsShare(data.rows);
        const known = share ? d.figure(share.known) : '';
        const figure = !share
          ? null
          : share.isExact || percent.format(share.lower) === percent.format(share.upper)
            ? percent.format(share.lower)
            : t('stats.share.range', {
                lower: percent.format(share.lower),
                upper: percent.format(share.upper),
              });
        return (
          <section className="headline" aria-labelledby="headline-share" data-testid="headline-share">
            <h2 id="headline-share" className="headline-label">
              {t('stats.share.heading', where)}
            </h2>
            {figure ? (
              <>
                <p className="headline-figure">{figure}</p>
                <p className="note">
                  {share?.isExact
                    ? t('stats.share.exactNote', { known })
                    : t('stats.share.boundsNote', { known })}
                </p>
              </>
            ) : (
              <p className="chart-empty">{t('stats.share.none', where)}</p>
            )}
          </section>
        );
      }}
    </ResourceView>
  );
}
