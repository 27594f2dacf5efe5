// Session checks kept while the access version (migration 0040) is unchanged: a signed-in request
// then costs no query for its session, user, memberships and grants. Whatever ends or changes a session
// (signing out, revocation, a disabled user, a membership or a grant given or taken) is a write to those
// tables and raises the version; writes elsewhere (cases, audit entries) do not. What changes with the
// clock alone (expiry, idleness, the once-a-minute touch) is judged again on every request from the
// times kept.
import type { FastifyRequest } from 'fastify';
import { sha256Hex } from '../platform/crypto.js';
import { authenticateSession, type CheckedSession, SESSION_TOUCH_MS } from './accounts.js';
import { answerScopeOf } from './answer-cache.js';
import { VersionKeeper } from './data-version.js';

export type KeptSession = CheckedSession & { answerScope: string | null };

export class SessionChecks {
  private readonly keep: boolean;
  private readonly kept = new VersionKeeper<KeptSession>({
    maxEntries: 10_000,
    maxSize: Number.POSITIVE_INFINITY,
    maxEntrySize: Number.POSITIVE_INFINITY,
  });

  private asked = 0;

  /** keep: false checks every session against the database (tests and benchmarks of that path). */
  constructor(options: { keep: boolean }) {
    this.keep = options.keep;
  }

  /** The live session behind the cookie's secret, or 'expired'; reuses a check made at the request's version. */
  async check(request: FastifyRequest, sessionToken: string): Promise<KeptSession | 'expired'> {
    const tokenHash = sha256Hex(sessionToken);
    const version = this.keep ? await request.freshAccessVersion() : null;
    const kept = version === null ? undefined : this.kept.get(tokenHash, version);
    const now = Date.now();
    if (kept && kept.expiresMs > now && now - kept.lastSeenMs <= SESSION_TOUCH_MS) return kept;
    this.asked += 1;
    const found = await authenticateSession(request.server.database.db, sessionToken);
    if (found === 'expired') {
      this.kept.delete(tokenHash);
      return 'expired';
    }
    const checked: KeptSession = Object.freeze({
      ...found,
      principal: Object.freeze({
        ...found.principal,
        memberships: Object.freeze(found.principal.memberships),
      }),
      answerScope: answerScopeOf(found),
    });
    // A touch (the session's last use written) leaves the access version as it was: keep it too.
    if (version !== null) this.kept.set(tokenHash, version, checked);
    return checked;
  }

  /** How many checks went to the database. */
  get checksAsked(): number {
    return this.asked;
  }

  get count(): number {
    return this.kept.count;
  }
}
