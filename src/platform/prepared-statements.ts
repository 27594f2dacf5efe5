// Statements sent again and again are prepared once per connection: PostgreSQL then parses, rewrites
// (row-level security policies included) and plans them once, where an unnamed statement pays for all
// of that on every request. Planning a case read with its policies costs more server time than running
// it. Only statements with parameters are named, and only from their second sending, so that text made
// up once (literals written into it) never fills a connection with statements used a single time; each
// connection keeps a bounded number.
import { createHash } from 'node:crypto';
import type pg from 'pg';

/** Texts seen once, waiting for a second sending before they are prepared. */
const MAX_TEXTS_SEEN = 5_000;
/** Prepared statements one server connection keeps; later texts go unnamed as before. */
export const MAX_PREPARED_PER_CONNECTION = 500;

type QueryConfig = { text?: unknown; name?: unknown; values?: unknown; submit?: unknown };

export class RepeatedStatements {
  private readonly seen = new Set<string>();
  private readonly names = new Map<string, string>();

  /** The statement's name once it is worth preparing, else undefined. */
  nameFor(text: string): string | undefined {
    const known = this.names.get(text);
    if (known) return known;
    if (!this.seen.has(text)) {
      if (this.seen.size >= MAX_TEXTS_SEEN) this.seen.clear();
      this.seen.add(text);
      return undefined;
    }
    this.seen.delete(text);
    // The name depends on the text alone, so every connection agrees on it and none can mix two texts.
    const name = `concerted_${createHash('sha256').update(text).digest('base64url').slice(0, 32)}`;
    if (this.names.size >= MAX_TEXTS_SEEN) this.names.clear();
    this.names.set(text, name);
    return name;
  }
}

/** Makes every client of the pool prepare its repeated statements (see above). */
export function prepareRepeatedStatements(pool: pg.Pool, statements = new RepeatedStatements()): void {
  pool.on('connect', (client) => nameRepeatedStatements(client, statements));
}

export function nameRepeatedStatements(client: pg.ClientBase, statements: RepeatedStatements): void {
  const prepared = new Set<string>();
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const named = (config: unknown, ...rest: unknown[]) => {
    const name = nameToGive(config, rest[0], prepared, statements);
    return name ? query({ ...(config as object), name }, ...rest) : query(config, ...rest);
  };
  client.query = named as typeof client.query;
}

function nameToGive(
  config: unknown,
  values: unknown,
  prepared: Set<string>,
  statements: RepeatedStatements,
): string | undefined {
  if (typeof config !== 'object' || config === null) return undefined;
  const { text, name, submit, values: own } = config as QueryConfig;
  // Cursors, COPY streams and statements already named keep their own ways.
  if (typeof text !== 'string' || name !== undefined || typeof submit === 'function') return undefined;
  const parameters = Array.isArray(values) ? values : own;
  if (!Array.isArray(parameters) || parameters.length === 0) return undefined;
  const chosen = statements.nameFor(text);
  if (!chosen) return undefined;
  if (!prepared.has(chosen)) {
    if (prepared.size >= MAX_PREPARED_PER_CONNECTION) return undefined;
    prepared.add(chosen);
  }
  return chosen;
}
