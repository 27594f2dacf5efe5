// Import a file of activities: sent to the server as a background job, its progress followed, then its
// report. The job lives in the address (?job=…), so the page survives a reload and can be shared.
import { useState } from 'react';
import type { ImportReport } from '../../../activities/schemas.js';
import { ACTIVITIES_PATH } from '../../api/activities.js';
import { type ImportJob, useImportJob } from '../../api/imports.js';
import { Field, FormAlert, onSubmit, SuccessNote, useSubmission } from '../../components/forms.js';
import { PageHeading } from '../../components/PageHeading.js';
import { Loading, ProblemAlert } from '../../components/Status.js';
import { TableScroll } from '../../components/TableScroll.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link, navigate, useLocation } from '../../router.js';
import { useSession } from '../../session/SessionProvider.js';

/** The media type the import route reads each kind of file as. */
const TYPES: Record<string, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xml: 'application/xml',
};

const extensionOf = (name: string) => name.split('.').pop()?.toLowerCase() ?? '';

export function ActivityImportPage() {
  const { t } = useI18n();
  const jobId = new URLSearchParams(useLocation().search).get('job');
  return (
    <article>
      <p className="back-link">
        <Link to="/activities">{t('activities.back')}</Link>
      </p>
      <PageHeading>{t('activityImport.title')}</PageHeading>
      {jobId ? <JobView id={jobId} /> : <ImportForm />}
    </article>
  );
}

function ImportForm() {
  const { t } = useI18n();
  const session = useSession();
  const submission = useSubmission();
  const [file, setFile] = useState<File | null>(null);
  const [isDryRun, setIsDryRun] = useState(true);
  const check = () => {
    const type = file ? TYPES[extensionOf(file.name)] : undefined;
    const issue = !file ? 'activityImport.fileMissing' : !type ? 'activityImport.fileFormat' : null;
    return new Map(issue ? [['file', [{ path: 'file', code: 'custom', message: t(issue) }]]] : []);
  };
  const send = () =>
    submission.runChecked(check(), async () => {
      if (!file) return;
      const query = new URLSearchParams({ dryRun: String(isDryRun), filename: file.name });
      const accepted = await session.api.sendFileAsync<{ data: ImportJob }>(
        `${ACTIVITIES_PATH}/import?${query}`,
        file,
        TYPES[extensionOf(file.name)] ?? 'application/octet-stream',
      );
      navigate(`/activities/import?job=${encodeURIComponent(accepted.data.id)}`);
    });
  return (
    <form className="form" ref={submission.formRef} noValidate onSubmit={onSubmit(send)}>
      <p className="lede">{t('activityImport.intro')}</p>
      <FormAlert problem={submission.problem} />
      <Field
        label={t('activityImport.file')}
        hint={t('activityImport.fileHint')}
        errors={submission.fieldErrors.get('file')?.map((issue) => issue.message)}
      >
        {(control) => (
          <input
            {...control}
            type="file"
            accept=".csv,.xlsx,.xml"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        )}
      </Field>
      <label className="check">
        <input type="checkbox" checked={isDryRun} onChange={(e) => setIsDryRun(e.target.checked)} />
        {t('activityImport.dryRun')}
      </label>
      <div className="button-row">
        <button type="submit" className="button" disabled={submission.pending}>
          {submission.pending ? t('activityImport.sending') : t('activityImport.send')}
        </button>
      </div>
    </form>
  );
}

function JobView(props: { id: string }) {
  const { t } = useI18n();
  const job = useImportJob(props.id);
  if (job.status === 'loading') return <Loading />;
  if (job.status === 'error') return <ProblemAlert problem={job.problem} onRetry={job.retry} />;
  const current = job.data.data;
  return (
    <>
      <JobState job={current} />
      {current.state === 'succeeded' || current.state === 'failed' ? (
        <p className="button-row">
          <Link to="/activities/import" className="button">
            {t('activityImport.another')}
          </Link>
        </p>
      ) : null}
    </>
  );
}

function JobState(props: { job: ImportJob }) {
  const { t } = useI18n();
  const { job } = props;
  const file = job.fileName ?? '';
  if (job.state === 'queued' || job.state === 'running')
    return (
      <section aria-busy="true">
        <p role="status">
          {job.state === 'queued'
            ? t('activityImport.queued', { file })
            : t('activityImport.running', { file, rows: job.progress.rowsRead })}
        </p>
        <progress aria-label={t('activityImport.progressLabel')} />
      </section>
    );
  if (job.state === 'failed')
    return job.problem ? <ProblemAlert problem={job.problem} /> : <p>{t('activityImport.failed')}</p>;
  if (job.kind !== 'activities' || !job.result) return null;
  return <Report report={job.result} />;
}

function Report(props: { report: ImportReport }) {
  const { t } = useI18n();
  const { report } = props;
  const counts = { created: report.created, updated: report.updated, unchanged: report.unchanged };
  return (
    <section>
      {report.committed ? <SuccessNote>{t('activityImport.saved', counts)}</SuccessNote> : null}
      {report.dryRun && report.problemCount === 0 ? (
        <SuccessNote>{t('activityImport.checked', counts)}</SuccessNote>
      ) : null}
      {report.problemCount > 0 ? (
        <div className="status status-error" role="alert">
          <p>{t('activityImport.rejected', { count: report.problemCount })}</p>
        </div>
      ) : null}
      {report.problems.length > 0 ? (
        <TableScroll>
          <table>
            <caption>{t('activityImport.problemsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('activityImport.row')}</th>
                <th scope="col">{t('activityImport.column')}</th>
                <th scope="col">{t('activityImport.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {report.problems.map((problem) => (
                <tr key={`${problem.row}-${problem.column}-${problem.message}`}>
                  <td>{problem.row}</td>
                  <td>{problem.column}</td>
                  {/* The importer writes its sentences in English; the column says where. */}
                  <td lang="en" dir="ltr">
                    {problem.message}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </section>
  );
}
