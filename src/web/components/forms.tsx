// Form building blocks: a labelled field with its hint and errors linked by aria-describedby, the
// summary of every error at the top of the form, and a submit helper that keeps the request's state.
import {
  type FormEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import type { Problem } from '../../platform/errors.js';
import { asProblem } from '../api/client.js';
import { fieldErrorsOf, isDetailUseful, problemMessageKey } from '../api/problems.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { type FieldIssue, fieldIssueSentence } from './field-messages.js';

export type ControlProps = {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
};

/** One field problem as a translated sentence naming the field by its label: never the server's words. */
export function FieldErrorText(props: { error: FieldIssue; label: string }) {
  const { t } = useI18n();
  return <>{fieldIssueSentence(t, props.error, props.label)}</>;
}

/** The text of a label, for sentences that name the field. */
const labelText = (label: ReactNode) => (typeof label === 'string' ? label : '');

/**
 * A label, the control (rendered by `children` with the ids it needs), a hint and the errors.
 * `errors` are already-written messages (client-side checks); `serverErrors` come from the API.
 */
export function Field(props: {
  label: ReactNode;
  hint?: ReactNode;
  errors?: readonly ReactNode[];
  serverErrors?: readonly FieldIssue[] | undefined;
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
    <div
      className={['field', hasErrors ? 'has-error' : '', props.className ?? ''].join(' ').trim()}
      data-label={labelText(props.label)}
      data-control={id}
    >
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
              <FieldErrorText error={error} label={labelText(props.label)} />{' '}
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

/**
 * Explains why a request was refused. When fields are marked, it lists every one of them at once, each
 * linking to its field: read from the form as shown, so checks in the page and the server's agree.
 */
export function FormAlert(props: { problem: Problem | null; heading?: ReactNode }) {
  const { t } = useI18n();
  const { problem } = props;
  const anchor = useRef<HTMLDivElement | null>(null);
  const marked = useMarkedFields(anchor);
  const hasFieldErrors = marked.length > 0 || (problem?.errors?.length ?? 0) > 0;
  return (
    <div ref={anchor} className="form-alert">
      {marked.length > 0 ? (
        <ErrorSummary fields={marked} />
      ) : problem ? (
        <div className="status status-error" role="alert">
          <p className="status-title">{props.heading ?? t('form.failed')}</p>
          <p>{problemMessageKey(problem.code) ? t(problemMessageKey(problem.code)!) : problem.title}</p>
          {isDetailUseful(problem) && !hasFieldErrors ? (
            <p className="status-detail" lang="en" dir="ltr">
              {problem.detail}
            </p>
          ) : null}
          {hasFieldErrors ? <p>{t('form.checkFields')}</p> : null}
        </div>
      ) : null}
    </div>
  );
}

type MarkedField = { controlId: string; label: string; message: string };

/** The fields of the enclosing form that show an error now, in the order of the page. */
function useMarkedFields(anchor: React.RefObject<HTMLElement | null>): MarkedField[] {
  const [marked, setMarked] = useState<MarkedField[]>([]);
  // After every render: errors appear and go as the form re-renders, and the summary follows them.
  useLayoutEffect(() => {
    const form = anchor.current?.closest('form');
    const found: MarkedField[] = [];
    for (const field of form?.querySelectorAll<HTMLElement>('.has-error') ?? []) {
      const message = field.querySelector('.field-error')?.textContent?.trim() ?? '';
      // A field names its control; a group of checkboxes or rows is itself the target.
      const controlId = field.dataset.control ?? field.id;
      if (message) found.push({ controlId, label: field.dataset.label ?? '', message });
    }
    setMarked((previous) => (JSON.stringify(previous) === JSON.stringify(found) ? previous : found));
  });
  return marked;
}

function ErrorSummary(props: { fields: MarkedField[] }) {
  const { t } = useI18n();
  const headingId = useId();
  const self = useRef<HTMLDivElement | null>(null);
  // It appears only after a refused submit: take focus then, so keyboard and screen-reader users start here.
  useEffect(() => self.current?.focus(), []);
  return (
    <div ref={self} className="error-summary" role="alert" aria-labelledby={headingId} tabIndex={-1}>
      <p className="status-title" id={headingId}>
        {t('form.summaryHeading')}
      </p>
      <p>{t('form.summaryIntro', { count: props.fields.length })}</p>
      <ul>
        {props.fields.map((field) => (
          <li key={`${field.controlId}-${field.message}`}>
            <a
              href={`#${field.controlId}`}
              onClick={(event) => {
                // Focus the control itself: a plain anchor jump would only scroll.
                event.preventDefault();
                document.getElementById(field.controlId)?.focus();
              }}
            >
              {field.message}
            </a>
          </li>
        ))}
      </ul>
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
  /** The server's field errors and the page's own checks, by field name. */
  fieldErrors: Map<string, FieldIssue[]>;
  /** Runs the request; true when it succeeded. Errors become `problem`, shown by <FormAlert>. */
  run: (request: () => Promise<unknown>) => Promise<boolean>;
  reset: () => void;
  /** After a check in the page failed: focus moves to the summary of errors. */
  markInvalid: () => void;
  /** Checks in the page, by field name: when any fails nothing is sent and all are shown at once. */
  runChecked: (
    issues: ReadonlyMap<string, FieldIssue[]>,
    request: () => Promise<unknown>,
  ) => Promise<boolean>;
  /** Attach to the <form>: after a refusal, focus moves to the first field marked invalid. */
  formRef: React.RefObject<HTMLFormElement | null>;
  /**
   * The problems of one field deep in the body, by its whole path (`body.person.names.0.value`): the
   * server's, and the page's own checks filed under the same path. For forms of lists and nested rows.
   */
  errorsAt: (path: string) => FieldIssue[];
};

export function useSubmission(): Submission {
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [failures, setFailures] = useState(0);
  const formRef = useRef<HTMLFormElement | null>(null);

  const [pageIssues, setPageIssues] = useState<ReadonlyMap<string, FieldIssue[]>>(new Map());

  useEffect(() => {
    if (failures === 0) return;
    const form = formRef.current;
    (
      form?.querySelector<HTMLElement>('.error-summary') ??
      form?.querySelector<HTMLElement>('[aria-invalid="true"]')
    )?.focus();
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

  const reset = useCallback(() => {
    setProblem(null);
    setPageIssues(new Map());
  }, []);
  const markInvalid = useCallback(() => {
    setProblem(null);
    setFailures((n) => n + 1);
  }, []);
  const runChecked = useCallback(
    async (issues: ReadonlyMap<string, FieldIssue[]>, request: () => Promise<unknown>) => {
      setPageIssues(issues);
      if (issues.size === 0) return run(request);
      markInvalid();
      return false;
    },
    [run, markInvalid],
  );
  const fieldErrors = new Map<string, FieldIssue[]>(fieldErrorsOf(problem));
  for (const [name, issues] of pageIssues)
    fieldErrors.set(name, [...(fieldErrors.get(name) ?? []), ...issues]);
  const errorsAt = (path: string): FieldIssue[] => [
    ...(problem?.errors ?? []).filter((error) => error.path === path),
    ...(pageIssues.get(path) ?? []),
  ];
  return { pending, problem, fieldErrors, run, runChecked, reset, markInvalid, formRef, errorsAt };
}

/** One choice of a <select>: the value sent, the words shown. */
export type Choice = { value: string; label: string };

/**
 * A <select> for a Field's control: the choices in order, after an empty first one when `empty` names it
 * (left out when a value is always chosen).
 */
export function ChoiceSelect(props: {
  control: ControlProps;
  value: string;
  onChange: (value: string) => void;
  choices: readonly Choice[];
  empty?: string;
}) {
  return (
    <select {...props.control} value={props.value} onChange={(event) => props.onChange(event.target.value)}>
      {props.empty === undefined ? null : <option value="">{props.empty}</option>}
      {props.choices.map((choice) => (
        <option key={choice.value} value={choice.value}>
          {choice.label}
        </option>
      ))}
    </select>
  );
}

/** A form that keeps the submission's focus handling and leaves checks to the page (no browser bubbles). */
export function SubmissionForm(props: {
  submission: Submission;
  onSubmit: () => void;
  labelledBy?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <form
      ref={props.submission.formRef}
      className={props.className ?? 'form'}
      aria-labelledby={props.labelledBy}
      noValidate
      onSubmit={onSubmit(props.onSubmit)}
    >
      {props.children}
    </form>
  );
}

/** The submit button, saying "Sending…" while the request runs, and any other buttons after it. */
export function SubmitRow(props: { pending: boolean; label: ReactNode; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="button-row">
      <button type="submit" className="button" disabled={props.pending}>
        {props.pending ? t('form.sending') : props.label}
      </button>
      {props.children}
    </div>
  );
}

/** Calls `handler` on submit without reloading the page. */
export function onSubmit(handler: () => void) {
  return (event: FormEvent) => {
    event.preventDefault();
    handler();
  };
}
