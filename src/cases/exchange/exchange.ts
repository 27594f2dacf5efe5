// Partner installations and the packages that travel between them: a cross-border referral leaves as a
// package sealed to the partner and arrives there as a new case of the receiving organisation, once.
import { createPublicKey } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { rowsOf, type Transaction } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { PlainText } from '../../platform/fields.js';
import { Iso3 } from '../../reference/vocabulary.js';
import type { KeyRing } from '../person/keyring.js';
import { CrossBorderStage, Service } from '../referral-rules.js';
import type { ReferralView } from '../referral-schemas.js';
import { exchangePartners, receivedPackages } from '../schema.js';
import { CaseCode, CaseFacts, type CaseView, PersonData } from '../schemas.js';
import { createCase, getCase, readPerson } from '../store.js';
import { type ExchangeIdentity, fingerprintOf } from './identity.js';
import { openPackage, PackageError, sealPackage } from './package.js';

export const RegisterPartnerRequest = z
  .object({
    name: PlainText(200)
      .min(2)
      .describe('The partner installation, as people know it (for example the ministry that runs it)'),
    country: Iso3.nullable().default(null),
    signingPublicKey: z
      .string()
      .min(40)
      .max(200)
      .describe('Its signing public key, as its identity page shows it'),
    agreementPublicKey: z
      .string()
      .min(40)
      .max(200)
      .describe('Its encryption public key, as its identity page shows it'),
  })
  .strict();

export const Partner = z.object({
  id: z.uuid(),
  name: z.string(),
  country: z.string().nullable(),
  fingerprint: z.string().describe('Read it out to the partner, who compares it with their own'),
  createdAt: z.string(),
});

/** What a package carries: the referral and only the fields its service needs. */
export const PackagePayload = z
  .object({
    senderOrganisation: z.string(),
    senderCaseCode: CaseCode,
    service: Service,
    stage: CrossBorderStage.nullable(),
    dueOn: z.string().nullable(),
    note: z.string().nullable(),
    facts: CaseFacts,
    person: PersonData,
  })
  .strict();
type PackagePayload = z.infer<typeof PackagePayload>;

export async function registerPartner(
  tx: Transaction,
  input: z.infer<typeof RegisterPartnerRequest>,
  userId: string,
): Promise<z.infer<typeof Partner>> {
  requireKey(input.signingPublicKey, 'ed25519', 'body.signingPublicKey');
  requireKey(input.agreementPublicKey, 'x25519', 'body.agreementPublicKey');
  const fingerprint = fingerprintOf(input.signingPublicKey, input.agreementPublicKey);
  const [existing] = await tx
    .select({ name: exchangePartners.name })
    .from(exchangePartners)
    .where(eq(exchangePartners.fingerprint, fingerprint));
  if (existing) throw new AppError('conflict', `These keys are already registered, as “${existing.name}”.`);
  const [row] = await tx
    .insert(exchangePartners)
    .values({ ...input, fingerprint, createdBy: userId })
    .returning();
  if (!row) throw new AppError('internal_error');
  return partnerView(row);
}

export async function listPartners(tx: Transaction) {
  const rows = await tx.select().from(exchangePartners).orderBy(asc(exchangePartners.name));
  return rows.map(partnerView);
}

function partnerView(row: typeof exchangePartners.$inferSelect) {
  return {
    id: row.id,
    name: row.name,
    country: row.country,
    fingerprint: row.fingerprint,
    createdAt: row.createdAt.toISOString(),
  };
}

function requireKey(base64Der: string, type: 'ed25519' | 'x25519', path: string): void {
  try {
    const key = createPublicKey({ key: Buffer.from(base64Der, 'base64'), format: 'der', type: 'spki' });
    if (key.asymmetricKeyType === type) return;
  } catch {
    // reported below
  }
  throw new AppError(
    'validation_failed',
    `This is not the partner’s ${type} public key: copy it again from its identity page.`,
    [{ path, code: 'invalid_key', message: `Paste the ${type} public key (base64)` }],
  );
}

/** Seals the referral's shared fields to the partner; only an open, cross-border, consented referral leaves. */
export async function exportPackage(
  tx: Transaction,
  keys: KeyRing,
  identity: ExchangeIdentity,
  referral: ReferralView,
  partnerId: string,
) {
  if (!referral.crossBorder || !referral.open || !referral.caseId)
    throw new AppError(
      'invalid_transition',
      'Only an open cross-border referral, made from a case you work on, can be sent as a package.',
    );
  const [may] = await rowsOf<{ may: boolean }>(
    tx,
    sql`select referral_may_share(r) as may from referrals r where r.id = ${referral.id}::uuid`,
  );
  if (!may?.may)
    throw new AppError(
      'consent_required',
      'The person’s consent to share with this partner is no longer in force.',
    );
  const [partner] = await tx.select().from(exchangePartners).where(eq(exchangePartners.id, partnerId));
  if (!partner)
    throw new AppError('validation_failed', 'No such partner installation: register its keys first.', [
      { path: 'body.partnerId', code: 'unknown', message: 'Choose a registered partner' },
    ]);
  const theCase = await getCase(tx, referral.caseId);
  const person = (await readPerson(tx, keys, referral.caseId)).person as Record<string, unknown>;
  const facts = theCase.facts as Record<string, unknown>;
  const payload: PackagePayload = {
    senderOrganisation: referral.fromOrganisationName,
    senderCaseCode: theCase.code,
    service: referral.service,
    stage: referral.stage,
    dueOn: referral.dueOn,
    note: referral.note,
    facts: pick(facts, referral.sharedFacts),
    person: pick(person, referral.sharedPersonFields),
  };
  return { partner: partnerView(partner), sealed: sealPackage(payload, identity, partner) };
}

function pick(from: Record<string, unknown>, names: readonly string[]) {
  return Object.fromEntries(
    names.filter((name) => from[name] !== undefined).map((name) => [name, from[name]]),
  );
}

/** Opens a partner's package and makes it a case of the receiving organisation; a second import creates nothing. */
export async function importPackage(
  tx: Transaction,
  keys: KeyRing,
  identity: ExchangeIdentity,
  file: unknown,
  organisationId: string,
  userId: string,
): Promise<{
  case: CaseView;
  senderCaseCode: string;
  service: string;
  stage: string | null;
  partner: string;
}> {
  const partners = await tx.select().from(exchangePartners);
  let opened: ReturnType<typeof openPackage>;
  try {
    opened = openPackage(file, identity, (fingerprint) =>
      partners.find((p) => p.fingerprint === fingerprint),
    );
  } catch (error) {
    if (error instanceof PackageError)
      throw new AppError('validation_failed', `The package was refused: ${error.message}.`);
    throw error;
  }
  const [already] = await rowsOf<{ code: string | null }>(
    tx,
    sql`select app_package_received_as(${opened.header.packageId}::uuid) as code`,
  );
  if (already?.code)
    throw new AppError(
      'conflict',
      `This package was already received, as case ${already.code}; nothing was added.`,
    );
  const payload = PackagePayload.safeParse(opened.payload);
  if (!payload.success)
    throw new AppError(
      'validation_failed',
      'The package opened but its content is not a referral this version reads.',
    );
  const partner = partners.find((p) => p.fingerprint === opened.header.from);
  const created = await createCase(
    tx,
    keys,
    { organisationId, facts: payload.data.facts, person: payload.data.person },
    userId,
  );
  await tx.insert(receivedPackages).values({
    packageId: opened.header.packageId,
    partnerId: partner?.id ?? '',
    caseId: created.id,
    service: payload.data.service,
    stage: payload.data.stage,
    dueOn: payload.data.dueOn,
    senderCaseCode: payload.data.senderCaseCode,
    receivedBy: userId,
  });
  return {
    case: created,
    senderCaseCode: payload.data.senderCaseCode,
    service: payload.data.service,
    stage: payload.data.stage,
    partner: partner?.name ?? '',
  };
}
