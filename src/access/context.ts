// Runs a unit of work as the requesting user: a transaction under the concerted_app role with the
// user and their organisations set, so that row-level security filters every query inside it.
import { type SQL, sql } from 'drizzle-orm';
import { IMPORTER_ROLE, REQUEST_ROLE } from '../platform/database-roles.js';
import type { Database, DatabaseHandle, Transaction } from '../platform/db.js';
import type { TransactionSettings } from '../platform/transactions.js';
import type { Principal } from './policy.js';

/** What row-level security knows about the requester. */
export type DatabaseActor = {
  userId: string | null;
  organisationIds: readonly string[];
  managedOrganisationIds: readonly string[];
  /** Organisations where the requester is a case manager, and where a case worker: who may see cases. */
  caseManagerOrganisationIds?: readonly string[];
  caseWorkerOrganisationIds?: readonly string[];
  isAdmin: boolean;
  isCoordinator: boolean;
};

export const ANONYMOUS_ACTOR: DatabaseActor = {
  userId: null,
  organisationIds: [],
  managedOrganisationIds: [],
  caseManagerOrganisationIds: [],
  caseWorkerOrganisationIds: [],
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
    caseManagerOrganisationIds: ids(['case_manager']),
    caseWorkerOrganisationIds: ids(['case_worker']),
    isAdmin: principal.memberships.some((m) => m.role === 'admin'),
    isCoordinator: principal.memberships.some((m) => m.role === 'coordinator'),
  };
}

const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

/** The role and the app.* values the policies read (see app_user_id() and friends in migration 0002). */
export function settingsFor(actor: DatabaseActor, role: string = REQUEST_ROLE): TransactionSettings {
  return {
    role,
    settings: {
      'app.user_id': actor.userId ?? '',
      'app.org_ids': uuidArray(actor.organisationIds),
      'app.manage_org_ids': uuidArray(actor.managedOrganisationIds),
      'app.case_manager_org_ids': uuidArray(actor.caseManagerOrganisationIds ?? []),
      'app.case_worker_org_ids': uuidArray(actor.caseWorkerOrganisationIds ?? []),
      'app.is_admin': actor.isAdmin ? 'on' : 'off',
      'app.is_coordinator': actor.isCoordinator ? 'on' : 'off',
    },
  };
}

/**
 * A request's transaction: on a server over the login role's own connection, so that no SQL inside it
 * (RESET ROLE, SET ROLE postgres) can reach the owner's rights; embedded under SET LOCAL ROLE.
 */
export function asRequester<T>(
  database: DatabaseHandle,
  actor: DatabaseActor,
  work: (tx: Transaction) => Promise<T>,
  closing?: () => SQL | null,
): Promise<T> {
  return database.requestTransaction(settingsFor(actor), work, closing);
}

/** A statistics import: the owner's connection as concerted_importer, the one role that writes statistics. */
export function asImporter<T>(
  database: DatabaseHandle,
  actor: DatabaseActor,
  work: (tx: Transaction) => Promise<T>,
  closing?: () => SQL | null,
): Promise<T> {
  return database.ownerTransaction(settingsFor(actor, IMPORTER_ROLE), work, closing);
}

/** Opens a transaction on `db` in which policies apply to the actor; everything in `work` commits or none of it. */
export async function asActor<T>(db: Database, actor: DatabaseActor, work: (tx: Transaction) => Promise<T>) {
  return db.transaction(async (tx) => {
    await enterActor(tx, actor);
    return work(tx);
  });
}

/** Switches an open transaction to the unprivileged role and the actor's identity, until it ends. */
export async function enterActor(tx: Transaction, actor: DatabaseActor): Promise<void> {
  const { role, settings } = settingsFor(actor);
  const calls = Object.entries({ role, ...settings }).map(
    ([name, value]) => sql`set_config(${name}, ${value}, true)`,
  );
  await tx.execute(sql`select ${sql.join(calls, sql`, `)}`);
}
