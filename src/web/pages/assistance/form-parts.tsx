// The controls the two posting forms share: a text or date field, a single choice, a group of checkboxes
// and a list to choose several countries from, each labelled and showing the server's errors beside it.
import { useId } from 'react';
import type { FieldIssue } from '../../components/field-messages.js';
import { type Choice, Field } from '../../components/forms.js';
import {
  GroupErrors,
  SelectField as LabelledSelect,
  TextField as LabelledText,
} from '../../components/labelled-fields.js';
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
  const { optional, errors, ...rest } = props;
  return (
    <LabelledText
      {...rest}
      errors={[...(errors ?? [])]}
      {...(optional ? { hint: t('assistance.field.optional') } : {})}
    />
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
  return <LabelledSelect {...props} errors={[...(props.errors ?? [])]} empty={t('assistance.choose')} />;
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
      <GroupErrors id={errorId} label={props.legend} errors={[...(props.errors ?? [])]} />
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
