// The form to record a service delivered on a case, or to correct an earlier record: the correction is a
// new record naming the one it supersedes and why, and the server refuses text that names the person.
import { useEffect, useId, useRef, useState } from 'react';
import { SERVICES } from '../../../cases/referral-rules.js';
import { casePath } from '../../api/cases.js';
import type { ServiceRecord } from '../../api/follow-up.js';
import { useOrganisationChoices } from '../../api/partners.js';
import type { FieldIssue } from '../../components/field-messages.js';
import {
  ChoiceSelect,
  Field,
  FormAlert,
  SubmissionForm,
  SubmitRow,
  useSubmission,
} from '../../components/forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useSession } from '../../session/SessionProvider.js';
import { calendarDay, localToday, serviceCategoryKey } from './follow-up-labels.js';

export function ServiceForm(props: {
  caseId: string;
  /** The record to correct; null to record a new service. */
  correcting: ServiceRecord | null;
  onCancel: () => void;
  onRecorded: () => void;
}) {
  const { t, formatDate } = useI18n();
  const { api } = useSession();
  const submission = useSubmission();
  const organisations = useOrganisationChoices();
  const { correcting } = props;
  const [category, setCategory] = useState<string>(correcting?.category ?? '');
  const [organisation, setOrganisation] = useState(correcting?.providerOrganisationId ?? '');
  const [providerName, setProviderName] = useState(correcting?.providerName ?? '');
  const [deliveredOn, setDeliveredOn] = useState(correcting?.deliveredOn ?? localToday());
  const [notes, setNotes] = useState(correcting?.notes ?? '');
  const [reason, setReason] = useState('');
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement | null>(null);
  // Chosen from a row of the table: take the reader to the form they asked for.
  useEffect(() => {
    if (correcting) heading.current?.focus();
  }, [correcting]);

  const submit = () => {
    const issues = new Map<string, FieldIssue[]>();
    if (!category) issues.set('category', [{ code: 'choose' }]);
    if (!deliveredOn) issues.set('deliveredOn', [{ code: 'required' }]);
    if (correcting && !reason.trim()) issues.set('correctionReason', [{ code: 'required' }]);
    return submission
      .runChecked(issues, () =>
        api.send('POST', casePath(props.caseId, '/services'), {
          category,
          providerOrganisationId: organisation || null,
          providerName: organisation ? null : providerName.trim() || null,
          deliveredOn,
          notes: notes.trim() || null,
          supersedes: correcting?.id ?? null,
          correctionReason: correcting ? reason.trim() : null,
        }),
      )
      .then((ok) => {
        if (!ok) return;
        setCategory('');
        setOrganisation('');
        setProviderName('');
        setNotes('');
        setReason('');
        props.onRecorded();
      });
  };
  const errors = submission.fieldErrors;
  const correctedService = correcting ? t(serviceCategoryKey(correcting.category)) : '';
  return (
    <SubmissionForm
      submission={submission}
      onSubmit={submit}
      labelledBy={headingId}
      className="form subsection"
    >
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        {correcting
          ? t('followUp.services.correctHeading', {
              service: correctedService,
              date: formatDate(calendarDay(correcting.deliveredOn)),
            })
          : t('followUp.services.recordHeading')}
      </h3>
      {correcting ? <p>{t('followUp.services.correctIntro')}</p> : null}
      <FormAlert problem={submission.problem} />
      <Field label={t('followUp.services.category')} serverErrors={errors.get('category')}>
        {(control) => (
          <ChoiceSelect
            control={control}
            value={category}
            onChange={setCategory}
            choices={SERVICES.map((each) => ({ value: each, label: t(serviceCategoryKey(each)) }))}
            empty={t('form.choose')}
          />
        )}
      </Field>
      <Field
        label={t('followUp.services.providerOrganisation')}
        hint={t('followUp.services.providerOrganisationHint')}
        serverErrors={errors.get('providerOrganisationId')}
      >
        {(control) => (
          <ChoiceSelect
            control={control}
            value={organisation}
            onChange={setOrganisation}
            choices={organisations}
            empty={t('followUp.services.noOrganisation')}
          />
        )}
      </Field>
      {organisation ? null : (
        <Field
          label={t('followUp.services.providerName')}
          hint={t('followUp.services.providerNameHint')}
          serverErrors={errors.get('providerName')}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              maxLength={200}
              value={providerName}
              onChange={(event) => setProviderName(event.target.value)}
            />
          )}
        </Field>
      )}
      <Field label={t('followUp.services.deliveredOn')} serverErrors={errors.get('deliveredOn')}>
        {(control) => (
          <input
            {...control}
            type="date"
            value={deliveredOn}
            onChange={(event) => setDeliveredOn(event.target.value)}
          />
        )}
      </Field>
      <Field
        label={t('followUp.services.notes')}
        hint={t('followUp.services.notesHint')}
        serverErrors={errors.get('notes')}
      >
        {(control) => (
          <textarea
            {...control}
            rows={3}
            maxLength={2000}
            value={notes}
            onChange={(event) => setNotes(event.target.value)}
          />
        )}
      </Field>
      {correcting ? (
        <Field label={t('followUp.services.correctionReason')} serverErrors={errors.get('correctionReason')}>
          {(control) => (
            <textarea
              {...control}
              rows={2}
              maxLength={500}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          )}
        </Field>
      ) : null}
      <SubmitRow
        pending={submission.pending}
        label={t(correcting ? 'followUp.services.submitCorrection' : 'followUp.services.submit')}
      >
        {correcting ? (
          <button type="button" className="button button-secondary" onClick={props.onCancel}>
            {t('dialog.cancel')}
          </button>
        ) : null}
      </SubmitRow>
    </SubmissionForm>
  );
}
