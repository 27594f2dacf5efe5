// Runs a unit of work as the requesting user: a transaction under the concerted_app role with the
// user and their organisations set, so that row-level security filters every query inside it.
import { sql } from 'drizzle-orm';
import type { Database, Transaction } from '../platform/db.js';
import type { Principal } from './policy.js';

/** What row-level security knows about the requester. */
export type DatabaseActor = {
  userId: string | null;
  organisationIds: readonly string[];
  managedOrganisationIds: readonly string[];
  isAdmin: boolean;
  isCoordinator: boolean;
};

export const ANONYMOUS_ACTOR: DatabaseActor = {
  userId: null,
  organisationIds: [],
  managedOrganisationIds: [],
  isAdmin: false,
  isCoordinator: false,
};

export function actorOf(principal: Principal): DatabaseActor {
  if (principal.kind === 'anonymous') return ANONYMOUS_ACTOR;
  const ids = (roles: string[]) => [
    ...new Set(principal.memberships.filter((m) => roles.includes(m.role)).map((m) => m.organisationId)),
  ];
  return {
    userId: principal.userId,
    organisationIds: [...new Set(principal.memberships.map((m) => m.organisationId))],
    managedOrganisationIds: ids(['org_admin']),
    isAdmin: principal.memberships.some((m) => m.role === 'admin'),
    isCoordinator: principal.memberships.some((m) => m.role === 'coordinator'),
  };
}

const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

/** Opens a transaction in which policies apply to the actor; everything in `work` commits or none of it. */
export async function asActor<T>(db: Database, actor: DatabaseActor, work: (tx: Transaction) => Promise<T>) {
  return db.transaction(async (tx) => {
    await enterActor(tx, actor);
    return work(tx);
  });
}

/** Switches an open transaction to the unprivileged role and the actor's identity, until it ends. */
export async function enterActor(tx: Transaction, actor: DatabaseActor): Promise<void> {
  await tx.execute(sql`set local role concerted_app`);
  await tx.execute(sql`select
      set_config('app.user_id', ${actor.userId ?? ''}, true),
      set_config('app.org_ids', ${uuidArray(actor.organisationIds)}, true),
      set_config('app.manage_org_ids', ${uuidArray(actor.managedOrganisationIds)}, true),
      set_config('app.is_admin', ${actor.isAdmin ? 'on' : 'off'}, true),
      set_config('app.is_coordinator', ${actor.isCoordinator ? 'on' : 'off'}, true)`);
}
