// The editor's small controls: a labelled text, number, date or choice field whose errors come from one body
// path, and a pick list (choose, add, remove) for countries and organisations.
import { useId, useState } from 'react';
import type { FieldIssue } from '../../components/field-messages.js';
import { type Choice, ChoiceSelect, Field, FieldErrorText } from '../../components/forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';

/** Where a field's errors come from: the server's and the page's, by the body path they concern. */
export type ErrorsAt = (path: string) => FieldIssue[];

type TextProps = {
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

/**
 * Several choices out of many (countries, organisations): the chosen ones listed with a button each to
 * remove them, and a select with an "Add" button, so that moving through the select never adds by accident.
 */
export function PickList(props: {
  legend: string;
  addLabel: string;
  values: readonly string[];
  onChange: (values: string[]) => void;
  choices: readonly Choice[];
  errors: FieldIssue[];
  hint?: string;
}) {
  const { t } = useI18n();
  const id = useId();
  const [next, setNext] = useState('');
  const labelOf = (value: string) => props.choices.find((choice) => choice.value === value)?.label ?? value;
  const available = props.choices.filter((choice) => !props.values.includes(choice.value));
  const hasErrors = props.errors.length > 0;
  return (
    <fieldset
      id={`${id}-group`}
      tabIndex={-1}
      data-label={props.legend}
      className={hasErrors ? 'fieldset pick-list has-error' : 'fieldset pick-list'}
      aria-describedby={hasErrors ? `${id}-error` : undefined}
    >
      <legend>{props.legend}</legend>
      {props.hint ? <p className="field-hint">{props.hint}</p> : null}
      <GroupErrors id={`${id}-error`} label={props.legend} errors={props.errors} />
      {props.values.length === 0 ? (
        <p className="muted">{t('plans.editor.noneChosen')}</p>
      ) : (
        <ul className="picked">
          {props.values.map((value) => (
            <li key={value}>
              <span>{labelOf(value)}</span>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => {
                  props.onChange(props.values.filter((other) => other !== value));
                  // The button pressed goes away with its row: focus goes on to the select that adds.
                  document.getElementById(`${id}-add`)?.focus();
                }}
              >
                {t('plans.editor.remove')}
                <span className="visually-hidden"> {labelOf(value)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="pick-add">
        <label htmlFor={`${id}-add`} className="visually-hidden">
          {props.addLabel}
        </label>
        <select id={`${id}-add`} value={next} onChange={(event) => setNext(event.target.value)}>
          <option value="">{props.addLabel}</option>
          {available.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={next === ''}
          onClick={() => {
            props.onChange([...props.values, next]);
            setNext('');
          }}
        >
          {t('plans.editor.add')}
          <span className="visually-hidden"> {props.legend}</span>
        </button>
      </div>
    </fieldset>
  );
}
