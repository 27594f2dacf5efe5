// An organisation's users, their roles and open invitations under /api/v1/organisations/:id.
import { randomInt, randomUUID } from 'node:crypto';
import { dictionary } from '@zxcvbn-ts/language-common';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Queryable } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { typed } from '../platform/routes.js';
import { normaliseEmail } from './accounts.js';
import { inviteToOrganisation, listOrganisationInvitations, withdrawInvitation } from './invitations.js';
import { signedInPrincipal } from './me.js';
import { hashPassword } from './passwords.js';
import { memberships, type Role, users } from './schema.js';
import {
  AddedMember,
  AddMemberRequest,
  ChangeMemberRequest,
  InvitationList,
  MemberList,
  MemberView,
} from './schemas.js';

const TAGS = ['access'];
const OrganisationParam = z.object({ id: z.uuid() }).strict();
const MemberParam = z.object({ id: z.uuid(), userId: z.uuid() }).strict();
const InvitationParam = z.object({ id: z.uuid(), invitationId: z.uuid() }).strict();

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
      request.authorize('users.read', { organisationId });
      request.auditSubject = {
        resourceType: 'organisation_members',
        resourceId: organisationId,
        organisationId,
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
        summary:
          'Invite a person by email address to a role in the organisation; they accept once signed in. The answer is the same whether or not the address has an account',
        params: OrganisationParam,
        body: AddMemberRequest,
        response: { 201: AddedMember },
      },
    },
    async (request, reply) => {
      const organisationId = request.params.id;
      const principal = signedInPrincipal(request);
      request.authorize('users.manage', { organisationId });
      refuseInstallationRoleUnlessAdmin(principal, request.body.role);
      const { email, displayName, role } = request.body;
      const added = await request.transaction(async (tx) => {
        // Only an installation administrator, who sees every account anyway, creates one.
        const created = isAdmin(principal)
          ? await createAccountIfNew(tx, request.body, organisationId)
          : null;
        const invitationId = created
          ? null
          : await inviteToOrganisation(tx, organisationId, principal.userId, request.body);
        request.auditSubject = {
          resourceType: created ? 'membership' : 'membership_invitation',
          resourceId: created?.userId ?? invitationId,
          organisationId,
          details: { role, outcome: created ? 'added' : 'invited' },
        };
        return { invitationId, initialPassword: created?.initialPassword ?? null };
      });
      return reply.status(201).send({
        data: {
          outcome: added.invitationId ? 'invited' : 'added',
          email,
          displayName,
          role,
          invitationId: added.invitationId,
        },
        initialPassword: added.initialPassword,
      });
    },
  );

  api.get(
    '/:id/invitations',
    {
      config: { action: 'users.manage' },
      schema: {
        tags: TAGS,
        summary: 'Invitations to the organisation that await an answer',
        params: OrganisationParam,
        response: { 200: InvitationList },
      },
    },
    async (request) => {
      request.authorize('users.manage', { organisationId: request.params.id });
      return { data: await request.transaction((tx) => listOrganisationInvitations(tx, request.params.id)) };
    },
  );

  api.delete(
    '/:id/invitations/:invitationId',
    {
      config: { action: 'users.manage' },
      schema: {
        tags: TAGS,
        summary: 'Withdraw an invitation that awaits an answer',
        params: InvitationParam,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const { id: organisationId, invitationId } = request.params;
      request.authorize('users.manage', { organisationId });
      request.auditSubject = {
        resourceType: 'membership_invitation',
        resourceId: invitationId,
        organisationId,
      };
      await request.transaction((tx) => withdrawInvitation(tx, organisationId, invitationId));
      return reply.status(204).send(null);
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

function isAdmin(principal: { memberships: readonly { role: Role }[] }): boolean {
  return principal.memberships.some((m) => m.role === 'admin');
}

/** A new account with its membership and a one-time password; null when the address has an account. */
async function createAccountIfNew(
  tx: Queryable,
  input: z.infer<typeof AddMemberRequest>,
  organisationId: string,
): Promise<{ userId: string; initialPassword: string } | null> {
  const [existing] = await tx
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${normaliseEmail(input.email)}`);
  if (existing) return null;
  const initialPassword = newInitialPassword();
  const userId = randomUUID();
  const passwordHash = await hashPassword(initialPassword);
  await tx
    .insert(users)
    .values({ id: userId, email: input.email, displayName: input.displayName, passwordHash });
  await tx.insert(memberships).values({ userId, organisationId, role: input.role, team: input.team ?? null });
  return { userId, initialPassword };
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
