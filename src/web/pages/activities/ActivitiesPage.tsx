// The 4W register: filters, a map of activities per country, and the list; the form for those who may write.
import { type ActivityFilterValues, useActivitySet } from '../../api/activities.js';
import { PageHeading } from '../../components/PageHeading.js';
import { Loading, ProblemAlert } from '../../components/Status.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link } from '../../router.js';
import { useSession } from '../../session/SessionProvider.js';
import { ActivityTable } from './ActivityTable.js';
import { CountryChoropleth } from './CountryChoropleth.js';
import { FilterBar, type FilterName, useAddressFilters } from './FilterBar.js';
import { VocabularyGate } from './VocabularyGate.js';
import { useVocabulary, type Vocabulary } from './vocabulary.js';

const NAMES: readonly FilterName[] = [
  'q',
  'country',
  'pillar',
  'activityType',
  'form',
  'targetGroup',
  'status',
  'organisationId',
  'from',
  'to',
  'needsClassification',
];

export function ActivitiesPage() {
  const { t } = useI18n();
  const session = useSession();
  const vocabulary = useVocabulary();
  return (
    <article>
      <PageHeading>{t('activities.title')}</PageHeading>
      <p className="lede">{t('activities.intro')}</p>
      <p className="button-row">
        <Link to="/coverage">{t('activities.coverageLink')}</Link>
        {session.can('activities.write') ? (
          <>
            <Link to="/activities/new" className="button">
              {t('activities.new')}
            </Link>
            <Link to="/activities/import" className="button">
              {t('activityImport.link')}
            </Link>
          </>
        ) : null}
      </p>
      {session.me ? null : <p className="note">{t('activities.publicOnly')}</p>}
      <VocabularyGate state={vocabulary}>{(v) => <Register vocabulary={v} />}</VocabularyGate>
    </article>
  );
}

/** Counts per country: an activity in three countries counts once in each. */
export function countsByCountry(activities: { countries: { iso3: string }[] }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const activity of activities)
    for (const iso3 of new Set(activity.countries.map((c) => c.iso3)))
      counts.set(iso3, (counts.get(iso3) ?? 0) + 1);
  return counts;
}

function Register(props: { vocabulary: Vocabulary }) {
  const { t } = useI18n();
  const [filters, setFilters] = useAddressFilters(NAMES);
  const set = useActivitySet(filters as ActivityFilterValues);
  return (
    <>
      <FilterBar names={NAMES} values={filters} onChange={setFilters} vocabulary={props.vocabulary} />
      {set.status === 'loading' ? <Loading /> : null}
      {set.status === 'error' ? <ProblemAlert problem={set.problem} /> : null}
      {set.status === 'ready' ? (
        <>
          <p className="result-count" role="status">
            {t('activities.resultCount', { count: set.activities.length })}
          </p>
          {set.isComplete ? null : <p className="note">{t('activities.truncated')}</p>}
          <section>
            <h2>{t('activities.mapHeading')}</h2>
            <CountryChoropleth
              values={countsByCountry(set.activities)}
              vocabulary={props.vocabulary}
              label={t('activities.mapLabel')}
              valueHeading={t('activities.mapValue')}
            />
          </section>
          <section>
            <h2>{t('activities.listHeading')}</h2>
            <ActivityTable activities={set.activities} vocabulary={props.vocabulary} />
          </section>
        </>
      ) : null}
    </>
  );
}
