// One activity with all its 4W fields, people by sex × age, and the history of its versions.
import {
  type Activity,
  type ActivityVersion,
  useActivity,
  useActivityVersions,
} from '../../api/activities.js';
import { useMechanisms } from '../../api/partners.js';
import { PageHeading } from '../../components/PageHeading.js';
import { Loading, ProblemAlert, ResourceView } from '../../components/Status.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link } from '../../router.js';
import { useSession } from '../../session/SessionProvider.js';
import { useOrganisationNames } from './ActivityTable.js';
import { descriptionIn, titleIn } from './narratives.js';
import { PeopleTable } from './PeopleTable.js';
import { formatPeriod } from './period.js';
import { VocabularyGate } from './VocabularyGate.js';
import { useDayFormat, useVocabulary, type Vocabulary } from './vocabulary.js';

export function ActivityPage(props: { id: string }) {
  const { t, language } = useI18n();
  const activity = useActivity(props.id);
  const vocabulary = useVocabulary();
  const back = (
    <p className="back-link">
      <Link to="/activities">{t('activities.back')}</Link>
    </p>
  );
  if (activity.status !== 'ready')
    return (
      <article>
        {back}
        <PageHeading>{t('activities.title')}</PageHeading>
        {activity.status === 'loading' ? (
          <Loading />
        ) : (
          <ProblemAlert problem={activity.problem} onRetry={activity.retry} />
        )}
      </article>
    );
  const record = activity.data.data;
  return (
    <article>
      {back}
      <PageHeading>{titleIn(record, language)}</PageHeading>
      <VocabularyGate state={vocabulary}>
        {(v) => <ActivityDetails activity={record} vocabulary={v} />}
      </VocabularyGate>
    </article>
  );
}

function ActivityDetails(props: { activity: Activity; vocabulary: Vocabulary }) {
  const { t, formatNumber, language } = useI18n();
  const session = useSession();
  const day = useDayFormat();
  const organisationName = useOrganisationNames();
  const mechanisms = useMechanisms();
  const { activity: a, vocabulary: v } = props;
  const none = t('details.none');
  const list = (items: string[]) => (items.length ? items.join(', ') : none);
  const date = (value: string | null) => (value ? day(value) : none);
  const mechanism =
    mechanisms.status === 'ready'
      ? mechanisms.data.data.find((m) => m.id === a.coordinationMechanismId)
      : undefined;
  return (
    <>
      <p className="meta">
        <code>{a.identifier}</code> · {a.isPublished ? t('activity.published') : t('activity.unpublished')}
        {a.isIllustrative ? ` · ${t('activity.illustrative')}` : ''}
      </p>
      {session.can('activities.write', { organisationId: a.leadOrganisationId }) ? (
        <p>
          <Link to={`/activities/${a.id}/edit`} className="button">
            {t('activity.edit')}
          </Link>
        </p>
      ) : null}
      {descriptionIn(a, language) ? <p>{descriptionIn(a, language)}</p> : null}
      <h2>{t('activity.who')}</h2>
      <dl className="facts">
        <dt>{t('activity.lead')}</dt>
        <dd>
          <Link to={`/partners/${a.leadOrganisationId}`}>
            {organisationName(a.leadOrganisationId) || none}
          </Link>
        </dd>
        <dt>{t('activity.participants')}</dt>
        <dd>{list(a.participants.map((p) => `${p.name} (${v.label('iati_organisation_role', p.role)})`))}</dd>
        <dt>{t('activity.mechanism')}</dt>
        <dd>{mechanism ? mechanism.name : none}</dd>
      </dl>
      <h2>{t('activity.what')}</h2>
      <dl className="facts">
        <dt>{t('activity.pillar')}</dt>
        <dd>{a.pillar ? v.label('pillar', a.pillar) : t('activity.unclassified')}</dd>
        <dt>{t('activity.type')}</dt>
        <dd>{a.activityType ? v.label('activity_type', a.activityType) : t('activity.unclassified')}</dd>
        <dt>{t('activity.forms')}</dt>
        <dd>{list(a.forms.map((f) => v.label('form_of_exploitation', f)))}</dd>
        <dt>{t('activity.chainStage')}</dt>
        <dd>{a.chainStage ? v.label('chain_stage', a.chainStage) : none}</dd>
        <dt>{t('activity.genderMarker')}</dt>
        <dd>{a.genderMarker ? v.label('gender_marker', a.genderMarker) : none}</dd>
        <dt>{t('activity.budget')}</dt>
        <dd>
          {a.budget
            ? `${formatNumber(a.budget.amount)} ${a.budget.currency}${a.budget.funder ? ` — ${a.budget.funder}` : ''}`
            : none}
        </dd>
      </dl>
      <h2>{t('activity.where')}</h2>
      <ul>
        {a.countries.map((c) => (
          <li key={c.iso3}>
            {v.countryName(c.iso3)} ({v.label('country_role', c.role)})
            {c.places.length ? `: ${c.places.join(', ')}` : ''}
          </li>
        ))}
      </ul>
      <h2>{t('activity.whom')}</h2>
      <p>
        {t('activity.targetGroups')}: {list(a.targetGroups.map((g) => v.label('target_group', g)))}
      </p>
      <PeopleTable caption={t('activity.peopleTargeted')} counts={a.peopleTargeted} vocabulary={v} />
      <PeopleTable caption={t('activity.peopleReached')} counts={a.peopleReached} vocabulary={v} />
      <h2>{t('activity.when')}</h2>
      <dl className="facts">
        <dt>{t('activity.status')}</dt>
        <dd>{v.label('iati_activity_status', a.status)}</dd>
        <dt>{t('activity.planned')}</dt>
        <dd>{formatPeriod(a.plannedStart, a.plannedEnd, day)}</dd>
        <dt>{t('activity.actual')}</dt>
        <dd>{formatPeriod(a.actualStart, a.actualEnd, day)}</dd>
      </dl>
      <h2>{t('activity.provenance')}</h2>
      <dl className="facts">
        <dt>{t('activity.source')}</dt>
        <dd>{a.provenance.source ?? none}</dd>
        <dt>{t('activity.reportedBy')}</dt>
        <dd>{a.provenance.reportedBy ?? none}</dd>
        <dt>{t('activity.reportedOn')}</dt>
        <dd>{date(a.provenance.reportedOn)}</dd>
      </dl>
      <Versions id={a.id} />
    </>
  );
}

function Versions(props: { id: string }) {
  const { t, formatDateTime, formatNumber } = useI18n();
  const versions = useActivityVersions(props.id);
  return (
    <section>
      <h2>{t('versions.heading')}</h2>
      <ResourceView resource={versions}>
        {({ data }) => (
          <div className="table-scroll">
            <table className="data-table">
              <caption>{t('versions.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('versions.version')}</th>
                  <th scope="col">{t('versions.change')}</th>
                  <th scope="col">{t('versions.when')}</th>
                  <th scope="col">{t('versions.via')}</th>
                </tr>
              </thead>
              <tbody>
                {data.map((version) => (
                  <tr key={version.version}>
                    <th scope="row">{formatNumber(version.version)}</th>
                    <td>{t(`versions.${version.change}`)}</td>
                    <td>{formatDateTime(version.changedAt)}</td>
                    <td>{describeSource(t, version)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </ResourceView>
    </section>
  );
}

/** "Edna Editor, in the web app", "Edna Editor, importing the file “4w.xlsx”": who and how, never an id. */
function describeSource(
  t: ReturnType<typeof useI18n>['t'],
  version: Pick<ActivityVersion, 'changedByName' | 'source'>,
): string {
  const name = version.changedByName ?? t('versions.someone');
  const { channel, file } = version.source;
  if (channel === 'import' && !file) return t('versions.source.importNoFile', { name });
  return t(`versions.source.${channel}`, { name, file: file ?? '' });
}
