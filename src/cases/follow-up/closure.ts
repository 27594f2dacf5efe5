// Closing a case with a reason code, which decides its HTCDS status (Closed or ClosedReferred), and
// reopening it with a reason. Each is kept in the case's status history as well as the audit trail.
import { and, desc, eq, sql } from 'drizzle-orm';
import { users } from '../../access/schema.js';
import type { Transaction } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { caseStatusEvents, cases } from '../schema.js';
import type { CaseStatus, CaseView, PersonData } from '../schemas.js';
import { getCase, staleVersion } from '../store.js';
import { CLOSURE_STATUS, type ClosureReason, type REOPENING_REASONS } from './schemas.js';
import { refuseIdentifyingText } from './services.js';

type Change = { version: number; note: string | null };

export function isClosed(status: CaseStatus): boolean {
  return status === 'Closed' || status === 'ClosedReferred';
}

export async function closeCase(
  tx: Transaction,
  theCase: CaseView,
  change: Change & { reason: ClosureReason },
  person: PersonData,
  userId: string,
): Promise<CaseView> {
  refuseIdentifyingText(person, [{ path: 'body.note', text: change.note }]);
  if (theCase.version !== change.version) throw staleVersion('case', theCase.version);
  if (isClosed(theCase.status))
    throw new AppError(
      'invalid_transition',
      'The case is already closed; reopen it first to close it again.',
    );
  const status = CLOSURE_STATUS[change.reason];
  await changeStatus(tx, theCase, status, change.reason);
  await tx.insert(caseStatusEvents).values({
    caseId: theCase.id,
    kind: 'closed',
    status,
    reason: change.reason,
    note: change.note,
    byUserId: userId,
  });
  return getCase(tx, theCase.id);
}

export async function reopenCase(
  tx: Transaction,
  theCase: CaseView,
  change: Change & { reason: (typeof REOPENING_REASONS)[number]; status: 'Active' | 'FollowUp' },
  person: PersonData,
  userId: string,
): Promise<CaseView> {
  refuseIdentifyingText(person, [{ path: 'body.note', text: change.note }]);
  if (theCase.version !== change.version) throw staleVersion('case', theCase.version);
  if (!isClosed(theCase.status))
    throw new AppError('invalid_transition', 'The case is open: only a closed case can be reopened.');
  await changeStatus(tx, theCase, change.status, null);
  await tx.insert(caseStatusEvents).values({
    caseId: theCase.id,
    kind: 'reopened',
    status: change.status,
    reason: change.reason,
    note: change.note,
    byUserId: userId,
  });
  return getCase(tx, theCase.id);
}

async function changeStatus(tx: Transaction, theCase: CaseView, status: CaseStatus, reason: string | null) {
  const changed = await tx
    .update(cases)
    .set({ status, closureReason: reason, updatedAt: sql`now()`, version: sql`${cases.version} + 1` })
    .where(and(eq(cases.id, theCase.id), eq(cases.version, theCase.version)))
    .returning({ id: cases.id });
  if (changed.length === 0) throw staleVersion('case', theCase.version + 1);
}

export async function statusHistory(tx: Transaction, caseId: string) {
  const rows = await tx
    .select({ event: caseStatusEvents, by: users.displayName })
    .from(caseStatusEvents)
    .leftJoin(users, eq(users.id, caseStatusEvents.byUserId))
    .where(eq(caseStatusEvents.caseId, caseId))
    .orderBy(desc(caseStatusEvents.at), desc(caseStatusEvents.id));
  return rows.map(({ event, by }) => ({
    id: event.id,
    kind: event.kind as 'closed' | 'reopened',
    status: event.status as CaseStatus,
    reason: event.reason,
    note: event.note,
    by,
    at: event.at.toISOString(),
  }));
}
