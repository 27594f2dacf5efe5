// Reading and writing partner organisations (inside a requester's transaction).
import { and, asc, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Queryable } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
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

export async function createOrganisation(db: Queryable, input: z.infer<typeof CreateOrganisationRequest>) {
  const [row] = await db
    .insert(organisations)
    .values({
      name: input.name,
      names: input.names,
      acronym: input.acronym ?? null,
      actorType: input.actorType,
      headquartersIso3: input.headquartersIso3 ?? null,
    })
    .returning();
  if (!row) throw new AppError('internal_error');
  return row;
}

export async function updateOrganisation(
  db: Queryable,
  id: string,
  input: z.infer<typeof UpdateOrganisationRequest>,
) {
  const [row] = await db
    .update(organisations)
    .set({ ...input, updatedAt: new Date() })
    .where(eq(organisations.id, id))
    .returning();
  if (!row) throw new AppError('not_found', `No organisation ${id}.`);
  return row;
}
