// Sign-in, sessions and API tokens. These run as the connecting database user, because who is asking
// is not known yet; everything a signed-in user then does runs under row-level security.
import { createHmac } from 'node:crypto';
import { and, eq, gt, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { randomToken, type Sealer, sameSecret, sha256Hex } from '../platform/crypto.js';
import { type Database, type Queryable, rowsOf } from '../platform/db.js';
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

/**
 * Checks email, password and, when enrolled, the TOTP code; then opens a session. The attempt is counted
 * before anything is checked, in one statement, so that a burst of concurrent guesses cannot all slip
 * past the limit while the (deliberately slow) password hash is computed.
 */
export async function signIn(db: Database, sealer: Sealer, input: SignInInput, client: ClientInfo) {
  const keys = throttleKeys(input.email, client.ipAddress);
  await claimAttempt(db, keys);
  const user = await findUserByEmail(db, input.email);
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), input.password);
  if (!user || !passwordOk || user.disabledAt)
    throw new AppError('invalid_credentials', 'The email address or password is not right.');
  const secondFactor = await checkSecondFactor(db, sealer, user, input.code, keys);
  await clearAttempts(db, keys);
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
  if (!code) {
    // The password was right: asking for the code is the first half of a good sign-in, not a failure.
    await releaseAttempt(db, keys);
    throw new AppError('totp_required', 'Enter the six-digit code from your authenticator app.');
  }
  const step = matchUserTotp(sealer, user, code);
  if (step === null || !(await consumeTotpStep(db, user.id, step)))
    throw new AppError('invalid_credentials', 'The code is not right or was already used.');
  return true;
}

/**
 * Records a TOTP step as used, only if it is later than the last one used: a code already used (same or
 * earlier step) is refused, as it may have been seen over a shoulder. One conditional update, so two
 * requests with the same code cannot both succeed.
 */
export async function consumeTotpStep(db: Queryable, userId: string, step: number): Promise<boolean> {
  const updated = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), sql`(${users.totpLastStep} is null or ${users.totpLastStep} < ${step})`))
    .returning({ id: users.id });
  return updated.length > 0;
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

/** A live session as its check found it, with what decides how long that finding may be reused. */
export type CheckedSession = Authenticated & {
  sessionTokenHash: string;
  lastSeenMs: number;
  expiresMs: number;
  /** The check wrote the session's last use (which raises the data version). */
  touched: boolean;
  /**
   * The user holds an unrevoked, unexpired break-glass grant: what row-level security shows them then
   * changes with the clock (the grant expires without a write), not with the data alone.
   */
  holdsBreakGlass: boolean;
};

/** A session is touched at most once a minute: a busy page must not write on every request. */
export const SESSION_TOUCH_MS = 60_000;

/** The user behind a session cookie, or a reason it no longer counts. */
export async function authenticateSession(
  db: Database,
  sessionToken: string,
): Promise<CheckedSession | 'expired'> {
  const tokenHash = sha256Hex(sessionToken);
  // Every request with a session not checked since the data last changed asks this: the session,
  // whether its user is active, the user's memberships and grants in one round trip.
  const [session] = await rowsOf<{
    userId: string;
    lastSeenMs: number | string;
    expiresMs: number | string;
    hasSecondFactor: boolean;
    isActive: boolean;
    holdsBreakGlass: boolean;
    memberships: Membership[] | string;
  }>(
    db,
    sql`select s.user_id as "userId",
          (extract(epoch from s.last_seen_at) * 1000)::float8 as "lastSeenMs",
          (extract(epoch from s.expires_at) * 1000)::float8 as "expiresMs",
          s.second_factor_at is not null as "hasSecondFactor",
          u.id is not null as "isActive",
          exists (select 1 from ${breakGlassGrants} g where g.user_id = s.user_id
                  and g.revoked_at is null and g.expires_at > now()) as "holdsBreakGlass",
          coalesce((select json_agg(json_build_object('organisationId', m.organisation_id, 'role', m.role))
                    from ${memberships} m where m.user_id = s.user_id), '[]'::json) as "memberships"
        from ${sessions} s left join ${users} u on u.id = s.user_id and u.disabled_at is null
        where s.token_hash = ${tokenHash}`,
  );
  if (!session) return 'expired';
  const now = Date.now();
  const idleSince = now - Number(session.lastSeenMs);
  if (Number(session.expiresMs) <= now || idleSince > SESSION_IDLE_MS) {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    return 'expired';
  }
  if (!session.isActive) return 'expired';
  const touched = idleSince > SESSION_TOUCH_MS;
  if (touched)
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(sessions.tokenHash, tokenHash));
  const rows =
    typeof session.memberships === 'string' ? JSON.parse(session.memberships) : session.memberships;
  const principal = {
    kind: 'user' as const,
    userId: session.userId,
    memberships: (rows as Membership[]).map((m) => ({
      organisationId: m.organisationId,
      role: m.role as Role,
    })),
    via: 'session' as const,
    secondFactor: session.hasSecondFactor,
  };
  return {
    principal,
    sessionTokenHash: tokenHash,
    lastSeenMs: touched ? now : Number(session.lastSeenMs),
    expiresMs: Number(session.expiresMs),
    touched,
    holdsBreakGlass: session.holdsBreakGlass,
  };
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

/** Counts the attempt against the account and the client address; refuses it beyond either limit. */
async function claimAttempt(db: Queryable, keys: ThrottleKeys): Promise<void> {
  const lockedUntil =
    (await countAttempt(db, keys.account, THROTTLE.maxFailuresPerAccount)) ??
    (await countAttempt(db, keys.address, THROTTLE.maxFailuresPerAddress));
  if (lockedUntil) {
    const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - Date.now()) / 60_000));
    throw new AppError('too_many_attempts', `Too many failed attempts; try again in ${minutes} minute(s).`);
  }
}

/**
 * Adds one attempt to the key's sliding window and returns until when the key is locked, or null when
 * this attempt may go ahead. Counting and checking are one upsert: its row lock makes concurrent
 * attempts take numbers one after another, so the one over the limit is refused however many arrive
 * together (and it locks the key for a while).
 */
async function countAttempt(db: Queryable, key: string, limit: number): Promise<Date | null> {
  const windowStart = new Date(Date.now() - THROTTLE.windowMs);
  const lockUntil = new Date(Date.now() + THROTTLE.lockMs);
  const [row] = await rowsOf<{ failures: number; locked_until: Date | string | null }>(
    db,
    sql`
    insert into sign_in_throttle as t (key, failures, window_started_at) values (${key}, 1, now())
    on conflict (key) do update set
      failures = case when t.window_started_at < ${windowStart} then 1 else t.failures + 1 end,
      window_started_at = case when t.window_started_at < ${windowStart} then now()
                               else t.window_started_at end,
      locked_until = case when t.locked_until > now() then t.locked_until
                          when t.window_started_at >= ${windowStart} and t.failures + 1 > ${limit}
                            then ${lockUntil}::timestamptz
                          else null end
    returning failures, locked_until`,
  );
  const lockedUntil = row?.locked_until ? new Date(row.locked_until) : null;
  return lockedUntil && lockedUntil.getTime() > Date.now() ? lockedUntil : null;
}

/** A successful sign-in forgets the account's failures and gives the address its attempt back. */
async function clearAttempts(db: Queryable, keys: ThrottleKeys): Promise<void> {
  await db.delete(signInThrottle).where(eq(signInThrottle.key, keys.account));
  await uncount(db, keys.address);
}

async function releaseAttempt(db: Queryable, keys: ThrottleKeys): Promise<void> {
  await uncount(db, keys.account);
  await uncount(db, keys.address);
}

async function uncount(db: Queryable, key: string): Promise<void> {
  await db
    .update(signInThrottle)
    .set({ failures: sql`greatest(${signInThrottle.failures} - 1, 0)` })
    .where(eq(signInThrottle.key, key));
}

/** Whether the user holds an unexpired, unrevoked and (where needed) approved break-glass grant on the record. */
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
        // A grant that waits for a second person opens nothing yet.
        or(eq(breakGlassGrants.requiresApproval, false), isNotNull(breakGlassGrants.approvedAt)),
      ),
    )
    .limit(1);
  return rows.length > 0;
}
