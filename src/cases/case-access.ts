// How a case route reaches its case: under row-level security first, then the policy with the case's
// organisation and any live break-glass grant; and what the audit entry says about it.
import type { FastifyRequest } from 'fastify';
import { signedInPrincipal } from '../access/me.js';
import type { Action } from '../access/policy.js';
import type { Transaction } from '../platform/db.js';
import { getCaseAndGrant } from './store.js';

/**
 * Reads the case under row-level security, then asks the policy with its organisation and whether a
 * break-glass grant on it is live: a case out of reach is "not found", never "forbidden".
 */
export async function caseInReach(request: FastifyRequest, tx: Transaction, action: Action, id: string) {
  const { view, breakGlassActive } = await getCaseAndGrant(tx, id);
  request.authorize(action, { organisationId: view.organisationId, breakGlassActive });
  request.auditSubject = { resourceType: 'case', resourceId: id, organisationId: view.organisationId };
  return view;
}

type AuditSubject = NonNullable<FastifyRequest['auditSubject']>;

/** Adds to what the audit entry says about the case (never personal data: field names, codes, ids). */
export function describeAudit(request: FastifyRequest, more: Partial<AuditSubject>): void {
  request.auditSubject = { ...(request.auditSubject as AuditSubject), ...more };
}

export function userIdOf(request: FastifyRequest): string {
  return signedInPrincipal(request).userId;
}
