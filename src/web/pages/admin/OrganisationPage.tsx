// One organisation: its profile (editable by those who may) and its members.
import { useState } from 'react';
import { type OrganisationResponseBody, organisationName, paths } from '../../api/access.js';
import { useApiResource } from '../../api/useApiResource.js';
import { SuccessNote, useSubmission } from '../../components/forms.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ResourceView } from '../../components/Status.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link } from '../../router.js';
import { useSession } from '../../session/SessionProvider.js';
import { MembersSection } from './MembersSection.js';
import { OrganisationForm, type OrganisationInput, useOrganisationVocabulary } from './OrganisationForm.js';

export function OrganisationPage(props: { id: string }) {
  const { t, language } = useI18n();
  const organisation = useApiResource<OrganisationResponseBody>(paths.organisation(props.id));
  const loaded = organisation.status === 'ready' ? organisation.data.data : null;
  return (
    <article className="administration">
      <p className="back-link">
        <Link to="/admin">{t('admin.backLink')}</Link>
      </p>
      <PageHeading>{loaded ? organisationName(loaded, language) : t('organisation.title')}</PageHeading>
      <ResourceView resource={organisation}>
        {({ data }) => (
          <>
            <ProfileSection organisation={data} onSaved={organisation.reload} />
            <MembersSection organisationId={data.id} />
          </>
        )}
      </ResourceView>
    </article>
  );
}

function ProfileSection(props: { organisation: OrganisationResponseBody['data']; onSaved: () => void }) {
  const { t } = useI18n();
  const session = useSession();
  const vocabulary = useOrganisationVocabulary();
  const submission = useSubmission();
  const [saved, setSaved] = useState(false);
  const { organisation } = props;
  const mayEdit = session.can('organisations.update', { organisationId: organisation.id });

  const save = (input: OrganisationInput) =>
    submission.run(async () => {
      setSaved(false);
      await session.api.send('PATCH', paths.organisation(organisation.id), input);
      setSaved(true);
      props.onSaved();
    });

  return (
    <section aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t('organisation.profileHeading')}</h2>
      {saved ? <SuccessNote>{t('organisation.saved')}</SuccessNote> : null}
      {mayEdit ? (
        <OrganisationForm
          initial={organisation}
          submitLabel={t('organisation.save')}
          submission={submission}
          onSave={save}
        />
      ) : (
        <dl className="facts">
          <dt>{t('organisation.name')}</dt>
          <dd>{organisation.name}</dd>
          <dt>{t('organisation.acronym')}</dt>
          <dd>{organisation.acronym ?? '—'}</dd>
          <dt>{t('organisation.actorType')}</dt>
          <dd>{vocabulary.actorTypeLabel(organisation.actorType)}</dd>
          <dt>{t('organisation.headquarters')}</dt>
          <dd>{vocabulary.countryName(organisation.headquartersIso3) || '—'}</dd>
        </dl>
      )}
    </section>
  );
}
