// One country's dashboard: the global dashboard's charts for the country, and its region beside it.
import { PageHeading } from '../../components/PageHeading.js';
import { ResourceView } from '../../components/Status.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link } from '../../router.js';
import { NotFoundPage } from '../NotFoundPage.js';
import { FormChart, JusticeChart, SexAgeChart, TrendChart } from './BreakdownCharts.js';
import { makeDashboard } from './context.js';
import { DashboardControls } from './DashboardControls.js';
import { HeadlineShare } from './HeadlineShare.js';
import { PivotView } from './PivotView.js';
import { RegionComparison } from './RegionComparison.js';
import { useDashboardNames } from './useDashboardNames.js';

export function CountryStatisticsPage(props: { iso3: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const names = useDashboardNames();
  const iso3 = props.iso3.toUpperCase();
  return (
    <ResourceView resource={names} loadingLabel="stats.loading">
      {({ names, forms }) => {
        const country = names.countries.find((c) => c.iso3 === iso3);
        if (!country) return <NotFoundPage />;
        const regions = [country.subregionCode, country.regionCode].filter((c): c is string => c !== null);
        return (
          <article className="statistics">
            <p className="back-link">
              <Link to="/statistics">{t('stats.backToGlobal')}</Link>
            </p>
            <PageHeading>{t('stats.countryTitle', { country: names.name(iso3) })}</PageHeading>
            <DashboardControls area={iso3}>
              {(selection) => {
                const dashboard = makeDashboard(i18n, selection, iso3, names, forms);
                return (
                  <>
                    <h2>{t('stats.countryHeading', { country: names.name(iso3) })}</h2>
                    <HeadlineShare dashboard={dashboard} />
                    <div className="chart-grid">
                      <TrendChart dashboard={dashboard} />
                      <SexAgeChart dashboard={dashboard} />
                      <FormChart dashboard={dashboard} />
                      <JusticeChart dashboard={dashboard} />
                    </div>
                    <h2>{t('stats.regionHeading')}</h2>
                    <RegionComparison dashboard={dashboard} areas={[iso3, ...regions]} />
                    <PivotView dashboard={dashboard} withCountries={false} />
                  </>
                );
              }}
            </DashboardControls>
          </article>
        );
      }}
    </ResourceView>
  );
}
