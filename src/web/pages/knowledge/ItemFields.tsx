// The fields every item has: who writes it, its kind and language, its texts, its year, and the countries,
// pillars, forms of exploitation and people it concerns.
import { KNOWLEDGE_LANGUAGES } from '../../../knowledge/text/languages.js';
import type { Choice } from '../../components/forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { type ErrorsAt, PickList, SelectField, TextField } from '../plans/editor-fields.js';
import { CheckGroup, WrittenField } from './editor-controls.js';
import type { ItemDraft } from './item-draft.js';
import type { KnowledgeVocabulary } from './knowledge-vocabulary.js';
import { endonymOf } from './text-language.js';

export function ItemFields(props: {
  draft: ItemDraft;
  update: (change: Partial<ItemDraft>) => void;
  organisations: Choice[];
  /** Languages the item's group has a version in already: a new version takes another. */
  takenLanguages: readonly string[];
  isNew: boolean;
  vocabulary: KnowledgeVocabulary;
  errorsAt: ErrorsAt;
}) {
  const { t } = useI18n();
  const { draft, update, errorsAt, vocabulary: v } = props;
  const languages = KNOWLEDGE_LANGUAGES.filter((code) => !props.takenLanguages.includes(code)).map(
    (code) => ({
      value: code,
      label: endonymOf(code),
    }),
  );
  return (
    <section aria-labelledby="item-fields" className="editor-section">
      <h2 id="item-fields">{t('knowledge.editor.itemHeading')}</h2>
      {props.isNew ? (
        <SelectField
          label={t('knowledge.item.organisation')}
          hint={t('knowledge.editor.organisationHint')}
          value={draft.organisationId}
          onChange={(organisationId) => update({ organisationId })}
          choices={props.organisations}
          empty={t('form.choose')}
          errors={errorsAt('body.organisationId')}
        />
      ) : null}
      <SelectField
        label={t('knowledge.facet.type')}
        value={draft.type}
        onChange={(type) => update({ type })}
        choices={v.types}
        empty={t('form.choose')}
        errors={errorsAt('body.type')}
      />
      <SelectField
        label={t('knowledge.editor.language')}
        hint={t('knowledge.editor.languageHint')}
        value={draft.language}
        onChange={(language) => update({ language })}
        choices={languages}
        empty={t('form.choose')}
        errors={errorsAt('body.language')}
      />
      <WrittenField
        label={t('knowledge.field.title')}
        language={draft.language}
        value={draft.title}
        onChange={(title) => update({ title })}
        errors={errorsAt('body.title')}
      />
      <WrittenField
        label={t('knowledge.item.summary')}
        hint={t('knowledge.editor.summaryHint')}
        language={draft.language}
        rows={4}
        value={draft.summary}
        onChange={(summary) => update({ summary })}
        errors={errorsAt('body.summary')}
      />
      <WrittenField
        label={t('knowledge.item.body')}
        hint={t('knowledge.editor.bodyHint')}
        language={draft.language}
        rows={12}
        value={draft.body}
        onChange={(body) => update({ body })}
        errors={errorsAt('body.body')}
      />
      <TextField
        label={t('knowledge.field.year')}
        hint={t('form.optional')}
        type="number"
        value={draft.year}
        onChange={(year) => update({ year })}
        errors={errorsAt('body.year')}
      />
      <PickList
        legend={t('knowledge.field.countries')}
        addLabel={t('knowledge.editor.addCountry')}
        values={draft.countries}
        onChange={(countries) => update({ countries })}
        choices={v.countries}
        errors={errorsAt('body.countries')}
      />
      <CheckGroup
        legend={t('knowledge.facet.pillar')}
        choices={v.options('pillar')}
        values={draft.pillars}
        onChange={(pillars) => update({ pillars })}
        errors={errorsAt('body.pillars')}
      />
      <CheckGroup
        legend={t('knowledge.facet.form')}
        choices={v.options('form_of_exploitation')}
        values={draft.forms}
        onChange={(forms) => update({ forms })}
        errors={errorsAt('body.forms')}
      />
      <CheckGroup
        legend={t('knowledge.field.targetGroups')}
        choices={v.options('target_group')}
        values={draft.targetGroups}
        onChange={(targetGroups) => update({ targetGroups })}
        errors={errorsAt('body.targetGroups')}
      />
    </section>
  );
}
