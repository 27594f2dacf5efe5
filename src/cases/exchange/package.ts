// A cross-border referral package: the referral's shared fields encrypted to one partner installation and
// signed by this one. X25519 with a fresh key per package, HKDF-SHA-256 and AES-256-GCM, the header bound
// as associated data; an Ed25519 signature over header and ciphertext, checked before anything is opened.
import {
  createCipheriv,
  createDecipheriv,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  randomUUID,
  sign,
  verify,
} from 'node:crypto';
import { z } from 'zod';
import { type ExchangeIdentity, fingerprintOf, type PublicKeys, publicKeyFrom } from './identity.js';

export const PACKAGE_FORMAT = 'concerted-referral-package/1';
const INFO = Buffer.from(PACKAGE_FORMAT);

const Header = z
  .object({
    format: z.literal(PACKAGE_FORMAT),
    packageId: z.uuid(),
    createdAt: z.string(),
    from: z.string().describe('The sender’s fingerprint'),
    to: z.string().describe('The receiver’s fingerprint'),
    ephemeralPublicKey: z.string(),
    iv: z.string(),
  })
  .strict();
type Header = z.infer<typeof Header>;

export const SealedPackage = z
  .object({ header: Header, ciphertext: z.string(), tag: z.string(), signature: z.string() })
  .strict();
export type SealedPackage = z.infer<typeof SealedPackage>;

export class PackageError extends Error {}

export function sealPackage(
  payload: unknown,
  sender: ExchangeIdentity,
  receiver: Pick<PublicKeys, 'signingPublicKey' | 'agreementPublicKey'>,
  now = new Date(),
): SealedPackage {
  const ephemeral = generateKeyPairSync('x25519');
  const header: Header = {
    format: PACKAGE_FORMAT,
    packageId: randomUUID(),
    createdAt: now.toISOString(),
    from: sender.publicKeys.fingerprint,
    to: fingerprintOf(receiver.signingPublicKey, receiver.agreementPublicKey),
    ephemeralPublicKey: (ephemeral.publicKey.export({ type: 'spki', format: 'der' }) as Buffer).toString(
      'base64',
    ),
    iv: randomBytes(12).toString('base64'),
  };
  const key = packageKey(
    diffieHellman({
      privateKey: ephemeral.privateKey,
      publicKey: publicKeyFrom(receiver.agreementPublicKey),
    }),
    header.packageId,
  );
  const cipher = createCipheriv('aes-256-gcm', key, Buffer.from(header.iv, 'base64'));
  cipher.setAAD(headerBytes(header));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()]).toString(
    'base64',
  );
  const tag = cipher.getAuthTag().toString('base64');
  const signature = sign(null, signedBytes(header, ciphertext, tag), sender.signingKey).toString('base64');
  return { header, ciphertext, tag, signature };
}

/**
 * Checks the package is for this installation and signed by the partner it names, then opens it. Every
 * refusal says what failed and leaves nothing behind.
 */
export function openPackage(
  input: unknown,
  receiver: ExchangeIdentity,
  findSender: (fingerprint: string) => Pick<PublicKeys, 'signingPublicKey'> | undefined,
): { header: Header; payload: unknown } {
  const parsed = SealedPackage.safeParse(input);
  if (!parsed.success)
    throw new PackageError(
      `the file is not a ${PACKAGE_FORMAT} package (${parsed.error.issues[0]?.message ?? ''})`,
    );
  const { header, ciphertext, tag, signature } = parsed.data;
  if (header.to !== receiver.publicKeys.fingerprint)
    throw new PackageError(
      'the package was made for another installation: ask the sender to make it for this one',
    );
  const sender = findSender(header.from);
  if (!sender)
    throw new PackageError(
      `the sender (fingerprint ${header.from}) is not a registered partner: register its public keys first`,
    );
  const signed = signedBytes(header, ciphertext, tag);
  if (!verify(null, signed, publicKeyFrom(sender.signingPublicKey), Buffer.from(signature, 'base64')))
    throw new PackageError(
      'the signature does not match the partner’s key: the package was altered or is forged',
    );
  const key = packageKey(
    diffieHellman({ privateKey: receiver.agreementKey, publicKey: publicKeyFrom(header.ephemeralPublicKey) }),
    header.packageId,
  );
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(header.iv, 'base64'));
    decipher.setAAD(headerBytes(header));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    const plain = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]);
    return { header, payload: JSON.parse(plain.toString('utf8')) };
  } catch {
    throw new PackageError('the package could not be opened with this installation’s key');
  }
}

function packageKey(sharedSecret: Buffer, packageId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', sharedSecret, Buffer.from(packageId), INFO, 32));
}

/** The header in a fixed key order, so that both sides bind and sign the same bytes. */
function headerBytes(header: Header): Buffer {
  const ordered = Object.fromEntries(
    Object.keys(Header.shape).map((name) => [name, header[name as keyof Header]]),
  );
  return Buffer.from(JSON.stringify(ordered), 'utf8');
}

function signedBytes(header: Header, ciphertext: string, tag: string): Buffer {
  return Buffer.concat([headerBytes(header), Buffer.from(`.${ciphertext}.${tag}`, 'utf8')]);
}
