// The person's consent per purpose (and, for sharing, per recipient): the decision in force with who
// recorded it and until when, a form to record a new decision, withdrawal in one step, and every decision.
import { useId, useState } from 'react';
import { CONSENT_PURPOSES } from '../../../cases/schemas.js';
import { type ConsentsResponse, casePath, useConsents } from '../../api/cases.js';
import { useOrganisationChoices } from '../../api/partners.js';
import type { FieldIssue } from '../../components/field-messages.js';
import {
  ChoiceSelect,
  Field,
  FormAlert,
  SubmissionForm,
  SubmitRow,
  SuccessNote,
  useSubmission,
} from '../../components/forms.js';
import { ResourceView } from '../../components/Status.js';
import { TableScroll } from '../../components/TableScroll.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
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
  const organisations = useOrganisationChoices();
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
  const choices = (codes: readonly string[], key: (code: string) => MessageKey) =>
    codes.map((code) => ({ value: code, label: t(key(code)) }));
  return (
    <SubmissionForm
      submission={submission}
      onSubmit={submit}
      labelledBy={headingId}
      className="form subsection"
    >
      <h3 id={headingId}>{t('cases.consent.recordHeading')}</h3>
      <FormAlert problem={submission.problem} />
      <Field label={t('cases.consent.purpose')} serverErrors={errors.get('purpose')}>
        {(control) => (
          <ChoiceSelect
            control={control}
            value={purpose}
            onChange={setPurpose}
            choices={choices(CONSENT_PURPOSES, purposeKey)}
            empty={t('form.choose')}
          />
        )}
      </Field>
      {isSharing ? (
        <Field label={t('cases.consent.recipient')} serverErrors={errors.get('recipientOrganisationId')}>
          {(control) => (
            <ChoiceSelect
              control={control}
              value={recipient}
              onChange={setRecipient}
              choices={organisations}
              empty={t('form.choose')}
            />
          )}
        </Field>
      ) : null}
      <Field label={t('cases.consent.decision')} serverErrors={errors.get('decision')}>
        {(control) => (
          <ChoiceSelect
            control={control}
            value={decision}
            onChange={setDecision}
            choices={choices(DECISIONS, decisionKey)}
          />
        )}
      </Field>
      <Field label={t('cases.consent.givenBy')} serverErrors={errors.get('givenBy')}>
        {(control) => (
          <ChoiceSelect
            control={control}
            value={givenBy}
            onChange={setGivenBy}
            choices={choices(GIVERS, giverKey)}
          />
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
      <SubmitRow pending={submission.pending} label={t('cases.consent.submit')} />
    </SubmissionForm>
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
