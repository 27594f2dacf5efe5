// One indicator in the editor: name, definition, unit, direction, baseline, targets by period (by sex and age
// when disaggregated), and where its actual values come from.
import { PLAN_PILLARS } from '../../../plans/schemas.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useCountryNames } from './countries.js';
import { type ErrorsAt, SelectField, TextField } from './editor-fields.js';
import { removeAt, replaceAt } from './list-edits.js';
import { emptyTarget, type IndicatorDraft, type TargetDraft } from './plan-draft.js';
import type { FocusNew } from './use-focus-new.js';

type Props = {
  indicator: IndicatorDraft;
  path: string;
  number: string;
  onChange: (change: Partial<IndicatorDraft>) => void;
  onRemove: () => void;
  errorsAt: ErrorsAt;
  focusNew: FocusNew;
};

export function IndicatorFields(props: Props) {
  const { t } = useI18n();
  const { indicator, path, number: n, onChange, errorsAt } = props;
  return (
    <section className="editor-indicator" aria-labelledby={`${indicator.key}-heading`}>
      <h5 id={`${indicator.key}-heading`} tabIndex={-1} ref={props.focusNew.refFor(indicator.key)}>
        {t('plans.editor.indicatorN', { n })}
        {indicator.name ? <span className="editor-heading-name">{indicator.name}</span> : null}
      </h5>
      <TextField
        label={t('plans.field.indicatorName', { n })}
        value={indicator.name}
        onChange={(name) => onChange({ name })}
        errors={errorsAt(`${path}.name`)}
      />
      <TextField
        label={t('plans.field.definition', { n })}
        hint={t('form.optional')}
        long
        value={indicator.definition}
        onChange={(definition) => onChange({ definition })}
        errors={errorsAt(`${path}.definition`)}
      />
      <div className="field-row">
        <TextField
          label={t('plans.field.unit', { n })}
          hint={t('plans.editor.unitHint')}
          value={indicator.unit}
          onChange={(unit) => onChange({ unit })}
          errors={errorsAt(`${path}.unit`)}
        />
        <SelectField
          label={t('plans.field.direction', { n })}
          value={indicator.direction}
          onChange={(direction) => onChange({ direction: direction as IndicatorDraft['direction'] })}
          choices={(['increase', 'decrease'] as const).map((direction) => ({
            value: direction,
            label: t(`plans.direction.${direction}`),
          }))}
          errors={errorsAt(`${path}.direction`)}
        />
      </div>
      <div className="field-row">
        <TextField
          type="number"
          label={t('plans.field.baselineValue', { n })}
          hint={t('form.optional')}
          value={indicator.baselineValue}
          onChange={(baselineValue) => onChange({ baselineValue })}
          errors={[...errorsAt(`${path}.baseline.value`), ...errorsAt(`${path}.baseline`)]}
        />
        <TextField
          type="date"
          label={t('plans.field.baselineDate', { n })}
          hint={t('form.optional')}
          value={indicator.baselineDate}
          onChange={(baselineDate) => onChange({ baselineDate })}
          errors={errorsAt(`${path}.baseline.date`)}
        />
      </div>
      <fieldset className="fieldset">
        <legend>{t('plans.field.disaggregation', { n })}</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={indicator.bySex}
            onChange={(event) => onChange({ bySex: event.target.checked })}
          />
          {t('plans.disaggregation.sex')}
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={indicator.byAge}
            onChange={(event) => onChange({ byAge: event.target.checked })}
          />
          {t('plans.disaggregation.age')}
        </label>
      </fieldset>
      <Targets {...props} />
      <SourceFields {...props} />
      <p>
        <button type="button" className="button button-danger button-small" onClick={props.onRemove}>
          {t('plans.editor.removeIndicator', { n })}
        </button>
      </p>
    </section>
  );
}

function Targets(props: Props) {
  const { t } = useI18n();
  const { indicator, path, number: n, onChange, errorsAt } = props;
  const set = (index: number, change: Partial<TargetDraft>) =>
    onChange({ targets: replaceAt(indicator.targets, index, change) });
  const addId = `${indicator.key}-add-target`;
  return (
    <fieldset className="fieldset">
      <legend>{t('plans.field.targets', { n })}</legend>
      {indicator.targets.map((target, index) => {
        const at = `${path}.targets.${index}`;
        const m = index + 1;
        return (
          <div className="field-row target-row" key={target.key}>
            <TextField
              type="date"
              label={t('plans.field.targetStart', { n: m })}
              value={target.start}
              onChange={(start) => set(index, { start })}
              errors={errorsAt(`${at}.start`)}
            />
            <TextField
              type="date"
              label={t('plans.field.targetEnd', { n: m })}
              value={target.end}
              onChange={(end) => set(index, { end })}
              errors={errorsAt(`${at}.end`)}
            />
            {indicator.bySex ? (
              <SelectField
                label={t('plans.field.targetSex', { n: m })}
                value={target.sex}
                onChange={(sex) => set(index, { sex })}
                empty={t('plans.breakdown.total')}
                choices={(['female', 'male', 'other'] as const).map((sex) => ({
                  value: sex,
                  label: t(`plans.sex.${sex}`),
                }))}
                errors={errorsAt(`${at}.sex`)}
              />
            ) : null}
            {indicator.byAge ? (
              <SelectField
                label={t('plans.field.targetAge', { n: m })}
                value={target.age}
                onChange={(age) => set(index, { age })}
                empty={t('plans.breakdown.total')}
                choices={(['children', 'adults'] as const).map((age) => ({
                  value: age,
                  label: t(`plans.age.${age}`),
                }))}
                errors={errorsAt(`${at}.age`)}
              />
            ) : null}
            <TextField
              type="number"
              label={t('plans.field.targetValue', { n: m })}
              value={target.value}
              onChange={(value) => set(index, { value })}
              errors={errorsAt(`${at}.value`)}
            />
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => {
                onChange({ targets: removeAt(indicator.targets, index) });
                props.focusNew.focusLater(addId);
              }}
            >
              {t('plans.editor.removeTarget', { n: m })}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        id={addId}
        className="button button-secondary button-small"
        onClick={() => onChange({ targets: [...indicator.targets, emptyTarget()] })}
      >
        {t('plans.editor.addTarget')}
      </button>
    </fieldset>
  );
}

/** Manual entry, a statistics query (by indicator name and country), or a count of 4W activities. */
function SourceFields(props: Props) {
  const { t } = useI18n();
  const countries = useCountryNames();
  const { indicator, path, number: n, onChange, errorsAt } = props;
  const { source } = indicator;
  const kind = source.kind;
  const choose = (next: string) =>
    onChange({
      source:
        next === 'statistics'
          ? { kind: 'statistics', query: { indicator: '' } }
          : next === 'activities'
            ? { kind: 'activities', filter: { linkedToMeasure: true } }
            : { kind: 'manual' },
    });
  return (
    <div className="source-fields">
      <SelectField
        label={t('plans.field.source', { n })}
        value={kind}
        onChange={choose}
        choices={(['manual', 'statistics', 'activities'] as const).map((value) => ({
          value,
          label: t(`plans.source.${value}`),
        }))}
        errors={errorsAt(`${path}.source`)}
      />
      {source.kind === 'statistics' ? (
        <div className="field-row">
          <TextField
            label={t('plans.field.statisticsIndicator', { n })}
            hint={t('plans.editor.statisticsHint')}
            dir="ltr"
            value={source.query.indicator}
            onChange={(value) =>
              onChange({ source: { ...source, query: { ...source.query, indicator: value } } })
            }
            errors={errorsAt(`${path}.source.query.indicator`)}
          />
          <SelectField
            label={t('plans.field.sourceCountry', { n })}
            value={source.query.country ?? ''}
            onChange={(country) => {
              const { country: _dropped, ...query } = source.query;
              onChange({ source: { ...source, query: country ? { ...query, country } : query } });
            }}
            empty={t('plans.editor.planCountries')}
            choices={countries.choices}
            errors={errorsAt(`${path}.source.query.country`)}
          />
        </div>
      ) : null}
      {source.kind === 'activities' ? (
        <div className="field-row">
          <SelectField
            label={t('plans.field.sourcePillar', { n })}
            value={source.filter.pillar ?? ''}
            onChange={(pillar) => {
              const { pillar: _dropped, ...filter } = source.filter;
              onChange({
                source: {
                  ...source,
                  filter: pillar ? { ...filter, pillar: pillar as (typeof PLAN_PILLARS)[number] } : filter,
                },
              });
            }}
            empty={t('plans.editor.anyPillar')}
            choices={PLAN_PILLARS.map((pillar) => ({ value: pillar, label: t(`plans.pillar.${pillar}`) }))}
            errors={errorsAt(`${path}.source.filter.pillar`)}
          />
          <label className="check">
            <input
              type="checkbox"
              checked={source.filter.linkedToMeasure ?? false}
              onChange={(event) =>
                onChange({
                  source: { ...source, filter: { ...source.filter, linkedToMeasure: event.target.checked } },
                })
              }
            />
            {t('plans.field.linkedOnly')}
          </label>
        </div>
      ) : null}
    </div>
  );
}
