// The policy as pure decisions: deny by default, scope by organisation, second factor for personal data.
import { describe, expect, it } from 'vitest';
import { ACTIONS, decide, type Membership, type Principal } from './policy.js';

const ORG_A = '00000000-0000-4000-8000-00000000000a';
const ORG_B = '00000000-0000-4000-8000-00000000000b';
const anonymous: Principal = { kind: 'anonymous' };
const user = (
  memberships: Membership[],
  extra: Partial<Extract<Principal, { kind: 'user' }>> = {},
): Principal => ({
  kind: 'user',
  userId: '00000000-0000-4000-8000-000000000001',
  memberships,
  via: 'session',
  secondFactor: false,
  ...extra,
});

describe('decide', () => {
  it('denies an action nobody declared, whoever asks', () => {
    const admin = user([{ organisationId: ORG_A, role: 'admin' }]);
    expect(decide(admin, 'cases.delete_everything')).toMatchObject({ allowed: false, code: 'forbidden' });
  });

  it('lets anyone read what is public and asks anonymous visitors to sign in for the rest', () => {
    expect(decide(anonymous, 'reference.read').allowed).toBe(true);
    expect(decide(anonymous, 'account.read')).toMatchObject({ allowed: false, code: 'unauthenticated' });
  });

  it('limits an organisation administrator to their own organisation', () => {
    const orgAdmin = user([{ organisationId: ORG_A, role: 'org_admin' }]);
    expect(decide(orgAdmin, 'users.manage', { organisationId: ORG_A }).allowed).toBe(true);
    expect(decide(orgAdmin, 'users.manage', { organisationId: ORG_B })).toMatchObject({
      allowed: false,
      reason: 'the record belongs to another organisation',
    });
  });

  it('uses the role held in the record’s organisation, not a role held elsewhere', () => {
    const mixed = user([
      { organisationId: ORG_A, role: 'viewer' },
      { organisationId: ORG_B, role: 'org_admin' },
    ]);
    expect(decide(mixed, 'users.manage', { organisationId: ORG_A }).allowed).toBe(false);
    expect(decide(mixed, 'users.manage', { organisationId: ORG_B }).allowed).toBe(true);
  });

  it('gives coordinators the whole installation but not the management of users', () => {
    const coordinator = user([{ organisationId: ORG_A, role: 'coordinator' }]);
    expect(decide(coordinator, 'audit.read', { organisationId: ORG_B }).allowed).toBe(true);
    expect(decide(coordinator, 'users.manage', { organisationId: ORG_B }).allowed).toBe(false);
  });

  it('asks for a second factor before personal data, and never allows it to a token', () => {
    const worker = [{ organisationId: ORG_A, role: 'case_worker' as const }];
    expect(decide(user(worker), 'break_glass.request')).toMatchObject({
      allowed: false,
      code: 'second_factor_required',
    });
    expect(decide(user(worker, { secondFactor: true }), 'break_glass.request').allowed).toBe(true);
    expect(decide(user(worker, { via: 'token', secondFactor: true }), 'break_glass.request')).toMatchObject({
      allowed: false,
      code: 'forbidden',
    });
  });

  it('tells someone whose role may not act so, rather than asking for a second factor', () => {
    const admin = user([{ organisationId: ORG_A, role: 'admin' }]);
    expect(decide(admin, 'break_glass.request')).toMatchObject({ allowed: false, code: 'forbidden' });
  });

  it('keeps analysts and viewers away from administration and personal data', () => {
    for (const role of ['analyst', 'viewer'] as const) {
      const person = user([{ organisationId: ORG_A, role }], { secondFactor: true });
      for (const action of [
        'users.manage',
        'users.read',
        'audit.read',
        'break_glass.request',
        'organisations.create',
      ])
        expect(decide(person, action, { organisationId: ORG_A }).allowed, `${role} ${action}`).toBe(false);
    }
  });

  it('never opens a member list through break-glass: it is not a victim’s record', () => {
    const worker = user([{ organisationId: ORG_A, role: 'case_worker' }], { secondFactor: true });
    expect(decide(worker, 'users.read', { organisationId: ORG_B }).allowed).toBe(false);
    expect(decide(worker, 'users.read', { organisationId: ORG_B, breakGlassActive: true }).allowed).toBe(
      false,
    );
  });

  it('keeps every account route from API tokens, and lets sessions through', () => {
    const admin = user([{ organisationId: ORG_A, role: 'admin' }]);
    for (const action of ['account.update', 'account.credentials_read', 'auth.sign_out'] as const) {
      expect(decide(admin, action).allowed).toBe(true);
      expect(decide({ ...admin, via: 'token' } as Principal, action)).toMatchObject({
        allowed: false,
        code: 'forbidden',
      });
    }
  });

  it('lets the record’s organisation or the coordinator approve break-glass, not another organisation', () => {
    const otherAdmin = user([{ organisationId: ORG_A, role: 'org_admin' }]);
    const ownAdmin = user([{ organisationId: ORG_B, role: 'org_admin' }]);
    const coordinator = user([{ organisationId: ORG_A, role: 'coordinator' }]);
    const resource = { organisationId: ORG_B };
    expect(decide(otherAdmin, 'break_glass.approve', resource).allowed).toBe(false);
    expect(decide(ownAdmin, 'break_glass.approve', resource).allowed).toBe(true);
    expect(decide(coordinator, 'break_glass.approve', resource).allowed).toBe(true);
  });

  it('describes every action for the documentation', () => {
    for (const [name, rule] of Object.entries(ACTIONS)) {
      expect(name).toMatch(/^[a-z_]+\.[a-z_]+$/);
      expect(rule.description.length).toBeGreaterThan(10);
    }
  });
});
