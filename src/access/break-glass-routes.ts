// Break-glass: time-boxed access to a victim's record outside one's scope, with a reason, granted at
// once to those long enough in a case role and otherwise after a second person's approval; audited,
// and shown to the organisation that holds the record.

import { and, desc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Queryable } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { typed } from '../platform/routes.js';
import { CASE_ROLES, caseRoleSince, grantState, needsApproval } from './break-glass-rules.js';
import { breakGlassTargetKinds, findBreakGlassTarget } from './break-glass-targets.js';
import { signedInPrincipal } from './me.js';
import { breakGlassGrants, memberships, type Role, users } from './schema.js';
import {
  BreakGlassGrantList,
  BreakGlassGrantResponse,
  BreakGlassRequest,
  IdParam,
  PlainText,
} from './schemas.js';

const TAGS = ['access'];

export async function breakGlassRoutes(app: FastifyInstance) {
  const api = typed(app);

  api.post(
    '/',
    {
      config: { action: 'break_glass.request' },
      schema: {
        tags: TAGS,
        summary:
          'Open a victim’s record outside one’s scope for up to three hours, giving a reason; waits for approval when one is new to the case role',
        body: BreakGlassRequest,
        response: { 201: BreakGlassGrantResponse },
      },
    },
    async (request, reply) => {
      const principal = signedInPrincipal(request);
      const { resourceType, resourceId, reason, hours } = request.body;
      const findOwner = findBreakGlassTarget(resourceType);
      if (!findOwner) throw notATarget(resourceType);
      const organisationId = await findOwner(app.database.db, resourceId);
      if (!organisationId) throw new AppError('not_found', `No ${resourceType} ${resourceId}.`);
      const requiresApproval = needsApproval(
        await caseRoleSinceOf(app.database.db, principal.userId),
        { minRoleDays: app.config.breakGlassMinRoleDays, approval: app.config.breakGlassApproval },
        new Date(),
      );
      request.auditSubject = {
        resourceType,
        resourceId,
        organisationId,
        reason,
        details: { breakGlass: true, hours, requiresApproval },
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
            requiresApproval,
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
    '/:id/approve',
    {
      config: { action: 'break_glass.approve' },
      schema: {
        tags: TAGS,
        summary:
          'Approve a grant that waits for a second person (the record’s organisation or the coordinator); its time starts now',
        params: IdParam,
        response: { 200: BreakGlassGrantResponse },
      },
    },
    async (request) => approveGrant(request),
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

function notATarget(kind: string): AppError {
  const kinds = breakGlassTargetKinds();
  const open = kinds.length ? `it opens ${kinds.join(', ')}` : 'no kind of record can be opened yet';
  return new AppError(
    'validation_failed',
    `Break-glass opens victims' records in an emergency, not "${kind}"; ${open}.`,
    [{ path: 'body.resourceType', message: `not a break-glass target: ${kind}`, code: 'invalid_value' }],
  );
}

/** Since when the user has held a case role, read as the server (their memberships in any organisation). */
async function caseRoleSinceOf(db: Queryable, userId: string): Promise<Date | null> {
  const rows = await db
    .select({ role: memberships.role, roleSince: memberships.roleSince })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), inArray(memberships.role, [...CASE_ROLES])));
  return caseRoleSince(rows.map((row) => ({ role: row.role as Role, roleSince: row.roleSince })));
}

async function approveGrant(request: ReviewRequest) {
  const approver = signedInPrincipal(request);
  const grant = await request.transaction(async (tx) => {
    const current = await findGrant(tx, request.params.id);
    request.authorize('break_glass.approve', { organisationId: current.organisationId });
    if (current.userId === approver.userId)
      throw new AppError('forbidden', 'A second person approves break-glass: not the one who asked.');
    if (current.state !== 'awaiting_approval')
      throw new AppError(
        'conflict',
        `This grant is ${current.state.replace('_', ' ')}; there is nothing to approve.`,
      );
    request.auditSubject = {
      resourceType: 'break_glass_grant',
      resourceId: current.id,
      organisationId: current.organisationId,
      details: { change: ['approvedAt'] },
    };
    const now = new Date();
    const duration = Date.parse(current.expiresAt) - Date.parse(current.grantedAt);
    await tx
      .update(breakGlassGrants)
      .set({ approvedAt: now, approvedBy: approver.userId, expiresAt: new Date(now.getTime() + duration) })
      .where(eq(breakGlassGrants.id, current.id));
    return findGrant(tx, current.id);
  });
  return { data: grant };
}

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

const approvers = alias(users, 'approvers');

function grantQuery(tx: Queryable) {
  return tx
    .select({
      grant: breakGlassGrants,
      userDisplayName: users.displayName,
      approvedByDisplayName: approvers.displayName,
    })
    .from(breakGlassGrants)
    .leftJoin(users, eq(users.id, breakGlassGrants.userId))
    .leftJoin(approvers, eq(approvers.id, breakGlassGrants.approvedBy));
}

async function findGrant(tx: Queryable, id: string) {
  const [row] = await grantQuery(tx).where(eq(breakGlassGrants.id, id));
  if (!row) throw new AppError('not_found', `No break-glass grant ${id}.`);
  return grantView(row);
}

function grantView(row: {
  grant: typeof breakGlassGrants.$inferSelect;
  userDisplayName: string | null;
  approvedByDisplayName: string | null;
}) {
  const { grant } = row;
  const state = grantState(grant, new Date());
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
    requiresApproval: grant.requiresApproval,
    approvedAt: grant.approvedAt?.toISOString() ?? null,
    approvedByDisplayName: row.approvedByDisplayName,
    state,
    active: state === 'active',
  };
}
