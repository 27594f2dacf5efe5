// What a signatory's editors do with a commitment, each in a disclosure under it: change its status and
// whether the public sees it, and report progress (the day, what was done, public or internal). Each sends
// one request and shows the server's problems beside the fields.
import { type ReactNode, useState } from 'react';
import {
  COMMITMENT_STATUSES,
  type CommitmentChange,
  type CommitmentView,
  commitmentPath,
  type ProgressRequest,
} from '../../api/commitments.js';
import {
  FormAlert,
  type Submission,
  SubmissionForm,
  SubmitRow,
  SuccessNote,
  useSubmission,
} from '../../components/forms.js';
import { SelectField, TextField } from '../../components/labelled-fields.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { useSession } from '../../session/SessionProvider.js';

/** A checkbox with its label after it, as the forms show yes-or-no choices. */
export function CheckField(props: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="check">
      <input
        type="checkbox"
        checked={props.checked}
        onChange={(event) => props.onChange(event.target.checked)}
      />
      {props.label}
    </label>
  );
}

function EditorDisclosure(props: {
  summary: string;
  submission: Submission;
  onSubmit: () => void;
  done: string | null;
  children: ReactNode;
}) {
  return (
    <details className="disclosure">
      <summary>{props.summary}</summary>
      <SubmissionForm
        submission={props.submission}
        onSubmit={props.onSubmit}
        className="form commitment-form"
      >
        <FormAlert problem={props.submission.problem} />
        {props.done ? <SuccessNote>{props.done}</SuccessNote> : null}
        {props.children}
        <SubmitRow pending={props.submission.pending} label={props.summary} />
      </SubmissionForm>
    </details>
  );
}

export function ChangeCommitment(props: { commitment: CommitmentView; onChanged: () => void }) {
  const { t } = useI18n();
  const session = useSession();
  const submission = useSubmission();
  const [status, setStatus] = useState<string>(props.commitment.status);
  const [isPublished, setPublished] = useState(props.commitment.isPublished);
  const [done, setDone] = useState<string | null>(null);
  const submit = () => {
    setDone(null);
    const change = { status, isPublished } as CommitmentChange;
    void submission
      .run(() => session.api.send('PATCH', commitmentPath(props.commitment.id), change))
      .then((saved) => {
        if (!saved) return;
        setDone(t('commitments.changed'));
        props.onChanged();
      });
  };
  return (
    <EditorDisclosure summary={t('commitments.change')} submission={submission} onSubmit={submit} done={done}>
      <SelectField
        label={t('commitments.field.status')}
        hint={t('commitments.field.statusHint')}
        value={status}
        onChange={setStatus}
        choices={COMMITMENT_STATUSES.map((value) => ({
          value,
          label: t(`commitments.status.${value}` as MessageKey),
        }))}
        errors={submission.fieldErrors.get('status') ?? []}
      />
      <CheckField label={t('commitments.field.isPublished')} checked={isPublished} onChange={setPublished} />
    </EditorDisclosure>
  );
}

export function ReportProgress(props: { commitment: CommitmentView; onChanged: () => void }) {
  const { t } = useI18n();
  const session = useSession();
  const submission = useSubmission();
  const empty = { reportedOn: '', summary: '', isPublic: false };
  const [draft, setDraft] = useState(empty);
  const [done, setDone] = useState<string | null>(null);
  const errors = (name: string) => submission.fieldErrors.get(name) ?? [];
  const submit = () => {
    setDone(null);
    const body: ProgressRequest = draft;
    void submission
      .run(() => session.api.send('POST', commitmentPath(props.commitment.id, '/progress'), body))
      .then((saved) => {
        if (!saved) return;
        setDone(t('commitments.progressReported'));
        setDraft(empty);
        props.onChanged();
      });
  };
  return (
    <EditorDisclosure
      summary={t('commitments.reportProgress')}
      submission={submission}
      onSubmit={submit}
      done={done}
    >
      <TextField
        label={t('commitments.field.reportedOn')}
        type="date"
        value={draft.reportedOn}
        onChange={(reportedOn) => setDraft({ ...draft, reportedOn })}
        errors={errors('reportedOn')}
      />
      <TextField
        label={t('commitments.field.summary')}
        long
        value={draft.summary}
        onChange={(summary) => setDraft({ ...draft, summary })}
        errors={errors('summary')}
      />
      <CheckField
        label={t('commitments.field.isPublic')}
        checked={draft.isPublic}
        onChange={(isPublic) => setDraft({ ...draft, isPublic })}
      />
    </EditorDisclosure>
  );
}
