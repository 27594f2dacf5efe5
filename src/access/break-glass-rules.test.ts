// Break-glass rules: time in the case role, or a second person.
import { describe, expect, it } from 'vitest';
import { caseRoleSince, grantState, needsApproval } from './break-glass-rules.js';

const now = new Date('2026-06-01T00:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
const settings = { minRoleDays: 30, approval: 'when_new' as const };

describe('break-glass rules', () => {
  it('asks for approval from someone who got the case role today', () => {
    expect(needsApproval(daysAgo(0), settings, now)).toBe(true);
  });

  it('lets someone who has held the case role for the minimum period break the glass at once', () => {
    expect(needsApproval(daysAgo(30), settings, now)).toBe(false);
  });

  it('asks for approval every time when the installation says so', () => {
    expect(needsApproval(daysAgo(400), { ...settings, approval: 'always' }, now)).toBe(true);
  });

  it('counts only case roles, from the earliest one held', () => {
    const since = caseRoleSince([
      { role: 'org_admin', roleSince: daysAgo(900) },
      { role: 'case_worker', roleSince: daysAgo(3) },
      { role: 'case_manager', roleSince: daysAgo(45) },
    ]);
    expect(since).toEqual(daysAgo(45));
    expect(caseRoleSince([{ role: 'org_admin', roleSince: daysAgo(900) }])).toBeNull();
  });

  it('opens nothing while a grant awaits approval', () => {
    const grant = { revokedAt: null, expiresAt: daysAgo(-1), requiresApproval: true, approvedAt: null };
    expect(grantState(grant, now)).toBe('awaiting_approval');
    expect(grantState({ ...grant, approvedAt: now }, now)).toBe('active');
    expect(grantState({ ...grant, revokedAt: now }, now)).toBe('revoked');
  });
});
