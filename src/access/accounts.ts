// Sign-in, sessions and API tokens. These run as the connecting database user, because who is asking
// is not known yet; everything a signed-in user then does runs under row-level security.
import { createHmac } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { randomToken, type Sealer, sameSecret, sha256Hex } from '../platform/crypto.js';
import type { Database, Queryable } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { decoyPasswordHash, verifyPassword } from './passwords.js';
import type { Membership, Principal } from './policy.js';
import {
  apiTokens,
  breakGlassGrants,
  memberships,
  type Role,
  sessions,
  signInThrottle,
  users,
} from './schema.js';
import { matchTotp } from './totp.js';

export const SESSION_COOKIE = 'concerted_session';
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
export const API_TOKEN_PREFIX = 'cct_';

const THROTTLE = {
  windowMs: 15 * 60 * 1000,
  lockMs: 15 * 60 * 1000,
  /** Per email address (hashed, whether or not it is registered) and per client address. */
  maxFailuresPerAccount: 5,
  maxFailuresPerAddress: 50,
};

export type SignInInput = { email: string; password: string; code?: string | undefined };
export type ClientInfo = { ipAddress: string; userAgent: string | null };
export type SignedIn = { userId: string; sessionToken: string; expiresAt: Date; secondFactor: boolean };

/** Checks email, password and, when enrolled, the TOTP code; then opens a session. */
export async function signIn(db: Database, sealer: Sealer, input: SignInInput, client: ClientInfo) {
  const keys = throttleKeys(input.email, client.ipAddress);
  await refuseWhenLocked(db, keys);
  const user = await findUserByEmail(db, input.email);
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), input.password);
  if (!user || !passwordOk || user.disabledAt) {
    await recordFailure(db, keys);
    throw new AppError('invalid_credentials', 'The email address or password is not right.');
  }
  const secondFactor = await checkSecondFactor(db, sealer, user, input.code, keys);
  await clearFailures(db, keys.account);
  return openSession(db, user.id, secondFactor, client);
}

async function checkSecondFactor(
  db: Database,
  sealer: Sealer,
  user: typeof users.$inferSelect,
  code: string | undefined,
  keys: ThrottleKeys,
): Promise<boolean> {
  if (!user.totpEnabledAt || !user.totpSecretSealed) return false;
  if (!code) throw new AppError('totp_required', 'Enter the six-digit code from your authenticator app.');
  const step = matchUserTotp(sealer, user, code);
  // A code already used (same or earlier step) is refused: it may have been seen over a shoulder.
  if (step === null || (user.totpLastStep !== null && step <= user.totpLastStep)) {
    await recordFailure(db, keys);
    throw new AppError('invalid_credentials', 'The code is not right or was already used.');
  }
  await db.update(users).set({ totpLastStep: step }).where(eq(users.id, user.id));
  return true;
}

export function totpContext(userId: string): string {
  return `users.totp_secret:${userId}`;
}

/** The time step of a code against the user's sealed TOTP seed, or null when it is wrong or there is none. */
export function matchUserTotp(
  sealer: Sealer,
  user: { id: string; totpSecretSealed: string | null },
  code: string,
): number | null {
  if (!user.totpSecretSealed) return null;
  return matchTotp(sealer.open(user.totpSecretSealed, totpContext(user.id)), code);
}

async function findUserByEmail(db: Queryable, email: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${normaliseEmail(email)}`);
  return user;
}

export function normaliseEmail(email: string): string {
  return email.normalize('NFKC').trim().toLowerCase();
}

export async function openSession(db: Queryable, userId: string, secondFactor: boolean, client: ClientInfo) {
  const sessionToken = randomToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  await db.insert(sessions).values({
    tokenHash: sha256Hex(sessionToken),
    userId,
    secondFactorAt: secondFactor ? now : null,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
    ipAddress: client.ipAddress,
    userAgent: client.userAgent?.slice(0, 300) ?? null,
  });
  return { userId, sessionToken, expiresAt, secondFactor } satisfies SignedIn;
}

/** The anti-forgery token of a session: derived from its secret cookie, so it needs no storage. */
export function csrfTokenFor(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('concerted csrf v1').digest('base64url');
}

export function isValidCsrfToken(sessionToken: string, presented: string | undefined): boolean {
  return typeof presented === 'string' && sameSecret(csrfTokenFor(sessionToken), presented);
}

export type Authenticated = { principal: Extract<Principal, { kind: 'user' }>; sessionTokenHash?: string };

/** The user behind a session cookie, or a reason it no longer counts. */
export async function authenticateSession(
  db: Database,
  sessionToken: string,
): Promise<Authenticated | 'expired'> {
  const tokenHash = sha256Hex(sessionToken);
  const [session] = await db.select().from(sessions).where(eq(sessions.tokenHash, tokenHash));
  if (!session) return 'expired';
  const now = Date.now();
  const idleSince = now - session.lastSeenAt.getTime();
  if (session.expiresAt.getTime() <= now || idleSince > SESSION_IDLE_MS) {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    return 'expired';
  }
  const user = await activeUser(db, session.userId);
  if (!user) return 'expired';
  // Touch at most once a minute: a busy page must not write on every request.
  if (idleSince > 60_000)
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(sessions.tokenHash, tokenHash));
  const principal = {
    kind: 'user' as const,
    userId: user.id,
    memberships: await membershipsOf(db, user.id),
    via: 'session' as const,
    secondFactor: session.secondFactorAt !== null,
  };
  return { principal, sessionTokenHash: tokenHash };
}

/** The user behind an API token, limited to the roles the token was given. */
export async function authenticateToken(db: Database, token: string): Promise<Authenticated | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const now = new Date();
  const [row] = await db
    .select()
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.tokenHash, sha256Hex(token)),
        isNull(apiTokens.revokedAt),
        gt(apiTokens.expiresAt, now),
      ),
    );
  if (!row) return null;
  const user = await activeUser(db, row.userId);
  if (!user) return null;
  await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id));
  const scoped = (await membershipsOf(db, user.id)).filter((m) => row.roles.includes(m.role));
  return {
    principal: { kind: 'user', userId: user.id, memberships: scoped, via: 'token', secondFactor: false },
  };
}

async function activeUser(db: Queryable, userId: string) {
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt)));
  return user;
}

export async function membershipsOf(db: Queryable, userId: string): Promise<Membership[]> {
  const rows = await db
    .select({ organisationId: memberships.organisationId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  return rows.map((row) => ({ organisationId: row.organisationId, role: row.role as Role }));
}

export async function closeSession(db: Queryable, sessionToken: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, sha256Hex(sessionToken)));
}

export async function closeAllSessions(db: Queryable, userId: string): Promise<number> {
  const closed = await db
    .delete(sessions)
    .where(eq(sessions.userId, userId))
    .returning({ id: sessions.userId });
  return closed.length;
}

type ThrottleKeys = { account: string; address: string };

function throttleKeys(email: string, ipAddress: string): ThrottleKeys {
  return { account: `account:${sha256Hex(normaliseEmail(email))}`, address: `address:${ipAddress}` };
}

async function refuseWhenLocked(db: Queryable, keys: ThrottleKeys): Promise<void> {
  const rows = await db
    .select({ lockedUntil: signInThrottle.lockedUntil })
    .from(signInThrottle)
    .where(
      sql`${signInThrottle.key} in (${keys.account}, ${keys.address}) and ${signInThrottle.lockedUntil} > now()`,
    );
  const until = rows.map((row) => row.lockedUntil?.getTime() ?? 0).sort((a, b) => b - a)[0];
  if (until) {
    const minutes = Math.max(1, Math.ceil((until - Date.now()) / 60_000));
    throw new AppError('too_many_attempts', `Too many failed attempts; try again in ${minutes} minute(s).`);
  }
}

async function recordFailure(db: Queryable, keys: ThrottleKeys): Promise<void> {
  await bumpFailures(db, keys.account, THROTTLE.maxFailuresPerAccount);
  await bumpFailures(db, keys.address, THROTTLE.maxFailuresPerAddress);
}

/** Counts a failure in a sliding window; at the limit the key is locked for a while. */
async function bumpFailures(db: Queryable, key: string, limit: number): Promise<void> {
  const windowStart = new Date(Date.now() - THROTTLE.windowMs);
  const lockUntil = new Date(Date.now() + THROTTLE.lockMs);
  await db.execute(sql`
    insert into sign_in_throttle (key, failures, window_started_at) values (${key}, 1, now())
    on conflict (key) do update set
      failures = case when sign_in_throttle.window_started_at < ${windowStart} then 1
                      else sign_in_throttle.failures + 1 end,
      window_started_at = case when sign_in_throttle.window_started_at < ${windowStart} then now()
                               else sign_in_throttle.window_started_at end,
      locked_until = case when sign_in_throttle.window_started_at >= ${windowStart}
                           and sign_in_throttle.failures + 1 >= ${limit} then ${lockUntil}
                          else sign_in_throttle.locked_until end`);
}

async function clearFailures(db: Queryable, key: string): Promise<void> {
  await db.delete(signInThrottle).where(eq(signInThrottle.key, key));
}

/** Whether the user holds an unexpired, unrevoked break-glass grant on the record. */
export async function hasActiveGrant(
  db: Queryable,
  principal: Principal,
  resourceType: string,
  resourceId: string,
) {
  if (principal.kind !== 'user') return false;
  const rows = await db
    .select({ id: breakGlassGrants.id })
    .from(breakGlassGrants)
    .where(
      and(
        eq(breakGlassGrants.userId, principal.userId),
        eq(breakGlassGrants.resourceType, resourceType),
        eq(breakGlassGrants.resourceId, resourceId),
        isNull(breakGlassGrants.revokedAt),
        gt(breakGlassGrants.expiresAt, new Date()),
      ),
    )
    .limit(1);
  return rows.length > 0;
}
