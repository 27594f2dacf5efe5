// COPY … FROM STDIN in text format: field escaping, and the node-postgres client that can stream it.
import pg from 'pg';

const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A field in COPY's text format: \N for null; backslash, tab and line breaks escaped. */
export function copyField(value: string | null): string {
  if (value === null) return '\\N';
  return COPY_SPECIAL.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c] ?? c) : value;
}

/** The node-postgres client under a Drizzle transaction; PGlite has none. */
export function postgresClientOf(db: unknown): pg.ClientBase | null {
  const client = (db as { session?: { client?: unknown } }).session?.client;
  return client instanceof pg.Client ? client : null;
}
