// The form a country's partner fills to post a need for technical assistance: for which organisation and
// country, the pillar and kind of help, the languages it can be given in and the date it is wanted by.
import { NEEDS, type NeedRequest } from '../../api/assistance.js';
import type { Choice } from '../../components/forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { Vocabulary } from '../activities/vocabulary.js';
import { kindChoices, languageChoices } from './form-choices.js';
import { CheckGroup, SelectField, TextField } from './form-parts.js';
import { PostingForm, usePosting } from './PostingForm.js';

export function NeedForm(props: { organisations: Choice[]; vocabulary: Vocabulary; onPosted: () => void }) {
  const { t, info } = useI18n();
  const posting = usePosting({
    empty: {
      organisationId: props.organisations[0]?.value ?? '',
      country: '',
      pillar: '',
      kind: '',
      title: '',
      description: '',
      languages: [] as string[],
      wantedBy: '',
    },
    url: NEEDS,
    toBody: (draft): NeedRequest => ({ ...draft, wantedBy: draft.wantedBy || null }) as NeedRequest,
    onPosted: props.onPosted,
  });
  const { draft, set, errors } = posting;

  return (
    <PostingForm posting={posting} action={t('assistance.postNeed')} postedNote={t('assistance.needPosted')}>
      <SelectField
        label={t('assistance.field.organisation')}
        value={draft.organisationId}
        onChange={(organisationId) => set({ organisationId })}
        choices={props.organisations}
        errors={errors('organisationId')}
      />
      <TextField
        label={t('assistance.field.title')}
        value={draft.title}
        onChange={(title) => set({ title })}
        errors={errors('title')}
      />
      <TextField
        label={t('assistance.field.description')}
        value={draft.description}
        onChange={(description) => set({ description })}
        errors={errors('description')}
        long
        optional
      />
      <SelectField
        label={t('assistance.field.country')}
        value={draft.country}
        onChange={(country) => set({ country })}
        choices={props.vocabulary.countries}
        errors={errors('country')}
      />
      <SelectField
        label={t('assistance.field.pillar')}
        value={draft.pillar}
        onChange={(pillar) => set({ pillar })}
        choices={props.vocabulary.options('pillar')}
        errors={errors('pillar')}
      />
      <SelectField
        label={t('assistance.field.kind')}
        value={draft.kind}
        onChange={(kind) => set({ kind })}
        choices={kindChoices(t)}
        errors={errors('kind')}
      />
      <CheckGroup
        legend={t('assistance.field.languages')}
        values={draft.languages}
        onChange={(languages) => set({ languages })}
        choices={languageChoices(info.intlLocale)}
        errors={errors('languages')}
      />
      <TextField
        label={t('assistance.field.wantedBy')}
        type="date"
        value={draft.wantedBy}
        onChange={(wantedBy) => set({ wantedBy })}
        errors={errors('wantedBy')}
        optional
      />
    </PostingForm>
  );
}
