// The controls the two posting forms share: a text or date field, a single choice, a group of checkboxes
// and a list to choose several countries from, each labelled and showing the server's errors beside it.
import { useId } from 'react';
import type { FieldIssue } from '../../components/field-messages.js';
import { type Choice, ChoiceSelect, Field, FieldErrorText } from '../../components/forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';

type Errors = readonly FieldIssue[] | undefined;

export function TextField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  errors: Errors;
  type?: 'text' | 'date';
  long?: boolean;
  optional?: boolean;
}) {
  const { t } = useI18n();
  return (
    <Field
      label={props.label}
      hint={props.optional ? t('assistance.field.optional') : undefined}
      serverErrors={props.errors}
    >
      {(control) =>
        props.long ? (
          <textarea
            {...control}
            rows={3}
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

export function SelectField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  choices: readonly Choice[];
  errors: Errors;
}) {
  const { t } = useI18n();
  return (
    <Field label={props.label} serverErrors={props.errors}>
      {(control) => (
        <ChoiceSelect
          control={control}
          value={props.value}
          onChange={props.onChange}
          choices={props.choices}
          empty={t('assistance.choose')}
        />
      )}
    </Field>
  );
}

export function CheckGroup(props: {
  legend: string;
  values: string[];
  onChange: (values: string[]) => void;
  choices: readonly Choice[];
  errors: Errors;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const hasErrors = (props.errors?.length ?? 0) > 0;
  const toggle = (value: string, on: boolean) =>
    props.onChange(on ? [...props.values, value] : props.values.filter((v) => v !== value));
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      data-label={props.legend}
      className={hasErrors ? 'fieldset has-error' : 'fieldset'}
      aria-describedby={hasErrors ? errorId : undefined}
    >
      <legend>{props.legend}</legend>
      {hasErrors ? (
        <p className="field-error" id={errorId}>
          {props.errors?.map((error) => (
            <span key={`${error.path}-${error.code}`}>
              <FieldErrorText error={error} label={props.legend} />{' '}
            </span>
          ))}
        </p>
      ) : null}
      <div className="check-grid">
        {props.choices.map((choice) => (
          <label className="check" key={choice.value}>
            <input
              type="checkbox"
              checked={props.values.includes(choice.value)}
              onChange={(e) => toggle(choice.value, e.target.checked)}
            />
            {choice.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function MultiSelectField(props: {
  label: string;
  hint: string;
  values: string[];
  onChange: (values: string[]) => void;
  choices: readonly Choice[];
  errors: Errors;
}) {
  return (
    <Field label={props.label} hint={props.hint} serverErrors={props.errors}>
      {(control) => (
        <select
          {...control}
          multiple
          size={6}
          value={props.values}
          onChange={(e) => props.onChange([...e.target.selectedOptions].map((option) => option.value))}
        >
          {props.choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
