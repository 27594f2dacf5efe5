// Tabs as the WAI-ARIA Authoring Practices describe them: one tab stop for the tab list, arrow keys move
// between tabs (mirrored right-to-left), Home and End jump to the ends, and a tab is selected as it gets focus.
import { type KeyboardEvent, type ReactNode, useId, useRef } from 'react';

export type TabItem = { id: string; label: string };

export function Tabs(props: {
  label: string;
  tabs: readonly TabItem[];
  selected: string;
  onSelect: (id: string) => void;
  children: ReactNode;
}) {
  const baseId = useId();
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const index = Math.max(
    0,
    props.tabs.findIndex((tab) => tab.id === props.selected),
  );
  const current = props.tabs[index];

  const move = (to: number) => {
    const count = props.tabs.length;
    const target = props.tabs[(to + count) % count];
    if (!target) return;
    props.onSelect(target.id);
    buttons.current.get(target.id)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const isRtl = getComputedStyle(event.currentTarget).direction === 'rtl';
    const forward = isRtl ? 'ArrowLeft' : 'ArrowRight';
    const backward = isRtl ? 'ArrowRight' : 'ArrowLeft';
    const moves: Record<string, () => void> = {
      [forward]: () => move(index + 1),
      [backward]: () => move(index - 1),
      Home: () => move(0),
      End: () => move(props.tabs.length - 1),
    };
    const action = moves[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  return (
    <div className="tabs">
      <div role="tablist" aria-label={props.label} className="tab-list" onKeyDown={onKeyDown}>
        {props.tabs.map((tab) => {
          const isSelected = tab.id === current?.id;
          return (
            <button
              key={tab.id}
              ref={(element) => {
                if (element) buttons.current.set(tab.id, element);
                else buttons.current.delete(tab.id);
              }}
              type="button"
              role="tab"
              id={`${baseId}-tab-${tab.id}`}
              aria-selected={isSelected}
              aria-controls={`${baseId}-panel-${tab.id}`}
              tabIndex={isSelected ? 0 : -1}
              className="tab"
              onClick={() => props.onSelect(tab.id)}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      {current ? (
        <div
          role="tabpanel"
          id={`${baseId}-panel-${current.id}`}
          aria-labelledby={`${baseId}-tab-${current.id}`}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: the WAI-ARIA tabs pattern makes the panel a tab stop, so that Tab from the tab list reaches a panel without controls
          tabIndex={0}
          className="tab-panel"
        >
          {props.children}
        </div>
      ) : null}
    </div>
  );
}
