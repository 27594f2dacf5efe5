// The plan's own fields: title, description, scope, countries, period and coordinating organisation.
import { PLAN_SCOPES } from '../../../plans/schemas.js';
import type { Choice } from '../../components/forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useCountryNames } from './countries.js';
import { type ErrorsAt, PickList, SelectField, TextField } from './editor-fields.js';
import type { PlanDraft } from './plan-draft.js';

export function PlanFields(props: {
  draft: PlanDraft;
  update: (change: Partial<PlanDraft>) => void;
  coordinators: Choice[];
  errorsAt: ErrorsAt;
}) {
  const { t } = useI18n();
  const countries = useCountryNames();
  const { draft, update, errorsAt } = props;
  return (
    <section aria-labelledby="plan-fields" className="editor-section">
      <h2 id="plan-fields">{t('plans.editor.planHeading')}</h2>
      <TextField
        label={t('plans.field.title')}
        value={draft.title}
        onChange={(title) => update({ title })}
        errors={errorsAt('body.title')}
      />
      <TextField
        label={t('plans.field.description')}
        hint={t('form.optional')}
        long
        value={draft.description}
        onChange={(description) => update({ description })}
        errors={errorsAt('body.description')}
      />
      <SelectField
        label={t('plans.column.scope')}
        value={draft.scope}
        onChange={(scope) => update({ scope: scope as PlanDraft['scope'] })}
        choices={PLAN_SCOPES.map((scope) => ({ value: scope, label: t(`plans.scope.${scope}`) }))}
        errors={errorsAt('body.scope')}
      />
      <PickList
        legend={t('plans.column.countries')}
        addLabel={t('plans.editor.addCountry')}
        values={draft.countries}
        onChange={(chosen) => update({ countries: chosen })}
        choices={countries.choices}
        errors={errorsAt('body.countries')}
      />
      <div className="field-row">
        <TextField
          type="date"
          label={t('plans.field.start')}
          value={draft.start}
          onChange={(start) => update({ start })}
          errors={errorsAt('body.period.start')}
        />
        <TextField
          type="date"
          label={t('plans.field.end')}
          value={draft.end}
          onChange={(end) => update({ end })}
          errors={errorsAt('body.period.end')}
        />
      </div>
      <SelectField
        label={t('plans.column.coordinator')}
        hint={t('plans.editor.coordinatorHint')}
        value={draft.coordinatorOrganisationId}
        onChange={(coordinatorOrganisationId) => update({ coordinatorOrganisationId })}
        choices={props.coordinators}
        empty={t('form.choose')}
        errors={errorsAt('body.coordinatorOrganisationId')}
      />
    </section>
  );
}
