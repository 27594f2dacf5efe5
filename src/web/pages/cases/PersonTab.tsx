// The person record, opened only when the reader asks: that request is the audited read. The data stays in
// this component's memory, never in the address, the title or any cache, and is gone when the tab closes.
// Those who may write it change it from there, or record it when there is none yet.
import { useState } from 'react';
import type { PersonView } from '../../../cases/schemas.js';
import type { Problem } from '../../../platform/errors.js';
import { casePath, type PersonResponse } from '../../api/cases.js';
import { asProblem } from '../../api/client.js';
import { SuccessNote } from '../../components/forms.js';
import { Loading, ProblemAlert } from '../../components/Status.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useSession } from '../../session/SessionProvider.js';
import { contactKey, documentKey, fieldKey } from './case-labels.js';
import type { CaseTabProps } from './case-tabs.js';
import { useCaseVocabulary } from './case-vocabulary.js';
import { PersonForm } from './PersonForm.js';

type State =
  | { status: 'closed' }
  | { status: 'opening' }
  | { status: 'open'; person: PersonView; editing: boolean; saved: boolean }
  | { status: 'failed'; problem: Problem };

export function PersonTab(props: CaseTabProps) {
  const { t } = useI18n();
  const session = useSession();
  const { theCase } = props;
  const [state, setState] = useState<State>({ status: 'closed' });
  const canWrite = session.can('persons.write', { organisationId: theCase.organisationId });
  const open = async () => {
    setState({ status: 'opening' });
    try {
      const reply = await session.api.get<PersonResponse>(casePath(theCase.id, '/person'));
      setState({ status: 'open', person: reply.data, editing: false, saved: false });
    } catch (error) {
      setState({ status: 'failed', problem: asProblem(error) });
    }
  };
  // Nothing recorded yet: the form starts empty, and the first save creates the record (version 0).
  const startRecording = () =>
    setState({
      status: 'open',
      person: { caseId: theCase.id, version: 0, person: {}, updatedAt: null },
      editing: true,
      saved: false,
    });
  const saved = (person: PersonView) => {
    setState({ status: 'open', person, editing: false, saved: true });
    if (!theCase.hasPerson) props.reloadCase();
  };
  return (
    <section aria-labelledby="case-person-heading">
      <h2 id="case-person-heading">{t('cases.tab.person')}</h2>
      {state.status === 'open' ? (
        state.editing ? (
          <EditPerson
            caseId={theCase.id}
            opened={state.person}
            onSaved={saved}
            onCancel={() =>
              theCase.hasPerson ? setState({ ...state, editing: false }) : setState({ status: 'closed' })
            }
          />
        ) : (
          <>
            {state.saved ? <SuccessNote>{t('cases.personEdit.saved')}</SuccessNote> : null}
            <PersonData
              person={state.person}
              onEdit={canWrite ? () => setState({ ...state, editing: true, saved: false }) : null}
              onClose={() => setState({ status: 'closed' })}
            />
          </>
        )
      ) : !theCase.hasPerson ? (
        <>
          <p>{t('cases.person.none')}</p>
          {canWrite ? (
            <button type="button" className="button" onClick={startRecording}>
              {t('cases.personEdit.record')}
            </button>
          ) : null}
        </>
      ) : (
        <>
          <p className="status status-info">{t('cases.person.notice')}</p>
          {state.status === 'failed' ? <ProblemAlert problem={state.problem} /> : null}
          <button type="button" className="button" disabled={state.status === 'opening'} onClick={open}>
            {state.status === 'opening' ? t('cases.person.opening') : t('cases.person.open')}
          </button>
        </>
      )}
    </section>
  );
}

/** The form, once the countries it offers have arrived. */
function EditPerson(props: {
  caseId: string;
  opened: PersonView;
  onSaved: (person: PersonView) => void;
  onCancel: () => void;
}) {
  const vocabulary = useCaseVocabulary();
  if (vocabulary.status === 'loading') return <Loading />;
  if (vocabulary.status === 'error')
    return <ProblemAlert problem={vocabulary.problem} onRetry={vocabulary.retry} />;
  return <PersonForm {...props} vocabulary={vocabulary.vocabulary} />;
}

function PersonData(props: { person: PersonView; onEdit: (() => void) | null; onClose: () => void }) {
  const { t, formatDate } = useI18n();
  const vocabulary = useCaseVocabulary();
  const country = (iso3: string | null | undefined) =>
    iso3 && vocabulary.status === 'ready' ? vocabulary.vocabulary.countryName(iso3) : (iso3 ?? '');
  const { person } = props.person;
  const none = <span className="muted">{t('cases.notRecorded')}</span>;
  return (
    <>
      <p className="status status-warning" role="status">
        {t('cases.person.opened')}
      </p>
      <dl className="facts person-data">
        <dt>{t(fieldKey('names'))}</dt>
        <dd>
          {person.names?.length ? (
            <ul className="plain-list">
              {person.names.map((entry) => (
                <li key={`${entry.kind}-${entry.value}`}>
                  <span dir="auto">{entry.value}</span>{' '}
                  <span className="muted">
                    ({t(entry.kind === 'alias' ? 'cases.person.alias' : 'cases.person.name')})
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            none
          )}
        </dd>
        <dt>{t(fieldKey('dateOfBirth'))}</dt>
        <dd>{person.dateOfBirth ? formatDate(person.dateOfBirth) : none}</dd>
        <dt>{t(fieldKey('contacts'))}</dt>
        <dd>
          {person.contacts?.length ? (
            <ul className="plain-list">
              {person.contacts.map((contact) => (
                <li key={`${contact.kind}-${contact.value}`}>
                  {t(contactKey(contact.kind))}: <span dir="ltr">{contact.value}</span>
                </li>
              ))}
            </ul>
          ) : (
            none
          )}
        </dd>
        <dt>{t(fieldKey('identityDocuments'))}</dt>
        <dd>
          {person.identityDocuments?.length ? (
            <ul className="plain-list">
              {person.identityDocuments.map((document) => (
                <li key={`${document.kind}-${document.number}`}>
                  {t(documentKey(document.kind))}: <span dir="ltr">{document.number}</span>
                  {document.issuingCountry ? ` — ${country(document.issuingCountry)}` : ''}
                </li>
              ))}
            </ul>
          ) : (
            none
          )}
        </dd>
        <dt>{t(fieldKey('addresses'))}</dt>
        <dd>
          {person.addresses?.length ? (
            <ul className="plain-list">
              {person.addresses.map((address) => (
                <li key={address.text}>
                  <span dir="auto">{address.text}</span>
                  {address.country ? ` — ${country(address.country)}` : ''}
                </li>
              ))}
            </ul>
          ) : (
            none
          )}
        </dd>
      </dl>
      <div className="button-row">
        {props.onEdit ? (
          <button type="button" className="button" onClick={props.onEdit}>
            {t('cases.personEdit.edit')}
          </button>
        ) : null}
        <button type="button" className="button button-secondary" onClick={props.onClose}>
          {t('cases.person.close')}
        </button>
      </div>
    </>
  );
}
