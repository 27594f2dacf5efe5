// Invitations to an organisation: offered to an email address, answered by the person signed in with
// it. Nobody gets a role in an organisation without saying yes, and offering tells nothing about
// whether the address has an account.
import { and, eq, gt, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { organisations } from '../partners/schema.js';
import type { Queryable } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { normaliseEmail } from './accounts.js';
import { membershipInvitations, memberships, type Role, users } from './schema.js';

export const INVITATION_DAYS = 30;

export type InvitationInput = { email: string; role: Role; team?: string | null | undefined };

/** Offers the role, or refreshes the open offer to the same address; run as the inviting user. */
export async function inviteToOrganisation(
  tx: Queryable,
  organisationId: string,
  invitedBy: string,
  input: InvitationInput,
  now = new Date(),
): Promise<string> {
  const values = {
    organisationId,
    email: normaliseEmail(input.email),
    role: input.role,
    team: input.team ?? null,
    invitedBy,
    createdAt: now,
    expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
  };
  const [row] = await tx
    .insert(membershipInvitations)
    .values(values)
    .onConflictDoUpdate({
      target: [membershipInvitations.organisationId, membershipInvitations.email],
      targetWhere: isNull(membershipInvitations.answeredAt),
      set: { role: values.role, team: values.team, invitedBy, createdAt: now, expiresAt: values.expiresAt },
    })
    .returning({ id: membershipInvitations.id });
  if (!row) throw new AppError('internal_error');
  return row.id;
}

const inviters = alias(users, 'inviters');

function invitationQuery(tx: Queryable) {
  return tx
    .select({
      invitation: membershipInvitations,
      organisationName: organisations.name,
      invitedByDisplayName: inviters.displayName,
    })
    .from(membershipInvitations)
    .innerJoin(organisations, eq(organisations.id, membershipInvitations.organisationId))
    .leftJoin(inviters, eq(inviters.id, membershipInvitations.invitedBy));
}

type InvitationRow = Awaited<ReturnType<ReturnType<typeof invitationQuery>['where']>>[number];

function invitationView(row: InvitationRow) {
  const { invitation } = row;
  return {
    id: invitation.id,
    organisationId: invitation.organisationId,
    organisationName: row.organisationName,
    email: invitation.email,
    role: invitation.role as Role,
    team: invitation.team,
    invitedByDisplayName: row.invitedByDisplayName,
    createdAt: invitation.createdAt.toISOString(),
    expiresAt: invitation.expiresAt.toISOString(),
  };
}

const isOpen = (now: Date) =>
  and(isNull(membershipInvitations.answeredAt), gt(membershipInvitations.expiresAt, now));

/** The open invitations to the signed-in user's address (row-level security matches the address). */
export async function listMyInvitations(tx: Queryable, email: string, now = new Date()) {
  const rows = await invitationQuery(tx).where(
    and(eq(membershipInvitations.email, normaliseEmail(email)), isOpen(now)),
  );
  return rows.map(invitationView);
}

export async function listOrganisationInvitations(tx: Queryable, organisationId: string, now = new Date()) {
  const rows = await invitationQuery(tx).where(
    and(eq(membershipInvitations.organisationId, organisationId), isOpen(now)),
  );
  return rows.map(invitationView);
}

/** Accepting adds the membership with the offered role (the database checks the offer); declining only closes it. */
export async function answerInvitation(
  tx: Queryable,
  user: { id: string; email: string },
  invitationId: string,
  answer: 'accept' | 'decline',
  now = new Date(),
) {
  const [row] = await invitationQuery(tx).where(
    and(
      eq(membershipInvitations.id, invitationId),
      eq(membershipInvitations.email, normaliseEmail(user.email)),
      isOpen(now),
    ),
  );
  if (!row) throw new AppError('not_found', 'No open invitation of yours with this id; it may have expired.');
  const { invitation } = row;
  if (answer === 'accept') await joinOrganisation(tx, user.id, row);
  await closeInvitation(tx, invitation.id, answer === 'accept' ? 'accepted' : 'declined', now);
  return invitationView(row);
}

async function joinOrganisation(tx: Queryable, userId: string, row: InvitationRow): Promise<void> {
  const { invitation } = row;
  const added = await tx
    .insert(memberships)
    .values({
      userId,
      organisationId: invitation.organisationId,
      role: invitation.role,
      team: invitation.team,
    })
    .onConflictDoNothing()
    .returning({ userId: memberships.userId });
  // Changing the role of a member is their administrator's decision, not an invitation's.
  if (added.length === 0)
    throw new AppError(
      'conflict',
      `You are already a member of ${row.organisationName}; its administrator can change your role.`,
    );
}

export async function withdrawInvitation(tx: Queryable, organisationId: string, invitationId: string) {
  const closed = await tx
    .update(membershipInvitations)
    .set({ answeredAt: new Date(), answer: 'withdrawn' })
    .where(
      and(
        eq(membershipInvitations.id, invitationId),
        eq(membershipInvitations.organisationId, organisationId),
        isNull(membershipInvitations.answeredAt),
      ),
    )
    .returning({ id: membershipInvitations.id });
  if (closed.length === 0) throw new AppError('not_found', 'No open invitation with this id.');
}

async function closeInvitation(
  tx: Queryable,
  id: string,
  answer: 'accepted' | 'declined',
  now: Date,
): Promise<void> {
  await tx
    .update(membershipInvitations)
    .set({ answeredAt: now, answer })
    .where(eq(membershipInvitations.id, id));
}
