// Closing the case with a reason (which decides Closed or Closed, referred) and reopening it with a reason.
// Offered only to those the API lets write the case; the case is read again afterwards.
import { useId, useState } from 'react';
import { CLOSURE_STATUS, REOPENING_REASONS } from '../../../cases/follow-up/schemas.js';
import { type CaseView, casePath } from '../../api/cases.js';
import type { FieldIssue } from '../../components/field-messages.js';
import { Field, FormAlert, onSubmit, SuccessNote, useSubmission } from '../../components/forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { useSession } from '../../session/SessionProvider.js';
import { statusKey } from './case-labels.js';
import { closureReasonKey, reopeningReasonKey } from './follow-up-labels.js';

const CLOSURE_REASONS = Object.keys(CLOSURE_STATUS);
const REOPENED_STATUSES = ['Active', 'FollowUp'] as const;

export function CaseStatusSection(props: { theCase: CaseView; reloadCase: () => void }) {
  const { t } = useI18n();
  const [saved, setSaved] = useState<MessageKey | null>(null);
  const isClosed = props.theCase.status === 'Closed' || props.theCase.status === 'ClosedReferred';
  const changed = (message: MessageKey) => {
    setSaved(message);
    props.reloadCase();
  };
  return (
    <section className="subsection" aria-labelledby="case-status-heading">
      <h3 id="case-status-heading">{t('followUp.status.heading')}</h3>
      {saved ? <SuccessNote>{t(saved)}</SuccessNote> : null}
      {isClosed ? (
        <>
          <p>{t('followUp.status.closedNow', { status: t(statusKey(props.theCase.status)) })}</p>
          <StatusForm
            key={`reopen-${props.theCase.version}`}
            theCase={props.theCase}
            kind="reopen"
            onDone={() => changed('followUp.reopen.done')}
          />
        </>
      ) : (
        <StatusForm
          key={`close-${props.theCase.version}`}
          theCase={props.theCase}
          kind="close"
          onDone={() => changed('followUp.close.done')}
        />
      )}
    </section>
  );
}

function StatusForm(props: { theCase: CaseView; kind: 'close' | 'reopen'; onDone: () => void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const submission = useSubmission();
  const [reason, setReason] = useState('');
  const [status, setStatus] = useState<string>('Active');
  const [note, setNote] = useState('');
  const headingId = useId();
  const closing = props.kind === 'close';
  const submit = () => {
    const issues = new Map<string, FieldIssue[]>();
    if (!reason) issues.set('reason', [{ code: 'choose' }]);
    const body = {
      version: props.theCase.version,
      reason,
      note: note.trim() || null,
      ...(closing ? {} : { status }),
    };
    return submission
      .runChecked(issues, () =>
        api.send('POST', casePath(props.theCase.id, closing ? '/closure' : '/reopening'), body),
      )
      .then((ok) => ok && props.onDone());
  };
  const errors = submission.fieldErrors;
  return (
    <form
      ref={submission.formRef}
      className="form"
      aria-labelledby={headingId}
      noValidate
      onSubmit={onSubmit(submit)}
    >
      <h4 id={headingId}>{t(closing ? 'followUp.close.heading' : 'followUp.reopen.heading')}</h4>
      <FormAlert problem={submission.problem} />
      <Field
        label={t(closing ? 'followUp.close.reason' : 'followUp.reopen.reason')}
        serverErrors={errors.get('reason')}
      >
        {(control) => (
          <select {...control} value={reason} onChange={(event) => setReason(event.target.value)}>
            <option value="">{t('form.choose')}</option>
            {(closing ? CLOSURE_REASONS : REOPENING_REASONS).map((each) => (
              <option key={each} value={each}>
                {t(closing ? closureReasonKey(each) : reopeningReasonKey(each))}
              </option>
            ))}
          </select>
        )}
      </Field>
      {closing ? null : (
        <Field label={t('followUp.reopen.status')} serverErrors={errors.get('status')}>
          {(control) => (
            <select {...control} value={status} onChange={(event) => setStatus(event.target.value)}>
              {REOPENED_STATUSES.map((each) => (
                <option key={each} value={each}>
                  {t(statusKey(each))}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field
        label={t('followUp.status.note')}
        hint={t('followUp.status.noteHint')}
        serverErrors={errors.get('note')}
      >
        {(control) => (
          <textarea
            {...control}
            rows={2}
            maxLength={1000}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        )}
      </Field>
      <div className="button-row">
        <button
          type="submit"
          className={closing ? 'button button-danger' : 'button'}
          disabled={submission.pending}
        >
          {submission.pending
            ? t('form.sending')
            : t(closing ? 'followUp.close.submit' : 'followUp.reopen.submit')}
        </button>
      </div>
    </form>
  );
}
