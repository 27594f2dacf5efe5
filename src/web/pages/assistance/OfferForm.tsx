// The form a partner fills to offer technical assistance: for which organisation, the pillars and kinds of
// help, the countries served (none for any), the languages and when the help is available.
import { OFFERS, type OfferRequest } from '../../api/assistance.js';
import type { Choice } from '../../components/forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { Vocabulary } from '../activities/vocabulary.js';
import { kindChoices, languageChoices } from './form-choices.js';
import { CheckGroup, MultiSelectField, SelectField, TextField } from './form-parts.js';
import { PostingForm, usePosting } from './PostingForm.js';

export function OfferForm(props: { organisations: Choice[]; vocabulary: Vocabulary; onPosted: () => void }) {
  const { t, info } = useI18n();
  const posting = usePosting({
    empty: {
      organisationId: props.organisations[0]?.value ?? '',
      title: '',
      description: '',
      pillars: [] as string[],
      kinds: [] as string[],
      countries: [] as string[],
      languages: [] as string[],
      availableFrom: '',
      availableUntil: '',
    },
    url: OFFERS,
    toBody: (draft): OfferRequest =>
      ({
        ...draft,
        availableFrom: draft.availableFrom || null,
        availableUntil: draft.availableUntil || null,
      }) as OfferRequest,
    onPosted: props.onPosted,
  });
  const { draft, set, errors } = posting;

  return (
    <PostingForm
      posting={posting}
      action={t('assistance.postOffer')}
      postedNote={t('assistance.offerPosted')}
    >
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
      <CheckGroup
        legend={t('assistance.field.pillars')}
        values={draft.pillars}
        onChange={(pillars) => set({ pillars })}
        choices={props.vocabulary.options('pillar')}
        errors={errors('pillars')}
      />
      <CheckGroup
        legend={t('assistance.field.kinds')}
        values={draft.kinds}
        onChange={(kinds) => set({ kinds })}
        choices={kindChoices(t)}
        errors={errors('kinds')}
      />
      <MultiSelectField
        label={t('assistance.field.countries')}
        hint={t('assistance.field.countriesHint')}
        values={draft.countries}
        onChange={(countries) => set({ countries })}
        choices={props.vocabulary.countries}
        errors={errors('countries')}
      />
      <CheckGroup
        legend={t('assistance.field.languages')}
        values={draft.languages}
        onChange={(languages) => set({ languages })}
        choices={languageChoices(info.intlLocale)}
        errors={errors('languages')}
      />
      <TextField
        label={t('assistance.field.availableFrom')}
        type="date"
        value={draft.availableFrom}
        onChange={(availableFrom) => set({ availableFrom })}
        errors={errors('availableFrom')}
        optional
      />
      <TextField
        label={t('assistance.field.availableUntil')}
        type="date"
        value={draft.availableUntil}
        onChange={(availableUntil) => set({ availableUntil })}
        errors={errors('availableUntil')}
        optional
      />
    </PostingForm>
  );
}
