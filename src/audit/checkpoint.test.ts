// Signed checkpoints: only the installation's key makes one that verifies, and any change to a field breaks it.
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH } from './chain.js';
import {
  checkpointLine,
  compareWithCheckpoint,
  isSignedBy,
  parseCheckpointLines,
  signCheckpoint,
} from './checkpoint.js';

const key = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');
const tip = { seq: 42, hash: 'a'.repeat(64) };
const at = new Date('2026-03-01T12:00:00Z');

describe('audit checkpoints', () => {
  it('verifies a checkpoint with the key that signed it and no other', () => {
    const checkpoint = signCheckpoint(tip, key.privateKey, at);
    expect(checkpoint).toMatchObject({ seq: 42, hash: tip.hash, at: at.toISOString() });
    expect(isSignedBy(checkpoint, key.publicKey)).toBe(true);
    expect(isSignedBy(checkpoint, other.publicKey)).toBe(false);
  });

  it('refuses a checkpoint whose length was lowered after signing', () => {
    const checkpoint = signCheckpoint(tip, key.privateKey, at);
    expect(isSignedBy({ ...checkpoint, seq: 40 }, key.publicKey)).toBe(false);
  });

  it('refuses a checkpoint re-signed with another key under this key’s id', () => {
    const forged = { ...signCheckpoint(tip, other.privateKey, at) };
    const genuine = signCheckpoint(tip, key.privateKey, at);
    expect(isSignedBy({ ...forged, keyId: genuine.keyId }, key.publicKey)).toBe(false);
  });

  it('reads checkpoints back from JSON Lines and names lines that are not checkpoints', () => {
    const text = `${checkpointLine(signCheckpoint(tip, key.privateKey, at))}not json\n\n{"seq":1}\n`;
    const parsed = parseCheckpointLines(text);
    expect(parsed.checkpoints.map((entry) => entry.line)).toEqual([1]);
    expect(parsed.problems).toEqual([
      'line 2 is not an audit checkpoint',
      'line 4 is not an audit checkpoint',
    ]);
  });

  it('names a chain shorter than the checkpoint, and a rewritten entry', async () => {
    const entry = { line: 3, checkpoint: signCheckpoint(tip, key.privateKey, at) };
    const hashAt = async (seq: number) => (seq === 42 ? tip.hash : null);
    const shorter = await compareWithCheckpoint(
      entry,
      key.publicKey,
      { seq: 40, hash: 'b'.repeat(64) },
      hashAt,
    );
    expect(shorter).toMatch(/line 3 .*only 40 entries, so entries 41 to 42 were removed/);
    const rewritten = await compareWithCheckpoint(
      entry,
      key.publicKey,
      { seq: 50, hash: 'c'.repeat(64) },
      async () => 'd'.repeat(64),
    );
    expect(rewritten).toMatch(/entry 42 differs from the one signed/);
    expect(
      await compareWithCheckpoint(entry, key.publicKey, { seq: 50, hash: 'c'.repeat(64) }, hashAt),
    ).toBeNull();
  });

  it('accepts a checkpoint of an empty trail', async () => {
    const entry = { line: 1, checkpoint: signCheckpoint({ seq: 0, hash: GENESIS_HASH }, key.privateKey, at) };
    expect(
      await compareWithCheckpoint(entry, key.publicKey, { seq: 0, hash: GENESIS_HASH }, async () => null),
    ).toBeNull();
  });
});
