// The technical assistance SQL: needs and offers with their organisations' names, the decisions on needs,
// and the conditional updates that move a need only from the status it was read in. Row-level security
// decides who writes what; each list is one query.
import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { organisations } from '../partners/schema.js';
import type { Queryable } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { assistanceMatches, assistanceNeeds, assistanceOffers } from './assistance-schema.js';
import type { NeedFilters, OfferFilters } from './assistance-schemas.js';
import type { AssistanceNeed, AssistanceOffer, NeedStatus } from './engine/assistance.js';

export type NewNeed = typeof assistanceNeeds.$inferInsert;
export type NewOffer = typeof assistanceOffers.$inferInsert;

export type OfferRecord = AssistanceOffer & { organisationName: string; createdAt: Date };
export type NeedRecord = AssistanceNeed & {
  organisationName: string;
  createdAt: Date;
  matchedOffer: { id: string; title: string; organisationId: string; organisationName: string } | null;
  deliveredAt: Date | null;
};

const offerOrganisations = alias(organisations, 'offer_organisations');

const offerColumns = {
  offer: assistanceOffers,
  organisationName: organisations.name,
};

function offerRecord(row: {
  offer: typeof assistanceOffers.$inferSelect;
  organisationName: string;
}): OfferRecord {
  const { offer } = row;
  return {
    id: offer.id,
    offeredByOrganisationId: offer.organisationId,
    organisationName: row.organisationName,
    title: offer.title,
    description: offer.description,
    pillars: offer.pillars as OfferRecord['pillars'],
    kinds: offer.kinds as OfferRecord['kinds'],
    countries: offer.countries,
    languages: offer.languages as OfferRecord['languages'],
    availableFrom: offer.availableFrom,
    availableUntil: offer.availableUntil,
    status: offer.status as OfferRecord['status'],
    createdAt: offer.createdAt,
  };
}

async function selectOffers(db: Queryable, where: SQL | undefined): Promise<OfferRecord[]> {
  const rows = await db
    .select(offerColumns)
    .from(assistanceOffers)
    .innerJoin(organisations, eq(organisations.id, assistanceOffers.organisationId))
    .where(where)
    .orderBy(desc(assistanceOffers.createdAt), assistanceOffers.id);
  return rows.map(offerRecord);
}

export function listOffers(db: Queryable, filters: OfferFilters = {}): Promise<OfferRecord[]> {
  return selectOffers(
    db,
    and(
      filters.status ? eq(assistanceOffers.status, filters.status) : undefined,
      filters.pillar ? sql`${filters.pillar} = ANY(${assistanceOffers.pillars})` : undefined,
    ),
  );
}

export async function getOffer(db: Queryable, id: string): Promise<OfferRecord> {
  const [found] = await selectOffers(db, eq(assistanceOffers.id, id));
  if (!found) throw new AppError('not_found', 'There is no such offer of assistance.');
  return found;
}

const needColumns = {
  need: assistanceNeeds,
  organisationName: organisations.name,
  offerTitle: assistanceOffers.title,
  offerOrganisationId: assistanceOffers.organisationId,
  offerOrganisationName: offerOrganisations.name,
  deliveredAt: assistanceMatches.deliveredAt,
};

type NeedRow = {
  need: typeof assistanceNeeds.$inferSelect;
  organisationName: string;
  offerTitle: string | null;
  offerOrganisationId: string | null;
  offerOrganisationName: string | null;
  deliveredAt: Date | null;
};

function needRecord(row: NeedRow): NeedRecord {
  const { need } = row;
  const matchedOffer =
    need.matchedOfferId && row.offerTitle !== null
      ? {
          id: need.matchedOfferId,
          title: row.offerTitle,
          organisationId: row.offerOrganisationId ?? '',
          organisationName: row.offerOrganisationName ?? '',
        }
      : null;
  return {
    id: need.id,
    country: need.countryIso3,
    pillar: need.pillar as NeedRecord['pillar'],
    kind: need.kind as NeedRecord['kind'],
    title: need.title,
    description: need.description,
    languages: need.languages as NeedRecord['languages'],
    wantedBy: need.wantedBy,
    status: need.status as NeedStatus,
    postedByOrganisationId: need.organisationId,
    organisationName: row.organisationName,
    matchedOfferId: need.matchedOfferId,
    matchedOffer,
    deliveredAt: row.deliveredAt,
    createdAt: need.createdAt,
  };
}

async function selectNeeds(db: Queryable, where: SQL | undefined): Promise<NeedRecord[]> {
  const rows = await db
    .select(needColumns)
    .from(assistanceNeeds)
    .innerJoin(organisations, eq(organisations.id, assistanceNeeds.organisationId))
    .leftJoin(assistanceOffers, eq(assistanceOffers.id, assistanceNeeds.matchedOfferId))
    .leftJoin(offerOrganisations, eq(offerOrganisations.id, assistanceOffers.organisationId))
    .leftJoin(
      assistanceMatches,
      and(
        eq(assistanceMatches.needId, assistanceNeeds.id),
        eq(assistanceMatches.offerId, assistanceNeeds.matchedOfferId),
        eq(assistanceMatches.status, 'accepted'),
      ),
    )
    .where(where)
    .orderBy(desc(assistanceNeeds.createdAt), assistanceNeeds.id);
  return rows.map(needRecord);
}

export function listNeeds(db: Queryable, filters: NeedFilters = {}): Promise<NeedRecord[]> {
  return selectNeeds(
    db,
    and(
      filters.status ? eq(assistanceNeeds.status, filters.status) : undefined,
      filters.country ? eq(assistanceNeeds.countryIso3, filters.country) : undefined,
      filters.pillar ? eq(assistanceNeeds.pillar, filters.pillar) : undefined,
    ),
  );
}

export async function getNeed(db: Queryable, id: string): Promise<NeedRecord> {
  const [found] = await selectNeeds(db, eq(assistanceNeeds.id, id));
  if (!found) throw new AppError('not_found', 'There is no such need for assistance.');
  return found;
}

/** Inserts a row; row-level security refuses one for an organisation the writer does not edit for. */
export async function insertNeed(db: Queryable, need: NewNeed): Promise<string> {
  const [row] = await db.insert(assistanceNeeds).values(need).returning({ id: assistanceNeeds.id });
  if (!row) throw new AppError('forbidden', 'You may not post needs for this organisation.');
  return row.id;
}

export async function insertOffer(db: Queryable, offer: NewOffer): Promise<string> {
  const [row] = await db.insert(assistanceOffers).values(offer).returning({ id: assistanceOffers.id });
  if (!row) throw new AppError('forbidden', 'You may not post offers for this organisation.');
  return row.id;
}

/** The offers declined for these needs, in one query. */
export async function listDeclinedPairs(
  db: Queryable,
  needIds: readonly string[],
): Promise<{ needId: string; offerId: string }[]> {
  if (needIds.length === 0) return [];
  return db
    .select({ needId: assistanceMatches.needId, offerId: assistanceMatches.offerId })
    .from(assistanceMatches)
    .where(and(inArray(assistanceMatches.needId, [...needIds]), eq(assistanceMatches.status, 'declined')));
}

/** Records an acceptance or a refusal; deciding again on the same pair replaces the earlier decision. */
export async function recordDecision(
  db: Queryable,
  decision: {
    needId: string;
    offerId: string;
    status: 'accepted' | 'declined';
    note: string;
    userId: string | null;
  },
): Promise<void> {
  const { needId, offerId, status, note, userId } = decision;
  const written = await db
    .insert(assistanceMatches)
    .values({ needId, offerId, status, note, decidedBy: userId })
    .onConflictDoUpdate({
      target: [assistanceMatches.needId, assistanceMatches.offerId],
      set: {
        status: decision.status,
        note: decision.note,
        decidedBy: decision.userId,
        decidedAt: sql`now()`,
      },
    })
    .returning({ id: assistanceMatches.id });
  if (written.length === 0)
    throw new AppError('forbidden', 'Only the organisation that posted the need decides on it.');
}

/**
 * Moves a need, only from the status it was read in: two people acting at once cannot both match it. An
 * update that finds nothing was refused by row-level security, or the need moved meanwhile.
 */
export async function updateNeedStatus(
  db: Queryable,
  change: { id: string; from: NeedStatus; to: NeedStatus; matchedOfferId: string | null },
): Promise<void> {
  const updated = await db
    .update(assistanceNeeds)
    .set({ status: change.to, matchedOfferId: change.matchedOfferId, updatedAt: sql`now()` })
    .where(and(eq(assistanceNeeds.id, change.id), eq(assistanceNeeds.status, change.from)))
    .returning({ id: assistanceNeeds.id });
  if (updated.length > 0) return;
  const [current] = await db
    .select({ status: assistanceNeeds.status })
    .from(assistanceNeeds)
    .where(eq(assistanceNeeds.id, change.id));
  if (current && current.status !== change.from)
    throw new AppError('conflict', 'The need changed since you read it; read it again, then retry.');
  throw new AppError('forbidden', 'Only the organisation that posted the need may change it.');
}

/** Dates the accepted match of a need as delivered. */
export async function markMatchDelivered(db: Queryable, needId: string, offerId: string): Promise<void> {
  await db
    .update(assistanceMatches)
    .set({ deliveredAt: sql`now()` })
    .where(
      and(
        eq(assistanceMatches.needId, needId),
        eq(assistanceMatches.offerId, offerId),
        eq(assistanceMatches.status, 'accepted'),
      ),
    );
}

export async function updateOfferStatus(
  db: Queryable,
  change: { id: string; from: 'open'; to: 'withdrawn' },
): Promise<void> {
  const updated = await db
    .update(assistanceOffers)
    .set({ status: change.to, updatedAt: sql`now()` })
    .where(and(eq(assistanceOffers.id, change.id), eq(assistanceOffers.status, change.from)))
    .returning({ id: assistanceOffers.id });
  if (updated.length === 0)
    throw new AppError('forbidden', 'Only the organisation that made the offer may withdraw it.');
}
