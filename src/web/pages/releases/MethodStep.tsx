// Step 3 of the release wizard: a title, the method (a count table with small cells hidden or with noise,
// or synthetic data, k-anonymous or differentially private) and its parameters, each explained in a sentence.
import { useState } from 'react';
import {
  type PrepareRequest,
  RELEASES,
  type ReleaseMethod,
  type ReleaseResponse,
  type ReleaseSource,
  type ReleaseView,
} from '../../api/releases.js';
import type { FieldIssue } from '../../components/field-messages.js';
import { Field, FormAlert, SubmissionForm, SubmitRow, useSubmission } from '../../components/forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { useSession } from '../../session/SessionProvider.js';
import { type ColumnPlan, columnChoices } from './ColumnsStep.js';
import type { MethodName } from './release-labels.js';

const METHODS: readonly { name: MethodName; label: MessageKey; hint: MessageKey }[] = [
  { name: 'k-anonymous', label: 'releases.method.kAnonymous', hint: 'releases.method.kAnonymousHint' },
  { name: 'dp', label: 'releases.method.dp', hint: 'releases.method.dpHint' },
  { name: 'suppression', label: 'releases.method.suppression', hint: 'releases.method.suppressionHint' },
  { name: 'laplace', label: 'releases.method.laplace', hint: 'releases.method.laplaceHint' },
  { name: 'gaussian', label: 'releases.method.gaussian', hint: 'releases.method.gaussianHint' },
];

type Draft = {
  title: string;
  method: MethodName;
  dimensions: string[];
  threshold: string;
  epsilon: string;
  k: string;
  reportingLength: string;
  seed: string;
};

const isTable = (method: MethodName) =>
  method === 'suppression' || method === 'laplace' || method === 'gaussian';

/** Numbers typed in a field, checked here so that each mistake is said beside its field. */
function wholeNumber(text: string, minimum: number, maximum: number): number | FieldIssue {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value)) return { code: 'not_a_number' };
  if (!Number.isInteger(value)) return { code: 'not_a_whole_number' };
  if (value < minimum) return { code: 'too_small', minimum, origin: 'number' };
  if (value > maximum) return { code: 'too_big', maximum, origin: 'number' };
  return value;
}

function positiveNumber(text: string, maximum: number): number | FieldIssue {
  const value = Number(text.trim().replace(',', '.'));
  if (text.trim() === '' || !Number.isFinite(value)) return { code: 'not_a_number' };
  if (value <= 0) return { code: 'too_small', minimum: 0, origin: 'number' };
  if (value > maximum) return { code: 'too_big', maximum, origin: 'number' };
  return value;
}

/** The method as the API takes it, or the problems of each field by name. */
function methodOf(draft: Draft): { method: ReleaseMethod } | { issues: Map<string, FieldIssue[]> } {
  const issues = new Map<string, FieldIssue[]>();
  const take = <T,>(name: string, value: T | FieldIssue): T => {
    if (typeof value === 'object' && value !== null && 'code' in value) issues.set(name, [value]);
    return value as T;
  };
  const seed = draft.seed.trim() ? { seed: draft.seed.trim() } : {};
  let method: ReleaseMethod;
  if (isTable(draft.method)) {
    if (draft.dimensions.length === 0)
      issues.set('dimensions', [{ code: 'too_small', minimum: 1, origin: 'array' }]);
    if (draft.dimensions.length > 4)
      issues.set('dimensions', [{ code: 'too_big', maximum: 4, origin: 'array' }]);
    method =
      draft.method === 'suppression'
        ? {
            method: 'suppression',
            dimensions: draft.dimensions,
            threshold: take('threshold', wholeNumber(draft.threshold, 2, 1000)),
          }
        : {
            method: draft.method as 'laplace' | 'gaussian',
            dimensions: draft.dimensions,
            epsilon: take('epsilon', positiveNumber(draft.epsilon, 100)),
            ...seed,
          };
  } else if (draft.method === 'k-anonymous') {
    method = {
      method: 'k-anonymous',
      k: take('k', wholeNumber(draft.k, 2, 1000)),
      reportingLength: take('reportingLength', wholeNumber(draft.reportingLength, 1, 5)),
      ...seed,
    };
  } else {
    method = {
      method: 'dp',
      epsilon: take('epsilon', positiveNumber(draft.epsilon, 100)),
      reportingLength: take('reportingLength', wholeNumber(draft.reportingLength, 1, 4)),
      ...seed,
    };
  }
  return issues.size > 0 ? { issues } : { method };
}

export function MethodStep(props: {
  source: ReleaseSource;
  plans: ColumnPlan[];
  onBack: () => void;
  onPrepared: (release: ReleaseView) => void;
}) {
  const { t } = useI18n();
  const { api } = useSession();
  const submission = useSubmission();
  const kept = columnChoices(props.plans).map((choice) => choice.name);
  const [draft, setDraft] = useState<Draft>({
    title: '',
    method: 'k-anonymous',
    dimensions: [],
    threshold: '10',
    epsilon: '4',
    k: '10',
    reportingLength: '3',
    seed: '',
  });
  const set = (change: Partial<Draft>) => setDraft((previous) => ({ ...previous, ...change }));
  const errors = submission.fieldErrors;

  const submit = () => {
    const built = methodOf(draft);
    const issues = 'issues' in built ? built.issues : new Map<string, FieldIssue[]>();
    if (!draft.title.trim()) issues.set('title', [{ code: 'required' }]);
    return submission.runChecked(issues, async () => {
      if (!('method' in built)) return;
      const body: PrepareRequest = {
        title: draft.title.trim(),
        source: props.source,
        columns: columnChoices(props.plans),
        method: built.method,
      };
      const answer = await api.send<ReleaseResponse>('POST', RELEASES, body);
      props.onPrepared(answer.data);
    });
  };

  const textField = (name: keyof Draft, label: MessageKey, hint: MessageKey, short = true) => (
    <Field label={t(label)} hint={t(hint)} serverErrors={errors.get(name)}>
      {(control) => (
        <input
          {...control}
          className={short ? 'input-short' : undefined}
          inputMode={short ? 'decimal' : undefined}
          autoComplete="off"
          value={draft[name] as string}
          onChange={(event) => set({ [name]: event.target.value })}
        />
      )}
    </Field>
  );

  return (
    <SubmissionForm submission={submission} onSubmit={submit}>
      <FormAlert problem={submission.problem} />
      {textField('title', 'releases.method.title', 'releases.method.titleHint', false)}
      <fieldset className="fieldset">
        <legend>{t('releases.method.question')}</legend>
        {METHODS.map((method) => (
          <div key={method.name} className="method-choice">
            <label className="check">
              <input
                type="radio"
                name="method"
                checked={draft.method === method.name}
                aria-describedby={`method-hint-${method.name}`}
                onChange={() => set({ method: method.name, epsilon: method.name === 'dp' ? '4' : '1' })}
              />
              {t(method.label)}
            </label>
            <p className="field-hint" id={`method-hint-${method.name}`}>
              {t(method.hint)}
            </p>
          </div>
        ))}
      </fieldset>
      {isTable(draft.method) ? (
        <fieldset
          className={`fieldset${errors.has('dimensions') ? ' has-error' : ''}`}
          id="release-dimensions"
          data-label={t('releases.method.dimensions')}
        >
          <legend>{t('releases.method.dimensions')}</legend>
          <p className="field-hint">{t('releases.method.dimensionsHint')}</p>
          {errors.has('dimensions') ? (
            <p className="field-error">{t('releases.method.dimensionsError')}</p>
          ) : null}
          {kept.map((name) => (
            <label key={name} className="check">
              <input
                type="checkbox"
                checked={draft.dimensions.includes(name)}
                onChange={(event) =>
                  set({
                    dimensions: event.target.checked
                      ? [...draft.dimensions, name]
                      : draft.dimensions.filter((each) => each !== name),
                  })
                }
              />
              {name}
            </label>
          ))}
        </fieldset>
      ) : null}
      {draft.method === 'suppression'
        ? textField('threshold', 'releases.param.threshold', 'releases.param.thresholdHint')
        : null}
      {draft.method === 'k-anonymous' ? textField('k', 'releases.param.k', 'releases.param.kHint') : null}
      {draft.method === 'laplace' || draft.method === 'gaussian' || draft.method === 'dp'
        ? textField('epsilon', 'releases.param.epsilon', 'releases.param.epsilonHint')
        : null}
      {!isTable(draft.method)
        ? textField('reportingLength', 'releases.param.reportingLength', 'releases.param.reportingLengthHint')
        : null}
      {draft.method !== 'suppression'
        ? textField('seed', 'releases.param.seed', 'releases.param.seedHint', false)
        : null}
      <SubmitRow pending={submission.pending} label={t('releases.method.prepare')}>
        <button type="button" className="button button-secondary" onClick={props.onBack}>
          {t('releases.back')}
        </button>
      </SubmitRow>
      {submission.pending ? (
        <p className="status status-loading" role="status">
          {t('releases.method.preparing')}
        </p>
      ) : null}
    </SubmissionForm>
  );
}
