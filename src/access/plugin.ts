// Authenticates every API request, applies the policy to the route's action before anything else runs,
// checks the anti-forgery token on cookie-authenticated writes, and audits writes and sensitive reads.
import cookie from '@fastify/cookie';
import type { SQL } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { type AuditEvent, appendAudit, appendStatement } from '../audit/chain.js';
import type { Transaction } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { authenticateToken, isValidCsrfToken, SESSION_COOKIE } from './accounts.js';
import { ANONYMOUS_SCOPE } from './answer-cache.js';
import { actorOf, asImporter, asRequester } from './context.js';
import {
  ACTIONS,
  type Action,
  type ActionRule,
  type Decision,
  decide,
  isAction,
  type Resource,
} from './policy.js';
import './request-context.js';
import { SessionChecks } from './session-checks.js';
import { sessionCookieAttributes } from './session-cookie.js';

const ANONYMOUS: FastifyRequest['principal'] = Object.freeze({ kind: 'anonymous' as const });
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Writes that happen before there is a session to forge. */
const CSRF_EXEMPT: ReadonlySet<string> = new Set(['auth.sign_in']);

declare module 'fastify' {
  interface FastifyInstance {
    /** Checks sessions, and keeps the checks while the data is unchanged unless told not to. */
    sessionChecks: SessionChecks;
  }
}

export type AccessControlOptions = {
  /** Reuse a session's check while the data version is unchanged (true by default). */
  keepSessionChecks?: boolean;
};

export const accessControl = fp(
  async (app: FastifyInstance, options: AccessControlOptions) => {
    await app.register(cookie);
    app.decorate('sessionChecks', new SessionChecks({ keep: options.keepSessionChecks !== false }));
    app.decorateRequest('principal', null as never);
    app.decorateRequest('auditSubject', undefined);
    app.decorateRequest('sessionToken', null);
    app.decorateRequest('sessionExpired', false);
    app.decorateRequest('audited', false);
    app.decorateRequest('answerScope', null);
    app.decorateRequest('transaction', runAsRequester);
    app.decorateRequest('importTransaction', runAsImporter);
    app.decorateRequest('authorize', authorizeOnResource);
    app.addHook('onRequest', authenticate);
    app.addHook('preValidation', authorizeRouteAction);
    app.addHook('onResponse', auditUnrecordedOutcome);
  },
  { name: 'access-control', dependencies: ['http-errors', 'data-versions'] },
);

function isApiRequest(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}

async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  request.principal = ANONYMOUS;
  if (!isApiRequest(request)) return;
  const db = request.server.database.db;
  const header = request.headers.authorization;
  if (header !== undefined) {
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token)
      throw new AppError('unauthenticated', 'Send an API token as "Authorization: Bearer <token>".');
    const found = await authenticateToken(db, token);
    if (!found) throw new AppError('unauthenticated', 'The API token is unknown, expired or revoked.');
    // Each use of a token writes its last use, and RLS sees the user's grants: nothing of it is kept.
    setPrincipal(request, found.principal);
    return;
  }
  const sessionToken = request.cookies[SESSION_COOKIE];
  if (!sessionToken) {
    request.answerScope = ANONYMOUS_SCOPE;
    return;
  }
  const found = await request.server.sessionChecks.check(request, sessionToken);
  if (found === 'expired') {
    request.sessionExpired = true;
    reply.clearCookie(SESSION_COOKIE, sessionCookieAttributes(request));
    return;
  }
  setPrincipal(request, found.principal);
  request.sessionToken = sessionToken;
  request.answerScope = found.answerScope;
}

function setPrincipal(request: FastifyRequest, principal: FastifyRequest['principal']) {
  request.principal = principal;
}

async function authorizeRouteAction(request: FastifyRequest): Promise<void> {
  const action = request.routeOptions.config.action;
  if (!action) return;
  const decision = decide(request.principal, action);
  if (!mayStillHoldBreakGlass(request, action, decision)) throwUnlessAllowed(request, decision);
  const needsCsrf =
    request.sessionToken !== null && !SAFE_METHODS.has(request.method) && !CSRF_EXEMPT.has(action);
  if (
    needsCsrf &&
    !isValidCsrfToken(request.sessionToken ?? '', headerValue(request.headers['x-csrf-token']))
  ) {
    throw new AppError(
      'csrf_failed',
      'Send the X-CSRF-Token header of this session (GET /api/v1/me returns it); tokens of other sessions do not count.',
    );
  }
}

/**
 * A break-glass grant opens one record, which the route knows only from its parameters: such routes are
 * let through to their handler, which must call request.authorize with the record before reading it.
 */
function mayStillHoldBreakGlass(request: FastifyRequest, action: string, decision: Decision): boolean {
  if (decision.allowed || decision.code !== 'forbidden' || request.principal.kind !== 'user') return false;
  if (request.principal.via === 'token' || !isAction(action)) return false;
  const rule: ActionRule = ACTIONS[action];
  if (rule.breakGlass !== true) return false;
  // Only those who may ask for break-glass can hold a grant: everyone else is refused here, not later.
  const askers: readonly string[] = ACTIONS['break_glass.request'].roles;
  return request.principal.memberships.some((membership) => askers.includes(membership.role));
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function authorizeOnResource(this: FastifyRequest, action: Action, resource?: Resource): void {
  throwUnlessAllowed(this, decide(this.principal, action, resource));
}

function throwUnlessAllowed(request: FastifyRequest, decision: Decision): void {
  if (decision.allowed) return;
  if (decision.code === 'unauthenticated' && request.sessionExpired)
    throw new AppError('session_expired', 'Your session has ended; sign in again.');
  const detail = `Not allowed: ${decision.reason}.`;
  throw new AppError(decision.code, decision.code === 'unauthenticated' ? 'Sign in first.' : detail);
}

async function runAsRequester<T>(this: FastifyRequest, work: (tx: Transaction) => Promise<T>): Promise<T> {
  const actor = actorOf(this.principal);
  return workAndAudit(this, (closing) => asRequester(this.server.database, actor, work, closing));
}

async function runAsImporter<T>(this: FastifyRequest, work: (tx: Transaction) => Promise<T>): Promise<T> {
  const actor = actorOf(this.principal);
  return workAndAudit(this, (closing) => asImporter(this.server.database, actor, work, closing));
}

/**
 * The audit entry is the transaction's last statement, asked for once the work is done (so it names
 * what the handler found), and sent with the COMMIT: the entry and the change commit together or not
 * at all, and the chain's lock is not held while an answer travels back to this process.
 */
async function workAndAudit<T>(
  request: FastifyRequest,
  run: (closing: () => SQL | null) => Promise<T>,
): Promise<T> {
  let isAppending = false;
  const result = await run(() => {
    if (!needsAudit(request)) return null;
    isAppending = true;
    return appendStatement(auditEventFor(request, 'allowed'));
  });
  if (isAppending) request.audited = true;
  return result;
}

function needsAudit(request: FastifyRequest): boolean {
  const action = request.routeOptions.config.action;
  if (!SAFE_METHODS.has(request.method)) return true;
  return Boolean(action && isAction(action) && 'auditReads' in ACTIONS[action] && ACTIONS[action].auditReads);
}

export function auditEventFor(request: FastifyRequest, outcome: AuditEvent['outcome']): AuditEvent {
  const principal = request.principal;
  const subject = request.auditSubject;
  return {
    actorUserId: principal.kind === 'user' ? principal.userId : null,
    actorVia: principal.kind === 'user' ? principal.via : 'anonymous',
    action: request.routeOptions.config.action ?? 'unknown',
    outcome,
    resourceType: subject?.resourceType ?? null,
    resourceId: subject?.resourceId ?? null,
    organisationId: subject?.organisationId ?? null,
    reason: subject?.reason ?? null,
    ipAddress: request.ip,
    requestId: request.id,
    details: { method: request.method, route: request.routeOptions.url ?? null, ...subject?.details },
  };
}

/**
 * The safety net: a successful write that did not go through request.transaction, and every refused
 * or failed write, still leaves an entry. Refused reads are recorded for signed-in users only.
 */
async function auditUnrecordedOutcome(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.audited || !isApiRequest(request) || !request.routeOptions.config.action) return;
  const status = reply.statusCode;
  const isWrite = !SAFE_METHODS.has(request.method);
  const outcome = outcomeOf(status);
  const worthRecording =
    (isWrite && status !== 404) ||
    (outcome === 'denied' && request.principal.kind === 'user') ||
    (outcome === 'allowed' && needsAudit(request));
  if (!worthRecording) return;
  try {
    const event = {
      ...auditEventFor(request, outcome),
      details: { ...auditEventFor(request, outcome).details, status },
    };
    await appendAudit(request.server.database.db, event);
  } catch (error) {
    request.log.error({ err: error }, 'could not write the audit entry');
  }
}

function outcomeOf(status: number): AuditEvent['outcome'] {
  if (status === 401 || status === 403 || status === 429) return 'denied';
  if (status >= 400) return 'failed';
  return 'allowed';
}
