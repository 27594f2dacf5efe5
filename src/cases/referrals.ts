// Referrals in the database, inside the request's transaction. The referring side works through the case
// (row-level security on cases); the receiving side sees referrals addressed to its organisations and,
// through app_referral_shared(), only what the service needs while the referral is open and consented.
import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { users } from '../access/schema.js';
import { organisations } from '../partners/schema.js';
import { rowsOf, type Transaction } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { consentAllows } from './consent.js';
import { openField, unwrapDataKey } from './person/envelope.js';
import type { KeyRing } from './person/keyring.js';
import {
  checkTransition,
  MINIMUM_NECESSARY,
  OPEN_STATUSES,
  type ReferralStatus,
  type Service,
} from './referral-rules.js';
import type { CreateReferralRequest, ReferralView } from './referral-schemas.js';
import { cases, referralEvents, referrals } from './schema.js';
import type { CaseFacts, CaseView, PersonData } from './schemas.js';
import { staleVersion } from './store.js';

type Requester = { userId: string; isCaseManagerOf: (organisationId: string) => boolean };

export async function createReferral(
  tx: Transaction,
  theCase: CaseView,
  input: CreateReferralRequest,
  requester: Requester,
): Promise<ReferralView> {
  if (input.toOrganisationId === theCase.organisationId)
    throw invalid(
      'body.toOrganisationId',
      'A referral goes to another organisation than the one holding the case.',
    );
  await requireOrganisation(tx, input.toOrganisationId);
  if (input.stage && !input.crossBorder)
    throw invalid(
      'body.stage',
      'Only a cross-border referral has a stage: set crossBorder or leave stage empty.',
    );
  const consented = await consentAllows(tx, theCase.id, 'share_with_organisation', input.toOrganisationId);
  if (!consented) requireOverride(theCase, input, requester);
  const shared = MINIMUM_NECESSARY[input.service];
  const id = crypto.randomUUID();
  await tx.insert(referrals).values({
    id,
    caseId: theCase.id,
    caseCode: theCase.code,
    fromOrganisationId: theCase.organisationId,
    toOrganisationId: input.toOrganisationId,
    service: input.service,
    sharedPersonFields: shared.person,
    sharedFacts: shared.facts,
    crossBorder: input.crossBorder,
    stage: input.stage,
    dueOn: input.dueOn,
    note: input.note,
    consentOverrideReason: consented ? null : (input.consentOverride?.reason ?? null),
    consentOverrideBy: consented ? null : requester.userId,
    createdBy: requester.userId,
  });
  await tx.insert(referralEvents).values({ referralId: id, status: 'requested', byUserId: requester.userId });
  await tx.update(cases).set({ updatedAt: sql`now()` }).where(eq(cases.id, theCase.id));
  return getReferral(tx, id);
}

function requireOverride(theCase: CaseView, input: CreateReferralRequest, requester: Requester): void {
  if (!input.consentOverride)
    throw new AppError(
      'consent_required',
      'The person has not consented to share with this organisation, or the consent was withdrawn or has expired. Record the consent on the case first; a case manager may instead refer with consentOverride and a reason.',
    );
  if (!requester.isCaseManagerOf(theCase.organisationId))
    throw new AppError(
      'forbidden',
      'Not allowed: only a case manager of the organisation holding the case may refer without consent.',
    );
}

const from = alias(organisations, 'from_organisation');
const to = alias(organisations, 'to_organisation');
const creator = alias(users, 'creator');
const overrider = alias(users, 'overrider');

function referralQuery(tx: Transaction) {
  return tx
    .select({
      referral: referrals,
      fromName: from.name,
      toName: to.name,
      createdByName: creator.displayName,
      overrideByName: overrider.displayName,
      seesCase: sql<boolean>`exists (select 1 from cases c where c.id = ${referrals.caseId})`,
    })
    .from(referrals)
    .innerJoin(from, eq(from.id, referrals.fromOrganisationId))
    .innerJoin(to, eq(to.id, referrals.toOrganisationId))
    .leftJoin(creator, eq(creator.id, referrals.createdBy))
    .leftJoin(overrider, eq(overrider.id, referrals.consentOverrideBy));
}

type ReferralRow = Awaited<ReturnType<ReturnType<typeof referralQuery>['execute']>>[number];

export async function getReferral(tx: Transaction, id: string): Promise<ReferralView> {
  const [row] = await referralQuery(tx).where(eq(referrals.id, id));
  if (!row)
    throw new AppError(
      'not_found',
      'No such referral, or it is not one your organisation sends or receives.',
    );
  const events = await tx
    .select({ event: referralEvents, by: users.displayName })
    .from(referralEvents)
    .leftJoin(users, eq(users.id, referralEvents.byUserId))
    .where(eq(referralEvents.referralId, id))
    .orderBy(asc(referralEvents.at));
  return viewOf(
    row,
    events.map(({ event, by }) => ({
      status: event.status as ReferralStatus,
      reason: event.reason,
      by,
      at: event.at.toISOString(),
    })),
  );
}

export async function listCaseReferrals(tx: Transaction, caseId: string): Promise<ReferralView[]> {
  const rows = await referralQuery(tx).where(eq(referrals.caseId, caseId)).orderBy(desc(referrals.createdAt));
  return rows.map((row) => viewOf(row, []));
}

export async function listReferrals(
  tx: Transaction,
  filters: {
    box: 'inbox' | 'sent';
    status?: ReferralStatus | undefined;
    overdue?: boolean | undefined;
    limit: number;
  },
  organisationIds: readonly string[],
): Promise<ReferralView[]> {
  if (organisationIds.length === 0) return [];
  const side = filters.box === 'inbox' ? referrals.toOrganisationId : referrals.fromOrganisationId;
  const conditions = [
    inArray(side, [...organisationIds]),
    filters.status ? eq(referrals.status, filters.status) : undefined,
    filters.overdue === true
      ? and(inArray(referrals.status, [...OPEN_STATUSES]), lt(referrals.dueOn, sql`current_date`))
      : undefined,
  ].filter((condition) => condition !== undefined);
  const rows = await referralQuery(tx)
    .where(and(...conditions))
    .orderBy(sql`${referrals.dueOn} asc nulls last`, desc(referrals.createdAt))
    .limit(filters.limit);
  return rows.map((row) => viewOf(row, []));
}

/** Moves the referral on, if this side may make that change from its current status. */
export async function moveReferral(
  tx: Transaction,
  id: string,
  change: { status: ReferralStatus; reason?: string | undefined; version: number },
  side: 'sender' | 'receiver',
  userId: string,
): Promise<ReferralView> {
  const current = await getReferral(tx, id);
  if (current.version !== change.version) throw staleVersion('referral', current.version);
  const check = checkTransition(current.status, change.status, side);
  if (!check.allowed) throw new AppError('invalid_transition', `This change is not possible: ${check.why}.`);
  if (check.needsReason && !change.reason)
    throw invalid('body.reason', `Say why the referral is ${change.status}: give a reason.`);
  await tx
    .update(referrals)
    .set({ status: change.status, updatedAt: sql`now()`, version: sql`${referrals.version} + 1` })
    .where(and(eq(referrals.id, id), eq(referrals.version, change.version)));
  await tx
    .insert(referralEvents)
    .values({ referralId: id, status: change.status, reason: change.reason ?? null, byUserId: userId });
  return getReferral(tx, id);
}

/** What the receiver may see now: the service's fields, opened with the person's data key. */
export async function sharedWithReceiver(tx: Transaction, keys: KeyRing, referral: ReferralView) {
  const [row] = await rowsOf<{
    case_id: string;
    facts: Record<string, unknown>;
    master_key_id: string | null;
    wrapped_data_key: string | null;
    fields: Record<string, string> | null;
  }>(tx, sql`select * from app_referral_shared(${referral.id}::uuid)`);
  if (!row) return { available: false, facts: {}, person: {} };
  const facts = Object.fromEntries(referral.sharedFacts.map((name) => [name, row.facts[name] ?? null]));
  const person: Record<string, unknown> = {};
  if (row.master_key_id && row.wrapped_data_key && row.fields) {
    const dataKey = unwrapDataKey(await keys.key(row.master_key_id), row.wrapped_data_key, row.case_id);
    for (const field of referral.sharedPersonFields) {
      const sealed = row.fields[field];
      if (sealed !== undefined) person[field] = JSON.parse(openField(dataKey, row.case_id, field, sealed));
    }
  }
  return { available: true, facts: facts as CaseFacts, person: person as PersonData };
}

function viewOf(row: ReferralRow, events: ReferralView['events']): ReferralView {
  const r = row.referral;
  const status = r.status as ReferralStatus;
  const open = OPEN_STATUSES.includes(status);
  return {
    id: r.id,
    caseId: row.seesCase ? r.caseId : null,
    caseCode: r.caseCode,
    fromOrganisationId: r.fromOrganisationId,
    fromOrganisationName: row.fromName,
    toOrganisationId: r.toOrganisationId,
    toOrganisationName: row.toName,
    service: r.service as Service,
    status,
    open,
    overdue: open && r.dueOn !== null && r.dueOn < new Date().toISOString().slice(0, 10),
    dueOn: r.dueOn,
    crossBorder: r.crossBorder,
    stage: r.stage as ReferralView['stage'],
    note: r.note,
    consentOverride: r.consentOverrideReason
      ? { reason: r.consentOverrideReason, by: row.overrideByName }
      : null,
    sharedPersonFields: r.sharedPersonFields,
    sharedFacts: r.sharedFacts,
    createdBy: row.createdByName,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
    events,
  };
}

async function requireOrganisation(tx: Transaction, organisationId: string): Promise<void> {
  const [row] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!row)
    throw invalid(
      'body.toOrganisationId',
      'The organisation is not in the directory: choose a registered one.',
    );
}

function invalid(path: string, message: string): AppError {
  return new AppError('validation_failed', message, [{ path, code: 'invalid_value', message }]);
}
