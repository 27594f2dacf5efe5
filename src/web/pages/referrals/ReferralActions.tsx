// The moves the reader's side may make on a referral now, as the API says (accept, decline with a reason,
// start, complete, close with a reason). A move that needs a reason opens a small form for it.
import { useState } from 'react';
import { Field, FormAlert, onSubmit, useSubmission } from '../../components/forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useSession } from '../../session/SessionProvider.js';
import { type ReferralDetailView, referralPaths } from './referral-api.js';

type Step = ReferralDetailView['nextSteps'][number];
const MIN_REASON = 10;

export function ReferralActions(props: { referral: ReferralDetailView; onChanged: () => void }) {
  const { t } = useI18n();
  const session = useSession();
  const { referral } = props;
  const submission = useSubmission();
  const [asking, setAsking] = useState<Step | null>(null);
  const [reason, setReason] = useState('');
  if (referral.nextSteps.length === 0 || !session.canWithSecondFactor('referrals.write')) return null;

  const move = (step: Step, why?: string) =>
    submission.run(async () => {
      await session.api.send('POST', referralPaths.status(referral.id), {
        status: step.status,
        version: referral.version,
        ...(why ? { reason: why } : {}),
      });
      setAsking(null);
      setReason('');
      props.onChanged();
    });
  const confirm = () => {
    if (!asking) return;
    const issues = new Map(
      reason.trim().length < MIN_REASON
        ? [
            [
              'reason',
              [
                {
                  path: 'body.reason',
                  code: 'too_small',
                  message: '',
                  minimum: MIN_REASON,
                  origin: 'string',
                },
              ],
            ],
          ]
        : [],
    );
    submission.runChecked(issues, async () => move(asking, reason.trim()));
  };

  return (
    <section aria-labelledby="actions-heading" className="referral-actions">
      <h2 id="actions-heading">{t('referrals.actions')}</h2>
      {asking ? (
        <form className="form" ref={submission.formRef} onSubmit={onSubmit(confirm)} noValidate>
          <FormAlert problem={submission.problem} />
          <Field
            label={t(`referrals.reasonFor.${asking.status}` as const)}
            hint={t('referrals.reasonHint')}
            serverErrors={submission.fieldErrors.get('reason')}
          >
            {(control) => (
              <textarea {...control} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
            )}
          </Field>
          <div className="button-row">
            <button type="submit" className="button" disabled={submission.pending}>
              {t(`referrals.move.${asking.status}` as const)}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setAsking(null)}>
              {t('dialog.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <FormAlert problem={submission.problem} />
          <div className="button-row">
            {referral.nextSteps.map((step) => (
              <button
                key={step.status}
                type="button"
                className={step.needsReason ? 'button button-secondary' : 'button'}
                disabled={submission.pending}
                onClick={() => (step.needsReason ? setAsking(step) : move(step))}
              >
                {t(`referrals.move.${step.status}` as const)}
              </button>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
