// Answers of the read routes that opt in (config.keepAnswers), kept in memory per requester scope and
// served again while the data version (migration 0018) has not changed: such a request costs one small
// read of that number, shared by the requests that arrive while one is under way, instead of a
// transaction. A signed-in requester's session check is kept the same way (session-checks.ts).
//
// Why an answer served from here is the one the route would give now:
// - it was made for the same URL by the same route, for a requester of the same scope: the same
//   database role and settings (row-level security saw the same requester) and the same principal
//   (user, memberships and roles, how they signed in), as of the same data version;
// - it was made after the data version was read as v, so it holds every write committed up to v;
// - it is served only to a request that read v itself, in a statement sent after the request arrived:
//   every write committed before that has a number <= v, and a write committed since is concurrent
//   with the request. A write raises the number in its own transaction, so no commit is missed: signing
//   out, revoking a session, disabling a user, changing a membership or a grant are writes too;
// - the routes that opt in answer from the data alone (not the clock, nor anything else of the
//   request), and what row-level security shows depends on the clock only through break-glass grants,
//   which expire without a write: a user who holds one has no scope, so nothing of theirs is kept.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { CheckedSession } from './accounts.js';
import { ANONYMOUS_ACTOR, actorOf, settingsFor } from './context.js';
import { type KeeperLimits, VersionKeeper } from './data-version.js';
import { ACTIONS, isAction } from './policy.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Answers may be served again, to requesters of the same scope, while the data is unchanged. Only
     * for GET routes whose answer depends on the URL, the requester and the data that row-level
     * security shows them, nothing else.
     */
    keepAnswers?: boolean;
  }
  interface FastifyRequest {
    /** Where this request's answer is kept once made, and the data version it was made after. */
    answerSlot: { key: string; version: string } | null;
  }
}

/** Everything an answer of an opted-in route may depend on besides the URL and the data. */
export const ANONYMOUS_SCOPE = JSON.stringify(settingsFor(ANONYMOUS_ACTOR));

/** The scope of a checked session's answers, or null when they must not be kept. */
export function answerScopeOf(checked: Pick<CheckedSession, 'principal' | 'holdsBreakGlass'>): string | null {
  if (checked.holdsBreakGlass) return null;
  const { principal } = checked;
  const memberships = principal.memberships.map((m) => `${m.organisationId}:${m.role}`).sort();
  return JSON.stringify({
    ...settingsFor(actorOf(principal)),
    userId: principal.userId,
    via: principal.via,
    secondFactor: principal.secondFactor,
    memberships,
  });
}

type Answer = { body: Buffer; contentType: string };

export function keptAnswers(limits: Partial<KeeperLimits> = {}): VersionKeeper<Answer> {
  return new VersionKeeper<Answer>(
    {
      maxEntries: limits.maxEntries ?? 2000,
      maxSize: limits.maxSize ?? 64 * 1024 * 1024,
      // The all-countries coverage matrix at a million activities is about 6 MB and costs a second to compute.
      maxEntrySize: limits.maxEntrySize ?? 16 * 1024 * 1024,
    },
    (answer) => answer.body.byteLength,
  );
}

function isEligible(request: FastifyRequest): boolean {
  const config = request.routeOptions.config;
  if (request.method !== 'GET' || config.keepAnswers !== true || request.answerScope === null) return false;
  const action = config.action;
  return Boolean(action && isAction(action) && !('auditReads' in ACTIONS[action]));
}

export const answerCache = fp(
  async (app: FastifyInstance, limits: Partial<KeeperLimits>) => {
    const answers = keptAnswers(limits);
    app.decorateRequest('answerSlot', null);
    // After authentication and the route's authorisation (earlier preValidation hooks); before the
    // input is validated, as only a URL that was valid can have an answer kept.
    app.addHook('preValidation', async (request: FastifyRequest, reply: FastifyReply) => {
      if (!isEligible(request)) return;
      const version = await request.freshDataVersion();
      if (version === null) return;
      const key = `${request.answerScope}\n${request.url}`;
      const kept = answers.get(key, version);
      if (kept) return reply.type(kept.contentType).send(kept.body);
      request.answerSlot = { key, version };
    });
    app.addHook('onSend', async (request, reply, payload) => {
      const slot = request.answerSlot;
      if (slot && reply.statusCode === 200 && typeof payload === 'string') {
        const contentType = reply.getHeader('content-type');
        if (typeof contentType === 'string')
          answers.set(slot.key, slot.version, { body: Buffer.from(payload), contentType });
      }
      return payload;
    });
  },
  { name: 'answer-cache', dependencies: ['access-control', 'data-versions'] },
);
