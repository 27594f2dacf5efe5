// The fields of the activity form, grouped by the 4W questions; each shows the server's errors beside it.
import type { ReactNode } from 'react';
import type { OrganisationListResponse } from '../../api/partners.js';
import { useMechanisms } from '../../api/partners.js';
import type { FieldIssue } from '../../components/field-messages.js';
import { Field, FieldErrorText, FormAlert, type Submission } from '../../components/forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { ActivityDraft, CountryDraft } from './draft.js';
import type { ListName, Vocabulary } from './vocabulary.js';

type Props = {
  draft: ActivityDraft;
  update: (change: Partial<ActivityDraft>) => void;
  vocabulary: Vocabulary;
  leads: OrganisationListResponse['data'];
  submission: Submission;
};

/** Errors of a group of controls (a fieldset), which <Field> cannot hold. */
function GroupErrors(props: { errors: readonly FieldIssue[] | undefined; id: string; label: string }) {
  if (!props.errors?.length) return null;
  return (
    <p className="field-error" id={props.id}>
      {props.errors.map((error) => (
        <span key={`${error.path}-${error.code}`}>
          <FieldErrorText error={error} label={props.label} />{' '}
        </span>
      ))}
    </p>
  );
}

function Select(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  empty?: string;
  hint?: ReactNode;
  errors?: readonly FieldIssue[] | undefined;
}) {
  return (
    <Field label={props.label} hint={props.hint} serverErrors={props.errors}>
      {(control) => (
        <select {...control} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
          {props.empty !== undefined ? <option value="">{props.empty}</option> : null}
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function Checkboxes(props: {
  legend: string;
  list: ListName;
  values: string[];
  onChange: (values: string[]) => void;
  vocabulary: Vocabulary;
  errors?: readonly FieldIssue[] | undefined;
  name: string;
}) {
  const toggle = (code: string, on: boolean) =>
    props.onChange(on ? [...props.values, code] : props.values.filter((value) => value !== code));
  const errorId = `${props.name}-error`;
  return (
    <fieldset
      id={`${props.name}-group`}
      tabIndex={-1}
      data-label={props.legend}
      className={props.errors?.length ? 'fieldset has-error' : 'fieldset'}
      aria-describedby={props.errors?.length ? errorId : undefined}
    >
      <legend>{props.legend}</legend>
      <GroupErrors errors={props.errors} id={errorId} label={props.legend} />
      <div className="check-grid">
        {props.vocabulary.options(props.list).map((o) => (
          <label className="check" key={o.value}>
            <input
              type="checkbox"
              checked={props.values.includes(o.value)}
              onChange={(e) => toggle(o.value, e.target.checked)}
            />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function TextInput(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: string;
  hint?: ReactNode;
  errors?: readonly FieldIssue[] | undefined;
  long?: boolean;
}) {
  return (
    <Field label={props.label} hint={props.hint} serverErrors={props.errors}>
      {(control) =>
        props.long ? (
          <textarea
            {...control}
            rows={4}
            value={props.value}
            onChange={(e) => props.onChange(e.target.value)}
          />
        ) : (
          <input
            {...control}
            type={props.type ?? 'text'}
            value={props.value}
            onChange={(e) => props.onChange(e.target.value)}
          />
        )
      }
    </Field>
  );
}

export function ActivityFields(props: Props) {
  const { t } = useI18n();
  const { draft, update, vocabulary: v, submission } = props;
  const errors = submission.fieldErrors;
  const mechanisms = useMechanisms();
  const optional = t('form.optional');
  const typeOptions = v.options('pillar').flatMap((pillar) =>
    v
      .options('activity_type')
      .filter((type) => v.pillarOf(type.value) === pillar.value)
      .map((type) => ({ value: type.value, label: `${pillar.label} — ${type.label}` })),
  );
  return (
    <>
      <FormAlert problem={submission.problem} />
      <h2>{t('activity.what')}</h2>
      <TextInput
        label={t('activity.titleField')}
        value={draft.title}
        onChange={(title) => update({ title })}
        errors={errors.get('title')}
      />
      <TextInput
        label={t('activity.identifier')}
        hint={t('activityForm.identifierHint')}
        value={draft.identifier}
        onChange={(identifier) => update({ identifier })}
        errors={errors.get('identifier')}
      />
      <TextInput
        label={t('activity.description')}
        hint={optional}
        long
        value={draft.description}
        onChange={(description) => update({ description })}
        errors={errors.get('description')}
      />
      <Select
        label={t('activity.type')}
        hint={t('activityForm.typeHint')}
        value={draft.activityType}
        onChange={(activityType) => update({ activityType })}
        options={typeOptions}
        empty={t('form.choose')}
        errors={[...(errors.get('activityType') ?? []), ...(errors.get('pillar') ?? [])]}
      />
      <Checkboxes
        name="forms"
        legend={t('activity.forms')}
        list="form_of_exploitation"
        values={draft.forms}
        onChange={(forms) => update({ forms })}
        vocabulary={v}
        errors={errors.get('forms')}
      />
      <Select
        label={t('activity.chainStage')}
        value={draft.chainStage}
        onChange={(chainStage) => update({ chainStage })}
        options={v.options('chain_stage')}
        empty={t('details.none')}
        errors={errors.get('chainStage')}
      />
      <h2>{t('activity.who')}</h2>
      <Select
        label={t('activity.lead')}
        hint={t('activityForm.leadHint')}
        value={draft.leadOrganisationId}
        onChange={(leadOrganisationId) => update({ leadOrganisationId })}
        options={props.leads.map((o) => ({
          value: o.id,
          label: o.acronym ? `${o.name} (${o.acronym})` : o.name,
        }))}
        empty={t('form.choose')}
        errors={errors.get('leadOrganisationId')}
      />
      <Select
        label={t('activity.mechanism')}
        value={draft.coordinationMechanismId}
        onChange={(coordinationMechanismId) => update({ coordinationMechanismId })}
        options={(mechanisms.status === 'ready' ? mechanisms.data.data : []).map((m) => ({
          value: m.id,
          label: m.name,
        }))}
        empty={t('details.none')}
        errors={errors.get('coordinationMechanismId')}
      />
      <h2>{t('activity.where')}</h2>
      <Countries {...props} />
      <h2>{t('activity.whom')}</h2>
      <Checkboxes
        name="targetGroups"
        legend={t('activity.targetGroups')}
        list="target_group"
        values={draft.targetGroups}
        onChange={(targetGroups) => update({ targetGroups })}
        vocabulary={v}
        errors={errors.get('targetGroups')}
      />
      <PeopleInputs which="peopleTargeted" {...props} />
      <PeopleInputs which="peopleReached" {...props} />
      <Select
        label={t('activity.genderMarker')}
        value={draft.genderMarker}
        onChange={(genderMarker) => update({ genderMarker })}
        options={v.options('gender_marker')}
        empty={t('details.none')}
        errors={errors.get('genderMarker')}
      />
      <h2>{t('activity.when')}</h2>
      <Select
        label={t('activity.status')}
        value={draft.status}
        onChange={(status) => update({ status })}
        options={v.options('iati_activity_status')}
        errors={errors.get('status')}
      />
      <div className="country-row">
        {(['plannedStart', 'plannedEnd', 'actualStart', 'actualEnd'] as const).map((name) => (
          <TextInput
            key={name}
            type="date"
            label={t(`activity.${name}`)}
            value={draft[name]}
            onChange={(value) => update({ [name]: value })}
            errors={errors.get(name)}
          />
        ))}
      </div>
      <h2>{t('activity.budget')}</h2>
      <div className="country-row">
        <TextInput
          label={t('activity.budgetAmount')}
          hint={optional}
          type="number"
          value={draft.budgetAmount}
          onChange={(budgetAmount) => update({ budgetAmount })}
          errors={errors.get('budget')}
        />
        <TextInput
          label={t('activity.budgetCurrency')}
          value={draft.budgetCurrency}
          onChange={(budgetCurrency) => update({ budgetCurrency })}
        />
        <TextInput
          label={t('activity.budgetFunder')}
          hint={optional}
          value={draft.budgetFunder}
          onChange={(budgetFunder) => update({ budgetFunder })}
        />
      </div>
      <h2>{t('activity.provenance')}</h2>
      <TextInput
        label={t('activity.source')}
        hint={optional}
        value={draft.source}
        onChange={(source) => update({ source })}
        errors={errors.get('provenance')}
      />
      <label className="check">
        <input
          type="checkbox"
          checked={draft.isPublished}
          onChange={(e) => update({ isPublished: e.target.checked })}
        />
        {t('activityForm.publish')}
      </label>
    </>
  );
}

function Countries(props: Props) {
  const { t } = useI18n();
  const { draft, update, vocabulary: v } = props;
  const errors = props.submission.fieldErrors.get('countries');
  const setRow = (index: number, change: Partial<CountryDraft>) =>
    update({ countries: draft.countries.map((row, i) => (i === index ? { ...row, ...change } : row)) });
  return (
    <fieldset
      id="countries-group"
      tabIndex={-1}
      data-label={t('activity.countries')}
      className={errors?.length ? 'fieldset has-error' : 'fieldset'}
      aria-describedby={errors?.length ? 'countries-error' : undefined}
    >
      <legend>{t('activity.countries')}</legend>
      <GroupErrors errors={errors} id="countries-error" label={t('activity.countries')} />
      {draft.countries.map((row, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and have no identity
        <div className="country-row" key={index}>
          <Select
            label={t('activityForm.countryN', { n: index + 1 })}
            value={row.iso3}
            onChange={(iso3) => setRow(index, { iso3 })}
            options={v.countries}
            empty={t('form.choose')}
          />
          <Select
            label={t('activityForm.countryRole')}
            value={row.role}
            onChange={(role) => setRow(index, { role })}
            options={v.options('country_role')}
          />
          <TextInput
            label={t('activityForm.places')}
            hint={t('activityForm.placesHint')}
            value={row.places}
            onChange={(places) => setRow(index, { places })}
          />
          {draft.countries.length > 1 ? (
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => update({ countries: draft.countries.filter((_, i) => i !== index) })}
            >
              {t('activityForm.removeCountry', { n: index + 1 })}
            </button>
          ) : null}
        </div>
      ))}
      <p>
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() =>
            update({ countries: [...draft.countries, { iso3: '', role: 'origin', places: '' }] })
          }
        >
          {t('activityForm.addCountry')}
        </button>
      </p>
    </fieldset>
  );
}

function PeopleInputs(props: Props & { which: 'peopleTargeted' | 'peopleReached' }) {
  const { t } = useI18n();
  const { draft, update, vocabulary: v, which } = props;
  const errors = props.submission.fieldErrors.get(which);
  const cells = draft[which];
  const ages = v.options('age_group');
  const errorId = `${which}-error`;
  return (
    <fieldset
      id={`${which}-group`}
      tabIndex={-1}
      data-label={t(`activity.${which}`)}
      className={errors?.length ? 'fieldset has-error people-grid' : 'fieldset people-grid'}
      aria-describedby={errors?.length ? errorId : undefined}
    >
      <legend>{t(`activity.${which}`)}</legend>
      <p className="field-hint">{t('activityForm.peopleHint')}</p>
      <GroupErrors errors={errors} id={errorId} label={t(`activity.${which}`)} />
      {/* Its inputs take focus, so keyboard users scroll the frame by moving through them. */}
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <td />
              {ages.map((age) => (
                <th scope="col" key={age.value}>
                  {age.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {v.options('sex').map((sex) => (
              <tr key={sex.value}>
                <th scope="row">{sex.label}</th>
                {ages.map((age) => {
                  const cell = `${sex.value}_${age.value}`;
                  return (
                    <td key={cell}>
                      <input
                        type="number"
                        min={0}
                        step={1}
                        inputMode="numeric"
                        aria-label={t('activityForm.peopleCell', {
                          which: t(`activity.${which}`),
                          sex: sex.label,
                          age: age.label,
                        })}
                        value={cells[cell] ?? ''}
                        onChange={(e) => update({ [which]: { ...cells, [cell]: e.target.value } })}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </fieldset>
  );
}
