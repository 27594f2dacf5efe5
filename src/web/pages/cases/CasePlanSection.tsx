// The case plan: each goal with its actions, who carries them out, when they are due and how far they are,
// an overdue action said in words rather than by colour alone; those who may write the case change it.
import { useState } from 'react';
import type { CaseView } from '../../api/cases.js';
import type { PlanView } from '../../api/follow-up.js';
import { useCasePlan } from '../../api/follow-up.js';
import { SuccessNote } from '../../components/forms.js';
import { ResourceView } from '../../components/Status.js';
import { TableScroll } from '../../components/TableScroll.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { CasePlanForm } from './CasePlanForm.js';
import { actionStatusKey, calendarDay, goalStatusKey } from './follow-up-labels.js';

type Goal = PlanView['goals'][number];
type Action = Goal['actions'][number];

export function CasePlanSection(props: { theCase: CaseView; canWrite: boolean }) {
  const { t, formatDateTime } = useI18n();
  const plan = useCasePlan(props.theCase.id);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const edit = (
    <button
      type="button"
      className="button button-secondary"
      onClick={() => {
        setSaved(false);
        setEditing(true);
      }}
    >
      {t('followUp.planEdit.edit')}
    </button>
  );
  return (
    <section className="subsection" aria-labelledby="case-plan-heading">
      <h3 id="case-plan-heading">{t('followUp.plan.heading')}</h3>
      {saved ? <SuccessNote>{t('followUp.planEdit.saved')}</SuccessNote> : null}
      <ResourceView resource={plan}>
        {({ data }) =>
          editing ? (
            <CasePlanForm
              theCase={props.theCase}
              plan={data}
              onCancel={() => setEditing(false)}
              onSaved={() => {
                setEditing(false);
                setSaved(true);
                plan.reload();
              }}
            />
          ) : data.goals.length === 0 ? (
            <>
              <p>{t('followUp.plan.none')}</p>
              {props.canWrite ? edit : null}
            </>
          ) : (
            <>
              {data.updatedAt ? (
                <p>
                  {t('followUp.plan.updated', {
                    who: data.updatedBy ?? t('cases.someone'),
                    when: formatDateTime(data.updatedAt),
                  })}
                </p>
              ) : null}
              {data.goals.map((goal, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: goals have no id of their own; order is the plan's
                <PlanGoal key={index} goal={goal} />
              ))}
              {props.canWrite ? edit : null}
            </>
          )
        }
      </ResourceView>
    </section>
  );
}

function PlanGoal(props: { goal: Goal }) {
  const { t } = useI18n();
  const { goal } = props;
  return (
    <div className="plan-goal">
      <h4>{t('followUp.plan.goal', { title: goal.title, status: t(goalStatusKey(goal.status)) })}</h4>
      {goal.actions.length === 0 ? (
        <p>{t('followUp.plan.noActions')}</p>
      ) : (
        <TableScroll>
          <table>
            <caption>{t('followUp.plan.actionsCaption', { title: goal.title })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('followUp.plan.action')}</th>
                <th scope="col">{t('followUp.plan.owner')}</th>
                <th scope="col">{t('followUp.plan.dueOn')}</th>
                <th scope="col">{t('followUp.plan.status')}</th>
              </tr>
            </thead>
            <tbody>
              {goal.actions.map((action, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: actions have no id of their own
                <PlanAction key={index} action={action} />
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}

function PlanAction(props: { action: Action }) {
  const { t, formatDate } = useI18n();
  const { action } = props;
  const owner =
    action.owner.kind === 'person'
      ? t('followUp.plan.ownerPerson')
      : (action.ownerName ?? t('followUp.plan.ownerUnknown'));
  return (
    <tr>
      <th scope="row">{action.title}</th>
      <td>{owner}</td>
      <td>
        {action.dueOn ? (
          <time dateTime={action.dueOn}>{formatDate(calendarDay(action.dueOn))}</time>
        ) : (
          t('followUp.plan.noDueDate')
        )}
        {action.isOverdue ? <strong className="cell-note">{t('followUp.plan.overdue')}</strong> : null}
      </td>
      <td>{t(actionStatusKey(action.status))}</td>
    </tr>
  );
}
