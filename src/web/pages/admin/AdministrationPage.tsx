// Administration: the partner organisations, registering a new one (administrators, coordinators),
// and the way to each organisation's profile and members for those who may manage them.
import { useState } from 'react';
import {
  type Organisation,
  type OrganisationListResponse,
  type OrganisationResponseBody,
  organisationName,
  paths,
} from '../../api/access.js';
import { useApiResource } from '../../api/useApiResource.js';
import { SuccessNote, useSubmission } from '../../components/forms.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ResourceView } from '../../components/Status.js';
import { TableScroll } from '../../components/TableScroll.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link } from '../../router.js';
import { useSession } from '../../session/SessionProvider.js';
import { OrganisationForm, type OrganisationInput, useOrganisationVocabulary } from './OrganisationForm.js';

export function AdministrationPage() {
  const { t } = useI18n();
  const session = useSession();
  const organisations = useApiResource<OrganisationListResponse>(paths.organisations);
  const [created, setCreated] = useState<Organisation | null>(null);
  return (
    <article className="administration">
      <PageHeading>{t('admin.title')}</PageHeading>
      <p className="lede">{t('admin.intro')}</p>
      {session.can('organisations.create') ? (
        <CreateOrganisation
          onCreated={(organisation) => {
            setCreated(organisation);
            organisations.reload();
          }}
        />
      ) : null}
      {created ? <SuccessNote>{t('admin.created', { name: created.name })}</SuccessNote> : null}
      <section aria-labelledby="organisations-heading">
        <h2 id="organisations-heading">{t('admin.organisationsHeading')}</h2>
        <ResourceView resource={organisations}>
          {({ data }) => <OrganisationTable organisations={data} />}
        </ResourceView>
      </section>
    </article>
  );
}

function CreateOrganisation(props: { onCreated: (organisation: Organisation) => void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const submission = useSubmission();
  const [open, setOpen] = useState(false);
  const [formKey, setFormKey] = useState(0);

  const save = (input: OrganisationInput) =>
    submission.run(async () => {
      const answer = await api.send<OrganisationResponseBody>('POST', paths.organisations, input);
      setFormKey((key) => key + 1);
      setOpen(false);
      props.onCreated(answer.data);
    });

  return (
    <details className="disclosure" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('admin.createHeading')}</summary>
      <OrganisationForm key={formKey} submitLabel={t('admin.create')} submission={submission} onSave={save} />
    </details>
  );
}

function OrganisationTable(props: { organisations: Organisation[] }) {
  const { t, language } = useI18n();
  const session = useSession();
  const vocabulary = useOrganisationVocabulary();
  const collator = new Intl.Collator(language);
  const sorted = [...props.organisations].sort((a, b) =>
    collator.compare(organisationName(a, language), organisationName(b, language)),
  );
  const mayManage = (organisation: Organisation) =>
    session.can('users.read', { organisationId: organisation.id }) ||
    session.can('organisations.update', { organisationId: organisation.id });
  return (
    <TableScroll>
      <table className="data-table">
        <caption>{t('admin.organisationsCaption', { count: sorted.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('organisation.name')}</th>
            <th scope="col">{t('organisation.actorType')}</th>
            <th scope="col">{t('organisation.headquarters')}</th>
            <th scope="col">{t('admin.colManage')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((organisation) => (
            <tr key={organisation.id}>
              <th scope="row">
                <bdi>{organisationName(organisation, language)}</bdi>
                {organisation.acronym ? <span className="code-name"> ({organisation.acronym})</span> : null}
              </th>
              <td>{vocabulary.actorTypeLabel(organisation.actorType)}</td>
              <td>{vocabulary.countryName(organisation.headquartersIso3)}</td>
              <td>
                {mayManage(organisation) ? (
                  <Link to={`/admin/organisations/${organisation.id}`}>
                    {t('admin.manage')}
                    <span className="visually-hidden"> {organisationName(organisation, language)}</span>
                  </Link>
                ) : (
                  <span className="muted">{t('admin.notYours')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
