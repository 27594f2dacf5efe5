// One's own invitations under /api/v1/account/invitations: see who offers a role, accept or decline.
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Queryable } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { typed } from '../platform/routes.js';
import { answerInvitation, listMyInvitations } from './invitations.js';
import { signedInPrincipal } from './me.js';
import { users } from './schema.js';
import { IdParam, InvitationAnswer, InvitationList, InvitationView } from './schemas.js';

const TAGS = ['access'];

export async function invitationRoutes(app: FastifyInstance) {
  const api = typed(app);

  api.get(
    '/invitations',
    {
      config: { action: 'account.read' },
      schema: {
        tags: TAGS,
        summary: 'Invitations to one’s email address that await an answer',
        response: { 200: InvitationList },
      },
    },
    async (request) => {
      const principal = signedInPrincipal(request);
      const data = await request.transaction(async (tx) =>
        listMyInvitations(tx, (await ownIdentity(tx, principal.userId)).email),
      );
      return { data };
    },
  );

  api.post(
    '/invitations/:id/answer',
    {
      config: { action: 'account.update' },
      schema: {
        tags: TAGS,
        summary: 'Accept an invitation (the role starts now) or decline it',
        params: IdParam,
        body: InvitationAnswer,
        response: { 200: z.object({ data: InvitationView }) },
      },
    },
    async (request) => {
      const principal = signedInPrincipal(request);
      const data = await request.transaction(async (tx) => {
        const user = await ownIdentity(tx, principal.userId);
        const answered = await answerInvitation(tx, user, request.params.id, request.body.answer);
        request.auditSubject = {
          resourceType: 'membership_invitation',
          resourceId: answered.id,
          organisationId: answered.organisationId,
          details: { answer: request.body.answer, role: answered.role },
        };
        return answered;
      });
      return { data };
    },
  );
}

async function ownIdentity(tx: Queryable, userId: string) {
  const [user] = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw new AppError('session_expired', 'This account no longer exists.');
  return user;
}
