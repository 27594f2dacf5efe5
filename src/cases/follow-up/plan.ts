// The case plan: goals, each with actions that have an owner, a due date and a status. A change replaces
// the whole plan from the version read, so two people editing at once cannot silently undo each other.
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { users } from '../../access/schema.js';
import { organisations } from '../../partners/schema.js';
import type { Transaction } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { casePlanActions, casePlanGoals, casePlans } from '../schema.js';
import type { CaseView, PersonData } from '../schemas.js';
import { staleVersion } from '../store.js';
import type { PlanView, PutPlanRequest } from './schemas.js';
import { refuseIdentifyingText } from './services.js';

type Owner = PutPlanRequest['goals'][number]['actions'][number]['owner'];

export async function readPlan(tx: Transaction, caseId: string, today: string): Promise<PlanView> {
  const [plan] = await tx
    .select({ plan: casePlans, updatedBy: users.displayName })
    .from(casePlans)
    .leftJoin(users, eq(users.id, casePlans.updatedBy))
    .where(eq(casePlans.caseId, caseId));
  if (!plan) return { caseId, version: 0, goals: [], updatedBy: null, updatedAt: null };
  const goals = await tx
    .select()
    .from(casePlanGoals)
    .where(eq(casePlanGoals.caseId, caseId))
    .orderBy(asc(casePlanGoals.position));
  const actions = await tx
    .select({ action: casePlanActions, userName: users.displayName, organisationName: organisations.name })
    .from(casePlanActions)
    .leftJoin(users, eq(users.id, casePlanActions.ownerUserId))
    .leftJoin(organisations, eq(organisations.id, casePlanActions.ownerOrganisationId))
    .where(eq(casePlanActions.caseId, caseId))
    .orderBy(asc(casePlanActions.position));
  return {
    caseId,
    version: plan.plan.version,
    goals: goals.map((goal) => ({
      title: goal.title,
      status: goal.status as PlanView['goals'][number]['status'],
      actions: actions
        .filter(({ action }) => action.goalId === goal.id)
        .map(({ action, userName, organisationName }) => ({
          title: action.title,
          owner: ownerOf(action),
          ownerName: action.ownerKind === 'worker' ? userName : organisationName,
          dueOn: action.dueOn,
          status: action.status as PlanView['goals'][number]['actions'][number]['status'],
          isOverdue:
            action.dueOn !== null && action.dueOn < today && !['done', 'cancelled'].includes(action.status),
        })),
    })),
    updatedBy: plan.updatedBy,
    updatedAt: plan.plan.updatedAt.toISOString(),
  };
}

/** Replaces the plan from the version read (0 for a case without one); a stale version is a conflict. */
export async function writePlan(
  tx: Transaction,
  theCase: CaseView,
  input: PutPlanRequest,
  person: PersonData,
  userId: string,
): Promise<void> {
  refuseIdentifyingText(
    person,
    input.goals.flatMap((goal, g) => [
      { path: `body.goals.${g}.title`, text: goal.title },
      ...goal.actions.map((action, a) => ({
        path: `body.goals.${g}.actions.${a}.title`,
        text: action.title,
      })),
    ]),
  );
  await checkOwners(tx, theCase, input);
  const caseId = theCase.id;
  const [current] = await tx.select().from(casePlans).where(eq(casePlans.caseId, caseId)).for('update');
  if ((current?.version ?? 0) !== input.version) throw staleVersion('case plan', current?.version ?? 0);
  if (current) {
    await tx
      .update(casePlans)
      .set({ updatedBy: userId, updatedAt: sql`now()`, version: sql`${casePlans.version} + 1` })
      .where(eq(casePlans.caseId, caseId));
    await tx.delete(casePlanGoals).where(eq(casePlanGoals.caseId, caseId));
  } else {
    await tx.insert(casePlans).values({ caseId, updatedBy: userId });
  }
  if (input.goals.length === 0) return;
  const goalIds = await tx
    .insert(casePlanGoals)
    .values(
      input.goals.map((goal, position) => ({ caseId, position, title: goal.title, status: goal.status })),
    )
    .returning({ id: casePlanGoals.id, position: casePlanGoals.position });
  const idAt = new Map(goalIds.map((row) => [row.position, row.id]));
  const actions = input.goals.flatMap((goal, g) =>
    goal.actions.map((action, position) => ({
      goalId: idAt.get(g) as string,
      caseId,
      position,
      title: action.title,
      ownerKind: action.owner.kind,
      ownerUserId: action.owner.kind === 'worker' ? action.owner.userId : null,
      ownerOrganisationId: action.owner.kind === 'organisation' ? action.owner.organisationId : null,
      dueOn: action.dueOn,
      status: action.status,
    })),
  );
  if (actions.length > 0) await tx.insert(casePlanActions).values(actions);
}

/** A worker who owns an action works on the case; an organisation that owns one is in the directory. */
async function checkOwners(tx: Transaction, theCase: CaseView, input: PutPlanRequest): Promise<void> {
  const onCase = new Set(theCase.workers.map((worker) => worker.userId));
  const organisationIds = new Set<string>();
  input.goals.forEach((goal, g) => {
    goal.actions.forEach((action, a) => {
      if (action.owner.kind === 'worker' && !onCase.has(action.owner.userId))
        throw ownerError(
          `body.goals.${g}.actions.${a}.owner.userId`,
          'not_on_case',
          'Choose a worker on this case',
        );
      if (action.owner.kind === 'organisation') organisationIds.add(action.owner.organisationId);
    });
  });
  if (organisationIds.size === 0) return;
  const found = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(inArray(organisations.id, [...organisationIds]));
  const known = new Set(found.map((row) => row.id));
  input.goals.forEach((goal, g) => {
    goal.actions.forEach((action, a) => {
      if (action.owner.kind === 'organisation' && !known.has(action.owner.organisationId))
        throw ownerError(
          `body.goals.${g}.actions.${a}.owner.organisationId`,
          'unknown',
          'Choose a registered organisation',
        );
    });
  });
}

function ownerError(path: string, code: string, message: string): AppError {
  return new AppError('validation_failed', 'An action’s owner is not one this case can name.', [
    { path, code, message },
  ]);
}

function ownerOf(action: typeof casePlanActions.$inferSelect): Owner {
  if (action.ownerKind === 'worker') return { kind: 'worker', userId: action.ownerUserId ?? '' };
  if (action.ownerKind === 'organisation')
    return { kind: 'organisation', organisationId: action.ownerOrganisationId ?? '' };
  return { kind: 'person' };
}
