// Changing one's password: the rules (NIST SP 800-63B) are checked by the server, whose reason is shown.
import { useId, useState } from 'react';
import { paths } from '../../api/access.js';
import { Field, FormAlert, onSubmit, SuccessNote, useSubmission } from '../../components/forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useSession } from '../../session/SessionProvider.js';

export function PasswordSection(props: { onChanged: () => void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const headingId = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);
  const submission = useSubmission();

  const submit = async () => {
    setDone(false);
    const found: Record<string, string> = {};
    if (!current) found.current = t('password.currentMissing');
    if (!next) found.next = t('password.newMissing');
    else if (next !== repeat) found.repeat = t('password.mismatch');
    setErrors(found);
    if (Object.keys(found).length > 0) {
      submission.markInvalid();
      return;
    }
    const ok = await submission.run(() =>
      api.send('POST', paths.password, { currentPassword: current, newPassword: next }),
    );
    if (!ok) return;
    setCurrent('');
    setNext('');
    setRepeat('');
    setDone(true);
    props.onChanged();
  };

  const server = submission.fieldErrors;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('password.heading')}</h2>
      <form className="form narrow" ref={submission.formRef} noValidate onSubmit={onSubmit(submit)}>
        <FormAlert problem={submission.problem} />
        {done ? <SuccessNote>{t('password.changed')}</SuccessNote> : null}
        <Field
          label={t('password.current')}
          errors={errors.current ? [errors.current] : []}
          serverErrors={server.get('currentPassword')}
        >
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="current-password"
              value={current}
              onChange={(event) => setCurrent(event.target.value)}
            />
          )}
        </Field>
        <Field
          label={t('password.new')}
          hint={t('password.rules')}
          errors={errors.next ? [errors.next] : []}
          serverErrors={server.get('newPassword')}
        >
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="new-password"
              value={next}
              onChange={(event) => setNext(event.target.value)}
            />
          )}
        </Field>
        <Field label={t('password.repeat')} errors={errors.repeat ? [errors.repeat] : []}>
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="new-password"
              value={repeat}
              onChange={(event) => setRepeat(event.target.value)}
            />
          )}
        </Field>
        <div className="button-row">
          <button type="submit" className="button" disabled={submission.pending}>
            {submission.pending ? t('form.sending') : t('password.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
