// Secrets at rest and in transit: random tokens, SHA-256 digests and AES-256-GCM sealing with the
// installation key (ENCRYPTION_KEY, or a key file created under DATA_DIR on first start).
import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeNewFileDurably } from './durable-file.js';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const SEAL_VERSION = 'v1';

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** A URL-safe random token with the given prefix, e.g. `cct_…` for API tokens. */
export function randomToken(prefix = '', bytes = 32): string {
  return `${prefix}${randomBytes(bytes).toString('base64url')}`;
}

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export class KeyError extends Error {}

/** Seals and opens small secrets (TOTP seeds now, personal data later) with one installation key. */
export class Sealer {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== KEY_BYTES) throw new KeyError(`the encryption key must be ${KEY_BYTES} bytes`);
    this.#key = key;
  }

  seal(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    // The context (table and column) is authenticated, so a sealed value cannot be moved elsewhere.
    cipher.setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [SEAL_VERSION, iv, cipher.getAuthTag(), body].map(encodePart).join('.');
  }

  open(sealed: string, context: string): string {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== SEAL_VERSION || !iv || !tag || body === undefined)
      throw new KeyError('not a sealed value');
    const decipher = createDecipheriv('aes-256-gcm', this.#key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }
}

function encodePart(part: string | Buffer): string {
  return typeof part === 'string' ? part : part.toString('base64url');
}

/** The installation key: from ENCRYPTION_KEY (base64, 32 bytes) or a 0600 file under the data directory. */
export async function loadInstallationKey(options: {
  encryptionKey?: string | undefined;
  dataDir: string;
}): Promise<Buffer> {
  if (options.encryptionKey) {
    const key = Buffer.from(options.encryptionKey, 'base64');
    if (key.length !== KEY_BYTES)
      throw new KeyError(`ENCRYPTION_KEY must be ${KEY_BYTES} bytes in base64 (openssl rand -base64 32)`);
    return key;
  }
  const file = path.join(options.dataDir, 'keys', 'installation.key');
  try {
    return Buffer.from((await readFile(file, 'utf8')).trim(), 'base64');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(KEY_BYTES);
  // On disk before anything is sealed with it; a process that started at the same moment and wrote its
  // key first wins, and this one uses that key.
  if (await writeNewFileDurably(file, `${key.toString('base64')}\n`)) return key;
  return Buffer.from((await readFile(file, 'utf8')).trim(), 'base64');
}
