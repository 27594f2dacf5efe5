// This installation's keys for cross-border referral packages: an Ed25519 key that signs what it sends and
// an X25519 key that partners encrypt to. Made on first use beside the master keys (0600); partners learn
// the public halves out of band and register them, checking the fingerprint by phone or in person.
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export type ExchangeIdentity = {
  signingKey: KeyObject;
  agreementKey: KeyObject;
  publicKeys: PublicKeys;
};

/** The public halves as base64 DER (SPKI), as partners register them. */
export type PublicKeys = { signingPublicKey: string; agreementPublicKey: string; fingerprint: string };

const FILES = { signing: 'exchange-signing.pem', agreement: 'exchange-agreement.pem' } as const;

export async function loadExchangeIdentity(directory: string): Promise<ExchangeIdentity> {
  await mkdir(directory, { recursive: true, mode: 0o700 });
  const signingKey = await loadOrCreate(path.join(directory, FILES.signing), 'ed25519');
  const agreementKey = await loadOrCreate(path.join(directory, FILES.agreement), 'x25519');
  return { signingKey, agreementKey, publicKeys: publicKeysOf(signingKey, agreementKey) };
}

async function loadOrCreate(file: string, type: 'ed25519' | 'x25519'): Promise<KeyObject> {
  try {
    return createPrivateKey(await readFile(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { privateKey } = generateKeyPairSync(type as 'ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  try {
    await writeFile(file, pem, { mode: 0o600, flag: 'wx' });
    return privateKey;
  } catch (error) {
    // Another process made it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      return createPrivateKey(await readFile(file, 'utf8'));
    throw error;
  }
}

function publicKeysOf(signingKey: KeyObject, agreementKey: KeyObject): PublicKeys {
  const der = (key: KeyObject) =>
    (createPublicKey(key).export({ type: 'spki', format: 'der' }) as Buffer).toString('base64');
  const signingPublicKey = der(signingKey);
  const agreementPublicKey = der(agreementKey);
  return {
    signingPublicKey,
    agreementPublicKey,
    fingerprint: fingerprintOf(signingPublicKey, agreementPublicKey),
  };
}

/** Sixteen groups of four hex digits over both public keys: short enough to read out on the phone. */
export function fingerprintOf(signingPublicKey: string, agreementPublicKey: string): string {
  const digest = createHash('sha256').update(`${signingPublicKey}\n${agreementPublicKey}`).digest('hex');
  return digest.slice(0, 64).match(/.{4}/g)?.join(' ') ?? digest;
}

export function publicKeyFrom(base64Der: string): KeyObject {
  return createPublicKey({ key: Buffer.from(base64Der, 'base64'), format: 'der', type: 'spki' });
}
