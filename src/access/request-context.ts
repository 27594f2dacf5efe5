// What the access layer adds to every request: who is asking, and how to work and check as them.
import type { Transaction } from '../platform/db.js';
import type { Action, Principal, Resource } from './policy.js';

/** The record a write or a sensitive read touched, for its audit entry. */
export type AuditSubject = {
  resourceType: string;
  resourceId?: string | null;
  organisationId?: string | null;
  /** Mandatory for overrides and break-glass. */
  reason?: string | null;
  /** Field names and non-personal values that say what changed. */
  details?: Record<string, unknown>;
};

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal;
    /**
     * Runs `work` in one transaction as the requester (row-level security applies). For writes and
     * audited reads, the audit entry is appended in the same transaction, so both commit or neither.
     */
    transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
    /**
     * As transaction, but for a statistics import: as concerted_importer, the only role besides the
     * owner that may write statistics (requests may only read them).
     */
    importTransaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
    /** Throws a 401/403 problem unless the policy allows the action on the resource. */
    authorize(action: Action, resource?: Resource): void;
    /** Set by handlers to name the record that the audit entry is about. */
    auditSubject: AuditSubject | undefined;
    /** The session cookie's secret, when the request came with a live session. */
    sessionToken: string | null;
    /** A session cookie came but its session had ended (so 401 says "session expired"). */
    sessionExpired: boolean;
    /** An audit entry for this request has been written. */
    audited: boolean;
    /**
     * Who this request's answer may be served to again: requests of the same scope see the same rows
     * and get the same decisions (answer-cache.ts). Null when nothing of this request may be kept.
     */
    answerScope: string | null;
  }
}
