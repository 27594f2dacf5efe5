// Who may break the glass at once, and who must wait for a second person. Pure: no I/O, no clock.
import type { Role } from './schema.js';

/** The roles that may ask for break-glass: those who work with victims' cases. */
export const CASE_ROLES: readonly Role[] = ['case_manager', 'case_worker'];

export type BreakGlassSettings = {
  /** Days a case role must have been held before break-glass opens a record without approval. */
  minRoleDays: number;
  /** 'always': every grant waits for approval; 'when_new': only those of people new to the role. */
  approval: 'always' | 'when_new';
};

/**
 * Whether a request needs a second person's approval. A role given recently (for example to an
 * account made minutes ago by an organisation administrator) does not open another organisation's
 * records on its own say-so.
 */
export function needsApproval(caseRoleSince: Date | null, settings: BreakGlassSettings, now: Date): boolean {
  if (settings.approval === 'always' || caseRoleSince === null) return true;
  const heldDays = (now.getTime() - caseRoleSince.getTime()) / 86_400_000;
  return heldDays < settings.minRoleDays;
}

/** The earliest time from which one of the memberships has held a case role without a change. */
export function caseRoleSince(memberships: readonly { role: Role; roleSince: Date }[]): Date | null {
  const since = memberships.filter((m) => CASE_ROLES.includes(m.role)).map((m) => m.roleSince.getTime());
  return since.length ? new Date(Math.min(...since)) : null;
}

export type GrantState = 'awaiting_approval' | 'active' | 'expired' | 'revoked';

export function grantState(
  grant: { revokedAt: Date | null; expiresAt: Date; requiresApproval: boolean; approvedAt: Date | null },
  now: Date,
): GrantState {
  if (grant.revokedAt) return 'revoked';
  if (grant.expiresAt.getTime() <= now.getTime()) return 'expired';
  if (grant.requiresApproval && !grant.approvedAt) return 'awaiting_approval';
  return 'active';
}
