// Organisations registered by an import from what a file said, flagged until a coordinator reviews them.
import { eq } from 'drizzle-orm';
import type { Queryable } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { organisations } from './schema.js';

export type ProvisionalOrganisation = {
  id: string;
  name: string;
  names: Record<string, string>;
  iatiIdentifier: string | null;
  iatiOrganisationType: string | null;
  actorType: string;
};

/** Registers them in one statement, each flagged provisional with where it came from. */
export async function registerProvisionalOrganisations(
  db: Queryable,
  proposals: readonly ProvisionalOrganisation[],
  via: string,
  at: Date,
) {
  if (proposals.length === 0) return;
  await db.insert(organisations).values(
    proposals.map((p) => ({
      id: p.id,
      name: p.name,
      names: p.names,
      actorType: p.actorType,
      iatiIdentifier: p.iatiIdentifier,
      iatiOrganisationType: p.iatiOrganisationType,
      isProvisional: true,
      registeredVia: via,
      createdAt: at,
      updatedAt: at,
    })),
  );
}

/** A coordinator has checked the entry (name, type, identifier): it is an organisation like any other. */
export async function confirmOrganisation(db: Queryable, id: string, at: Date) {
  const [row] = await db
    .update(organisations)
    .set({ isProvisional: false, updatedAt: at })
    .where(eq(organisations.id, id))
    .returning();
  if (!row) throw new AppError('not_found', `No organisation ${id}.`);
  return row;
}
