// Which methods a known path answers, so that a wrong method gets 405 with Allow instead of 404 (RFC 9110 §15.5.6).
import type { RouteSummary } from './app.js';

type PathPattern = { pattern: RegExp; method: string };

/** Compiles the route table once; `:param` segments match any one path segment. */
export function allowedMethodsFinder(routeTable: readonly RouteSummary[]): (pathname: string) => string[] {
  let patterns: PathPattern[] | null = null;
  return (pathname) => {
    patterns ??= routeTable.map((route) => ({ pattern: patternOf(route.url), method: route.method }));
    const path = withoutTrailingSlash(pathname);
    const methods = new Set(patterns.filter((p) => p.pattern.test(path)).map((p) => p.method));
    if (methods.has('GET')) methods.add('HEAD');
    return [...methods].sort();
  };
}

function patternOf(url: string): RegExp {
  const source = withoutTrailingSlash(url)
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}$`);
}

function withoutTrailingSlash(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}
