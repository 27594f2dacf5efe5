// Sign-in, sign-out and "who am I" under /api/v1/auth and /api/v1/me.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { appendAudit } from '../audit/chain.js';
import { typed } from '../platform/routes.js';
import {
  closeAllSessions,
  closeSession,
  membershipsOf,
  SESSION_ABSOLUTE_MS,
  SESSION_COOKIE,
  signIn,
} from './accounts.js';
import { describeMe, signedInPrincipal } from './me.js';
import { auditEventFor } from './plugin.js';
import { MeResponse, SignInRequest, SignInResponse, SignOutRequest } from './schemas.js';
import { sessionCookieAttributes } from './session-cookie.js';

const TAGS = ['access'];

export async function authRoutes(app: FastifyInstance) {
  const api = typed(app);

  api.post(
    '/auth/sign-in',
    {
      config: { action: 'auth.sign_in' },
      schema: {
        tags: TAGS,
        summary: 'Sign in with email and password (and a TOTP code when enrolled); sets the session cookie',
        body: SignInRequest,
        response: { 200: SignInResponse },
      },
    },
    async (request, reply) => {
      const client = { ipAddress: request.ip, userAgent: request.headers['user-agent'] ?? null };
      const signedIn = await signIn(app.database.db, app.sealer, request.body, client);
      setSessionCookie(request, reply, signedIn.sessionToken);
      const principal = {
        kind: 'user' as const,
        userId: signedIn.userId,
        memberships: await membershipsOf(app.database.db, signedIn.userId),
        via: 'session' as const,
        secondFactor: signedIn.secondFactor,
      };
      request.principal = principal;
      await recordOwnAudit(request, { resourceType: 'user', resourceId: signedIn.userId });
      const me = await describeMe(app.database.db, principal, signedIn.sessionToken);
      return { data: me, expiresAt: signedIn.expiresAt.toISOString() };
    },
  );

  api.post(
    '/auth/sign-out',
    {
      config: { action: 'auth.sign_out' },
      schema: {
        tags: TAGS,
        summary: 'End this session, or every session of the account with {"everywhere": true}',
        body: SignOutRequest.optional(),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const principal = signedInPrincipal(request);
      const everywhere = request.body?.everywhere ?? false;
      if (everywhere) await closeAllSessions(app.database.db, principal.userId);
      else if (request.sessionToken) await closeSession(app.database.db, request.sessionToken);
      await recordOwnAudit(request, {
        resourceType: 'user',
        resourceId: principal.userId,
        details: { everywhere },
      });
      reply.clearCookie(SESSION_COOKIE, sessionCookieAttributes(request));
      return reply.status(204).send(null);
    },
  );

  api.get(
    '/me',
    {
      config: { action: 'account.read' },
      schema: {
        tags: TAGS,
        summary: 'The signed-in user, their roles and the anti-forgery token',
        response: { 200: MeResponse },
      },
    },
    async (request) => ({
      data: await request.transaction((tx) =>
        describeMe(tx, signedInPrincipal(request), request.sessionToken),
      ),
    }),
  );
}

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    ...sessionCookieAttributes(request),
    maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000),
  });
}

/** Sign-in and sign-out write outside a requester transaction, so they append their entry themselves. */
async function recordOwnAudit(request: FastifyRequest, subject: FastifyRequest['auditSubject']) {
  request.auditSubject = subject;
  await appendAudit(request.server.database.db, auditEventFor(request, 'allowed'));
  request.audited = true;
}
