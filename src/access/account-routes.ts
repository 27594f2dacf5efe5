// One's own account under /api/v1/account: password, second factor, sessions and API tokens.
import { and, desc, eq, isNull, ne } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { renderSVG } from 'uqr';
import { z } from 'zod';
import { randomToken, sha256Hex } from '../platform/crypto.js';
import type { Queryable } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { typed } from '../platform/routes.js';
import { API_TOKEN_PREFIX, consumeTotpStep, matchUserTotp, totpContext } from './accounts.js';
import { signedInPrincipal } from './me.js';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.js';
import { apiTokens, sessions, users } from './schema.js';
import {
  ApiTokenList,
  ChangePasswordRequest,
  CreateApiTokenRequest,
  CreatedApiToken,
  IdParam,
  ReauthenticationRequest,
  SessionList,
  TotpCodeRequest,
  TotpDisableRequest,
  TotpSetupResponse,
} from './schemas.js';
import { newTotpSecret, totpUri } from './totp.js';

const TAGS = ['access'];
const READ = { action: 'account.credentials_read' } as const;
const UPDATE = { action: 'account.update' } as const;

export async function accountRoutes(app: FastifyInstance) {
  const api = typed(app);

  api.post(
    '/password',
    {
      config: UPDATE,
      schema: {
        tags: TAGS,
        summary: 'Change one’s password; every other session is signed out',
        body: ChangePasswordRequest,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const principal = signedInPrincipal(request);
      request.auditSubject = {
        resourceType: 'user',
        resourceId: principal.userId,
        details: { field: 'password' },
      };
      await request.transaction(async (tx) => {
        const user = await ownAccount(tx, principal.userId);
        if (!user) throw new AppError('not_found');
        await confirmPassword(user, request.body.currentPassword);
        refuseWeakPassword(request.body.newPassword, user);
        const passwordHash = await hashPassword(request.body.newPassword);
        await tx
          .update(users)
          .set({ passwordHash, passwordChangedAt: new Date() })
          .where(eq(users.id, user.id));
        const current = request.sessionToken ? sha256Hex(request.sessionToken) : '';
        await tx.delete(sessions).where(and(eq(sessions.userId, user.id), ne(sessions.tokenHash, current)));
      });
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/totp/setup',
    {
      config: UPDATE,
      schema: {
        tags: TAGS,
        summary:
          'Start setting up a TOTP second factor (the current password needed): returns the secret and its QR code (shown once)',
        body: ReauthenticationRequest,
        response: { 200: TotpSetupResponse },
      },
    },
    async (request) => {
      const principal = signedInPrincipal(request);
      const secret = newTotpSecret();
      request.auditSubject = {
        resourceType: 'user',
        resourceId: principal.userId,
        details: { field: 'totp', step: 'setup' },
      };
      const email = await request.transaction(async (tx) => {
        const user = await ownAccount(tx, principal.userId);
        if (!user) throw new AppError('not_found');
        await confirmPassword(user, request.body.currentPassword);
        if (user.totpEnabledAt)
          throw new AppError('conflict', 'A second factor is already set up; turn it off first.');
        const sealed = app.sealer.seal(secret, totpContext(user.id));
        await tx.update(users).set({ totpSecretSealed: sealed }).where(eq(users.id, user.id));
        return user.email;
      });
      const uri = totpUri(secret, email);
      return { data: { secret, uri, qrSvg: renderSVG(uri) } };
    },
  );

  api.post(
    '/totp/enable',
    {
      config: UPDATE,
      schema: {
        tags: TAGS,
        summary:
          'Finish setting up the second factor with a code from the app; this session counts as verified',
        body: TotpCodeRequest,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const principal = signedInPrincipal(request);
      request.auditSubject = {
        resourceType: 'user',
        resourceId: principal.userId,
        details: { field: 'totp', step: 'enable' },
      };
      await request.transaction(async (tx) => {
        const user = await ownAccount(tx, principal.userId);
        if (!user?.totpSecretSealed || user.totpEnabledAt)
          throw new AppError('conflict', 'Start with POST /api/v1/account/totp/setup.');
        const step = matchUserTotp(app.sealer, user, request.body.code);
        if (step === null) throw invalidCode();
        await tx
          .update(users)
          .set({ totpEnabledAt: new Date(), totpLastStep: step })
          .where(eq(users.id, user.id));
        if (request.sessionToken)
          await tx
            .update(sessions)
            .set({ secondFactorAt: new Date() })
            .where(eq(sessions.tokenHash, sha256Hex(request.sessionToken)));
      });
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/totp/disable',
    {
      config: UPDATE,
      schema: {
        tags: TAGS,
        summary: 'Turn the second factor off (password and a current code needed)',
        body: TotpDisableRequest,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const principal = signedInPrincipal(request);
      request.auditSubject = {
        resourceType: 'user',
        resourceId: principal.userId,
        details: { field: 'totp', step: 'disable' },
      };
      await request.transaction(async (tx) => {
        const user = await ownAccount(tx, principal.userId);
        if (!user?.totpSecretSealed || !user.totpEnabledAt)
          throw new AppError('conflict', 'No second factor is set up.');
        const passwordOk =
          user.passwordHash && (await verifyPassword(user.passwordHash, request.body.password));
        const step = matchUserTotp(app.sealer, user, request.body.code);
        // The same replay check as sign-in: a code already used cannot turn the second factor off.
        if (!passwordOk || step === null || !(await consumeTotpStep(tx, user.id, step))) throw invalidCode();
        await tx
          .update(users)
          .set({ totpEnabledAt: null, totpSecretSealed: null, totpLastStep: null })
          .where(eq(users.id, user.id));
        await tx.update(sessions).set({ secondFactorAt: null }).where(eq(sessions.userId, user.id));
      });
      return reply.status(204).send(null);
    },
  );

  api.get(
    '/sessions',
    { config: READ, schema: { tags: TAGS, summary: 'One’s open sessions', response: { 200: SessionList } } },
    async (request) => {
      const current = request.sessionToken ? sha256Hex(request.sessionToken) : '';
      const rows = await request.transaction((tx) =>
        tx.select().from(sessions).orderBy(desc(sessions.lastSeenAt)),
      );
      return {
        data: rows.map((row) => ({
          current: row.tokenHash === current,
          createdAt: row.createdAt.toISOString(),
          lastSeenAt: row.lastSeenAt.toISOString(),
          expiresAt: row.expiresAt.toISOString(),
          userAgent: row.userAgent,
          secondFactor: row.secondFactorAt !== null,
        })),
      };
    },
  );

  api.get(
    '/tokens',
    {
      config: READ,
      schema: { tags: TAGS, summary: 'One’s API tokens (never the secret)', response: { 200: ApiTokenList } },
    },
    async (request) => {
      const rows = await request.transaction((tx) =>
        tx.select().from(apiTokens).orderBy(desc(apiTokens.createdAt)),
      );
      return { data: rows.map(tokenView) };
    },
  );

  api.post(
    '/tokens',
    {
      config: UPDATE,
      schema: {
        tags: TAGS,
        summary:
          'Create a personal API token for scripts, limited to some of one’s roles (the current password needed); shown once',
        body: CreateApiTokenRequest,
        response: { 201: CreatedApiToken },
      },
    },
    async (request, reply) => {
      const principal = signedInPrincipal(request);
      const held = new Set(principal.memberships.map((m) => m.role));
      const missing = request.body.roles.filter((role) => !held.has(role));
      if (missing.length)
        throw new AppError('validation_failed', `You do not hold the role(s) ${missing.join(', ')}.`, [
          { path: 'body.roles', message: `not held: ${missing.join(', ')}`, code: 'invalid_value' },
        ]);
      const token = randomToken(API_TOKEN_PREFIX);
      const expiresAt = new Date(Date.now() + request.body.expiresInDays * 86_400_000);
      const row = await request.transaction(async (tx) => {
        const owner = await ownAccount(tx, principal.userId);
        if (!owner) throw new AppError('not_found');
        await confirmPassword(owner, request.body.currentPassword);
        const [created] = await tx
          .insert(apiTokens)
          .values({
            userId: principal.userId,
            name: request.body.name,
            tokenHash: sha256Hex(token),
            prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
            roles: [...new Set(request.body.roles)],
            expiresAt,
          })
          .returning();
        if (!created) throw new AppError('internal_error');
        request.auditSubject = {
          resourceType: 'api_token',
          resourceId: created.id,
          details: { roles: created.roles },
        };
        return created;
      });
      return reply.status(201).send({ data: { ...tokenView(row), token } });
    },
  );

  api.delete(
    '/tokens/:id',
    {
      config: UPDATE,
      schema: { tags: TAGS, summary: 'Revoke an API token', params: IdParam, response: { 204: z.null() } },
    },
    async (request, reply) => {
      request.auditSubject = { resourceType: 'api_token', resourceId: request.params.id };
      await request.transaction(async (tx) => {
        const revoked = await tx
          .update(apiTokens)
          .set({ revokedAt: new Date() })
          .where(and(eq(apiTokens.id, request.params.id), isNull(apiTokens.revokedAt)))
          .returning({ id: apiTokens.id });
        if (revoked.length === 0) throw new AppError('not_found', 'No such active token of yours.');
      });
      return reply.status(204).send(null);
    },
  );
}

/** Security changes need the password again: a session left open on a shared computer is not enough. */
async function confirmPassword(user: { passwordHash: string | null }, password: string): Promise<void> {
  if (user.passwordHash && (await verifyPassword(user.passwordHash, password))) return;
  throw new AppError('validation_failed', 'The current password is not right.', [
    { path: 'body.currentPassword', message: 'not right', code: 'invalid' },
  ]);
}

function invalidCode() {
  return new AppError(
    'validation_failed',
    'The code is not right; check the time on your phone and try again.',
    [{ path: 'body.code', message: 'not right', code: 'invalid' }],
  );
}

export function refuseWeakPassword(password: string, user: { email: string; displayName: string }) {
  const problem = passwordProblem(password, user);
  if (problem)
    throw new AppError('validation_failed', problem.message, [{ path: 'body.newPassword', ...problem }]);
}

function tokenView(row: typeof apiTokens.$inferSelect) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    roles: row.roles as z.infer<typeof ApiTokenList>['data'][number]['roles'],
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** The signed-in user's own row, read under row-level security. */
async function ownAccount(tx: Queryable, userId: string) {
  const [user] = await tx.select().from(users).where(eq(users.id, userId));
  return user;
}
