// COPY … FROM STDIN text lines written straight into byte chunks: a row costs no string of its own, and
// the chunk goes to the connection as it is (a string would be encoded to UTF-8 once more on its way).
// Fields follow COPY's text format: \N for null; backslash, tab and line breaks escaped.
import { once } from 'node:events';

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const BACKSLASH = 0x5c;
/** Strings up to this length are copied character by character; a longer one is encoded by the runtime. */
const SHORT = 64;

export class CopyLines {
  private bytes: Buffer;
  /** Bytes written into the current chunk. */
  length = 0;

  constructor(private readonly capacity = 1 << 16) {
    this.bytes = Buffer.allocUnsafe(capacity);
  }

  /** Whether the chunk is full enough to send. */
  get isFull(): boolean {
    return this.length >= this.capacity - 1024;
  }

  /** The chunk written so far, handed over whole; the next line starts a new chunk. */
  take(): Buffer {
    const chunk = this.bytes.subarray(0, this.length);
    this.bytes = Buffer.allocUnsafe(Math.max(this.capacity, this.length));
    this.length = 0;
    return chunk;
  }

  /** A whole number (as row numbers and counts are); any other number as JavaScript writes it. */
  number(value: number): this {
    if (!Number.isInteger(value) || value < 0 || value > 0x7fffffff) return this.ascii(String(value));
    this.reserve(10);
    const bytes = this.bytes;
    let n = value;
    let at = this.length + digitsOf(n);
    this.length = at;
    do {
      const rest = (n / 10) | 0;
      at -= 1;
      bytes[at] = 0x30 + n - rest * 10;
      n = rest;
    } while (n > 0);
    return this;
  }

  /** A text field, or \N for null. */
  text(value: string | null): this {
    if (value === null) return this.ascii('\\N');
    const count = value.length;
    if (count <= SHORT) {
      this.reserve(count);
      const bytes = this.bytes;
      let at = this.length;
      let i = 0;
      for (; i < count; i += 1) {
        const c = value.charCodeAt(i);
        if (c >= 0x80 || c === BACKSLASH || c === TAB || c === LF || c === CR) break;
        bytes[at] = c;
        at += 1;
      }
      if (i === count) {
        this.length = at;
        return this;
      }
    }
    return this.encoded(value);
  }

  /** Bytes already in COPY's text format (a field or several, made once and reused). */
  raw(bytes: Uint8Array): this {
    this.reserve(bytes.length);
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
    return this;
  }

  /** Text known to need no escaping and to be ASCII (numbers, \N, t and f). */
  ascii(text: string): this {
    this.reserve(text.length);
    const bytes = this.bytes;
    let at = this.length;
    for (let i = 0; i < text.length; i += 1) {
      bytes[at] = text.charCodeAt(i);
      at += 1;
    }
    this.length = at;
    return this;
  }

  /** Ends a field. */
  tab(): this {
    this.reserve(1);
    this.bytes[this.length] = TAB;
    this.length += 1;
    return this;
  }

  /** Ends a line. */
  end(): this {
    this.reserve(1);
    this.bytes[this.length] = LF;
    this.length += 1;
    return this;
  }

  private encoded(value: string): this {
    const escaped = /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, escapeOf) : value;
    // A UTF-16 code unit takes at most three bytes in UTF-8.
    this.reserve(escaped.length * 3);
    this.length += this.bytes.write(escaped, this.length, 'utf8');
    return this;
  }

  private reserve(more: number): void {
    if (this.length + more <= this.bytes.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.length + more));
    this.bytes.copy(grown, 0, 0, this.length);
    this.bytes = grown;
  }
}

function digitsOf(n: number): number {
  if (n < 10_000) return n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : 4;
  if (n < 100_000_000) return n < 100_000 ? 5 : n < 1_000_000 ? 6 : n < 10_000_000 ? 7 : 8;
  return n < 1_000_000_000 ? 9 : 10;
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const escapeOf = (c: string) => ESCAPES[c] ?? c;

/** A field in COPY's text format as bytes, to be written with CopyLines.raw. */
export function copyFieldBytes(values: readonly (string | null)[]): Buffer {
  const lines = new CopyLines(256);
  values.forEach((value, i) => {
    if (i > 0) lines.tab();
    lines.text(value);
  });
  return Buffer.from(lines.take());
}

/** Sends the chunk written so far; waits only when the connection's buffer is full, so memory stays flat. */
export async function sendLines(stream: NodeJS.WritableStream, lines: CopyLines): Promise<void> {
  if (lines.length === 0) return;
  if (!stream.write(lines.take())) await once(stream, 'drain');
}
