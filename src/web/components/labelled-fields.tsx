// Labelled form controls shared by the editors: a text, number or date field and a single choice whose
// errors show beside them, and the errors of a group of controls under its legend.
import type { FieldIssue } from './field-messages.js';
import { type Choice, ChoiceSelect, Field, FieldErrorText } from './forms.js';

export type TextProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  errors: FieldIssue[];
  hint?: string;
  type?: 'text' | 'date' | 'number';
  long?: boolean;
  className?: string;
  dir?: 'ltr';
};

export function TextField(props: TextProps) {
  return (
    <Field label={props.label} hint={props.hint} serverErrors={props.errors} className={props.className}>
      {(control) =>
        props.long ? (
          <textarea
            {...control}
            rows={3}
            value={props.value}
            onChange={(event) => props.onChange(event.target.value)}
          />
        ) : (
          <input
            {...control}
            type={props.type ?? 'text'}
            dir={props.dir}
            step={props.type === 'number' ? 'any' : undefined}
            inputMode={props.type === 'number' ? 'decimal' : undefined}
            value={props.value}
            onChange={(event) => props.onChange(event.target.value)}
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
  errors: FieldIssue[];
  empty?: string;
  hint?: string;
  className?: string;
}) {
  return (
    <Field label={props.label} hint={props.hint} serverErrors={props.errors} className={props.className}>
      {(control) => (
        <ChoiceSelect
          control={control}
          value={props.value}
          onChange={props.onChange}
          choices={props.choices}
          {...(props.empty === undefined ? {} : { empty: props.empty })}
        />
      )}
    </Field>
  );
}

/** Errors of a group of controls, under its legend. */
export function GroupErrors(props: { id: string; label: string; errors: FieldIssue[] }) {
  if (props.errors.length === 0) return null;
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
