// One measure in the editor: title, owner and contributors, deadline, budget, status, where it acts, the 4W
// activities that implement it, its funding by funder, and its indicators.
import { MEASURE_STATUSES } from '../../../plans/schemas.js';
import type { Choice } from '../../components/forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { ActivityPicker } from './ActivityPicker.js';
import { type ErrorsAt, PickList, SelectField, TextField } from './editor-fields.js';
import { IndicatorFields } from './IndicatorFields.js';
import { removeAt, replaceAt } from './list-edits.js';
import { emptyFunding, emptyIndicator, type FundingDraft, type MeasureDraft } from './plan-draft.js';
import type { FocusNew } from './use-focus-new.js';

type Props = {
  measure: MeasureDraft;
  path: string;
  number: string;
  onChange: (change: Partial<MeasureDraft>) => void;
  onRemove: () => void;
  organisations: Choice[];
  errorsAt: ErrorsAt;
  focusNew: FocusNew;
};

export function MeasureFields(props: Props) {
  const { t } = useI18n();
  const { measure, path, number: n, onChange, errorsAt, focusNew } = props;
  return (
    <section className="editor-measure" aria-labelledby={`${measure.key}-heading`}>
      <h4 id={`${measure.key}-heading`} tabIndex={-1} ref={focusNew.refFor(measure.key)}>
        {t('plans.editor.measureN', { n })}
        {measure.title ? <span className="editor-heading-name">{measure.title}</span> : null}
      </h4>
      <TextField
        label={t('plans.field.measureTitle', { n })}
        value={measure.title}
        onChange={(title) => onChange({ title })}
        errors={errorsAt(`${path}.title`)}
      />
      <div className="field-row">
        <SelectField
          label={t('plans.field.owner', { n })}
          value={measure.ownerOrganisationId}
          onChange={(ownerOrganisationId) => onChange({ ownerOrganisationId })}
          choices={props.organisations}
          empty={t('form.choose')}
          errors={errorsAt(`${path}.ownerOrganisationId`)}
        />
        <SelectField
          label={t('plans.field.status', { n })}
          value={measure.status}
          onChange={(status) => onChange({ status: status as MeasureDraft['status'] })}
          choices={MEASURE_STATUSES.map((status) => ({
            value: status,
            label: t(`plans.measureStatus.${status}`),
          }))}
          errors={errorsAt(`${path}.status`)}
        />
        <TextField
          type="date"
          label={t('plans.field.deadline', { n })}
          hint={t('form.optional')}
          value={measure.deadline}
          onChange={(deadline) => onChange({ deadline })}
          errors={errorsAt(`${path}.deadline`)}
        />
      </div>
      <PickList
        legend={t('plans.field.contributors', { n })}
        addLabel={t('plans.editor.addOrganisation')}
        values={measure.contributingOrganisationIds}
        onChange={(contributingOrganisationIds) => onChange({ contributingOrganisationIds })}
        choices={props.organisations.filter((choice) => choice.value !== measure.ownerOrganisationId)}
        errors={errorsAt(`${path}.contributingOrganisationIds`)}
      />
      <div className="field-row">
        <TextField
          type="number"
          label={t('plans.field.budget', { n })}
          hint={t('form.optional')}
          value={measure.budgetAmount}
          onChange={(budgetAmount) => onChange({ budgetAmount })}
          errors={[...errorsAt(`${path}.budget.amountMinor`), ...errorsAt(`${path}.budget`)]}
        />
        <TextField
          label={t('plans.field.currency', { n })}
          hint={t('plans.editor.currencyHint')}
          className="field-narrow"
          dir="ltr"
          value={measure.budgetCurrency}
          onChange={(budgetCurrency) => onChange({ budgetCurrency: budgetCurrency.toUpperCase() })}
          errors={errorsAt(`${path}.budget.currency`)}
        />
      </div>
      <ActivityPicker
        legend={t('plans.field.activities', { n })}
        activities={measure.activities}
        onChange={(activities) => onChange({ activities })}
        errors={errorsAt(`${path}.activityIds`)}
        errorsAt={(a) => errorsAt(`${path}.activityIds.${a}`)}
      />
      <FundingRows {...props} />
      {measure.indicators.map((indicator, i) => (
        <IndicatorFields
          key={indicator.key}
          indicator={indicator}
          path={`${path}.indicators.${i}`}
          number={`${n}.${i + 1}`}
          onChange={(change) => onChange({ indicators: replaceAt(measure.indicators, i, change) })}
          onRemove={() => {
            onChange({ indicators: removeAt(measure.indicators, i) });
            focusNew.focusLater(`${measure.key}-add-indicator`);
          }}
          errorsAt={errorsAt}
          focusNew={focusNew}
        />
      ))}
      <div className="button-row">
        <button
          type="button"
          id={`${measure.key}-add-indicator`}
          className="button button-secondary"
          onClick={() => {
            const indicator = emptyIndicator();
            onChange({ indicators: [...measure.indicators, indicator] });
            focusNew.focusLater(indicator.key);
          }}
        >
          {t('plans.editor.addIndicator', { n })}
        </button>
        <button type="button" className="button button-danger" onClick={props.onRemove}>
          {t('plans.editor.removeMeasure', { n })}
        </button>
      </div>
    </section>
  );
}

function FundingRows(props: Props) {
  const { t } = useI18n();
  const { measure, path, number: n, onChange, errorsAt } = props;
  const set = (f: number, change: Partial<FundingDraft>) =>
    onChange({ funding: replaceAt(measure.funding, f, change) });
  return (
    <fieldset className="fieldset">
      <legend>{t('plans.field.funding', { n })}</legend>
      <p className="field-hint">{t('plans.editor.fundingHint')}</p>
      {measure.funding.map((row, f) => {
        const at = `${path}.funding.${f}`;
        const m = f + 1;
        return (
          <div className="field-row funding-row" key={row.key}>
            <SelectField
              label={t('plans.field.funder', { n: m })}
              value={row.funderOrganisationId}
              onChange={(funderOrganisationId) => set(f, { funderOrganisationId })}
              choices={props.organisations}
              empty={t('form.choose')}
              errors={errorsAt(`${at}.funderOrganisationId`)}
            />
            <TextField
              label={t('plans.field.fundingCurrency', { n: m })}
              className="field-narrow"
              dir="ltr"
              value={row.currency}
              onChange={(currency) => set(f, { currency: currency.toUpperCase() })}
              errors={errorsAt(`${at}.currency`)}
            />
            <TextField
              type="number"
              label={t('plans.field.committed', { n: m })}
              value={row.committed}
              onChange={(committed) => set(f, { committed })}
              errors={errorsAt(`${at}.committedMinor`)}
            />
            <TextField
              type="number"
              label={t('plans.field.spent', { n: m })}
              value={row.spent}
              onChange={(spent) => set(f, { spent })}
              errors={errorsAt(`${at}.spentMinor`)}
            />
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => {
                onChange({ funding: removeAt(measure.funding, f) });
                props.focusNew.focusLater(`${measure.key}-add-funding`);
              }}
            >
              {t('plans.editor.removeFunding', { n: m })}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        id={`${measure.key}-add-funding`}
        className="button button-secondary button-small"
        onClick={() =>
          onChange({ funding: [...measure.funding, emptyFunding(measure.budgetCurrency || 'USD')] })
        }
      >
        {t('plans.editor.addFunding')}
      </button>
    </fieldset>
  );
}
