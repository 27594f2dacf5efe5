// An item's files: each to download, with its format and size; on a draft its writers attach a PDF or Word
// file (checked here for format and size first, the server's refusal shown beside the file field) or remove one.
import { useState } from 'react';
import { DOCX, PDF } from '../../../knowledge/attachments/limits.js';
import { attachmentPath, type ItemResponse, type ItemView, itemPath } from '../../api/knowledge.js';
import type { FieldIssue } from '../../components/field-messages.js';
import {
  Field,
  FormAlert,
  SubmissionForm,
  SubmitRow,
  SuccessNote,
  useSubmission,
} from '../../components/forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useSession } from '../../session/SessionProvider.js';
import { attachmentProblem, MAX_FILE_BYTES, readAsBase64 } from './attachment-file.js';

export function AttachmentsSection(props: { item: ItemView; onChanged: () => void }) {
  const { t } = useI18n();
  const { item } = props;
  if (item.attachments.length === 0 && !item.can.attach) return null;
  return (
    <section aria-labelledby="item-files" className="item-files">
      <h2 id="item-files">{t('knowledge.files.heading')}</h2>
      {item.attachments.length === 0 ? (
        <p className="muted">{t('knowledge.files.none')}</p>
      ) : (
        <ul className="file-list">
          {item.attachments.map((file) => (
            <AttachmentRow key={file.id} item={item} file={file} onChanged={props.onChanged} />
          ))}
        </ul>
      )}
      {item.can.attach ? <AttachForm item={item} onChanged={props.onChanged} /> : null}
    </section>
  );
}

function AttachmentRow(props: {
  item: ItemView;
  file: ItemView['attachments'][number];
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const session = useSession();
  const removal = useSubmission();
  const { file, item } = props;
  const size = useFileSize();
  const format = file.mediaType === PDF ? 'PDF' : file.mediaType === DOCX ? 'Word' : file.mediaType;
  return (
    <li>
      <a href={attachmentPath(item.id, file.id)} download={file.fileName}>
        <bdi>{file.fileName}</bdi>
      </a>{' '}
      <span className="muted">{t('knowledge.files.about', { format, size: size(file.byteSize) })}</span>
      {item.can.attach ? (
        <>
          {' '}
          <button
            type="button"
            className="button button-secondary button-small"
            disabled={removal.pending}
            onClick={async () => {
              if (await removal.run(() => session.api.send('DELETE', attachmentPath(item.id, file.id))))
                props.onChanged();
            }}
          >
            {t('knowledge.files.remove')}
            <span className="visually-hidden"> {file.fileName}</span>
          </button>
          <FormAlert problem={removal.problem} />
        </>
      ) : null}
    </li>
  );
}

/** Sizes as people read them: kB below a megabyte, MB above, in the reader's number format. */
function useFileSize(): (bytes: number) => string {
  const { info } = useI18n();
  return (bytes) => {
    const isLarge = bytes >= 1024 * 1024;
    return new Intl.NumberFormat(info.intlLocale, {
      style: 'unit',
      unit: isLarge ? 'megabyte' : 'kilobyte',
      maximumFractionDigits: isLarge ? 1 : 0,
    }).format(isLarge ? bytes / 1024 / 1024 : Math.max(1, bytes / 1024));
  };
}

function AttachForm(props: { item: ItemView; onChanged: () => void }) {
  const { t } = useI18n();
  const session = useSession();
  const submission = useSubmission();
  const [file, setFile] = useState<File | null>(null);
  const [attached, setAttached] = useState<string | null>(null);
  const send = () => {
    setAttached(null);
    const checked = new Map<string, FieldIssue[]>();
    if (!file) checked.set('body.content', [{ code: 'choose_file' }]);
    else if (file.size > MAX_FILE_BYTES) checked.set('body.content', [{ code: 'file_too_large' }]);
    else if (!/\.(pdf|docx)$/i.test(file.name)) checked.set('body.content', [{ code: 'file_type' }]);
    return submission.runChecked(checked, async () => {
      if (!file) return;
      await session.api.send<ItemResponse>('POST', itemPath(props.item.id, '/attachments'), {
        fileName: file.name,
        content: await readAsBase64(file),
      });
      setAttached(file.name);
      setFile(null);
      props.onChanged();
    });
  };
  const fileErrors = submission.errorsAt('body.content');
  const whole = attachmentProblem(submission.problem);
  return (
    <SubmissionForm submission={submission} onSubmit={send} className="form attach-form">
      <h3>{t('knowledge.files.attachHeading')}</h3>
      {attached ? <SuccessNote>{t('knowledge.files.attached', { name: attached })}</SuccessNote> : null}
      <FormAlert problem={submission.problem} />
      <Field
        label={t('knowledge.files.file')}
        hint={t('knowledge.files.hint')}
        serverErrors={fileErrors}
        errors={whole ? [t(whole)] : []}
      >
        {(control) => (
          <input
            {...control}
            key={attached ?? 'file'}
            type="file"
            accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        )}
      </Field>
      <SubmitRow pending={submission.pending} label={t('knowledge.files.attach')} />
    </SubmissionForm>
  );
}
