// The TOTP second factor (RFC 6238): set up with a QR code or a key typed by hand, confirmed with a
// code; turned off with the password and a current code.
import { useState } from 'react';
import { paths, type TotpSetup } from '../../api/access.js';
import { Field, FormAlert, onSubmit, SuccessNote, useSubmission } from '../../components/forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useSession } from '../../session/SessionProvider.js';
import { CurrentPasswordField } from './CurrentPasswordField.js';

const CODE_PATTERN = /^\s*\d{3}\s?\d{3}\s*$/;

/** "JBSW Y3DP EHPK 3PXP": groups of four are easier to read out and type. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

function CodeInput(props: { control: object; value: string; onChange: (value: string) => void }) {
  return (
    <input
      {...props.control}
      className="input-code"
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={7}
      dir="ltr"
      value={props.value}
      onChange={(event) => props.onChange(event.target.value)}
    />
  );
}

export function SecondFactorSection(props: { headingId: string; sectionId: string }) {
  const { t } = useI18n();
  const { me } = useSession();
  const [message, setMessage] = useState<'enabled' | 'disabled' | null>(null);
  if (!me) return null;
  const { enabled, required, verified } = me.secondFactor;
  return (
    <section id={props.sectionId} aria-labelledby={props.headingId}>
      <h2 id={props.headingId} tabIndex={-1}>
        {t('totp.heading')}
      </h2>
      <p>{t('totp.intro')}</p>
      {message === 'enabled' ? <SuccessNote>{t('totp.enabledNow')}</SuccessNote> : null}
      {message === 'disabled' ? <SuccessNote>{t('totp.disabledNow')}</SuccessNote> : null}
      <p className={`state ${enabled ? 'state-on' : 'state-off'}`}>
        <strong>{enabled ? t('totp.stateOn') : t('totp.stateOff')}</strong>{' '}
        {enabled ? (verified ? t('totp.verified') : t('totp.notVerified')) : null}
      </p>
      {required ? <p className="note">{t('totp.requiredNote')}</p> : null}
      {enabled ? (
        <DisableForm required={required} onDone={() => setMessage('disabled')} />
      ) : (
        <SetupFlow onDone={() => setMessage('enabled')} />
      )}
    </section>
  );
}

function SetupFlow(props: { onDone: () => void }) {
  const { t } = useI18n();
  const { api, refresh } = useSession();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState(false);
  const [currentPassword, setCurrentPassword] = useState('');
  const [isPasswordMissing, setPasswordMissing] = useState(false);
  const start = useSubmission();
  const confirm = useSubmission();

  const begin = async () => {
    setPasswordMissing(!currentPassword);
    if (!currentPassword) {
      start.markInvalid();
      return;
    }
    await start.run(async () => {
      const answer = await api.send<{ data: TotpSetup }>('POST', paths.totpSetup, { currentPassword });
      setCurrentPassword('');
      setSetup(answer.data);
    });
  };

  const finish = async () => {
    const invalid = !CODE_PATTERN.test(code);
    setCodeError(invalid);
    if (invalid) {
      confirm.markInvalid();
      return;
    }
    const ok = await confirm.run(() => api.send('POST', paths.totpEnable, { code }));
    if (!ok) return;
    await refresh();
    props.onDone();
  };

  if (!setup) {
    return (
      <form className="form narrow" ref={start.formRef} noValidate onSubmit={onSubmit(begin)}>
        <FormAlert problem={start.problem} />
        <CurrentPasswordField
          value={currentPassword}
          onChange={setCurrentPassword}
          isMissing={isPasswordMissing}
          serverErrors={start.fieldErrors.get('currentPassword')}
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={start.pending}>
            {t('totp.start')}
          </button>
        </div>
      </form>
    );
  }
  const qrSource = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(setup.qrSvg)}`;
  return (
    <div className="totp-setup">
      <ol className="steps">
        <li>
          <p>{t('totp.stepScan')}</p>
          <img className="qr" src={qrSource} width={192} height={192} alt={t('totp.qrAlt')} />
        </li>
        <li>
          <p>{t('totp.stepManual')}</p>
          <p>
            <code className="totp-secret" dir="ltr" translate="no">
              {groupSecret(setup.secret)}
            </code>
          </p>
        </li>
        <li>
          <form className="form narrow" ref={confirm.formRef} noValidate onSubmit={onSubmit(finish)}>
            <FormAlert problem={confirm.problem} />
            <Field
              label={t('totp.code')}
              hint={t('signIn.codeHint')}
              errors={codeError ? [t('signIn.codeInvalid')] : []}
              serverErrors={confirm.fieldErrors.get('code')}
            >
              {(control) => <CodeInput control={control} value={code} onChange={setCode} />}
            </Field>
            <div className="button-row">
              <button type="submit" className="button" disabled={confirm.pending}>
                {t('totp.confirm')}
              </button>
            </div>
          </form>
        </li>
      </ol>
    </div>
  );
}

function DisableForm(props: { required: boolean; onDone: () => void }) {
  const { t } = useI18n();
  const { api, refresh } = useSession();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<{ password?: string; code?: string }>({});
  const submission = useSubmission();

  const submit = async () => {
    const found = {
      ...(password ? {} : { password: t('password.currentMissing') }),
      ...(CODE_PATTERN.test(code) ? {} : { code: t('signIn.codeInvalid') }),
    };
    setErrors(found);
    if (found.password || found.code) {
      submission.markInvalid();
      return;
    }
    const ok = await submission.run(() => api.send('POST', paths.totpDisable, { password, code }));
    if (!ok) return;
    await refresh();
    props.onDone();
  };

  return (
    <form className="form narrow" ref={submission.formRef} noValidate onSubmit={onSubmit(submit)}>
      <h3>{t('totp.disableHeading')}</h3>
      {props.required ? <p className="status status-warning">{t('totp.disableWarning')}</p> : null}
      <FormAlert problem={submission.problem} />
      <Field
        label={t('password.current')}
        errors={errors.password ? [errors.password] : []}
        serverErrors={submission.fieldErrors.get('password')}
      >
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        )}
      </Field>
      <Field
        label={t('totp.code')}
        hint={t('signIn.codeHint')}
        errors={errors.code ? [errors.code] : []}
        serverErrors={submission.fieldErrors.get('code')}
      >
        {(control) => <CodeInput control={control} value={code} onChange={setCode} />}
      </Field>
      <div className="button-row">
        <button type="submit" className="button button-danger" disabled={submission.pending}>
          {t('totp.disable')}
        </button>
      </div>
    </form>
  );
}
