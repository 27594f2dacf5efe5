// Import a plan from a file: the file is read by the server first (nothing written) and what it holds shown;
// then the person maps what the file cannot say (a pillar per objective, an owner per measure, the
// coordinator) and the plan is created, after which the page goes to it.
import { useState } from 'react';
import { PLAN_IMPORT_PREVIEW } from '../../api/plans.js';
import { Field, FormAlert, SubmissionForm, SubmitRow, useSubmission } from '../../components/forms.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link } from '../../router.js';
import { useSession } from '../../session/SessionProvider.js';
import { PlanImportMapping } from './PlanImportMapping.js';
import { formatOfFile, type PlanImportPreview, planFileOf } from './plan-import-draft.js';
import { FindingsTable, type ReadFile, StepHeading } from './plan-import-parts.js';
import './plans.css';

export function PlanImportPage() {
  const { t } = useI18n();
  const [read, setRead] = useState<ReadFile | null>(null);
  const another = () => setRead(null);
  return (
    <article className="plan-editor plan-import">
      <p className="back-link">
        <Link to="/plans">{t('plans.back')}</Link>
      </p>
      <PageHeading>{t('planImport.title')}</PageHeading>
      {!read ? (
        <FileStep onRead={setRead} />
      ) : read.preview.problems.length > 0 ? (
        <FileProblems preview={read.preview} onAnother={another} />
      ) : (
        <PlanImportMapping read={read} onAnother={another} />
      )}
    </article>
  );
}

function FileStep(props: { onRead: (read: ReadFile) => void }) {
  const { t } = useI18n();
  const session = useSession();
  const submission = useSubmission();
  const [file, setFile] = useState<File | null>(null);
  const check = () => {
    const issue = !file
      ? 'planImport.fileMissing'
      : !formatOfFile(file.name)
        ? 'planImport.fileFormat'
        : null;
    return new Map(issue ? [['file', [{ path: 'file', code: 'custom', message: t(issue) }]]] : []);
  };
  const send = () =>
    submission.runChecked(check(), async () => {
      const format = file ? formatOfFile(file.name) : null;
      if (!file || !format) return;
      const body = await planFileOf(file, format);
      const answer = await session.api.send<{ data: PlanImportPreview }>('POST', PLAN_IMPORT_PREVIEW, body);
      props.onRead({ file: body, preview: answer.data });
    });
  return (
    <SubmissionForm submission={submission} onSubmit={send}>
      <p className="lede">{t('planImport.intro')}</p>
      <FormAlert problem={submission.problem} />
      <Field
        label={t('planImport.file')}
        hint={t('planImport.fileHint')}
        errors={submission.fieldErrors.get('file')?.map((issue) => issue.message)}
      >
        {(control) => (
          <input
            {...control}
            type="file"
            accept=".xml,.csv,.xlsx"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        )}
      </Field>
      <SubmitRow pending={submission.pending} label={t('planImport.read')} />
    </SubmissionForm>
  );
}

function FileProblems(props: { preview: PlanImportPreview; onAnother: () => void }) {
  const { t } = useI18n();
  return (
    <section>
      <StepHeading>{t('planImport.problemsTitle')}</StepHeading>
      <div className="status status-error" role="alert">
        <p>{t('planImport.problemsIntro', { file: props.preview.fileName })}</p>
      </div>
      <FindingsTable caption={t('planImport.problemsCaption')} findings={props.preview.problems} />
      <p className="button-row">
        <button type="button" className="button" onClick={props.onAnother}>
          {t('planImport.another')}
        </button>
      </p>
    </section>
  );
}
