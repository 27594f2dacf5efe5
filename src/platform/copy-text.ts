// PostgreSQL's COPY … FROM STDIN in text format: escaping fields, the node-postgres client that can stream
// it, and sending prepared lines in one stream.
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A field in COPY's text format: \N for null; backslash, tab and line breaks escaped. */
export function copyField(value: string | null): string {
  if (value === null) return '\\N';
  return COPY_SPECIAL.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c] ?? c) : value;
}

/**
 * JSON text (as JSON.stringify writes it) as a COPY field. JSON writes tabs and line breaks inside strings as
 * escapes, never raw, so only its backslashes need doubling: a byte search finds them, where the regular
 * expression of copyField looks at every character of a snapshot of a kilobyte or more.
 */
export function copyJsonField(json: string): string {
  return json.includes('\\') ? json.replaceAll('\\', '\\\\') : json;
}

/** The node-postgres client under a Drizzle transaction; PGlite has none. */
export function postgresClientOf(db: unknown): pg.ClientBase | null {
  const client = (db as { session?: { client?: unknown } }).session?.client;
  return client instanceof pg.Client ? client : null;
}

export type CopyStream = NodeJS.WritableStream & { destroy(error?: Error): void };

/** Opens `COPY table (columns) FROM STDIN` on the transaction's connection; errors surface at `finished`. */
export function openCopy(client: pg.ClientBase, table: string, columns: readonly string[]): CopyStream {
  const list = columns.map((c) => `"${c}"`).join(', ');
  return client.query(copyFrom(`COPY "${table.replaceAll('"', '""')}" (${list}) FROM STDIN`)) as CopyStream;
}

/** Sends text (whole lines) and waits when the connection's buffer is full, so memory stays flat. */
export async function writeCopy(stream: CopyStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

/** Ends the COPY and resolves once the server has taken every line (rejects when it refused one). */
export async function endCopy(stream: CopyStream): Promise<void> {
  stream.end();
  await finished(stream);
}

/**
 * COPY text held as UTF-8 bytes outside the JavaScript heap while it waits to be sent: rows kept as strings
 * for a batch survive several garbage collections and are copied by each, bytes are not.
 */
export class CopyBytes {
  private bytes: Buffer;
  /** Bytes written so far. */
  length = 0;

  constructor(capacity = 1 << 20) {
    this.bytes = Buffer.allocUnsafe(capacity);
  }

  /** Empties it for new lines, keeping its memory; what was read from it before must no longer be in use. */
  clear(): void {
    this.length = 0;
  }

  /** Appends text; returns the offset where it ends. */
  append(text: string): number {
    // A UTF-16 code unit takes at most three bytes in UTF-8.
    this.reserve(text.length * 3);
    this.length += this.bytes.write(text, this.length, 'utf8');
    return this.length;
  }

  /** Appends one byte (a line break, say); returns the offset where it ends. */
  appendByte(byte: number): number {
    this.reserve(1);
    this.bytes[this.length++] = byte;
    return this.length;
  }

  /** Appends bytes (a part of another CopyBytes). */
  appendBytes(bytes: Uint8Array): number {
    this.reserve(bytes.length);
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
    return this.length;
  }

  /** The bytes from `start` to `end`, without copying. */
  slice(start: number, end: number): Buffer {
    return this.bytes.subarray(start, end);
  }

  private reserve(more: number) {
    if (this.length + more <= this.bytes.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.length + more));
    this.bytes.copy(grown, 0, 0, this.length);
    this.bytes = grown;
  }
}
