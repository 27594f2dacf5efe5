// Home: the response at a glance for everyone, and for a signed-in person their own work and what waits for them.
import type { Overview } from '../../../overview/schemas.js';
import { useApiResource } from '../../api/useApiResource.js';
import { PageHeading } from '../../components/PageHeading.js';
import { Loading, ProblemAlert } from '../../components/Status.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link, navigate } from '../../router.js';
import { useSession } from '../../session/SessionProvider.js';
import { CountryChoropleth } from '../activities/CountryChoropleth.js';
import { VocabularyGate } from '../activities/VocabularyGate.js';
import { useVocabulary } from '../activities/vocabulary.js';
import { HeadlineTiles } from './HeadlineTiles.js';
import { YourWork } from './YourWork.js';
import './home.css';

export function HomePage() {
  const { t, language } = useI18n();
  const { me } = useSession();
  return (
    <article className="home">
      <PageHeading isHome>{t('home.title')}</PageHeading>
      <p className="home-lead">{t('home.lead')}</p>
      {/* A plain link, not the app's router: the check is a page of its own that works without this app. */}
      <p className="home-offer-check">
        <a href={`/check?lang=${language}`}>{t('home.offerCheckLink')}</a> {t('home.offerCheckNote')}
      </p>
      {/* The answer depends on who asks: a new key loads it again when the person signs in or out. */}
      <OverviewLoader key={me?.id ?? 'public'} />
      <section className="mission" aria-labelledby="mission-heading">
        <h2 id="mission-heading">{t('home.missionHeading')}</h2>
        <p>{t('home.mission')}</p>
      </section>
    </article>
  );
}

function OverviewLoader() {
  const overview = useApiResource<{ data: Overview }>('/api/v1/overview');
  if (overview.status === 'loading') return <Loading />;
  if (overview.status === 'error')
    return <ProblemAlert problem={overview.problem} onRetry={overview.retry} />;
  return <Dashboard overview={overview.data.data} />;
}

function Dashboard(props: { overview: Overview }) {
  const { t } = useI18n();
  const { overview } = props;
  const vocabulary = useVocabulary();
  return (
    <>
      <HeadlineTiles totals={overview.totals} />
      {overview.personal ? (
        <VocabularyGate state={vocabulary}>
          {(v) => <YourWork personal={overview.personal!} vocabulary={v} />}
        </VocabularyGate>
      ) : (
        <p className="home-invitation">
          {t('home.publicNote')} <Link to="/sign-in">{t('home.signInLink')}</Link>
        </p>
      )}
      <section aria-labelledby="activity-map-heading">
        <h2 id="activity-map-heading">{t('home.mapHeading')}</h2>
        <VocabularyGate state={vocabulary}>
          {(v) => (
            <CountryChoropleth
              values={new Map(overview.countries.map((c) => [c.iso3, c.activities]))}
              vocabulary={v}
              label={t('home.mapLabel')}
              valueHeading={t('home.activitiesColumn')}
              onSelect={(iso3) => navigate(`/activities?country=${iso3}`)}
            />
          )}
        </VocabularyGate>
      </section>
    </>
  );
}
