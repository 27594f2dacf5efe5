// Sign-in: email and password, then the six-digit code when the account has a second factor. The
// messages never reveal whether an email address has an account.
import { useEffect, useRef, useState } from 'react';
import { ProblemError } from '../../api/client.js';
import { Field, FormAlert, onSubmit, useSubmission } from '../../components/forms.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link, navigate, useLocation } from '../../router.js';
import { useSession } from '../../session/SessionProvider.js';

const CODE_PATTERN = /^\s*\d{3}\s?\d{3}\s*$/;

/** Where to go after signing in: a path inside the app from ?next=, never another site. */
export function safeNext(search: string): string {
  const next = new URLSearchParams(search).get('next');
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

export function SignInPage() {
  const { t } = useI18n();
  const session = useSession();
  const { search } = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [step, setStep] = useState<'password' | 'code'>('password');
  const [missing, setMissing] = useState<Set<string>>(new Set());
  const submission = useSubmission();
  const codeRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (step === 'code') codeRef.current?.focus();
  }, [step]);

  if (session.me) {
    return (
      <article className="sign-in">
        <PageHeading>{t('signIn.title')}</PageHeading>
        <p>{t('signIn.already', { name: session.me.displayName })}</p>
        <p>
          <Link to="/profile">{t('userMenu.profile')}</Link>
        </p>
      </article>
    );
  }

  const submit = async () => {
    const empty = new Set<string>();
    if (!email.trim()) empty.add('email');
    if (!password) empty.add('password');
    if (step === 'code' && !CODE_PATTERN.test(code)) empty.add('code');
    setMissing(empty);
    if (empty.size > 0) {
      submission.markInvalid();
      return;
    }
    let needsCode = false;
    const ok = await submission.run(async () => {
      try {
        await session.signIn({ email: email.trim(), password, ...(step === 'code' ? { code } : {}) });
      } catch (error) {
        // The account has a second factor: ask for the code, then send all three again.
        if (error instanceof ProblemError && error.problem.code === 'totp_required') {
          needsCode = true;
          return;
        }
        throw error;
      }
    });
    if (needsCode) {
      setStep('code');
      return;
    }
    if (ok) navigate(safeNext(search));
  };

  return (
    <article className="sign-in">
      <PageHeading>{t('signIn.title')}</PageHeading>
      {session.notice === 'signed_out' ? (
        <p className="status status-success" role="status">
          {t('signIn.signedOut')}
        </p>
      ) : null}
      {session.notice === 'session_expired' ? (
        <p className="status status-warning" role="status">
          {t('signIn.expired')}
        </p>
      ) : null}
      <p className="lede">{step === 'password' ? t('signIn.intro') : t('signIn.codeIntro')}</p>
      <form className="form narrow" ref={submission.formRef} noValidate onSubmit={onSubmit(submit)}>
        <FormAlert problem={submission.problem} heading={t('signIn.failed')} />
        {step === 'password' ? (
          <>
            <Field label={t('signIn.email')} errors={missing.has('email') ? [t('signIn.emailMissing')] : []}>
              {(control) => (
                <input
                  {...control}
                  type="email"
                  autoComplete="username"
                  dir="ltr"
                  value={email}
                  onChange={(event) => setEmail(event.target.value)}
                />
              )}
            </Field>
            <Field
              label={t('signIn.password')}
              errors={missing.has('password') ? [t('signIn.passwordMissing')] : []}
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
          </>
        ) : (
          <Field
            label={t('signIn.code')}
            hint={t('signIn.codeHint')}
            errors={missing.has('code') ? [t('signIn.codeInvalid')] : []}
          >
            {(control) => (
              <input
                {...control}
                ref={codeRef}
                className="input-code"
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9 ]*"
                maxLength={7}
                dir="ltr"
                value={code}
                onChange={(event) => setCode(event.target.value)}
              />
            )}
          </Field>
        )}
        <div className="button-row">
          <button type="submit" className="button" disabled={submission.pending}>
            {submission.pending
              ? t('form.sending')
              : step === 'password'
                ? t('signIn.submit')
                : t('signIn.verify')}
          </button>
          {step === 'code' ? (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setStep('password');
                setCode('');
                setPassword('');
                submission.reset();
              }}
            >
              {t('signIn.startOver')}
            </button>
          ) : null}
        </div>
      </form>
      <p className="note">{t('signIn.help')}</p>
    </article>
  );
}
