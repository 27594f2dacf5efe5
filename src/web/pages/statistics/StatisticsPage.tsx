// The global dashboard of official statistics: trend, sex × age, forms, justice, map and pivot table.
import { PageHeading } from '../../components/PageHeading.js';
import { ResourceView } from '../../components/Status.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { FormChart, JusticeChart, SexAgeChart, TrendChart } from './BreakdownCharts.js';
import { CountryComparison } from './CountryComparison.js';
import { makeDashboard } from './context.js';
import { DashboardControls } from './DashboardControls.js';
import { FlowsView } from './FlowsView.js';
import { HeadlineShare } from './HeadlineShare.js';
import { WORLD } from './labels.js';
import { MapChart } from './MapChart.js';
import { PivotView } from './PivotView.js';
import { PublisherRegions } from './PublisherRegions.js';
import { useDashboardNames } from './useDashboardNames.js';

export function StatisticsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const names = useDashboardNames();
  return (
    <article className="statistics">
      <PageHeading>{t('stats.title')}</PageHeading>
      <p className="lede">{t('stats.intro')}</p>
      <ResourceView resource={names} loadingLabel="stats.loading">
        {({ names, forms }) => (
          <DashboardControls>
            {(selection) => {
              const dashboard = makeDashboard(i18n, selection, WORLD, names, forms);
              return (
                <>
                  <HeadlineShare dashboard={dashboard} />
                  <MapChart dashboard={dashboard} />
                  <h2>{t('stats.worldHeading')}</h2>
                  <p className="note">{t('stats.rollupNote')}</p>
                  <div className="chart-grid">
                    <TrendChart dashboard={dashboard} />
                    <SexAgeChart dashboard={dashboard} />
                    <FormChart dashboard={dashboard} />
                    <JusticeChart dashboard={dashboard} />
                  </div>
                  <CountryComparison dashboard={dashboard} />
                  <FlowsView dashboard={dashboard} />
                  <PublisherRegions dashboard={dashboard} />
                  <PivotView dashboard={dashboard} withCountries />
                </>
              );
            }}
          </DashboardControls>
        )}
      </ResourceView>
    </article>
  );
}
