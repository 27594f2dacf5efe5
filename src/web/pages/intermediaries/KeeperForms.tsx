// What those keeping the register record for an agency: an inspection, a complaint (a date, a category and
// where it stands; no text, so that no one can write down who complained) and a sanction.
import { useState } from 'react';
import { agencyPath } from '../../api/intermediaries.js';
import { FormAlert, SubmissionForm, SubmitRow, SuccessNote, useSubmission } from '../../components/forms.js';
import { SelectField, TextField } from '../../components/labelled-fields.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { useSession } from '../../session/SessionProvider.js';

type FieldSpec =
  | { name: string; label: MessageKey; kind: 'date'; optional?: boolean; hint?: MessageKey }
  | { name: string; label: MessageKey; kind: 'text'; optional?: boolean }
  | { name: string; label: MessageKey; kind: 'choice'; choices: readonly string[]; prefix: string };

type FormSpec = { path: string; heading: MessageKey; hint?: MessageKey; fields: readonly FieldSpec[] };

const FORMS: readonly FormSpec[] = [
  {
    path: 'inspections',
    heading: 'intermediaries.keep.inspection',
    fields: [
      { name: 'date', label: 'intermediaries.keep.date', kind: 'date' },
      {
        name: 'outcome',
        label: 'intermediaries.keep.outcome',
        kind: 'choice',
        choices: ['compliant', 'deficiencies', 'violations', 'not_at_address'],
        prefix: 'intermediaries.outcome.',
      },
      { name: 'authority', label: 'intermediaries.keep.authority', kind: 'text', optional: true },
    ],
  },
  {
    path: 'complaints',
    heading: 'intermediaries.keep.complaint',
    hint: 'intermediaries.keep.complaintHint',
    fields: [
      { name: 'receivedOn', label: 'intermediaries.keep.receivedOn', kind: 'date' },
      {
        name: 'category',
        label: 'intermediaries.keep.category',
        kind: 'choice',
        choices: ['fees', 'deception', 'documents_withheld', 'debt', 'abuse', 'unlicensed_activity', 'other'],
        prefix: 'intermediaries.category.',
      },
      {
        name: 'status',
        label: 'intermediaries.keep.status',
        kind: 'choice',
        choices: ['received', 'investigating', 'upheld', 'dismissed', 'withdrawn'],
        prefix: 'intermediaries.complaintStatus.',
      },
    ],
  },
  {
    path: 'sanctions',
    heading: 'intermediaries.keep.sanction',
    fields: [
      { name: 'imposedOn', label: 'intermediaries.keep.imposedOn', kind: 'date' },
      {
        name: 'kind',
        label: 'intermediaries.keep.kind',
        kind: 'choice',
        choices: ['warning', 'fine', 'suspension', 'licence_revocation', 'ban', 'closure'],
        prefix: 'intermediaries.sanction.',
      },
      { name: 'until', label: 'intermediaries.keep.until', kind: 'date', optional: true },
      { name: 'authority', label: 'intermediaries.keep.authority', kind: 'text', optional: true },
    ],
  },
];

export function KeeperForms(props: { agencyId: string; onSaved: () => void }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="keep-heading" className="keeper-forms">
      <h2 id="keep-heading">{t('intermediaries.keep.heading')}</h2>
      {FORMS.map((spec) => (
        <RecordForm key={spec.path} spec={spec} agencyId={props.agencyId} onSaved={props.onSaved} />
      ))}
    </section>
  );
}

const firstChoices = (spec: FormSpec) =>
  Object.fromEntries(
    spec.fields.map((field) => [field.name, field.kind === 'choice' ? (field.choices[0] ?? '') : '']),
  );

function RecordForm(props: { spec: FormSpec; agencyId: string; onSaved: () => void }) {
  const { t } = useI18n();
  const session = useSession();
  const submission = useSubmission();
  const { spec } = props;
  const [values, setValues] = useState<Record<string, string>>(() => firstChoices(spec));
  const [saved, setSaved] = useState(false);
  const headingId = `keep-${spec.path}`;
  const body = () =>
    Object.fromEntries(
      spec.fields.map((field) => {
        const value = values[field.name] ?? '';
        return [field.name, value === '' && field.kind !== 'choice' && field.optional ? null : value];
      }),
    );
  const send = () => {
    setSaved(false);
    void submission
      .run(() => session.api.send('POST', agencyPath(props.agencyId, `/${spec.path}`), body()))
      .then((ok) => {
        if (!ok) return;
        setSaved(true);
        setValues(firstChoices(spec));
        props.onSaved();
      });
  };
  return (
    <SubmissionForm submission={submission} onSubmit={send} labelledBy={headingId}>
      <h3 id={headingId}>{t(spec.heading)}</h3>
      {spec.hint ? <p className="field-hint">{t(spec.hint)}</p> : null}
      <FormAlert problem={submission.problem} />
      {saved ? <SuccessNote>{t('intermediaries.keep.saved')}</SuccessNote> : null}
      {spec.fields.map((field) => {
        const common = {
          label: t(field.label),
          value: values[field.name] ?? '',
          onChange: (value: string) => setValues((current) => ({ ...current, [field.name]: value })),
          errors: submission.fieldErrors.get(field.name) ?? [],
        };
        if (field.kind === 'choice')
          return (
            <SelectField
              key={field.name}
              {...common}
              choices={field.choices.map((choice) => ({
                value: choice,
                label: t(`${field.prefix}${choice}` as MessageKey),
              }))}
            />
          );
        return <TextField key={field.name} {...common} type={field.kind === 'date' ? 'date' : 'text'} />;
      })}
      <SubmitRow pending={submission.pending} label={t('intermediaries.keep.save')} />
    </SubmissionForm>
  );
}
