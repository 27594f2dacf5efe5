// The person's consent, per purpose and, for sharing, per recipient organisation. Every decision is kept;
// the latest one for a purpose and recipient is in force while it is "given" and has not expired, so a
// withdrawal or an expiry stops the next share without anyone changing anything else.
import { desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { users } from '../access/schema.js';
import { organisations } from '../partners/schema.js';
import { rowsOf, type Transaction } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { caseConsents, cases } from './schema.js';
import type { ConsentEntry, ConsentPurpose, RecordConsentRequest } from './schemas.js';

export async function recordConsent(
  tx: Transaction,
  caseId: string,
  input: RecordConsentRequest,
  userId: string,
  now = new Date(),
): Promise<void> {
  const sharing = input.purpose === 'share_with_organisation';
  if (sharing !== (input.recipientOrganisationId !== null))
    throw new AppError(
      'validation_failed',
      sharing
        ? 'Consent to share names the organisation it allows: give recipientOrganisationId.'
        : 'Only consent to share names a recipient: leave recipientOrganisationId empty for this purpose.',
      [
        {
          path: 'body.recipientOrganisationId',
          code: sharing ? 'required' : 'not_allowed',
          message: sharing ? 'Name the organisation' : 'Leave empty for this purpose',
        },
      ],
    );
  if (input.expiresAt && new Date(input.expiresAt) <= now)
    throw new AppError('validation_failed', 'A consent cannot expire in the past: give a later expiresAt.', [
      { path: 'body.expiresAt', code: 'in_the_past', message: 'Give a moment after now' },
    ]);
  await tx.insert(caseConsents).values({
    caseId,
    purpose: input.purpose,
    recipientOrganisationId: input.recipientOrganisationId,
    decision: input.decision,
    givenBy: input.givenBy,
    expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
    recordedBy: userId,
  });
  await tx.update(cases).set({ updatedAt: sql`now()` }).where(eq(cases.id, caseId));
}

/** Every decision on the case, newest first, with the recorder's and recipient's names. */
export async function consentHistory(tx: Transaction, caseId: string): Promise<ConsentEntry[]> {
  const recipient = alias(organisations, 'recipient');
  const rows = await tx
    .select({
      consent: caseConsents,
      recipientName: recipient.name,
      recordedByName: users.displayName,
    })
    .from(caseConsents)
    .leftJoin(recipient, eq(recipient.id, caseConsents.recipientOrganisationId))
    .leftJoin(users, eq(users.id, caseConsents.recordedBy))
    .where(eq(caseConsents.caseId, caseId))
    .orderBy(desc(caseConsents.recordedAt), desc(caseConsents.id));
  return rows.map(({ consent, recipientName, recordedByName }) => ({
    id: consent.id,
    purpose: consent.purpose as ConsentPurpose,
    recipientOrganisationId: consent.recipientOrganisationId,
    recipientOrganisationName: recipientName,
    decision: consent.decision as ConsentEntry['decision'],
    givenBy: consent.givenBy as ConsentEntry['givenBy'],
    expiresAt: consent.expiresAt?.toISOString() ?? null,
    recordedBy: recordedByName,
    recordedAt: consent.recordedAt.toISOString(),
  }));
}

/** The decision in force per purpose and recipient: the latest one, and whether it allows use now. */
export function currentConsents(history: readonly ConsentEntry[], now = new Date()) {
  const latest = new Map<string, ConsentEntry>();
  for (const entry of history) {
    const key = `${entry.purpose}/${entry.recipientOrganisationId ?? ''}`;
    if (!latest.has(key)) latest.set(key, entry);
  }
  return [...latest.values()].map((entry) => ({ ...entry, inForce: isInForce(entry, now) }));
}

function isInForce(entry: ConsentEntry, now: Date): boolean {
  return entry.decision === 'given' && (entry.expiresAt === null || new Date(entry.expiresAt) > now);
}

/** Asked by the database, at the moment of the share, so that nothing cached can outlive a withdrawal. */
export async function consentAllows(
  tx: Transaction,
  caseId: string,
  purpose: ConsentPurpose,
  recipientOrganisationId: string | null = null,
): Promise<boolean> {
  const [row] = await rowsOf<{ allows: boolean }>(
    tx,
    sql`select app_consent_allows(${caseId}::uuid, ${purpose}, ${recipientOrganisationId}::uuid) as allows`,
  );
  return row?.allows === true;
}

export async function requireRecipientExists(tx: Transaction, organisationId: string): Promise<void> {
  const [row] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!row)
    throw new AppError('validation_failed', 'The recipient organisation is not in the directory.', [
      { path: 'body.recipientOrganisationId', code: 'unknown', message: 'Choose a registered organisation' },
    ]);
}
