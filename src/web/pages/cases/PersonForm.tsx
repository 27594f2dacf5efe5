// Changing the person record: every field prefilled from what was opened, sent whole with the version read,
// so a change made meanwhile by someone else is refused rather than overwritten. Problems show beside the
// row and field they concern. The data lives only in this form's memory.
import { useState } from 'react';
import type { PersonView } from '../../../cases/schemas.js';
import { casePath, type PersonResponse } from '../../api/cases.js';
import {
  ChoiceSelect,
  type ControlProps,
  Field,
  FormAlert,
  SubmissionForm,
  SubmitRow,
  useSubmission,
} from '../../components/forms.js';
import { RowList } from '../../components/RowList.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useSession } from '../../session/SessionProvider.js';
import { contactKey, documentKey, fieldKey } from './case-labels.js';
import type { CaseVocabulary } from './case-vocabulary.js';
import {
  CONTACT_KINDS,
  DOCUMENT_KINDS,
  type Draft,
  draftOf,
  emptyRows,
  NAME_KINDS,
  personOf,
} from './person-draft.js';

export function PersonForm(props: {
  caseId: string;
  opened: PersonView;
  vocabulary: CaseVocabulary;
  onSaved: (saved: PersonView) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const { api } = useSession();
  const submission = useSubmission();
  const [draft, setDraft] = useState<Draft>(() => draftOf(props.opened.person));
  const set = (change: Partial<Draft>) => setDraft((current) => ({ ...current, ...change }));
  const at = (path: string) => submission.errorsAt(`body.person.${path}`);

  const submit = async () => {
    let saved: PersonView | null = null;
    const ok = await submission.runChecked(emptyRows(draft), async () => {
      const reply = await api.send<PersonResponse>('PUT', casePath(props.caseId, '/person'), {
        version: props.opened.version,
        person: personOf(draft),
      });
      saved = reply.data;
    });
    if (ok && saved) props.onSaved(saved);
  };

  const kindSelect =
    <K extends string>(
      value: K,
      kinds: readonly K[],
      label: (kind: K) => string,
      onChange: (kind: K) => void,
    ) =>
    (control: ControlProps) => (
      <ChoiceSelect
        control={control}
        value={value}
        onChange={(kind) => onChange(kind as K)}
        choices={kinds.map((kind) => ({ value: kind, label: label(kind) }))}
      />
    );
  const countrySelect =
    (value: string | null | undefined, onChange: (iso3: string) => void) => (control: ControlProps) => (
      <ChoiceSelect
        control={control}
        value={value ?? ''}
        onChange={onChange}
        choices={props.vocabulary.countries}
        empty={t('cases.notRecorded')}
      />
    );

  /** A free-text answer: names may be in any script, numbers and contacts read left to right. */
  const textInput =
    (value: string, onChange: (value: string) => void, shape: { dir: 'auto' | 'ltr'; maxLength: number }) =>
    (control: ControlProps) => (
      <input
        {...control}
        type="text"
        dir={shape.dir}
        autoComplete="off"
        maxLength={shape.maxLength}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    );

  return (
    <SubmissionForm
      submission={submission}
      onSubmit={submit}
      labelledBy="person-form-heading"
      className="form person-form"
    >
      <h3 id="person-form-heading">{t('cases.personEdit.heading')}</h3>
      <p>{t('cases.personEdit.intro')}</p>
      <FormAlert problem={submission.problem} />
      <RowList
        legend={t(fieldKey('names'))}
        rows={draft.names}
        onChange={(names) => set({ names })}
        blank={() => ({ kind: 'name' as const, value: '' })}
        addLabel={t('cases.personEdit.addName')}
        removeLabel={(n) => t('cases.personEdit.removeName', { n })}
        emptyText={t('cases.notRecorded')}
      >
        {(row, index, update) => (
          <>
            <Field
              label={t('cases.personEdit.nameValue', { n: index + 1 })}
              serverErrors={at(`names.${index}.value`)}
            >
              {textInput(row.value, (value) => update({ value }), { dir: 'auto', maxLength: 200 })}
            </Field>
            <Field
              label={t('cases.personEdit.nameKind', { n: index + 1 })}
              serverErrors={at(`names.${index}.kind`)}
            >
              {kindSelect(
                row.kind,
                NAME_KINDS,
                (kind) => t(kind === 'alias' ? 'cases.personEdit.kindAlias' : 'cases.personEdit.kindName'),
                (kind) => update({ kind }),
              )}
            </Field>
          </>
        )}
      </RowList>
      <Field label={t(fieldKey('dateOfBirth'))} hint={t('form.optional')} serverErrors={at('dateOfBirth')}>
        {(control) => (
          <input
            {...control}
            type="date"
            className="input-short"
            value={draft.dateOfBirth}
            onChange={(event) => set({ dateOfBirth: event.target.value })}
          />
        )}
      </Field>
      <RowList
        legend={t(fieldKey('contacts'))}
        rows={draft.contacts}
        onChange={(contacts) => set({ contacts })}
        blank={() => ({ kind: 'phone' as const, value: '' })}
        addLabel={t('cases.personEdit.addContact')}
        removeLabel={(n) => t('cases.personEdit.removeContact', { n })}
        emptyText={t('cases.notRecorded')}
      >
        {(row, index, update) => (
          <>
            <Field
              label={t('cases.personEdit.contactKind', { n: index + 1 })}
              serverErrors={at(`contacts.${index}.kind`)}
            >
              {kindSelect(
                row.kind,
                CONTACT_KINDS,
                (kind) => t(contactKey(kind)),
                (kind) => update({ kind }),
              )}
            </Field>
            <Field
              label={t('cases.personEdit.contactValue', { n: index + 1 })}
              serverErrors={at(`contacts.${index}.value`)}
            >
              {textInput(row.value, (value) => update({ value }), { dir: 'ltr', maxLength: 200 })}
            </Field>
          </>
        )}
      </RowList>
      <RowList
        legend={t(fieldKey('identityDocuments'))}
        rows={draft.identityDocuments}
        onChange={(identityDocuments) => set({ identityDocuments })}
        blank={() => ({ kind: 'passport' as const, number: '', issuingCountry: null })}
        addLabel={t('cases.personEdit.addDocument')}
        removeLabel={(n) => t('cases.personEdit.removeDocument', { n })}
        emptyText={t('cases.notRecorded')}
      >
        {(row, index, update) => (
          <>
            <Field
              label={t('cases.personEdit.documentKind', { n: index + 1 })}
              serverErrors={at(`identityDocuments.${index}.kind`)}
            >
              {kindSelect(
                row.kind,
                DOCUMENT_KINDS,
                (kind) => t(documentKey(kind)),
                (kind) => update({ kind }),
              )}
            </Field>
            <Field
              label={t('cases.personEdit.documentNumber', { n: index + 1 })}
              serverErrors={at(`identityDocuments.${index}.number`)}
            >
              {textInput(row.number, (number) => update({ number }), { dir: 'ltr', maxLength: 100 })}
            </Field>
            <Field
              label={t('cases.personEdit.documentCountry', { n: index + 1 })}
              serverErrors={at(`identityDocuments.${index}.issuingCountry`)}
            >
              {countrySelect(row.issuingCountry, (issuingCountry) => update({ issuingCountry }))}
            </Field>
          </>
        )}
      </RowList>
      <RowList
        legend={t(fieldKey('addresses'))}
        rows={draft.addresses}
        onChange={(addresses) => set({ addresses })}
        blank={() => ({ text: '', country: null })}
        addLabel={t('cases.personEdit.addAddress')}
        removeLabel={(n) => t('cases.personEdit.removeAddress', { n })}
        emptyText={t('cases.notRecorded')}
      >
        {(row, index, update) => (
          <>
            <Field
              label={t('cases.personEdit.addressText', { n: index + 1 })}
              serverErrors={at(`addresses.${index}.text`)}
            >
              {(control) => (
                <textarea
                  {...control}
                  rows={2}
                  dir="auto"
                  maxLength={500}
                  value={row.text}
                  onChange={(event) => update({ text: event.target.value })}
                />
              )}
            </Field>
            <Field
              label={t('cases.personEdit.addressCountry', { n: index + 1 })}
              serverErrors={at(`addresses.${index}.country`)}
            >
              {countrySelect(row.country, (country) => update({ country }))}
            </Field>
          </>
        )}
      </RowList>
      <SubmitRow pending={submission.pending} label={t('cases.personEdit.save')}>
        <button type="button" className="button button-secondary" onClick={props.onCancel}>
          {t('dialog.cancel')}
        </button>
      </SubmitRow>
    </SubmissionForm>
  );
}
