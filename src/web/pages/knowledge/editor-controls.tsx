// The editor's own controls: a text written in the item's language (marked with it, so that Arabic is typed
// right to left in any interface) and a group of checkboxes for several codes, its errors under its legend.
import { useId } from 'react';
import type { FieldIssue } from '../../components/field-messages.js';
import type { Choice } from '../../components/forms.js';
import { Field } from '../../components/forms.js';
import { GroupErrors } from '../../components/labelled-fields.js';
import { useTextLanguage } from './text-language.js';

export function WrittenField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  errors: FieldIssue[];
  language: string;
  rows?: number;
  hint?: string;
}) {
  const attributes = useTextLanguage()(props.language);
  return (
    <Field label={props.label} hint={props.hint} serverErrors={props.errors}>
      {(control) =>
        props.rows ? (
          <textarea
            {...control}
            {...attributes}
            rows={props.rows}
            value={props.value}
            onChange={(event) => props.onChange(event.target.value)}
          />
        ) : (
          <input
            {...control}
            {...attributes}
            type="text"
            value={props.value}
            onChange={(event) => props.onChange(event.target.value)}
          />
        )
      }
    </Field>
  );
}

export function CheckGroup(props: {
  legend: string;
  choices: readonly Choice[];
  values: readonly string[];
  onChange: (values: string[]) => void;
  errors: FieldIssue[];
}) {
  const id = useId();
  const hasErrors = props.errors.length > 0;
  const toggle = (value: string, isOn: boolean) =>
    props.onChange(isOn ? [...props.values, value] : props.values.filter((one) => one !== value));
  return (
    <fieldset
      id={`${id}-group`}
      tabIndex={-1}
      data-label={props.legend}
      className={hasErrors ? 'fieldset has-error' : 'fieldset'}
      aria-describedby={hasErrors ? `${id}-error` : undefined}
    >
      <legend>{props.legend}</legend>
      <GroupErrors id={`${id}-error`} label={props.legend} errors={props.errors} />
      <div className="check-grid">
        {props.choices.map((choice) => (
          <label className="check" key={choice.value}>
            <input
              type="checkbox"
              checked={props.values.includes(choice.value)}
              onChange={(event) => toggle(choice.value, event.target.checked)}
            />
            {choice.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
