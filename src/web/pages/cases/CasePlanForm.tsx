// Changing the case plan: goals and their actions, prefilled from the plan read and sent whole with its
// version (a change made meanwhile is refused, not overwritten). An action's owner is chosen by name: a
// worker on the case, the person themself, or an organisation of the directory.
import { useState } from 'react';
import { ACTION_STATUSES, GOAL_STATUSES, type PutPlanRequest } from '../../../cases/follow-up/schemas.js';
import { type CaseView, casePath } from '../../api/cases.js';
import type { PlanView } from '../../api/follow-up.js';
import { useOrganisationChoices } from '../../api/partners.js';
import type { FieldIssue } from '../../components/field-messages.js';
import {
  ChoiceSelect,
  Field,
  FormAlert,
  SubmissionForm,
  SubmitRow,
  useSubmission,
} from '../../components/forms.js';
import { type Keyed, newRowKey, RowList } from '../../components/RowList.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useSession } from '../../session/SessionProvider.js';
import { actionStatusKey } from './follow-up-labels.js';

type Owner = PutPlanRequest['goals'][number]['actions'][number]['owner'];
type ActionDraft = Keyed & { title: string; owner: string; dueOn: string; status: string };
type GoalDraft = Keyed & { title: string; status: string; actions: ActionDraft[] };

/** An owner as the value of a choice in the page; the API's shape is rebuilt from it when sending. */
const ownerChoice = (owner: Owner): string =>
  owner.kind === 'worker'
    ? `worker:${owner.userId}`
    : owner.kind === 'organisation'
      ? `organisation:${owner.organisationId}`
      : 'person';

function ownerOf(choice: string): Owner {
  const [kind, id = ''] = choice.split(':');
  if (kind === 'worker') return { kind: 'worker', userId: id };
  if (kind === 'organisation') return { kind: 'organisation', organisationId: id };
  return { kind: 'person' };
}

function draftOf(plan: PlanView): GoalDraft[] {
  return plan.goals.map((goal) => ({
    key: newRowKey(),
    title: goal.title,
    status: goal.status,
    actions: goal.actions.map((action) => ({
      key: newRowKey(),
      title: action.title,
      owner: ownerChoice(action.owner),
      dueOn: action.dueOn ?? '',
      status: action.status,
    })),
  }));
}

function planOf(goals: GoalDraft[]): PutPlanRequest['goals'] {
  return goals.map((goal) => ({
    title: goal.title.trim(),
    status: goal.status as PutPlanRequest['goals'][number]['status'],
    actions: goal.actions.map((action) => ({
      title: action.title.trim(),
      owner: ownerOf(action.owner),
      dueOn: action.dueOn || null,
      status: action.status as PutPlanRequest['goals'][number]['actions'][number]['status'],
    })),
  }));
}

function emptyTitles(goals: GoalDraft[]): Map<string, FieldIssue[]> {
  const issues = new Map<string, FieldIssue[]>();
  goals.forEach((goal, g) => {
    if (!goal.title.trim()) issues.set(`body.goals.${g}.title`, [{ code: 'required' }]);
    goal.actions.forEach((action, a) => {
      if (!action.title.trim()) issues.set(`body.goals.${g}.actions.${a}.title`, [{ code: 'required' }]);
    });
  });
  return issues;
}

export function CasePlanForm(props: {
  theCase: CaseView;
  plan: PlanView;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const { api } = useSession();
  const submission = useSubmission();
  const organisations = useOrganisationChoices();
  const [goals, setGoals] = useState<GoalDraft[]>(() => draftOf(props.plan));
  const at = (path: string) => submission.errorsAt(`body.goals.${path}`);

  const submit = async () => {
    const ok = await submission.runChecked(emptyTitles(goals), () =>
      api.send('PUT', casePath(props.theCase.id, '/plan'), {
        version: props.plan.version,
        goals: planOf(goals),
      }),
    );
    if (ok) props.onSaved();
  };

  const owners = [
    { value: 'person', label: t('followUp.plan.ownerPerson') },
    ...props.theCase.workers.map((worker) => ({
      value: `worker:${worker.userId}`,
      label: worker.displayName,
    })),
    ...organisations.map((each) => ({ value: `organisation:${each.value}`, label: each.label })),
  ];
  /** An owner read from the plan but no longer offered (a worker taken off the case) stays choosable. */
  const ownerOptions = (current: string) =>
    owners.some((option) => option.value === current)
      ? owners
      : [...owners, { value: current, label: t('followUp.plan.ownerUnknown') }];

  return (
    <SubmissionForm
      submission={submission}
      onSubmit={submit}
      labelledBy="plan-form-heading"
      className="form plan-form"
    >
      <h4 id="plan-form-heading">{t('followUp.planEdit.heading')}</h4>
      <p>{t('followUp.planEdit.intro')}</p>
      <FormAlert problem={submission.problem} />
      <RowList
        legend={t('followUp.planEdit.goals')}
        rows={goals}
        onChange={setGoals}
        blank={() => ({ title: '', status: 'open', actions: [] })}
        addLabel={t('followUp.planEdit.addGoal')}
        removeLabel={(n) => t('followUp.planEdit.removeGoal', { n })}
        emptyText={t('followUp.plan.none')}
        max={50}
      >
        {(goal, g, updateGoal) => (
          <>
            <Field label={t('followUp.planEdit.goalTitle', { n: g + 1 })} serverErrors={at(`${g}.title`)}>
              {(control) => (
                <input
                  {...control}
                  type="text"
                  dir="auto"
                  maxLength={300}
                  value={goal.title}
                  onChange={(event) => updateGoal({ title: event.target.value })}
                />
              )}
            </Field>
            <Field label={t('followUp.planEdit.goalStatus', { n: g + 1 })} serverErrors={at(`${g}.status`)}>
              {(control) => (
                <ChoiceSelect
                  control={control}
                  value={goal.status}
                  onChange={(status) => updateGoal({ status })}
                  choices={GOAL_STATUSES.map((status) => ({
                    value: status,
                    label: t(`followUp.planEdit.goalStatusName.${status}` as const),
                  }))}
                />
              )}
            </Field>
            <RowList
              legend={t('followUp.planEdit.actions', { n: g + 1 })}
              rows={goal.actions}
              onChange={(actions) => updateGoal({ actions })}
              blank={() => ({ title: '', owner: 'person', dueOn: '', status: 'planned' })}
              addLabel={t('followUp.planEdit.addAction', { n: g + 1 })}
              removeLabel={(a) => t('followUp.planEdit.removeAction', { a, g: g + 1 })}
              emptyText={t('followUp.plan.noActions')}
              max={50}
            >
              {(action, a, updateAction) => {
                const names = { a: a + 1, g: g + 1 };
                const path = `${g}.actions.${a}`;
                return (
                  <>
                    <Field
                      label={t('followUp.planEdit.actionTitle', names)}
                      serverErrors={at(`${path}.title`)}
                    >
                      {(control) => (
                        <input
                          {...control}
                          type="text"
                          dir="auto"
                          maxLength={300}
                          value={action.title}
                          onChange={(event) => updateAction({ title: event.target.value })}
                        />
                      )}
                    </Field>
                    <Field
                      label={t('followUp.planEdit.actionOwner', names)}
                      serverErrors={[
                        ...at(`${path}.owner`),
                        ...at(`${path}.owner.userId`),
                        ...at(`${path}.owner.organisationId`),
                      ]}
                    >
                      {(control) => (
                        <ChoiceSelect
                          control={control}
                          value={action.owner}
                          onChange={(owner) => updateAction({ owner })}
                          choices={ownerOptions(action.owner)}
                        />
                      )}
                    </Field>
                    <Field
                      label={t('followUp.planEdit.actionDueOn', names)}
                      hint={t('form.optional')}
                      serverErrors={at(`${path}.dueOn`)}
                    >
                      {(control) => (
                        <input
                          {...control}
                          type="date"
                          value={action.dueOn}
                          onChange={(event) => updateAction({ dueOn: event.target.value })}
                        />
                      )}
                    </Field>
                    <Field
                      label={t('followUp.planEdit.actionStatus', names)}
                      serverErrors={at(`${path}.status`)}
                    >
                      {(control) => (
                        <ChoiceSelect
                          control={control}
                          value={action.status}
                          onChange={(status) => updateAction({ status })}
                          choices={ACTION_STATUSES.map((status) => ({
                            value: status,
                            label: t(actionStatusKey(status)),
                          }))}
                        />
                      )}
                    </Field>
                  </>
                );
              }}
            </RowList>
          </>
        )}
      </RowList>
      <SubmitRow pending={submission.pending} label={t('followUp.planEdit.save')}>
        <button type="button" className="button button-secondary" onClick={props.onCancel}>
          {t('dialog.cancel')}
        </button>
      </SubmitRow>
    </SubmissionForm>
  );
}
