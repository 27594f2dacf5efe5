// Step 1 of the release wizard: a CSV file read in the browser and sent as text, or the organisation's
// case data (only cases whose consent allows statistics); the server answers with the columns it found.
import { type ReactNode, useState } from 'react';
import {
  type Inspection,
  type InspectionResponse,
  RELEASES,
  type ReleaseSource,
} from '../../api/releases.js';
import type { FieldIssue } from '../../components/field-messages.js';
import { Field, FormAlert, SubmissionForm, SubmitRow, useSubmission } from '../../components/forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useSession } from '../../session/SessionProvider.js';
import { csvFaultSentence, isFileFault } from './csv-problems.js';
import { caseOrganisations, mayPrepareFromFile } from './prepare-rights.js';

/** Reads a chosen file as UTF-8 text, as the API expects it. */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file, 'utf-8');
  });
}

export function DataStep(props: { onInspected: (source: ReleaseSource, inspection: Inspection) => void }) {
  const { t } = useI18n();
  const session = useSession();
  const organisations = caseOrganisations(session);
  const fromFile = mayPrepareFromFile(session);
  const [kind, setKind] = useState<'file' | 'cases'>(fromFile ? 'file' : 'cases');
  const [file, setFile] = useState<File | null>(null);
  const [organisationId, setOrganisationId] = useState(organisations[0]?.id ?? '');
  const submission = useSubmission();

  // What is wrong with the file, where and how to fix it: a translated sentence from the server's facts,
  // or the server's own words when the page has no template for the fault.
  const fileFaults: ReactNode[] = (submission.problem?.errors ?? []).filter(isFileFault).map(
    (fault) =>
      csvFaultSentence(t, fault) ?? (
        <span lang="en" dir="ltr">
          {submission.problem?.detail ?? fault.message}
        </span>
      ),
  );

  const submit = () => {
    const issues = new Map<string, FieldIssue[]>();
    if (kind === 'file' && !file) issues.set('file', [{ code: 'choose' }]);
    if (kind === 'cases' && !organisationId) issues.set('organisationId', [{ code: 'choose' }]);
    return submission.runChecked(issues, async () => {
      const source: ReleaseSource =
        kind === 'file' && file
          ? {
              kind: 'file',
              fileName: file.name,
              content: await readText(file),
              encoding: 'utf8',
              missing: [],
            }
          : { kind: 'cases', organisationId };
      const answer = await session.api.send<InspectionResponse>('POST', `${RELEASES}/inspect`, { source });
      props.onInspected(source, answer.data);
    });
  };

  return (
    <SubmissionForm submission={submission} onSubmit={submit}>
      <FormAlert problem={submission.problem} />
      {fromFile && organisations.length > 0 ? (
        <fieldset className="fieldset">
          <legend>{t('releases.data.question')}</legend>
          <label className="check">
            <input type="radio" name="source" checked={kind === 'file'} onChange={() => setKind('file')} />
            {t('releases.data.file')}
          </label>
          <label className="check">
            <input type="radio" name="source" checked={kind === 'cases'} onChange={() => setKind('cases')} />
            {t('releases.data.cases')}
          </label>
        </fieldset>
      ) : null}
      {kind === 'file' ? (
        <Field
          label={t('releases.data.fileLabel')}
          hint={t('releases.data.fileHint')}
          errors={fileFaults}
          serverErrors={[
            ...(submission.fieldErrors.get('file') ?? []).filter((issue) => !isFileFault(issue)),
            ...(submission.fieldErrors.get('source') ?? []),
          ]}
        >
          {(control) => (
            <input
              {...control}
              type="file"
              accept=".csv,text/csv"
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
          )}
        </Field>
      ) : (
        <Field
          label={t('releases.data.organisation')}
          hint={t('releases.data.casesHint')}
          serverErrors={submission.fieldErrors.get('organisationId')}
        >
          {(control) => (
            <select
              {...control}
              value={organisationId}
              onChange={(event) => setOrganisationId(event.target.value)}
            >
              {organisations.map((organisation) => (
                <option key={organisation.id} value={organisation.id}>
                  {organisation.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <SubmitRow pending={submission.pending} label={t('releases.data.read')} />
    </SubmissionForm>
  );
}
