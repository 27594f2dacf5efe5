// A small client router on the History API: links push state, back and forward re-render.
import { type AnchorHTMLAttributes, type MouseEvent, useSyncExternalStore } from 'react';

/** Fired after every change of address the app makes itself (pushState does not fire popstate). */
const LOCATION_EVENT = 'concerted:location';
/** Query parameters that follow the reader from page to page, so a copied link keeps them. */
const STICKY_PARAMS = ['lang'];

export type Location = { pathname: string; search: string };

let navigationCount = 0;
let snapshot: Location = { pathname: '/', search: '' };

function readLocation(): Location {
  const { pathname, search } = window.location;
  // A stable object while nothing changed, as useSyncExternalStore requires.
  if (snapshot.pathname !== pathname || snapshot.search !== search) snapshot = { pathname, search };
  return snapshot;
}

function subscribe(onChange: () => void): () => void {
  const onPopState = () => {
    navigationCount++;
    onChange();
  };
  window.addEventListener('popstate', onPopState);
  window.addEventListener(LOCATION_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onPopState);
    window.removeEventListener(LOCATION_EVENT, onChange);
  };
}

export function useLocation(): Location {
  return useSyncExternalStore(subscribe, readLocation);
}

/** How many navigations happened since the page loaded: 0 means the reader just arrived. */
export function navigationsSinceLoad(): number {
  return navigationCount;
}

/** The address to link to: `to` plus the sticky parameters of the current address. */
export function hrefFor(to: string, search = window.location.search): string {
  const url = new URL(to, window.location.origin);
  const current = new URLSearchParams(search);
  for (const name of STICKY_PARAMS) {
    const value = current.get(name);
    if (value !== null && !url.searchParams.has(name)) url.searchParams.set(name, value);
  }
  return url.pathname + url.search + url.hash;
}

export function navigate(to: string) {
  const href = hrefFor(to);
  if (href === window.location.pathname + window.location.search) return;
  window.history.pushState(null, '', href);
  navigationCount++;
  window.scrollTo(0, 0);
  window.dispatchEvent(new Event(LOCATION_EVENT));
}

/** Changes one query parameter without adding a history entry (for example the language). */
export function replaceQueryParam(name: string, value: string) {
  const url = new URL(window.location.href);
  if (url.searchParams.get(name) === value) return;
  url.searchParams.set(name, value);
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  window.dispatchEvent(new Event(LOCATION_EVENT));
}

/**
 * Sets or removes (null) several query parameters at once, without a history entry: a dashboard keeps
 * what the reader selected in its address, so that the address shares the view.
 */
/**
 * Filters kept in the address, so that a list can be shared: each named parameter's value ('' when absent),
 * and a change that sets the given ones (an empty value removes it) and clears those in `resetOnChange`
 * (a page offset: any new choice starts again at the first page).
 */
export function useQueryFilters<Name extends string>(
  names: readonly Name[],
  resetOnChange: readonly string[] = [],
): [Record<Name, string>, (changes: Partial<Record<Name, string>>) => void] {
  const { search } = useLocation();
  const params = new URLSearchParams(search);
  const filters = Object.fromEntries(names.map((name) => [name, params.get(name) ?? ''])) as Record<
    Name,
    string
  >;
  const change = (changes: Partial<Record<Name, string>>) =>
    replaceQueryParams({
      ...Object.fromEntries(resetOnChange.map((name) => [name, null])),
      ...Object.fromEntries(Object.entries<string | undefined>(changes).map(([k, v]) => [k, v || null])),
    });
  return [filters, change];
}

export function replaceQueryParams(changes: Readonly<Record<string, string | null>>) {
  const url = new URL(window.location.href);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) url.searchParams.delete(name);
    else url.searchParams.set(name, value);
  }
  const href = url.pathname + url.search + url.hash;
  if (href === window.location.pathname + window.location.search + window.location.hash) return;
  window.history.replaceState(window.history.state, '', href);
  window.dispatchEvent(new Event(LOCATION_EVENT));
}

function isPlainLeftClick(event: MouseEvent<HTMLAnchorElement>): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

export type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string };

/** An ordinary <a href> (open in new tab works), handled in-page on a plain click. */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const location = useLocation();
  const href = hrefFor(to, location.search);
  return (
    <a
      {...rest}
      href={href}
      onClick={(event) => {
        onClick?.(event);
        if (event.defaultPrevented || !isPlainLeftClick(event) || rest.target) return;
        event.preventDefault();
        navigate(to);
      }}
    />
  );
}

export type RouteMatch<Name extends string> = { name: Name; params: Record<string, string> };

/** Matches a path against patterns like '/reference/lists/:name'; the first match wins. */
export function matchRoute<Name extends string>(
  pathname: string,
  routes: readonly { name: Name; pattern: string }[],
): RouteMatch<Name> | null {
  const parts = pathname.replace(/\/+$/, '').split('/');
  for (const route of routes) {
    const patternParts = route.pattern.replace(/\/+$/, '').split('/');
    if (patternParts.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const isMatch = patternParts.every((part, i) => {
      const actual = parts[i] ?? '';
      if (part.startsWith(':')) {
        params[part.slice(1)] = safeDecode(actual);
        return actual.length > 0;
      }
      return part === actual;
    });
    if (isMatch) return { name: route.name, params };
  }
  return null;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // A malformed escape in a typed address should lead to "not found", not a crash.
    return segment;
  }
}
