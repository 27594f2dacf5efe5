// The person's consent per purpose (and, for sharing, per recipient): the decision in force with who
// recorded it and until when, a form to record a new decision, withdrawal in one step, and every decision.
import { useId, useState } from 'react';
import { CONSENT_PURPOSES } from '../../../cases/schemas.js';
import { type ConsentsResponse, casePath, useConsents } from '../../api/cases.js';
import { useOrganisations } from '../../api/partners.js';
import type { FieldIssue } from '../../components/field-messages.js';
import { Field, FormAlert, onSubmit, SuccessNote, useSubmission } from '../../components/forms.js';
import { ResourceView } from '../../components/Status.js';
import { TableScroll } from '../../components/TableScroll.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useSession } from '../../session/SessionProvider.js';
import { decisionKey, giverKey, purposeKey } from './case-labels.js';
import type { CaseTabProps } from './case-tabs.js';

const DECISIONS = ['given', 'refused', 'withdrawn'] as const;
const GIVERS = ['person', 'parent_or_guardian', 'legal_representative'] as const;

type ConsentState = ConsentsResponse['data']['current'][number];

export function ConsentTab(props: CaseTabProps) {
  const { t } = useI18n();
  const session = useSession();
  const consents = useConsents(props.theCase.id);
  const [saved, setSaved] = useState<string | null>(null);
  const canRecord = session.can('cases.write', { organisationId: props.theCase.organisationId });
  const recorded = (message: string) => {
    setSaved(message);
    consents.reload();
    props.reloadCase();
  };
  return (
    <section aria-labelledby="case-consent-heading">
      <h2 id="case-consent-heading">{t('cases.tab.consent')}</h2>
      {saved ? <SuccessNote>{saved}</SuccessNote> : null}
      <ResourceView resource={consents}>
        {({ data }) => (
          <>
            <CurrentConsents
              current={data.current}
              caseId={props.theCase.id}
              canWithdraw={canRecord}
              onWithdrawn={() => recorded(t('cases.consent.withdrawnNow'))}
            />
            {canRecord ? (
              <RecordConsentForm
                caseId={props.theCase.id}
                onRecorded={() => recorded(t('cases.consent.recorded'))}
              />
            ) : null}
            <ConsentHistory history={data.history} />
          </>
        )}
      </ResourceView>
    </section>
  );
}

function CurrentConsents(props: {
  current: ConsentState[];
  caseId: string;
  canWithdraw: boolean;
  onWithdrawn: () => void;
}) {
  const { t, formatDateTime } = useI18n();
  const { api } = useSession();
  const submission = useSubmission();
  if (props.current.length === 0) return <p>{t('cases.consent.none')}</p>;
  const withdraw = (entry: ConsentState) =>
    submission
      .run(() =>
        api.send('POST', casePath(props.caseId, '/consents'), {
          purpose: entry.purpose,
          recipientOrganisationId: entry.recipientOrganisationId,
          decision: 'withdrawn',
          givenBy: entry.givenBy,
        }),
      )
      .then((ok) => ok && props.onWithdrawn());
  return (
    <>
      <FormAlert problem={submission.problem} />
      <TableScroll>
        <table>
          <caption>{t('cases.consent.currentCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cases.consent.purpose')}</th>
              <th scope="col">{t('cases.consent.decision')}</th>
              <th scope="col">{t('cases.consent.givenBy')}</th>
              <th scope="col">{t('cases.consent.recordedBy')}</th>
              <th scope="col">{t('cases.consent.expires')}</th>
              {props.canWithdraw ? <th scope="col">{t('cases.consent.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {props.current.map((entry) => (
              <tr key={entry.id}>
                <th scope="row">
                  {t(purposeKey(entry.purpose))}
                  {entry.recipientOrganisationName ? (
                    <span className="cell-note">{entry.recipientOrganisationName}</span>
                  ) : null}
                </th>
                <td>
                  {t(decisionKey(entry.decision))}
                  <span className="cell-note">
                    {entry.inForce ? t('cases.consent.inForce') : t('cases.consent.notInForce')}
                  </span>
                </td>
                <td>{t(giverKey(entry.givenBy))}</td>
                <td>
                  {entry.recordedBy ?? t('cases.someone')}
                  <span className="cell-note">
                    <time dateTime={entry.recordedAt}>{formatDateTime(entry.recordedAt)}</time>
                  </span>
                </td>
                <td>
                  {entry.expiresAt ? (
                    <time dateTime={entry.expiresAt}>{formatDateTime(entry.expiresAt)}</time>
                  ) : (
                    t('cases.consent.noExpiry')
                  )}
                </td>
                {props.canWithdraw ? (
                  <td>
                    {entry.inForce ? (
                      <button
                        type="button"
                        className="button button-danger button-small"
                        disabled={submission.pending}
                        onClick={() => withdraw(entry)}
                      >
                        {t('cases.consent.withdraw', {
                          purpose: t(purposeKey(entry.purpose)),
                        })}
                      </button>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

function RecordConsentForm(props: { caseId: string; onRecorded: () => void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const submission = useSubmission();
  const organisations = useOrganisations();
  const [purpose, setPurpose] = useState('');
  const [recipient, setRecipient] = useState('');
  const [decision, setDecision] = useState<string>('given');
  const [givenBy, setGivenBy] = useState<string>('person');
  const [expiry, setExpiry] = useState('');
  const headingId = useId();
  const isSharing = purpose === 'share_with_organisation';
  const submit = () => {
    const issues = new Map<string, FieldIssue[]>();
    if (!purpose) issues.set('purpose', [{ code: 'choose' }]);
    if (isSharing && !recipient) issues.set('recipientOrganisationId', [{ code: 'choose' }]);
    return submission
      .runChecked(issues, () =>
        api.send('POST', casePath(props.caseId, '/consents'), {
          purpose,
          recipientOrganisationId: isSharing ? recipient : null,
          decision,
          givenBy,
          // The end of the chosen day, in the reader's time zone.
          expiresAt: expiry ? new Date(`${expiry}T23:59:59`).toISOString() : null,
        }),
      )
      .then((ok) => {
        if (!ok) return;
        setPurpose('');
        setRecipient('');
        setExpiry('');
        props.onRecorded();
      });
  };
  const errors = submission.fieldErrors;
  return (
    <form
      ref={submission.formRef}
      className="form subsection"
      aria-labelledby={headingId}
      noValidate
      onSubmit={onSubmit(submit)}
    >
      <h3 id={headingId}>{t('cases.consent.recordHeading')}</h3>
      <FormAlert problem={submission.problem} />
      <Field label={t('cases.consent.purpose')} serverErrors={errors.get('purpose')}>
        {(control) => (
          <select {...control} value={purpose} onChange={(event) => setPurpose(event.target.value)}>
            <option value="">{t('form.choose')}</option>
            {CONSENT_PURPOSES.map((each) => (
              <option key={each} value={each}>
                {t(purposeKey(each))}
              </option>
            ))}
          </select>
        )}
      </Field>
      {isSharing ? (
        <Field label={t('cases.consent.recipient')} serverErrors={errors.get('recipientOrganisationId')}>
          {(control) => (
            <select {...control} value={recipient} onChange={(event) => setRecipient(event.target.value)}>
              <option value="">{t('form.choose')}</option>
              {organisations.status === 'ready'
                ? organisations.data.data.map((organisation) => (
                    <option key={organisation.id} value={organisation.id}>
                      {organisation.name}
                    </option>
                  ))
                : null}
            </select>
          )}
        </Field>
      ) : null}
      <Field label={t('cases.consent.decision')} serverErrors={errors.get('decision')}>
        {(control) => (
          <select {...control} value={decision} onChange={(event) => setDecision(event.target.value)}>
            {DECISIONS.map((each) => (
              <option key={each} value={each}>
                {t(decisionKey(each))}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('cases.consent.givenBy')} serverErrors={errors.get('givenBy')}>
        {(control) => (
          <select {...control} value={givenBy} onChange={(event) => setGivenBy(event.target.value)}>
            {GIVERS.map((each) => (
              <option key={each} value={each}>
                {t(giverKey(each))}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={t('cases.consent.expiry')}
        hint={t('cases.consent.expiryHint')}
        serverErrors={errors.get('expiresAt')}
      >
        {(control) => (
          <input
            {...control}
            type="date"
            value={expiry}
            onChange={(event) => setExpiry(event.target.value)}
          />
        )}
      </Field>
      <div className="button-row">
        <button type="submit" className="button" disabled={submission.pending}>
          {submission.pending ? t('form.sending') : t('cases.consent.submit')}
        </button>
      </div>
    </form>
  );
}

function ConsentHistory(props: { history: ConsentsResponse['data']['history'] }) {
  const { t, formatDateTime } = useI18n();
  if (props.history.length === 0) return null;
  return (
    <details className="disclosure subsection">
      <summary>{t('cases.consent.historyHeading', { count: props.history.length })}</summary>
      <ul>
        {props.history.map((entry) => (
          <li key={entry.id}>
            {t('cases.consent.historyEntry', {
              who: entry.recordedBy ?? t('cases.someone'),
              when: formatDateTime(entry.recordedAt),
              decision: t(decisionKey(entry.decision)),
              purpose: t(purposeKey(entry.purpose)),
            })}
            {entry.recipientOrganisationName ? ` — ${entry.recipientOrganisationName}` : ''}
          </li>
        ))}
      </ul>
    </details>
  );
}
