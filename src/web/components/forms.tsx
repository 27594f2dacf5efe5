// Form building blocks: a labelled field with its hint and errors linked by aria-describedby, the
// alert that explains a refused request, and a submit helper that keeps the request's state.
import { type FormEvent, type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import type { FieldError, Problem } from '../../platform/errors.js';
import { asProblem } from '../api/client.js';
import { fieldErrorMessageKey, fieldErrorsOf, isDetailUseful, problemMessageKey } from '../api/problems.js';
import { useI18n } from '../i18n/I18nProvider.js';

export type ControlProps = {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
};

/** One server field error: the translated kind of problem, then the server's own words (in English). */
export function FieldErrorText(props: { error: FieldError }) {
  const { t } = useI18n();
  const { error } = props;
  const showServerWords = error.code !== 'invalid';
  return (
    <>
      {t(fieldErrorMessageKey(error.code))}
      {showServerWords ? (
        <>
          {' '}
          <span lang="en" dir="ltr">
            {error.message}
          </span>
        </>
      ) : null}
    </>
  );
}

/**
 * A label, the control (rendered by `children` with the ids it needs), a hint and the errors.
 * `errors` are already-written messages (client-side checks); `serverErrors` come from the API.
 */
export function Field(props: {
  label: ReactNode;
  hint?: ReactNode;
  errors?: readonly ReactNode[];
  serverErrors?: readonly FieldError[] | undefined;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const clientErrors = (props.errors ?? []).filter(Boolean);
  const serverErrors = props.serverErrors ?? [];
  const hasErrors = clientErrors.length + serverErrors.length > 0;
  const describedBy = [props.hint ? hintId : null, hasErrors ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={['field', hasErrors ? 'has-error' : '', props.className ?? ''].join(' ').trim()}>
      <label htmlFor={id}>{props.label}</label>
      {props.hint ? (
        <p className="field-hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
      {hasErrors ? (
        <p className="field-error" id={errorId}>
          {clientErrors.map((error, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: messages have no identity of their own
            <span key={i}>{error} </span>
          ))}
          {serverErrors.map((error) => (
            <span key={`${error.path}-${error.code}`}>
              <FieldErrorText error={error} />{' '}
            </span>
          ))}
        </p>
      ) : null}
      {props.children({
        id,
        'aria-describedby': describedBy || undefined,
        'aria-invalid': hasErrors ? true : undefined,
      })}
    </div>
  );
}

/** A problem in one line: the translated explanation, then the server's detail when it says more. */
export function ProblemText(props: { problem: Problem }) {
  const { t } = useI18n();
  const key = problemMessageKey(props.problem.code);
  return (
    <>
      {key ? t(key) : props.problem.title}
      {isDetailUseful(props.problem) ? (
        <>
          {' '}
          <span lang="en" dir="ltr">
            {props.problem.detail}
          </span>
        </>
      ) : null}
    </>
  );
}

/** Explains why a request was refused; field errors themselves are shown beside their fields. */
export function FormAlert(props: { problem: Problem | null; heading?: ReactNode }) {
  const { t } = useI18n();
  const { problem } = props;
  if (!problem) return null;
  const key = problemMessageKey(problem.code);
  const hasFieldErrors = (problem.errors?.length ?? 0) > 0;
  return (
    <div className="status status-error" role="alert">
      <p className="status-title">{props.heading ?? t('form.failed')}</p>
      <p>{key ? t(key) : problem.title}</p>
      {isDetailUseful(problem) && !hasFieldErrors ? (
        <p className="status-detail" lang="en" dir="ltr">
          {problem.detail}
        </p>
      ) : null}
      {hasFieldErrors ? <p>{t('form.checkFields')}</p> : null}
    </div>
  );
}

/** A polite confirmation that a change was saved. */
export function SuccessNote(props: { children: ReactNode }) {
  return (
    <p className="status status-success" role="status">
      {props.children}
    </p>
  );
}

export type Submission = {
  pending: boolean;
  problem: Problem | null;
  fieldErrors: Map<string, FieldError[]>;
  /** Runs the request; true when it succeeded. Errors become `problem`, shown by <FormAlert>. */
  run: (request: () => Promise<unknown>) => Promise<boolean>;
  reset: () => void;
  /** After a check in the page failed: focus moves to the first field marked invalid. */
  markInvalid: () => void;
  /** Attach to the <form>: after a refusal, focus moves to the first field marked invalid. */
  formRef: React.RefObject<HTMLFormElement | null>;
};

export function useSubmission(): Submission {
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [failures, setFailures] = useState(0);
  const formRef = useRef<HTMLFormElement | null>(null);

  useEffect(() => {
    if (failures === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [failures]);

  const run = useCallback(async (request: () => Promise<unknown>) => {
    setPending(true);
    setProblem(null);
    try {
      await request();
      return true;
    } catch (error) {
      setProblem(asProblem(error));
      setFailures((n) => n + 1);
      return false;
    } finally {
      setPending(false);
    }
  }, []);

  const reset = useCallback(() => setProblem(null), []);
  const markInvalid = useCallback(() => {
    setProblem(null);
    setFailures((n) => n + 1);
  }, []);
  return { pending, problem, fieldErrors: fieldErrorsOf(problem), run, reset, markInvalid, formRef };
}

/** Calls `handler` on submit without reloading the page. */
export function onSubmit(handler: () => void) {
  return (event: FormEvent) => {
    event.preventDefault();
    handler();
  };
}
