// Import a register of intermediaries as the issuing authority publishes it (CSV or XLSX): the server reads
// the file first and writes nothing, the page shows the agencies found, every problem (row, column, what,
// fix) and what was set aside; only a file without problems can then be imported, whole.
import { useState } from 'react';
import {
  IMPORT,
  IMPORT_PREVIEW,
  type ImportPreview,
  type ImportSummaryView,
  type RegisterFile,
} from '../../api/intermediaries.js';
import {
  Field,
  FormAlert,
  SubmissionForm,
  SubmitRow,
  SuccessNote,
  useSubmission,
} from '../../components/forms.js';
import { SelectField, TextField } from '../../components/labelled-fields.js';
import { PageHeading } from '../../components/PageHeading.js';
import { TableScroll } from '../../components/TableScroll.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { ENGLISH, type MessageKey } from '../../i18n/messages.js';
import { Link } from '../../router.js';
import { useSession } from '../../session/SessionProvider.js';
import { useCountryNames } from '../plans/countries.js';
import { planFileOf } from '../plans/plan-import-draft.js';
import './intermediaries.css';

const KINDS = ['recruitment', 'marriage', 'modelling', 'adoption', 'study_abroad', 'travel'] as const;

type Defaults = { country: string; kind: string; authority: string };
type Read = { file: RegisterFile; preview: ImportPreview };

function formatOf(name: string): RegisterFile['format'] | null {
  const extension = name.split('.').pop()?.toLowerCase();
  return extension === 'csv' ? 'csv' : extension === 'xlsx' ? 'xlsx' : null;
}

export function ImportPage() {
  const { t } = useI18n();
  const [read, setRead] = useState<Read | null>(null);
  const [done, setDone] = useState<ImportSummaryView | null>(null);
  return (
    <article className="intermediaries-page">
      <p className="back-link">
        <Link to="/intermediaries">{t('intermediaries.back')}</Link>
      </p>
      <PageHeading>{t('intermediaries.import.title')}</PageHeading>
      {done ? (
        <SuccessNote>
          {t('intermediaries.import.done', {
            added: String(done.agencies.added),
            changed: String(done.agencies.changed),
            unchanged: String(done.agencies.unchanged),
          })}
        </SuccessNote>
      ) : null}
      {read ? (
        <PreviewStep
          read={read}
          onAnother={() => setRead(null)}
          onImported={(summary) => {
            setDone(summary);
            setRead(null);
          }}
        />
      ) : (
        <FileStep
          onRead={(next) => {
            setDone(null);
            setRead(next);
          }}
        />
      )}
    </article>
  );
}

function FileStep(props: { onRead: (read: Read) => void }) {
  const { t } = useI18n();
  const session = useSession();
  const countries = useCountryNames();
  const submission = useSubmission();
  const [file, setFile] = useState<File | null>(null);
  const [defaults, setDefaults] = useState<Defaults>({ country: '', kind: '', authority: '' });
  const set = (field: keyof Defaults) => (value: string) => setDefaults((d) => ({ ...d, [field]: value }));
  const check = () => {
    const issue = !file
      ? 'intermediaries.import.fileMissing'
      : !formatOf(file.name)
        ? 'intermediaries.import.fileFormat'
        : null;
    return new Map(issue ? [['file', [{ path: 'file', code: 'custom', message: t(issue) }]]] : []);
  };
  const send = () =>
    submission.runChecked(check(), async () => {
      const format = file ? formatOf(file.name) : null;
      if (!file || !format) return;
      const content = await planFileOf(file, format);
      const body: RegisterFile = {
        ...content,
        format,
        keeperOrganisationId: null,
        ...(defaults.country ? { defaultCountry: defaults.country } : {}),
        ...(defaults.kind ? { defaultKind: defaults.kind as RegisterFile['defaultKind'] } : {}),
        ...(defaults.authority.trim() ? { defaultAuthority: defaults.authority.trim() } : {}),
      };
      const answer = await session.api.send<{ data: ImportPreview }>('POST', IMPORT_PREVIEW, body);
      props.onRead({ file: body, preview: answer.data });
    });
  return (
    <SubmissionForm submission={submission} onSubmit={send}>
      <p className="lede">{t('intermediaries.import.intro')}</p>
      <FormAlert problem={submission.problem} />
      <Field
        label={t('intermediaries.import.file')}
        errors={submission.fieldErrors.get('file')?.map((issue) => issue.message)}
      >
        {(control) => (
          <input
            {...control}
            type="file"
            accept=".csv,.xlsx"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        )}
      </Field>
      <SelectField
        label={t('intermediaries.import.country')}
        value={defaults.country}
        onChange={set('country')}
        choices={countries.choices}
        empty={t('intermediaries.import.none')}
        errors={submission.fieldErrors.get('defaultCountry') ?? []}
      />
      <SelectField
        label={t('intermediaries.import.kind')}
        value={defaults.kind}
        onChange={set('kind')}
        choices={KINDS.map((kind) => ({ value: kind, label: t(`intermediaries.kinds.${kind}`) }))}
        empty={t('intermediaries.import.none')}
        errors={submission.fieldErrors.get('defaultKind') ?? []}
      />
      <TextField
        label={t('intermediaries.import.authority')}
        value={defaults.authority}
        onChange={set('authority')}
        errors={submission.fieldErrors.get('defaultAuthority') ?? []}
      />
      <SubmitRow pending={submission.pending} label={t('intermediaries.import.read')} />
    </SubmissionForm>
  );
}

function PreviewStep(props: {
  read: Read;
  onAnother: () => void;
  onImported: (summary: ImportSummaryView) => void;
}) {
  const { t } = useI18n();
  const session = useSession();
  const submission = useSubmission();
  const countries = useCountryNames();
  const { preview } = props.read;
  const importable = preview.problems.length === 0 && preview.agencies.length > 0;
  const send = () =>
    submission.run(async () => {
      const answer = await session.api.send<{ data: ImportSummaryView }>('POST', IMPORT, props.read.file);
      props.onImported(answer.data);
    });
  return (
    <>
      {preview.problems.length > 0 ? (
        <div className="status status-error" role="alert">
          <p>{t('intermediaries.import.problemsIntro', { file: preview.fileName })}</p>
        </div>
      ) : null}
      <Findings
        id="problems"
        title={t('intermediaries.import.problems', { count: String(preview.problems.length) })}
        findings={preview.problems}
      />
      <section aria-labelledby="agencies-heading">
        <h2 id="agencies-heading">
          {t('intermediaries.import.agencies', { count: String(preview.agencies.length) })}
        </h2>
        {preview.agencies.length > 0 ? (
          <TableScroll>
            <table>
              <caption className="visually-hidden">
                {t('intermediaries.import.agencies', { count: String(preview.agencies.length) })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('intermediaries.name')}</th>
                  <th scope="col">{t('intermediaries.kind')}</th>
                  <th scope="col">{t('intermediaries.countryShort')}</th>
                  <th scope="col">{t('intermediaries.licences')}</th>
                  <th scope="col">{t('intermediaries.import.row')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.agencies.map((agency) => (
                  <tr key={`${agency.country}-${agency.name}-${agency.rows[0]}`}>
                    <td>{agency.name}</td>
                    <td>{t(`intermediaries.kinds.${agency.kind}`)}</td>
                    <td>{countries.nameOf(agency.country)}</td>
                    <td>
                      {agency.licences.map((licence) => (
                        <span key={licence.number} className="licence-chip">
                          <span dir="ltr">{licence.number}</span> (
                          {t(`intermediaries.states.${licence.state}`)})
                        </span>
                      ))}
                    </td>
                    <td>{agency.rows.join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : null}
      </section>
      <Findings
        id="notes"
        title={t('intermediaries.import.notes', { count: String(preview.notes.length) })}
        findings={preview.notes}
      />
      <SubmissionForm submission={submission} onSubmit={send}>
        <FormAlert problem={submission.problem} />
        <div className="button-row">
          {importable ? (
            <button type="submit" className="button" disabled={submission.pending}>
              {submission.pending
                ? t('form.sending')
                : t('intermediaries.import.go', { count: String(preview.agencies.length) })}
            </button>
          ) : null}
          <button type="button" className="button button-secondary" onClick={props.onAnother}>
            {t('intermediaries.import.another')}
          </button>
        </div>
      </SubmissionForm>
    </>
  );
}

/** A finding's explanation in the reader's language when its kind is known, else the server's English. */
function explanationKey(code: string): MessageKey | null {
  const key = `intermediaries.import.code.${code}`;
  return key in ENGLISH ? (key as MessageKey) : null;
}

function Findings(props: { id: string; title: string; findings: ImportPreview['problems'] }) {
  const { t } = useI18n();
  if (props.findings.length === 0) return null;
  const headingId = `${props.id}-heading`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{props.title}</h2>
      <TableScroll>
        <table>
          <caption className="visually-hidden">{props.title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('intermediaries.import.row')}</th>
              <th scope="col">{t('intermediaries.import.column')}</th>
              <th scope="col">{t('intermediaries.import.what')}</th>
              <th scope="col">{t('intermediaries.import.fix')}</th>
            </tr>
          </thead>
          <tbody>
            {props.findings.map((finding) => {
              const key = explanationKey(finding.code);
              return (
                <tr key={`${finding.row}-${finding.column}-${finding.code}`}>
                  <td>{finding.row}</td>
                  <td>{finding.columnName ?? finding.column ?? '—'}</td>
                  <td>
                    {key ? <p>{t(key)}</p> : null}
                    <p lang="en" dir="ltr" className={key ? 'finding-detail' : undefined}>
                      {finding.problem}
                    </p>
                  </td>
                  <td lang="en" dir="ltr">
                    {finding.fix}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
