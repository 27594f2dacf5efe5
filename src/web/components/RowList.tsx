// A list of rows a person edits in a form (names, contacts, goals, actions): each row with its own fields
// and a button to remove it, and one to add a row. Focus follows: to the new row's first control when one
// is added, to the add button when one is removed, so keyboard users never lose their place.
import { type ReactNode, useEffect, useRef, useState } from 'react';

import { type Keyed, newRowKey } from './row-keys.js';

export { type Keyed, newRowKey, withKeys, withoutKey } from './row-keys.js';

export function RowList<T extends Keyed>(props: {
  legend: ReactNode;
  rows: T[];
  onChange: (rows: T[]) => void;
  blank: () => Omit<T, 'key'>;
  addLabel: string;
  removeLabel: (position: number) => string;
  /** Says there is nothing yet; shown instead of the rows. */
  emptyText: ReactNode;
  max?: number;
  /** The fields of one row; `update` changes that row only. */
  children: (row: T, index: number, update: (change: Partial<T>) => void) => ReactNode;
}) {
  const list = useRef<HTMLDivElement | null>(null);
  const addButton = useRef<HTMLButtonElement | null>(null);
  const [focus, setFocus] = useState<'last' | 'add' | null>(null);
  useEffect(() => {
    if (focus === 'last')
      list.current
        ?.querySelector<HTMLElement>(':scope > .row-item:last-of-type :is(input, select, textarea)')
        ?.focus();
    if (focus === 'add') addButton.current?.focus();
    if (focus) setFocus(null);
  }, [focus]);
  const update = (index: number) => (change: Partial<T>) =>
    props.onChange(props.rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const add = () => {
    props.onChange([...props.rows, { ...props.blank(), key: newRowKey() } as T]);
    setFocus('last');
  };
  const remove = (index: number) => {
    props.onChange(props.rows.filter((_, i) => i !== index));
    setFocus('add');
  };
  return (
    <fieldset className="fieldset row-list">
      <legend>{props.legend}</legend>
      <div ref={list}>
        {props.rows.length === 0 ? <p className="muted">{props.emptyText}</p> : null}
        {props.rows.map((row, index) => (
          <div key={row.key} className="row-item">
            {props.children(row, index, update(index))}
            <button
              type="button"
              className="button button-secondary button-small row-remove"
              onClick={() => remove(index)}
            >
              {props.removeLabel(index + 1)}
            </button>
          </div>
        ))}
      </div>
      {props.rows.length < (props.max ?? 20) ? (
        <div>
          <button
            ref={addButton}
            type="button"
            className="button button-secondary button-small"
            onClick={add}
          >
            {props.addLabel}
          </button>
        </div>
      ) : null}
    </fieldset>
  );
}
