// An organisation's users and their roles under /api/v1/organisations/:id/members.
import { randomInt, randomUUID } from 'node:crypto';
import { dictionary } from '@zxcvbn-ts/language-common';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Queryable } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { typed } from '../platform/routes.js';
import { hasActiveGrant, normaliseEmail } from './accounts.js';
import { hashPassword } from './passwords.js';
import { memberships, type Role, users } from './schema.js';
import { AddedMember, AddMemberRequest, ChangeMemberRequest, MemberList, MemberView } from './schemas.js';

const TAGS = ['access'];
const OrganisationParam = z.object({ id: z.uuid() }).strict();
const MemberParam = z.object({ id: z.uuid(), userId: z.uuid() }).strict();

export async function memberRoutes(app: FastifyInstance) {
  const api = typed(app);

  api.get(
    '/:id/members',
    {
      config: { action: 'users.read' },
      schema: {
        tags: TAGS,
        summary: 'The organisation’s users and roles',
        params: OrganisationParam,
        response: { 200: MemberList },
      },
    },
    async (request) => {
      const organisationId = request.params.id;
      const breakGlassActive = await hasActiveGrant(
        app.database.db,
        request.principal,
        'organisation',
        organisationId,
      );
      request.authorize('users.read', { organisationId, breakGlassActive });
      request.auditSubject = {
        resourceType: 'organisation_members',
        resourceId: organisationId,
        organisationId,
        details: { breakGlass: breakGlassActive },
      };
      return { data: await request.transaction((tx) => listMembers(tx, organisationId)) };
    },
  );

  api.post(
    '/:id/members',
    {
      config: { action: 'users.manage' },
      schema: {
        tags: TAGS,
        summary: 'Give a person a role in the organisation, creating their account when it does not exist',
        params: OrganisationParam,
        body: AddMemberRequest,
        response: { 201: AddedMember },
      },
    },
    async (request, reply) => {
      const organisationId = request.params.id;
      request.authorize('users.manage', { organisationId });
      refuseInstallationRoleUnlessAdmin(request.principal, request.body.role);
      // Looked up as the server: an account may exist in an organisation the requester cannot see.
      const [existing] = await app.database.db
        .select({ id: users.id })
        .from(users)
        .where(sql`lower(${users.email}) = ${normaliseEmail(request.body.email)}`);
      const initialPassword = existing ? null : newInitialPassword();
      const member = await request.transaction(async (tx) => {
        const userId = existing?.id ?? (await createUser(tx, request.body, initialPassword ?? ''));
        await tx
          .insert(memberships)
          .values({ userId, organisationId, role: request.body.role, team: request.body.team ?? null })
          .onConflictDoUpdate({
            target: [memberships.userId, memberships.organisationId],
            set: { role: request.body.role, team: request.body.team ?? null },
          });
        request.auditSubject = {
          resourceType: 'membership',
          resourceId: userId,
          organisationId,
          details: { role: request.body.role, accountCreated: !existing },
        };
        return findMember(tx, organisationId, userId);
      });
      return reply.status(201).send({ data: member, initialPassword });
    },
  );

  api.patch(
    '/:id/members/:userId',
    {
      config: { action: 'users.manage' },
      schema: {
        tags: TAGS,
        summary: 'Change a member’s role or team',
        params: MemberParam,
        body: ChangeMemberRequest,
        response: { 200: z.object({ data: MemberView }) },
      },
    },
    async (request) => {
      const { id: organisationId, userId } = request.params;
      request.authorize('users.manage', { organisationId });
      if (request.body.role) refuseInstallationRoleUnlessAdmin(request.principal, request.body.role);
      request.auditSubject = {
        resourceType: 'membership',
        resourceId: userId,
        organisationId,
        details: request.body,
      };
      const member = await request.transaction(async (tx) => {
        const changed = await tx
          .update(memberships)
          .set(request.body)
          .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)))
          .returning({ userId: memberships.userId });
        if (changed.length === 0)
          throw new AppError('not_found', 'That person is not a member of this organisation.');
        return findMember(tx, organisationId, userId);
      });
      return { data: member };
    },
  );

  api.delete(
    '/:id/members/:userId',
    {
      config: { action: 'users.manage' },
      schema: {
        tags: TAGS,
        summary: 'Remove a person from the organisation',
        params: MemberParam,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const { id: organisationId, userId } = request.params;
      request.authorize('users.manage', { organisationId });
      request.auditSubject = { resourceType: 'membership', resourceId: userId, organisationId };
      await request.transaction(async (tx) => {
        const removed = await tx
          .delete(memberships)
          .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)))
          .returning({ userId: memberships.userId });
        if (removed.length === 0)
          throw new AppError('not_found', 'That person is not a member of this organisation.');
      });
      return reply.status(204).send(null);
    },
  );
}

/** Only an installation administrator hands out installation-wide roles. */
function refuseInstallationRoleUnlessAdmin(
  principal: { kind: string; memberships?: readonly { role: Role }[] },
  role: Role,
) {
  if (role !== 'admin' && role !== 'coordinator') return;
  if (principal.memberships?.some((m) => m.role === 'admin')) return;
  throw new AppError('forbidden', `Only an installation administrator can give the role ${role}.`);
}

async function createUser(tx: Queryable, input: z.infer<typeof AddMemberRequest>, password: string) {
  // No RETURNING: the new account is not visible to the requester until its membership exists.
  const id = randomUUID();
  const passwordHash = await hashPassword(password);
  await tx.insert(users).values({ id, email: input.email, displayName: input.displayName, passwordHash });
  return id;
}

/** Five random words from a 7,776-word list: about 64 bits, easy to read out and type. */
export function newInitialPassword(): string {
  const words = dictionary['diceware-common'] as readonly string[];
  return Array.from({ length: 5 }, () => words[randomInt(words.length)]).join('-');
}

async function listMembers(tx: Queryable, organisationId: string) {
  const rows = await memberQuery(tx)
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(asc(users.displayName));
  return rows.map(memberView);
}

async function findMember(tx: Queryable, organisationId: string, userId: string) {
  const [row] = await memberQuery(tx).where(
    and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)),
  );
  if (!row) throw new AppError('not_found');
  return memberView(row);
}

function memberQuery(tx: Queryable) {
  return tx
    .select({
      userId: users.id,
      email: users.email,
      displayName: users.displayName,
      role: memberships.role,
      team: memberships.team,
      disabledAt: users.disabledAt,
      totpEnabledAt: users.totpEnabledAt,
      since: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId));
}

function memberView(row: Awaited<ReturnType<ReturnType<typeof memberQuery>['where']>>[number]) {
  return {
    userId: row.userId,
    email: row.email,
    displayName: row.displayName,
    role: row.role as Role,
    team: row.team,
    disabled: row.disabledAt !== null,
    secondFactorEnabled: row.totpEnabledAt !== null,
    since: row.since.toISOString(),
  };
}
