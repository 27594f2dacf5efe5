// What the need and offer forms share: a draft kept until it is posted, posting it once with the server's
// problems shown beside their fields, a note when it was posted (the form then starts afresh), all inside a
// disclosure that opens on demand.
import { type ReactNode, useState } from 'react';
import {
  FormAlert,
  type Submission,
  SubmissionForm,
  SubmitRow,
  SuccessNote,
  useSubmission,
} from '../../components/forms.js';
import { useSession } from '../../session/SessionProvider.js';

export type Posting<Draft> = {
  draft: Draft;
  set: (changes: Partial<Draft>) => void;
  /** The server's messages for one field of the draft, by its name in the request. */
  errors: (name: string) => ReturnType<Submission['fieldErrors']['get']>;
  submission: Submission;
  isPosted: boolean;
  submit: () => void;
};

/** Posts the draft as the body `toBody` makes of it; on success says so, clears the draft and tells the page. */
export function usePosting<Draft extends object>(options: {
  empty: Draft;
  url: string;
  toBody: (draft: Draft) => unknown;
  onPosted: () => void;
}): Posting<Draft> {
  const session = useSession();
  const submission = useSubmission();
  const [isPosted, setPosted] = useState(false);
  const [draft, setDraft] = useState(options.empty);
  const set = (changes: Partial<Draft>) => setDraft((current) => ({ ...current, ...changes }));
  const submit = () => {
    setPosted(false);
    void submission.run(async () => {
      await session.api.send('POST', options.url, options.toBody(draft));
      setPosted(true);
      setDraft(options.empty);
      options.onPosted();
    });
  };
  return { draft, set, errors: (name) => submission.fieldErrors.get(name), submission, isPosted, submit };
}

/** The disclosure and form around the fields: the problem on top, the note once posted, the button below. */
export function PostingForm<Draft>(props: {
  posting: Posting<Draft>;
  /** The disclosure's summary and the button's label: "Post a need". */
  action: string;
  postedNote: string;
  children: ReactNode;
}) {
  const [isOpen, setOpen] = useState(false);
  const { submission } = props.posting;
  return (
    <details className="disclosure" open={isOpen} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{props.action}</summary>
      <SubmissionForm
        submission={submission}
        onSubmit={props.posting.submit}
        className="form assistance-form"
      >
        <FormAlert problem={submission.problem} />
        {props.posting.isPosted ? <SuccessNote>{props.postedNote}</SuccessNote> : null}
        {props.children}
        <SubmitRow pending={submission.pending} label={props.action} />
      </SubmissionForm>
    </details>
  );
}
