// Focus after adding or removing a row: a new row's heading takes focus as it appears, and after a removal
// focus goes to the button that adds one, so keyboard and screen-reader users are never left on nothing.
import { useCallback, useRef } from 'react';

export type FocusNew = {
  /** Ask to focus the element with this key (a row's heading ref) or this id once it is drawn. */
  focusLater: (keyOrId: string) => void;
  /** A ref for a row's heading, which takes focus when its key was asked for. */
  refFor: (key: string) => (element: HTMLElement | null) => void;
};

export function useFocusNew(): FocusNew {
  const wanted = useRef<string | null>(null);
  const focusLater = useCallback((keyOrId: string) => {
    wanted.current = keyOrId;
    // An element that exists already (a button after a removal) is focused once the change is drawn.
    requestAnimationFrame(() => {
      if (wanted.current !== keyOrId) return;
      const element = document.getElementById(keyOrId);
      if (element) {
        wanted.current = null;
        element.focus();
      }
    });
  }, []);
  const refFor = useCallback(
    (key: string) => (element: HTMLElement | null) => {
      if (element && wanted.current === key) {
        wanted.current = null;
        element.focus();
      }
    },
    [],
  );
  return { focusLater, refFor };
}
