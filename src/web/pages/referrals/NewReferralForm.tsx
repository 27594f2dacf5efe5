// Refers the case to another organisation for a service, found in the service directory. Without the person's consent to share with that
// organisation the API refuses and says why; a case manager of the case's organisation may then refer
// anyway, giving a reason that is audited and shown on the referral.
import { useState } from 'react';
import type { CaseView } from '../../../cases/schemas.js';
import { useApiResource } from '../../api/useApiResource.js';
import type { FieldIssue } from '../../components/field-messages.js';
import { Field, FormAlert, onSubmit, SuccessNote, useSubmission } from '../../components/forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useSession } from '../../session/SessionProvider.js';
import { type DirectoryService, RecipientPicker, recipientOf } from './RecipientPicker.js';
import { type NewReferral, referralPaths, SERVICES, STAGES } from './referral-api.js';

const MIN_REASON = 10;
const EMPTY = {
  recipient: null as DirectoryService | null,
  service: '',
  dueOn: '',
  note: '',
  crossBorder: false,
  stage: '',
  override: '',
};

export function NewReferralForm(props: { caseId: string; onCreated: () => void }) {
  const { t } = useI18n();
  const session = useSession();
  const submission = useSubmission();
  const theCase = useApiResource<{ data: CaseView }>(referralPaths.case(props.caseId));
  const [form, setForm] = useState(EMPTY);
  const [needsConsent, setNeedsConsent] = useState(false);
  const [created, setCreated] = useState(false);
  const holder = theCase.status === 'ready' ? theCase.data.data.organisationId : null;
  const mayOverride =
    holder !== null &&
    (session.me?.memberships.some((m) => m.role === 'case_manager' && m.organisationId === holder) ?? false);
  const set = (change: Partial<typeof EMPTY>) => setForm((current) => ({ ...current, ...change }));

  const submit = () => {
    const issues = new Map<string, FieldIssue[]>();
    if (!form.recipient) issues.set('toOrganisationId', [{ code: 'choose' }]);
    if (!form.service) issues.set('service', [{ code: 'choose' }]);
    const overriding = needsConsent && mayOverride && form.override.trim() !== '';
    if (needsConsent && mayOverride && form.override.trim().length < MIN_REASON)
      issues.set('reason', [{ code: 'too_small', minimum: MIN_REASON, origin: 'string' }]);
    const body = {
      toOrganisationId: form.recipient ? recipientOf(form.recipient) : '',
      service: form.service as NewReferral['service'],
      dueOn: form.dueOn || null,
      note: form.note.trim() || null,
      crossBorder: form.crossBorder,
      stage: form.crossBorder && form.stage ? (form.stage as NewReferral['stage']) : null,
      ...(overriding ? { consentOverride: { reason: form.override.trim() } } : {}),
    };
    setCreated(false);
    submission
      .runChecked(issues, () => session.api.send('POST', referralPaths.ofCase(props.caseId), body))
      .then((ok) => {
        if (ok) {
          setForm(EMPTY);
          setNeedsConsent(false);
          setCreated(true);
          props.onCreated();
        }
      });
  };
  const refusedForConsent = submission.problem?.code === 'consent_required';
  if (refusedForConsent && !needsConsent) setNeedsConsent(true);
  /** A service chosen in the directory: its kind becomes the service asked for, unless one was chosen. */
  const chooseRecipient = (recipient: DirectoryService) =>
    setForm((current) => ({
      ...current,
      recipient,
      service: current.service || (SERVICES.find((each) => each === recipient.category) ?? ''),
    }));

  return (
    <form className="form new-referral" ref={submission.formRef} onSubmit={onSubmit(submit)} noValidate>
      <h3>{t('referrals.newHeading')}</h3>
      {created ? <SuccessNote>{t('referrals.created')}</SuccessNote> : null}
      {refusedForConsent ? (
        <div className="status status-warning" role="alert">
          <p className="status-title">{t('referrals.consentMissingTitle')}</p>
          <p>{mayOverride ? t('referrals.consentMissingManager') : t('referrals.consentMissingWorker')}</p>
        </div>
      ) : (
        <FormAlert problem={submission.problem} />
      )}
      <RecipientPicker
        holderId={holder}
        chosen={form.recipient}
        onChoose={chooseRecipient}
        errors={submission.fieldErrors.get('toOrganisationId') ?? []}
      />
      <Field
        label={t('referrals.colService')}
        hint={t('referrals.serviceHint')}
        serverErrors={submission.fieldErrors.get('service')}
      >
        {(control) => (
          <select {...control} value={form.service} onChange={(e) => set({ service: e.target.value })}>
            <option value="">{t('form.choose')}</option>
            {SERVICES.map((service) => (
              <option key={service} value={service}>
                {t(`referrals.service.${service}` as const)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={t('referrals.colDue')}
        hint={t('form.optional')}
        serverErrors={submission.fieldErrors.get('dueOn')}
      >
        {(control) => (
          <input
            {...control}
            type="date"
            value={form.dueOn}
            onChange={(e) => set({ dueOn: e.target.value })}
          />
        )}
      </Field>
      <Field
        label={t('referrals.purpose')}
        hint={t('referrals.purposeHint')}
        serverErrors={submission.fieldErrors.get('note')}
      >
        {(control) => (
          <textarea {...control} rows={3} value={form.note} onChange={(e) => set({ note: e.target.value })} />
        )}
      </Field>
      <label className="check">
        <input
          type="checkbox"
          checked={form.crossBorder}
          onChange={(e) => set({ crossBorder: e.target.checked })}
        />
        {t('referrals.crossBorderLabel')}
      </label>
      {form.crossBorder ? (
        <Field label={t('referrals.stageLabel')} serverErrors={submission.fieldErrors.get('stage')}>
          {(control) => (
            <select {...control} value={form.stage} onChange={(e) => set({ stage: e.target.value })}>
              <option value="">{t('form.choose')}</option>
              {STAGES.map((stage) => (
                <option key={stage} value={stage}>
                  {t(`referrals.stage.${stage}` as const)}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      {needsConsent && mayOverride ? (
        <Field
          label={t('referrals.overrideReason')}
          hint={t('referrals.overrideHint')}
          serverErrors={submission.fieldErrors.get('reason') ?? submission.fieldErrors.get('consentOverride')}
        >
          {(control) => (
            <textarea
              {...control}
              rows={3}
              value={form.override}
              onChange={(e) => set({ override: e.target.value })}
            />
          )}
        </Field>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button" disabled={submission.pending}>
          {needsConsent && mayOverride ? t('referrals.referWithoutConsent') : t('referrals.refer')}
        </button>
      </div>
    </form>
  );
}
