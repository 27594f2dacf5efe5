// Break-glass: time-boxed access to a record outside one's scope, granted at once with a reason,
// audited, and shown to the organisation that holds the record.
import { desc, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { organisations } from '../partners/schema.js';
import type { Queryable } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { typed } from '../platform/routes.js';
import { signedInPrincipal } from './me.js';
import { breakGlassGrants, users } from './schema.js';
import {
  BreakGlassGrantList,
  BreakGlassGrantResponse,
  BreakGlassRequest,
  IdParam,
  PlainText,
} from './schemas.js';

const TAGS = ['access'];

/** For each kind of record: which organisation holds one, looked up as the server. */
export const BREAK_GLASS_OWNERS: Record<string, (db: Queryable, id: string) => Promise<string | null>> = {
  organisation: async (db, id) => {
    const [row] = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.id, id));
    return row?.id ?? null;
  },
};

export async function breakGlassRoutes(app: FastifyInstance) {
  const api = typed(app);

  api.post(
    '/',
    {
      config: { action: 'break_glass.request' },
      schema: {
        tags: TAGS,
        summary: 'Open a record outside one’s scope for up to three hours, giving a reason',
        body: BreakGlassRequest,
        response: { 201: BreakGlassGrantResponse },
      },
    },
    async (request, reply) => {
      const principal = signedInPrincipal(request);
      const { resourceType, resourceId, reason, hours } = request.body;
      const findOwner = BREAK_GLASS_OWNERS[resourceType];
      const organisationId = findOwner ? await findOwner(app.database.db, resourceId) : null;
      if (!organisationId) throw new AppError('not_found', `No ${resourceType} ${resourceId}.`);
      request.auditSubject = {
        resourceType,
        resourceId,
        organisationId,
        reason,
        details: { breakGlass: true, hours },
      };
      const grant = await request.transaction(async (tx) => {
        const [created] = await tx
          .insert(breakGlassGrants)
          .values({
            userId: principal.userId,
            resourceType,
            resourceId,
            organisationId,
            reason,
            expiresAt: new Date(Date.now() + hours * 3_600_000),
          })
          .returning();
        if (!created) throw new AppError('internal_error');
        return findGrant(tx, created.id);
      });
      return reply.status(201).send({ data: grant });
    },
  );

  api.get(
    '/',
    {
      config: { action: 'break_glass.read' },
      schema: {
        tags: TAGS,
        summary: 'Grants one may see: one’s own, and every grant on one’s organisations’ records',
        querystring: z.object({ active: z.enum(['true', 'false']).optional() }).strict(),
        response: { 200: BreakGlassGrantList },
      },
    },
    async (request) => {
      const rows = await request.transaction((tx) =>
        grantQuery(tx).orderBy(desc(breakGlassGrants.grantedAt)).limit(500),
      );
      const views = rows.map(grantView);
      const active = request.query.active;
      return {
        data: active === undefined ? views : views.filter((grant) => grant.active === (active === 'true')),
      };
    },
  );

  api.post(
    '/:id/acknowledge',
    {
      config: { action: 'break_glass.review' },
      schema: {
        tags: TAGS,
        summary: 'Mark a grant on one’s records as seen',
        params: IdParam,
        response: { 200: BreakGlassGrantResponse },
      },
    },
    async (request) => reviewGrant(request, { acknowledgedAt: new Date() }, null),
  );

  api.post(
    '/:id/revoke',
    {
      config: { action: 'break_glass.review' },
      schema: {
        tags: TAGS,
        summary: 'End a grant early, saying why',
        params: IdParam,
        body: z.object({ reason: PlainText(1000) }).strict(),
        response: { 200: BreakGlassGrantResponse },
      },
    },
    async (request) => reviewGrant(request, { revokedAt: new Date() }, request.body.reason),
  );
}

type ReviewRequest = FastifyRequest & { params: { id: string } };

async function reviewGrant(
  request: ReviewRequest,
  change: Partial<typeof breakGlassGrants.$inferInsert>,
  reason: string | null,
) {
  const grant = await request.transaction(async (tx) => {
    const current = await findGrant(tx, request.params.id);
    request.authorize('break_glass.review', { organisationId: current.organisationId });
    // Revoking or acknowledging twice keeps the first time: a repeat changes nothing.
    const unset = Object.entries(change).filter(([field]) => current[field as keyof typeof current] === null);
    request.auditSubject = {
      resourceType: 'break_glass_grant',
      resourceId: current.id,
      organisationId: current.organisationId,
      reason,
      details: { change: unset.map(([field]) => field) },
    };
    if (unset.length === 0) return current;
    await tx
      .update(breakGlassGrants)
      .set(Object.fromEntries(unset))
      .where(eq(breakGlassGrants.id, current.id));
    return findGrant(tx, current.id);
  });
  return { data: grant };
}

function grantQuery(tx: Queryable) {
  return tx
    .select({ grant: breakGlassGrants, userDisplayName: users.displayName })
    .from(breakGlassGrants)
    .leftJoin(users, eq(users.id, breakGlassGrants.userId));
}

async function findGrant(tx: Queryable, id: string) {
  const [row] = await grantQuery(tx).where(eq(breakGlassGrants.id, id));
  if (!row) throw new AppError('not_found', `No break-glass grant ${id}.`);
  return grantView(row);
}

function grantView(row: { grant: typeof breakGlassGrants.$inferSelect; userDisplayName: string | null }) {
  const { grant } = row;
  return {
    id: grant.id,
    userId: grant.userId,
    userDisplayName: row.userDisplayName,
    resourceType: grant.resourceType,
    resourceId: grant.resourceId,
    organisationId: grant.organisationId,
    reason: grant.reason,
    grantedAt: grant.grantedAt.toISOString(),
    expiresAt: grant.expiresAt.toISOString(),
    revokedAt: grant.revokedAt?.toISOString() ?? null,
    acknowledgedAt: grant.acknowledgedAt?.toISOString() ?? null,
    active: grant.revokedAt === null && grant.expiresAt.getTime() > Date.now(),
  };
}
