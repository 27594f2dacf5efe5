// Envelope encryption of victims' personal data: each person has a data key of their own, which seals each
// field and file with AES-256-GCM; the data key is stored only wrapped by a master key. Rotating the
// master key re-wraps data keys and never touches the sealed fields.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const FORMAT = 'p1';

export class EnvelopeError extends Error {}

/** A short public identifier of a master key, stored beside what it wraps; never the key itself. */
export function masterKeyId(key: Buffer): string {
  return `mk_${createHash('sha256').update('concerted master key id').update(key).digest('hex').slice(0, 16)}`;
}

export function newDataKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

/** The data key wrapped by the master key, bound to the person it belongs to. */
export function wrapDataKey(masterKey: Buffer, dataKey: Buffer, personId: string): string {
  return seal(masterKey, dataKey, `data-key:${personId}`);
}

export function unwrapDataKey(masterKey: Buffer, wrapped: string, personId: string): Buffer {
  const dataKey = open(masterKey, wrapped, `data-key:${personId}`);
  if (dataKey.length !== KEY_BYTES) throw new EnvelopeError('a wrapped data key has the wrong length');
  return dataKey;
}

/** A field's value sealed with the person's data key; the field's name is authenticated with it. */
export function sealField(dataKey: Buffer, personId: string, field: string, value: string): string {
  return seal(dataKey, Buffer.from(value, 'utf8'), `field:${personId}:${field}`);
}

export function openField(dataKey: Buffer, personId: string, field: string, sealed: string): string {
  return open(dataKey, sealed, `field:${personId}:${field}`).toString('utf8');
}

/** A file's bytes sealed with the person's data key, bound to the file's id. */
export function sealFile(dataKey: Buffer, personId: string, fileId: string, bytes: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', dataKey, iv);
  cipher.setAAD(Buffer.from(`file:${personId}:${fileId}`));
  const body = Buffer.concat([cipher.update(bytes), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function openFile(dataKey: Buffer, personId: string, fileId: string, sealed: Buffer): Buffer {
  if (sealed.length < IV_BYTES + TAG_BYTES) throw new EnvelopeError('a sealed file is cut short');
  const decipher = createDecipheriv('aes-256-gcm', dataKey, sealed.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(`file:${personId}:${fileId}`));
  decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    throw new EnvelopeError('a sealed file does not open with its key: it was changed or moved');
  }
}

function seal(key: Buffer, plaintext: Buffer, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return [
    FORMAT,
    iv.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
    body.toString('base64url'),
  ].join('.');
}

function open(key: Buffer, sealed: string, context: string): Buffer {
  const [format, iv, tag, body] = sealed.split('.');
  if (format !== FORMAT || !iv || !tag || body === undefined) throw new EnvelopeError('not a sealed value');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]);
  } catch {
    throw new EnvelopeError('a sealed value does not open with its key: it was changed or moved');
  }
}
