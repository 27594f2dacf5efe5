// Signed checkpoints of the audit chain: its length and tip hash, signed with an Ed25519 key kept
// outside the database. A copy kept elsewhere shows when newest entries were removed, which the chain
// alone cannot (a shorter chain is still whole). Pure: signing and checking, no files, no database.
import { createHash, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import { z } from 'zod';

export const CHECKPOINT_KIND = 'concerted.audit-checkpoint' as const;

export const AuditCheckpoint = z
  .object({
    kind: z.literal(CHECKPOINT_KIND),
    version: z.literal(1),
    /** How many entries the chain had: the seq of its tip (0 for an empty trail). */
    seq: z.number().int().min(0),
    /** The tip entry's hash (the genesis hash for an empty trail). */
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    at: z.iso.datetime(),
    /** SHA-256 of the public key (SPKI, DER), hex: which key signed it. */
    keyId: z.string().regex(/^[0-9a-f]{64}$/),
    /** Ed25519 signature over the other fields, base64. */
    signature: z.string().min(1),
  })
  .strict();
export type AuditCheckpoint = z.infer<typeof AuditCheckpoint>;

export type ChainTip = { seq: number; hash: string };

/** The bytes signed: the fields in a fixed order, so any verifier rebuilds them exactly. */
function signedBytes(checkpoint: Omit<AuditCheckpoint, 'signature'>): Buffer {
  const { kind, version, seq, hash, at, keyId } = checkpoint;
  return Buffer.from(JSON.stringify({ kind, version, seq, hash, at, keyId }), 'utf8');
}

export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

export function signCheckpoint(tip: ChainTip, privateKey: KeyObject, at = new Date()): AuditCheckpoint {
  const unsigned = {
    kind: CHECKPOINT_KIND,
    version: 1 as const,
    seq: tip.seq,
    hash: tip.hash,
    at: at.toISOString(),
    keyId: keyIdOf(createPublicKey(privateKey)),
  };
  return { ...unsigned, signature: sign(null, signedBytes(unsigned), privateKey).toString('base64') };
}

export function isSignedBy(checkpoint: AuditCheckpoint, publicKey: KeyObject): boolean {
  if (checkpoint.keyId !== keyIdOf(publicKey)) return false;
  return verify(null, signedBytes(checkpoint), publicKey, Buffer.from(checkpoint.signature, 'base64'));
}

/** One checkpoint per line (JSON Lines), so that a file can be appended to and shipped as a log. */
export function checkpointLine(checkpoint: AuditCheckpoint): string {
  return `${JSON.stringify(checkpoint)}\n`;
}

export type ParsedCheckpoints = {
  checkpoints: { line: number; checkpoint: AuditCheckpoint }[];
  problems: string[];
};

export function parseCheckpointLines(text: string): ParsedCheckpoints {
  const checkpoints: ParsedCheckpoints['checkpoints'] = [];
  const problems: string[] = [];
  text.split('\n').forEach((raw, index) => {
    if (raw.trim() === '') return;
    const parsed = AuditCheckpoint.safeParse(safeJson(raw));
    if (parsed.success) checkpoints.push({ line: index + 1, checkpoint: parsed.data });
    else problems.push(`line ${index + 1} is not an audit checkpoint`);
  });
  return { checkpoints, problems };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** What the chain holds at a checkpoint's position: the hash of entry `seq`, or nothing. */
export type EntryAt = (seq: number) => Promise<string | null>;

/**
 * Each problem a checkpoint reveals: a signature by another key (or forged), a chain shorter than it
 * was, or an entry that differs from the one signed. Together with an intact chain, a matching hash at
 * seq n vouches for all of the first n entries.
 */
export async function compareWithCheckpoint(
  entry: { line: number; checkpoint: AuditCheckpoint },
  publicKey: KeyObject,
  current: ChainTip,
  hashAt: EntryAt,
): Promise<string | null> {
  const { line, checkpoint } = entry;
  const where = `checkpoint on line ${line} (${checkpoint.seq} entries at ${checkpoint.at})`;
  if (!isSignedBy(checkpoint, publicKey))
    return `${where}: the signature is not by this installation's audit key; the checkpoint cannot be trusted`;
  if (current.seq < checkpoint.seq)
    return `${where}: the chain now has only ${current.seq} entries, so entries ${current.seq + 1} to ${checkpoint.seq} were removed`;
  if (checkpoint.seq === 0) return null;
  const hash = await hashAt(checkpoint.seq);
  if (hash !== checkpoint.hash)
    return `${where}: entry ${checkpoint.seq} differs from the one signed, so the chain up to it was rewritten`;
  return null;
}
