// Report progress on an indicator for a period: the value (by sex and age when the indicator is measured
// so), a narrative, links to the evidence and how the period went. The plan's coordinator approves it.
import { useId, useState } from 'react';
import { PROGRESS_STATUSES } from '../../../plans/schemas.js';
import { type IndicatorView, type ProgressReportInput, reportsPath } from '../../api/plans.js';
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
import { isolate } from './bidi.js';

type Draft = {
  start: string;
  end: string;
  sex: string;
  age: string;
  value: string;
  narrative: string;
  evidence: string;
  status: string;
};

/** The first target period not yet reported on: what the reporter most likely reports. */
function nextPeriod(indicator: IndicatorView): { start: string; end: string } {
  const reported = new Set(indicator.reports.map((report) => `${report.start}/${report.end}`));
  const target = indicator.targets.find((candidate) => !reported.has(`${candidate.start}/${candidate.end}`));
  return target ? { start: target.start, end: target.end } : { start: '', end: '' };
}

const emptyDraft = (indicator: IndicatorView): Draft => ({
  ...nextPeriod(indicator),
  sex: '',
  age: '',
  value: '',
  narrative: '',
  evidence: '',
  status: 'on_track',
});

/** Checks in the page, by field: what the server would refuse anyway, said before sending. */
export function checkReport(draft: Draft): Map<string, FieldIssue[]> {
  const issues = new Map<string, FieldIssue[]>();
  if (!draft.start) issues.set('start', [{ code: 'required' }]);
  if (!draft.end) issues.set('end', [{ code: 'required' }]);
  else if (draft.start && draft.end < draft.start) issues.set('end', [{ code: 'date_order' }]);
  if (draft.value.trim() !== '' && !Number.isFinite(Number(draft.value)))
    issues.set('value', [{ code: 'not_a_number' }]);
  if (draft.value.trim() === '' && draft.narrative.trim() === '')
    issues.set('value', [{ code: 'value_or_narrative' }]);
  return issues;
}

export function bodyOf(draft: Draft): ProgressReportInput {
  return {
    start: draft.start,
    end: draft.end,
    sex: (draft.sex || null) as ProgressReportInput['sex'],
    age: (draft.age || null) as ProgressReportInput['age'],
    value: draft.value.trim() === '' ? null : Number(draft.value),
    narrative: draft.narrative.trim(),
    evidenceLinks: draft.evidence
      .split(/\s+/)
      .map((link) => link.trim())
      .filter(Boolean),
    status: draft.status as ProgressReportInput['status'],
  };
}

export function ReportForm(props: { planId: string; indicator: IndicatorView; onSubmitted: () => void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const submission = useSubmission();
  const headingId = useId();
  const { indicator } = props;
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(indicator));
  const [open, setOpen] = useState(false);
  const update = (change: Partial<Draft>) => setDraft((current) => ({ ...current, ...change }));
  const errors = submission.fieldErrors;
  const send = () =>
    submission
      .runChecked(checkReport(draft), () =>
        api.send('POST', reportsPath(props.planId, indicator.id), bodyOf(draft)),
      )
      .then((sent) => {
        if (!sent) return;
        setDraft(emptyDraft(indicator));
        setOpen(false);
        props.onSubmitted();
      });
  const by = indicator.disaggregatedBy;
  return (
    <details className="report-form" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        <span id={headingId}>{t('plans.report.formTitle', { name: isolate(indicator.name) })}</span>
      </summary>
      <SubmissionForm submission={submission} onSubmit={send} labelledBy={headingId}>
        <FormAlert problem={submission.problem} />
        <div className="field-row">
          <DateField
            label={t('plans.report.start')}
            value={draft.start}
            onChange={(start) => update({ start })}
            errors={errors.get('start')}
          />
          <DateField
            label={t('plans.report.end')}
            value={draft.end}
            onChange={(end) => update({ end })}
            errors={errors.get('end')}
          />
        </div>
        {by.length > 0 ? (
          <div className="field-row">
            {by.includes('sex') ? (
              <Field
                label={t('plans.report.sex')}
                hint={t('plans.report.totalHint')}
                serverErrors={errors.get('sex')}
              >
                {(control) => (
                  <ChoiceSelect
                    control={control}
                    value={draft.sex}
                    onChange={(sex) => update({ sex })}
                    empty={t('plans.breakdown.total')}
                    choices={(['female', 'male', 'other'] as const).map((sex) => ({
                      value: sex,
                      label: t(`plans.sex.${sex}`),
                    }))}
                  />
                )}
              </Field>
            ) : null}
            {by.includes('age') ? (
              <Field
                label={t('plans.report.age')}
                hint={t('plans.report.totalHint')}
                serverErrors={errors.get('age')}
              >
                {(control) => (
                  <ChoiceSelect
                    control={control}
                    value={draft.age}
                    onChange={(age) => update({ age })}
                    empty={t('plans.breakdown.total')}
                    choices={(['children', 'adults'] as const).map((age) => ({
                      value: age,
                      label: t(`plans.age.${age}`),
                    }))}
                  />
                )}
              </Field>
            ) : null}
          </div>
        ) : null}
        <Field
          label={t('plans.report.value', { unit: indicator.unit })}
          hint={t('plans.report.valueHint')}
          serverErrors={errors.get('value')}
        >
          {(control) => (
            <input
              {...control}
              type="number"
              step="any"
              inputMode="decimal"
              value={draft.value}
              onChange={(event) => update({ value: event.target.value })}
            />
          )}
        </Field>
        <Field
          label={t('plans.report.narrative')}
          hint={t('form.optional')}
          serverErrors={errors.get('narrative')}
        >
          {(control) => (
            <textarea
              {...control}
              rows={4}
              value={draft.narrative}
              onChange={(event) => update({ narrative: event.target.value })}
            />
          )}
        </Field>
        <Field
          label={t('plans.report.evidence')}
          hint={t('plans.report.evidenceHint')}
          serverErrors={errors.get('evidenceLinks')}
        >
          {(control) => (
            <textarea
              {...control}
              rows={2}
              dir="ltr"
              value={draft.evidence}
              onChange={(event) => update({ evidence: event.target.value })}
            />
          )}
        </Field>
        <Field label={t('plans.report.status')} serverErrors={errors.get('status')}>
          {(control) => (
            <ChoiceSelect
              control={control}
              value={draft.status}
              onChange={(status) => update({ status })}
              choices={PROGRESS_STATUSES.map((status) => ({
                value: status,
                label: t(`plans.progress.${status}`),
              }))}
            />
          )}
        </Field>
        <SubmitRow pending={submission.pending} label={t('plans.report.submit')} />
      </SubmissionForm>
    </details>
  );
}

function DateField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  errors: readonly FieldIssue[] | undefined;
}) {
  return (
    <Field label={props.label} serverErrors={props.errors}>
      {(control) => (
        <input
          {...control}
          type="date"
          value={props.value}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
