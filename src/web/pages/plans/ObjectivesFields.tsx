// The plan's objectives, each under a pillar, with their measures: add, change and remove them.
import { PLAN_PILLARS } from '../../../plans/schemas.js';
import type { Choice } from '../../components/forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { type ErrorsAt, SelectField, TextField } from './editor-fields.js';
import { removeAt, replaceAt } from './list-edits.js';
import { MeasureFields } from './MeasureFields.js';
import { emptyMeasure, emptyObjective, type ObjectiveDraft } from './plan-draft.js';
import { useFocusNew } from './use-focus-new.js';

export function ObjectivesFields(props: {
  objectives: ObjectiveDraft[];
  onChange: (objectives: ObjectiveDraft[]) => void;
  organisations: Choice[];
  defaultOwner: string;
  errorsAt: ErrorsAt;
}) {
  const { t } = useI18n();
  const { objectives, onChange, errorsAt } = props;
  const focusNew = useFocusNew();
  return (
    <section aria-labelledby="plan-objectives" className="editor-section">
      <h2 id="plan-objectives">{t('plans.editor.objectivesHeading')}</h2>
      {objectives.length === 0 ? <p className="muted">{t('plans.editor.noObjectives')}</p> : null}
      {objectives.map((objective, o) => {
        const at = `body.objectives.${o}`;
        const n = o + 1;
        const set = (change: Partial<ObjectiveDraft>) => onChange(replaceAt(objectives, o, change));
        return (
          <section
            key={objective.key}
            className="editor-objective"
            aria-labelledby={`${objective.key}-heading`}
          >
            <h3 id={`${objective.key}-heading`} tabIndex={-1} ref={focusNew.refFor(objective.key)}>
              {t('plans.editor.objectiveN', { n })}
              {objective.title ? <span className="editor-heading-name">{objective.title}</span> : null}
            </h3>
            <TextField
              label={t('plans.field.objectiveTitle', { n })}
              value={objective.title}
              onChange={(title) => set({ title })}
              errors={errorsAt(`${at}.title`)}
            />
            <SelectField
              label={t('plans.field.pillar', { n })}
              value={objective.pillar}
              onChange={(pillar) => set({ pillar: pillar as ObjectiveDraft['pillar'] })}
              choices={PLAN_PILLARS.map((pillar) => ({ value: pillar, label: t(`plans.pillar.${pillar}`) }))}
              errors={errorsAt(`${at}.pillar`)}
            />
            {objective.measures.map((measure, m) => (
              <MeasureFields
                key={measure.key}
                measure={measure}
                path={`${at}.measures.${m}`}
                number={`${n}.${m + 1}`}
                onChange={(change) => set({ measures: replaceAt(objective.measures, m, change) })}
                onRemove={() => {
                  set({ measures: removeAt(objective.measures, m) });
                  focusNew.focusLater(`${objective.key}-add-measure`);
                }}
                organisations={props.organisations}
                errorsAt={errorsAt}
                focusNew={focusNew}
              />
            ))}
            <div className="button-row">
              <button
                type="button"
                id={`${objective.key}-add-measure`}
                className="button button-secondary"
                onClick={() => {
                  const measure = emptyMeasure(props.defaultOwner);
                  set({ measures: [...objective.measures, measure] });
                  focusNew.focusLater(measure.key);
                }}
              >
                {t('plans.editor.addMeasure', { n })}
              </button>
              <button
                type="button"
                className="button button-danger"
                onClick={() => {
                  onChange(removeAt(objectives, o));
                  focusNew.focusLater('add-objective');
                }}
              >
                {t('plans.editor.removeObjective', { n })}
              </button>
            </div>
          </section>
        );
      })}
      <p>
        <button
          type="button"
          id="add-objective"
          className="button button-secondary"
          onClick={() => {
            const objective = emptyObjective();
            onChange([...objectives, objective]);
            focusNew.focusLater(objective.key);
          }}
        >
          {t('plans.editor.addObjective')}
        </button>
      </p>
    </section>
  );
}
