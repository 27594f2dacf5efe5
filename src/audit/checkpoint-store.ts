// Where checkpoints live outside the database: the signing key file (created 0600 on first use) and
// the JSON Lines files operators ship elsewhere; and reading the chain's tip to sign.
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { appendFile, chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { desc, eq } from 'drizzle-orm';
import type { Queryable } from '../platform/db.js';
import { GENESIS_HASH } from './chain.js';
import {
  type AuditCheckpoint,
  type ChainTip,
  checkpointLine,
  compareWithCheckpoint,
  parseCheckpointLines,
  signCheckpoint,
} from './checkpoint.js';
import { auditEntries } from './schema.js';

export type SigningKey = {
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicKeyPem: string;
  isNew: boolean;
};

export class CheckpointKeyError extends Error {}

/** The existing signing key; checking never makes a new one, which would vouch for nothing. */
export async function loadSigningKey(file: string): Promise<SigningKey> {
  try {
    return await readSigningKey(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new CheckpointKeyError(
      `there is no audit signing key at ${file}; give the checkpoints' public key with --public-key`,
    );
  }
}

async function readSigningKey(file: string): Promise<SigningKey> {
  const mode = (await stat(file)).mode & 0o777;
  if (mode & 0o077)
    throw new CheckpointKeyError(
      `${file} can be read by other users (mode ${mode.toString(8)}); run chmod 600 ${file}`,
    );
  return keyFromPem(await readFile(file, 'utf8'), false);
}

/** The Ed25519 key that signs checkpoints; made on first use, readable by its owner only. */
export async function loadOrCreateSigningKey(file: string): Promise<SigningKey> {
  try {
    return await readSigningKey(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  // 'wx': two processes starting together must not each write a key and sign with different ones.
  try {
    await writeFile(file, pem, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateSigningKey(file);
    throw error;
  }
  await chmod(file, 0o600);
  return keyFromPem(pem, true);
}

function keyFromPem(pem: string, isNew: boolean): SigningKey {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519')
    throw new CheckpointKeyError('the audit signing key must be an Ed25519 private key (PKCS#8 PEM)');
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    isNew,
  };
}

/** A public key in PEM, for checking checkpoints on a machine that does not hold the private key. */
export async function readPublicKey(file: string): Promise<KeyObject> {
  const key = createPublicKey(await readFile(file, 'utf8'));
  if (key.asymmetricKeyType !== 'ed25519')
    throw new CheckpointKeyError(`${file} is not an Ed25519 public key`);
  return key;
}

/** The newest entry, read as the connecting user (row-level security would hide entries). */
export async function readChainTip(db: Queryable): Promise<ChainTip> {
  const [tip] = await db
    .select({ seq: auditEntries.seq, hash: auditEntries.hash })
    .from(auditEntries)
    .orderBy(desc(auditEntries.seq))
    .limit(1);
  return tip ?? { seq: 0, hash: GENESIS_HASH };
}

export async function writeCheckpoint(
  db: Queryable,
  key: SigningKey,
  appendTo?: string,
  at = new Date(),
): Promise<AuditCheckpoint> {
  const checkpoint = signCheckpoint(await readChainTip(db), key.privateKey, at);
  if (appendTo) await appendFile(appendTo, checkpointLine(checkpoint), { mode: 0o600 });
  return checkpoint;
}

/** Compares the chain with every checkpoint in a file; returns each problem found, none when all hold. */
export async function checkCheckpointFile(db: Queryable, file: string, publicKey: KeyObject) {
  const { checkpoints, problems } = parseCheckpointLines(await readFile(file, 'utf8'));
  if (checkpoints.length === 0 && problems.length === 0) problems.push(`${file} holds no checkpoint`);
  const current = await readChainTip(db);
  const hashAt = async (seq: number) => {
    const [row] = await db
      .select({ hash: auditEntries.hash })
      .from(auditEntries)
      .where(eq(auditEntries.seq, seq));
    return row?.hash ?? null;
  };
  for (const entry of checkpoints) {
    const problem = await compareWithCheckpoint(entry, publicKey, current, hashAt);
    if (problem) problems.push(problem);
  }
  return { checked: checkpoints.length, problems };
}
