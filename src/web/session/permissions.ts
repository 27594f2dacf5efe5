// What the signed-in person may do, decided by the server's own policy (src/access/policy.ts, pure),
// so that the interface offers exactly the actions the API will accept.
import { type Action, decide, type Principal, type Resource } from '../../access/policy.js';
import type { Role } from '../../access/schema.js';
import type { Me } from '../../access/schemas.js';

export type { Action, Role };

/** The roles in the order the server declares them, for lists and pickers. */
export const ROLE_ORDER: readonly Role[] = [
  'admin',
  'coordinator',
  'org_admin',
  'editor',
  'case_manager',
  'case_worker',
  'analyst',
  'viewer',
];

export function principalOf(me: Me | null): Principal {
  if (!me) return { kind: 'anonymous' };
  return {
    kind: 'user',
    userId: me.id,
    memberships: me.memberships.map((m) => ({ organisationId: m.organisationId, role: m.role })),
    via: me.via,
    secondFactor: me.secondFactor.verified,
  };
}

/** Whether the API will accept the action now. */
export function can(me: Me | null, action: Action, resource?: Resource): boolean {
  return decide(principalOf(me), action, resource).allowed;
}

/**
 * Whether the person's roles allow the action once a second factor is verified: pages for actions on
 * personal data stay reachable, and explain the missing second factor instead of hiding themselves.
 */
export function canWithSecondFactor(me: Me | null, action: Action, resource?: Resource): boolean {
  const principal = principalOf(me);
  if (principal.kind === 'anonymous') return false;
  return decide({ ...principal, via: 'session', secondFactor: true }, action, resource).allowed;
}

/** The distinct roles a person holds, in the server's order. */
export function rolesOf(me: Me | null): Role[] {
  const held = new Set(me?.memberships.map((m) => m.role) ?? []);
  return ROLE_ORDER.filter((role) => held.has(role));
}

/** Who may open a page: everyone, only visitors who are not signed in, the signed-in, or by role. */
export type PageAccess =
  | { kind: 'everyone' }
  | { kind: 'anonymous' }
  | { kind: 'signed_in' }
  | { kind: 'actions'; actions: readonly Action[] }
  | { kind: 'roles'; roles: readonly Role[] };

export type AccessVerdict = 'allowed' | 'sign_in' | 'forbidden';

export function pageVerdict(access: PageAccess, me: Me | null): AccessVerdict {
  switch (access.kind) {
    case 'everyone':
      return 'allowed';
    case 'anonymous':
      return me ? 'forbidden' : 'allowed';
    case 'signed_in':
      return me ? 'allowed' : 'sign_in';
    case 'actions':
      if (!me) return 'sign_in';
      return access.actions.some((action) => canWithSecondFactor(me, action)) ? 'allowed' : 'forbidden';
    case 'roles':
      if (!me) return 'sign_in';
      return rolesOf(me).some((role) => access.roles.includes(role)) ? 'allowed' : 'forbidden';
  }
}

/** The roles that may open a page, for telling a person who cannot which role they would need. */
export function rolesForAccess(access: PageAccess): Role[] {
  if (access.kind === 'roles') return [...access.roles];
  if (access.kind !== 'actions') return [];
  return ROLE_ORDER.filter((role) =>
    access.actions.some(
      (action) =>
        decide(
          {
            kind: 'user',
            userId: '',
            memberships: [{ organisationId: '', role }],
            via: 'session',
            secondFactor: true,
          },
          action,
        ).allowed,
    ),
  );
}
