// The editor's small controls: a labelled text, number, date or choice field whose errors come from one body
// path, and a pick list (choose, add, remove) for countries and organisations.
import { useId, useState } from 'react';
import type { FieldIssue } from '../../components/field-messages.js';
import type { Choice } from '../../components/forms.js';
import { GroupErrors } from '../../components/labelled-fields.js';
import { useI18n } from '../../i18n/I18nProvider.js';

export { GroupErrors, SelectField, TextField } from '../../components/labelled-fields.js';

/** Where a field's errors come from: the server's and the page's, by the body path they concern. */
export type ErrorsAt = (path: string) => FieldIssue[];

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
