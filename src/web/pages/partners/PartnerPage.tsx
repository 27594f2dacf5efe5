// One partner: profile, countries, coordination mechanisms, the commitments it signed, focal points and the
// activities it leads or joins.

import { useActivitySet } from '../../api/activities.js';
import { type OrganisationProfile, useOrganisation } from '../../api/partners.js';
import { PageHeading } from '../../components/PageHeading.js';
import { Loading, ProblemAlert } from '../../components/Status.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link } from '../../router.js';
import { useSession } from '../../session/SessionProvider.js';
import { ActivityTable } from '../activities/ActivityTable.js';
import { VocabularyGate } from '../activities/VocabularyGate.js';
import { useVocabulary, type Vocabulary } from '../activities/vocabulary.js';
import { PartnerCommitments } from '../commitments/PartnerCommitments.js';

export function PartnerPage(props: { id: string }) {
  const { t } = useI18n();
  const organisation = useOrganisation(props.id);
  const vocabulary = useVocabulary();
  const back = (
    <p className="back-link">
      <Link to="/partners">{t('partners.back')}</Link>
    </p>
  );
  if (organisation.status !== 'ready')
    return (
      <article>
        {back}
        <PageHeading>{t('partners.title')}</PageHeading>
        {organisation.status === 'loading' ? (
          <Loading />
        ) : (
          <ProblemAlert problem={organisation.problem} onRetry={organisation.retry} />
        )}
      </article>
    );
  const profile = organisation.data.data;
  return (
    <article>
      {back}
      <PageHeading>{profile.name}</PageHeading>
      <VocabularyGate state={vocabulary}>
        {(v) => <Profile profile={profile} vocabulary={v} />}
      </VocabularyGate>
    </article>
  );
}

function Profile(props: { profile: OrganisationProfile; vocabulary: Vocabulary }) {
  const { t } = useI18n();
  const { profile, vocabulary } = props;
  return (
    <>
      <dl className="facts">
        <dt>{t('partners.acronym')}</dt>
        <dd>{profile.acronym ?? t('details.none')}</dd>
        <dt>{t('partners.actorType')}</dt>
        <dd>{vocabulary.label('actor_type', profile.actorType)}</dd>
        <dt>{t('partners.headquarters')}</dt>
        <dd>
          {profile.headquartersIso3 ? vocabulary.countryName(profile.headquartersIso3) : t('details.none')}
        </dd>
        <dt>{t('partners.countries')}</dt>
        <dd>
          {profile.countriesOfOperation.length
            ? profile.countriesOfOperation.map(vocabulary.countryName).join(', ')
            : t('details.none')}
        </dd>
        <dt>{t('partners.website')}</dt>
        <dd>
          {profile.website ? (
            <a href={profile.website} rel="noopener noreferrer">
              {profile.website}
            </a>
          ) : (
            t('details.none')
          )}
        </dd>
      </dl>
      {profile.mandate ? (
        <section>
          <h2>{t('partners.mandate')}</h2>
          <p>{profile.mandate}</p>
        </section>
      ) : null}
      <Mechanisms profile={profile} />
      <PartnerCommitments organisationId={profile.id} />
      <FocalPoints profile={profile} />
      <section>
        <h2>{t('partners.activities')}</h2>
        <PartnerActivities id={profile.id} vocabulary={vocabulary} />
      </section>
    </>
  );
}

function Mechanisms(props: { profile: OrganisationProfile }) {
  const { t } = useI18n();
  const { mechanisms } = props.profile;
  return (
    <section>
      <h2>{t('partners.mechanisms')}</h2>
      {mechanisms.length === 0 ? (
        <p>{t('partners.noMechanisms')}</p>
      ) : (
        <ul>
          {mechanisms.map((m) => (
            <li key={m.mechanismId}>
              {m.name} — {t(`mechanismKind.${m.kind}`)}, {t(`mechanismRole.${m.role}`)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function FocalPoints(props: { profile: OrganisationProfile }) {
  const { t } = useI18n();
  const { me } = useSession();
  const points = props.profile.focalPoints;
  return (
    <section>
      <h2>{t('partners.focalPoints')}</h2>
      {me ? null : <p className="note">{t('partners.contactSignedInOnly')}</p>}
      {points.length === 0 ? (
        <p>{t('partners.noFocalPoints')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t('partners.focalPoints')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('partners.focalName')}</th>
                <th scope="col">{t('partners.position')}</th>
                <th scope="col">{t('partners.topics')}</th>
                {me ? <th scope="col">{t('partners.contact')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {points.map((point) => (
                <tr key={point.id}>
                  <th scope="row">{point.name}</th>
                  <td>{point.position ?? ''}</td>
                  <td>{point.topics.join(', ')}</td>
                  {me ? (
                    <td>
                      {point.contact?.email ? (
                        <a href={`mailto:${point.contact.email}`}>{point.contact.email}</a>
                      ) : null}
                      {point.contact?.phone ? (
                        <>
                          {' '}
                          <span dir="ltr">{point.contact.phone}</span>
                        </>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function PartnerActivities(props: { id: string; vocabulary: Vocabulary }) {
  const set = useActivitySet({ organisationId: props.id });
  if (set.status === 'loading') return <Loading />;
  if (set.status === 'error') return <ProblemAlert problem={set.problem} />;
  return <ActivityTable activities={set.activities} vocabulary={props.vocabulary} />;
}
