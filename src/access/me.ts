// The signed-in user as the API shows them to themselves.
import { eq, inArray } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { organisations } from '../partners/schema.js';
import type { Queryable } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { csrfTokenFor } from './accounts.js';
import { needsSecondFactor, type Principal } from './policy.js';
import { memberships, users } from './schema.js';
import type { Me } from './schemas.js';

export async function describeMe(
  db: Queryable,
  principal: Extract<Principal, { kind: 'user' }>,
  sessionToken: string | null,
): Promise<Me> {
  const [user] = await db.select().from(users).where(eq(users.id, principal.userId));
  if (!user) throw new AppError('session_expired', 'This account no longer exists.');
  const orgIds = principal.memberships.map((m) => m.organisationId);
  const teams = await db
    .select({ organisationId: memberships.organisationId, team: memberships.team })
    .from(memberships)
    .where(eq(memberships.userId, principal.userId));
  const teamOf = new Map(teams.map((row) => [row.organisationId, row.team]));
  const names = orgIds.length
    ? await db
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .where(inArray(organisations.id, orgIds))
    : [];
  const nameOf = new Map(names.map((row) => [row.id, row.name]));
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    memberships: principal.memberships.map((m) => ({
      organisationId: m.organisationId,
      organisationName: nameOf.get(m.organisationId) ?? '',
      role: m.role,
      team: teamOf.get(m.organisationId) ?? null,
    })),
    secondFactor: {
      enabled: user.totpEnabledAt !== null,
      verified: principal.secondFactor,
      required: needsSecondFactor(principal.memberships),
    },
    via: principal.via,
    csrfToken: sessionToken ? csrfTokenFor(sessionToken) : null,
  };
}

export function signedInPrincipal(request: FastifyRequest): Extract<Principal, { kind: 'user' }> {
  if (request.principal.kind !== 'user') throw new AppError('unauthenticated', 'Sign in first.');
  return request.principal;
}
