// Reading and writing partner organisations (inside a requester's transaction).
import { and, arrayContains, asc, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Queryable } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { type DuplicateCandidate, findLikelyDuplicates } from './duplicates.js';
import { listFocalPoints } from './focal-points.js';
import { listMembershipsOf } from './mechanisms.js';
import { organisations } from './schema.js';
import type {
  CreateOrganisationRequest,
  Organisation,
  OrganisationQuery,
  UpdateOrganisationRequest,
} from './schemas.js';

type Row = typeof organisations.$inferSelect;

export function organisationView(row: Row): Organisation {
  return {
    id: row.id,
    name: row.name,
    names: row.names,
    acronym: row.acronym,
    actorType: row.actorType as Organisation['actorType'],
    headquartersIso3: row.headquartersIso3,
    countriesOfOperation: row.countriesOfOperation,
    mandate: row.mandate,
    website: row.website,
    iatiIdentifier: row.iatiIdentifier,
    iatiOrganisationType: row.iatiOrganisationType,
    isProvisional: row.isProvisional,
    registeredVia: row.registeredVia,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listOrganisations(db: Queryable, query: z.infer<typeof OrganisationQuery>) {
  const filters: SQL[] = [];
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const match = or(ilike(organisations.name, pattern), ilike(organisations.acronym, pattern));
    if (match) filters.push(match);
  }
  if (query.actorType) filters.push(eq(organisations.actorType, query.actorType));
  if (query.provisional !== undefined) filters.push(eq(organisations.isProvisional, query.provisional));
  if (query.country) {
    const works = or(
      arrayContains(organisations.countriesOfOperation, [query.country]),
      eq(organisations.headquartersIso3, query.country),
    );
    if (works) filters.push(works);
  }
  const rows = await db
    .select()
    .from(organisations)
    .where(and(...filters))
    .orderBy(asc(organisations.name));
  return rows.map(organisationView);
}

export async function getOrganisation(db: Queryable, id: string): Promise<Row> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  if (!row) throw new AppError('not_found', `No organisation ${id}.`);
  return row;
}

/** The organisation with its focal points (contacts only where row-level security shows them) and mechanisms. */
export async function getOrganisationProfile(db: Queryable, id: string) {
  const row = await getOrganisation(db, id);
  // One after the other: a transaction's queries share one connection, which runs them in turn anyway.
  const focalPoints = await listFocalPoints(db, id);
  const mechanisms = await listMembershipsOf(db, id);
  return { ...organisationView(row), focalPoints, mechanisms };
}

/** Registered organisations whose name or acronym is close to the proposed one. */
export async function findSimilarOrganisations(
  db: Queryable,
  proposed: { name: string; acronym?: string | null; names?: Record<string, string> },
  exceptId?: string,
): Promise<DuplicateCandidate[]> {
  const existing = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      acronym: organisations.acronym,
      names: organisations.names,
    })
    .from(organisations);
  return findLikelyDuplicates(
    { name: proposed.name, acronym: proposed.acronym ?? null, names: proposed.names ?? {} },
    existing.map((row) => ({ ...row, names: row.names as Record<string, string> })),
    exceptId,
  );
}

/** Registers the organisation and says which registered ones it may duplicate (an exact name is refused). */
export async function createOrganisation(db: Queryable, input: z.infer<typeof CreateOrganisationRequest>) {
  const possibleDuplicates = await findSimilarOrganisations(db, input);
  const [row] = await db
    .insert(organisations)
    .values({
      name: input.name,
      names: input.names,
      acronym: input.acronym ?? null,
      actorType: input.actorType,
      headquartersIso3: input.headquartersIso3 ?? null,
      countriesOfOperation: [...new Set(input.countriesOfOperation)],
      mandate: input.mandate ?? null,
      website: input.website ?? null,
      iatiIdentifier: input.iatiIdentifier ?? null,
    })
    .returning();
  if (!row) throw new AppError('internal_error');
  return { row, possibleDuplicates };
}

export async function updateOrganisation(
  db: Queryable,
  id: string,
  input: z.infer<typeof UpdateOrganisationRequest>,
) {
  const changes = {
    ...input,
    ...(input.countriesOfOperation ? { countriesOfOperation: [...new Set(input.countriesOfOperation)] } : {}),
  };
  const [row] = await db
    .update(organisations)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(organisations.id, id))
    .returning();
  if (!row) throw new AppError('not_found', `No organisation ${id}.`);
  return row;
}
