// The particulars of a law (country, instrument, articles) or of a court's decision (court, date, jurisdiction,
// charges, outcome, the Palermo elements found, and counts of victims and defendants by sex and age group).
import { GroupErrors } from '../../components/labelled-fields.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { type ErrorsAt, SelectField, TextField } from '../plans/editor-fields.js';
import { CheckGroup, WrittenField } from './editor-controls.js';
import type { ItemDraft } from './item-draft.js';
import type { KnowledgeVocabulary } from './knowledge-vocabulary.js';
import { PeopleRows } from './PeopleRows.js';

type Props = {
  draft: ItemDraft;
  update: (change: Partial<ItemDraft>) => void;
  vocabulary: KnowledgeVocabulary;
  errorsAt: ErrorsAt;
};

export function ParticularsFields(props: Props) {
  if (props.draft.type === 'legislation') return <LegislationFields {...props} />;
  if (props.draft.type === 'case_law') return <CaseLawFields {...props} />;
  return null;
}

function LegislationFields(props: Props) {
  const { t } = useI18n();
  const { draft, errorsAt } = props;
  const law = draft.legislation;
  const set = (change: Partial<ItemDraft['legislation']>) =>
    props.update({ legislation: { ...law, ...change } });
  return (
    <section aria-labelledby="law-fields" className="editor-section">
      <h2 id="law-fields">{t('knowledge.law.heading')}</h2>
      <GroupErrors id="law-errors" label={t('knowledge.law.heading')} errors={errorsAt('body.legislation')} />
      <SelectField
        label={t('knowledge.law.country')}
        value={law.country}
        onChange={(country) => set({ country })}
        choices={props.vocabulary.countries}
        empty={t('form.choose')}
        errors={errorsAt('body.legislation.country')}
      />
      <WrittenField
        label={t('knowledge.law.instrument')}
        hint={t('knowledge.editor.instrumentHint')}
        language={draft.language}
        value={law.instrument}
        onChange={(instrument) => set({ instrument })}
        errors={errorsAt('body.legislation.instrument')}
      />
      <WrittenField
        label={t('knowledge.law.articles')}
        hint={t('knowledge.editor.onePerLine')}
        language={draft.language}
        rows={4}
        value={law.articles}
        onChange={(articles) => set({ articles })}
        errors={errorsAt('body.legislation.articles')}
      />
    </section>
  );
}

function CaseLawFields(props: Props) {
  const { t } = useI18n();
  const { draft, errorsAt, vocabulary: v } = props;
  const decision = draft.caseLaw;
  const set = (change: Partial<ItemDraft['caseLaw']>) =>
    props.update({ caseLaw: { ...decision, ...change } });
  return (
    <section aria-labelledby="case-fields" className="editor-section">
      <h2 id="case-fields">{t('knowledge.case.heading')}</h2>
      <GroupErrors id="case-errors" label={t('knowledge.case.heading')} errors={errorsAt('body.caseLaw')} />
      <WrittenField
        label={t('knowledge.case.court')}
        hint={t('knowledge.editor.courtHint')}
        language={draft.language}
        value={decision.court}
        onChange={(court) => set({ court })}
        errors={errorsAt('body.caseLaw.court')}
      />
      <div className="field-row">
        <TextField
          type="date"
          label={t('knowledge.case.decisionDate')}
          value={decision.decisionDate}
          onChange={(decisionDate) => set({ decisionDate })}
          errors={errorsAt('body.caseLaw.decisionDate')}
        />
        <SelectField
          label={t('knowledge.case.jurisdiction')}
          value={decision.jurisdiction}
          onChange={(jurisdiction) => set({ jurisdiction })}
          choices={v.countries}
          empty={t('form.choose')}
          errors={errorsAt('body.caseLaw.jurisdiction')}
        />
      </div>
      <WrittenField
        label={t('knowledge.case.charges')}
        hint={t('knowledge.editor.onePerLine')}
        language={draft.language}
        rows={3}
        value={decision.charges}
        onChange={(charges) => set({ charges })}
        errors={errorsAt('body.caseLaw.charges')}
      />
      <SelectField
        label={t('knowledge.case.outcome')}
        value={decision.outcome}
        onChange={(outcome) => set({ outcome })}
        choices={v.outcomes}
        empty={t('form.choose')}
        errors={errorsAt('body.caseLaw.outcome')}
      />
      <CheckGroup
        legend={t('knowledge.case.acts')}
        choices={v.acts}
        values={decision.acts}
        onChange={(acts) => set({ acts })}
        errors={errorsAt('body.caseLaw.acts')}
      />
      <CheckGroup
        legend={t('knowledge.case.means')}
        choices={v.means}
        values={decision.means}
        onChange={(means) => set({ means })}
        errors={errorsAt('body.caseLaw.means')}
      />
      <CheckGroup
        legend={t('knowledge.case.purposes')}
        choices={v.options('form_of_exploitation')}
        values={decision.purposes}
        onChange={(purposes) => set({ purposes })}
        errors={errorsAt('body.caseLaw.purposes')}
      />
      <CheckGroup
        legend={t('knowledge.case.sectors')}
        choices={v.options('forced_labour_sector')}
        values={decision.sectors}
        onChange={(sectors) => set({ sectors })}
        errors={errorsAt('body.caseLaw.sectors')}
      />
      <PeopleRows
        group="victims"
        legend={t('knowledge.case.victims')}
        rows={decision.victims}
        onChange={(victims) => set({ victims })}
        vocabulary={v}
        errorsAt={errorsAt}
      />
      <PeopleRows
        group="defendants"
        legend={t('knowledge.case.defendants')}
        rows={decision.defendants}
        onChange={(defendants) => set({ defendants })}
        vocabulary={v}
        errorsAt={errorsAt}
      />
    </section>
  );
}
