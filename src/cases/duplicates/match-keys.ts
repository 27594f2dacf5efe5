// Keyed hashes that find a person held twice without revealing who: HMAC-SHA-256 of each normalised name,
// the date of birth and each document number, with a key derived from the installation's key (not from
// the current master key, which rotates: hashes must stay comparable across rotations). Only the hashes
// are stored; a database thief without the key cannot test a guessed name against them.
import { createHash, createHmac, hkdfSync } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { rowsOf, type Transaction } from '../../platform/db.js';
import type { MatchKind, PossibleDuplicate } from '../follow-up/schemas.js';
import type { KeyRing } from '../person/keyring.js';
import { personMatchKeys } from '../schema.js';
import type { PersonData } from '../schemas.js';
import { normaliseDateOfBirth, normaliseDocumentNumber, normaliseName } from './normalise.js';

export type MatchKey = { kind: MatchKind; digest: Buffer };
export type MatchSecret = { id: string; key: Buffer };

/** The hashing key, derived once per installation key with HKDF-SHA-256 and a label of its own. */
export async function matchSecret(ring: KeyRing): Promise<MatchSecret> {
  const installationKey = await ring.key(ring.initialKeyId);
  const key = Buffer.from(
    hkdfSync('sha256', installationKey, 'concerted person match keys', 'hmac-sha-256 v1', 32),
  );
  const id = `pm_${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
  return { id, key };
}

/** The keys of a person's identifiers; each kind is hashed apart, so a name never matches a number. */
export function matchKeysOf(person: PersonData, secret: MatchSecret): MatchKey[] {
  const values: { kind: MatchKind; value: string }[] = [
    ...(person.names ?? []).map((entry) => ({ kind: 'name' as const, value: normaliseName(entry.value) })),
    ...(person.identityDocuments ?? []).map((doc) => ({
      kind: 'document' as const,
      value: normaliseDocumentNumber(doc.number),
    })),
  ];
  const dateOfBirth = person.dateOfBirth ? normaliseDateOfBirth(person.dateOfBirth) : null;
  if (dateOfBirth) values.push({ kind: 'date_of_birth', value: dateOfBirth });
  const seen = new Set<string>();
  const keys: MatchKey[] = [];
  for (const { kind, value } of values) {
    if (value === '' || seen.has(`${kind}:${value}`)) continue;
    seen.add(`${kind}:${value}`);
    keys.push({ kind, digest: createHmac('sha256', secret.key).update(`${kind}\u0000${value}`).digest() });
  }
  return keys;
}

/** Replaces the case's keys with those of the person record as it now is, in the writing transaction. */
export async function replaceMatchKeys(
  tx: Transaction,
  caseId: string,
  person: PersonData,
  secret: MatchSecret,
): Promise<void> {
  await tx.delete(personMatchKeys).where(eq(personMatchKeys.caseId, caseId));
  const keys = matchKeysOf(person, secret);
  if (keys.length === 0) return;
  await tx
    .insert(personMatchKeys)
    .values(keys.map((key) => ({ caseId, kind: key.kind, keyId: secret.id, digest: key.digest })));
}

/**
 * The organisations holding a possible duplicate of the case's person: their names and what matched,
 * never the other case. Asked through a security-definer function, since those cases are out of sight.
 */
export async function findPossibleDuplicates(tx: Transaction, caseId: string): Promise<PossibleDuplicate[]> {
  const rows = await rowsOf<{ organisation_id: string; organisation_name: string; kinds: MatchKind[] }>(
    tx,
    sql`select organisation_id, organisation_name, kinds from app_possible_duplicates(${caseId}::uuid)`,
  );
  return rows.map((row) => ({
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    matchedOn: row.kinds,
  }));
}
