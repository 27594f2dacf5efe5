// The form a signatory's editor fills to record a commitment: for which organisation, the code or principle
// signed (another one by its name), the day, the countries (none for all) and sectors covered, what the
// organisation undertakes, and whether the public sees it yet.
import { COMMITMENTS, type CommitmentRequest } from '../../api/commitments.js';
import type { Choice } from '../../components/forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { CheckGroup, MultiSelectField, SelectField, TextField } from '../assistance/form-parts.js';
import { PostingForm, usePosting } from '../assistance/PostingForm.js';
import { CheckField } from './CommitmentEditors.js';
import type { CommitmentLabels } from './commitment-labels.js';

export function CommitmentForm(props: {
  organisations: Choice[];
  labels: CommitmentLabels;
  onPosted: () => void;
}) {
  const { t } = useI18n();
  const posting = usePosting({
    empty: {
      organisationId: props.organisations[0]?.value ?? '',
      code: '',
      otherCodeName: '',
      signedOn: '',
      countries: [] as string[],
      sectors: [] as string[],
      undertaking: '',
      isPublished: false,
    },
    url: COMMITMENTS,
    toBody: (draft): CommitmentRequest =>
      ({
        ...draft,
        otherCodeName: draft.code === 'other' ? draft.otherCodeName : null,
      }) as CommitmentRequest,
    onPosted: props.onPosted,
  });
  const { draft, set, errors } = posting;
  return (
    <PostingForm posting={posting} action={t('commitments.record')} postedNote={t('commitments.recorded')}>
      <SelectField
        label={t('commitments.field.signatory')}
        value={draft.organisationId}
        onChange={(organisationId) => set({ organisationId })}
        choices={props.organisations}
        errors={errors('organisationId')}
      />
      <SelectField
        label={t('commitments.field.code')}
        value={draft.code}
        onChange={(code) => set({ code })}
        choices={props.labels.codeOptions}
        errors={errors('code')}
      />
      {draft.code === 'other' ? (
        <TextField
          label={t('commitments.field.otherCodeName')}
          value={draft.otherCodeName}
          onChange={(otherCodeName) => set({ otherCodeName })}
          errors={errors('otherCodeName')}
        />
      ) : null}
      <TextField
        label={t('commitments.field.signedOn')}
        type="date"
        value={draft.signedOn}
        onChange={(signedOn) => set({ signedOn })}
        errors={errors('signedOn')}
      />
      <MultiSelectField
        label={t('commitments.field.countries')}
        hint={t('commitments.field.countriesHint')}
        values={draft.countries}
        onChange={(countries) => set({ countries })}
        choices={props.labels.countryOptions}
        errors={errors('countries')}
      />
      <CheckGroup
        legend={t('commitments.field.sectors')}
        values={draft.sectors}
        onChange={(sectors) => set({ sectors })}
        choices={props.labels.sectorOptions}
        errors={errors('sectors')}
      />
      <TextField
        label={t('commitments.field.undertaking')}
        value={draft.undertaking}
        onChange={(undertaking) => set({ undertaking })}
        errors={errors('undertaking')}
        long
      />
      <CheckField
        label={t('commitments.field.isPublished')}
        checked={draft.isPublished}
        onChange={(isPublished) => set({ isPublished })}
      />
    </PostingForm>
  );
}
