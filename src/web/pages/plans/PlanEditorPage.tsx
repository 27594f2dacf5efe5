// Draw up a new plan or change one: the whole document in one form, sent with the version read so that a
// plan saved by someone else meanwhile is not overwritten (the page then asks to reload).
import { useState } from 'react';
import { useOrganisations } from '../../api/partners.js';
import { PLANS, type PlanResponse, type PlanView, planPath, usePlan } from '../../api/plans.js';
import { FormAlert, SubmissionForm, SubmitRow, useSubmission } from '../../components/forms.js';
import { PageHeading } from '../../components/PageHeading.js';
import { Loading, ProblemAlert, ResourceView } from '../../components/Status.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link, navigate } from '../../router.js';
import { useSession } from '../../session/SessionProvider.js';
import { ObjectivesFields } from './ObjectivesFields.js';
import { PlanFields } from './PlanFields.js';
import { checkPlanDraft, emptyPlan, type PlanDraft, planBodyOf, planDraftOf } from './plan-draft.js';
import './plans.css';

export function NewPlanPage() {
  const { t } = useI18n();
  return (
    <article className="plan-editor">
      <p className="back-link">
        <Link to="/plans">{t('plans.back')}</Link>
      </p>
      <PageHeading>{t('plans.editor.newTitle')}</PageHeading>
      <PlanForm />
    </article>
  );
}

export function EditPlanPage(props: { id: string }) {
  const { t } = useI18n();
  const plan = usePlan(props.id);
  return (
    <article className="plan-editor">
      <p className="back-link">
        <Link to={`/plans/${props.id}`}>{t('plans.editor.backToPlan')}</Link>
      </p>
      <PageHeading>{t('plans.editor.editTitle')}</PageHeading>
      <ResourceView resource={plan}>{(body) => <PlanForm initial={body.data} />}</ResourceView>
    </article>
  );
}

function PlanForm(props: { initial?: PlanView }) {
  const { t } = useI18n();
  const session = useSession();
  const submission = useSubmission();
  const organisations = useOrganisations();
  const [draft, setDraft] = useState<PlanDraft | null>(() =>
    props.initial ? planDraftOf(props.initial) : null,
  );
  if (organisations.status === 'loading') return <Loading />;
  if (organisations.status === 'error')
    return <ProblemAlert problem={organisations.problem} onRetry={organisations.retry} />;
  const all = organisations.data.data.map((organisation) => ({
    value: organisation.id,
    label: organisation.acronym ? `${organisation.name} (${organisation.acronym})` : organisation.name,
  }));
  // Only organisations the person may coordinate a plan for: the API refuses the others.
  const coordinators = all.filter((choice) => session.can('plans.write', { organisationId: choice.value }));
  const current = draft ?? emptyPlan(coordinators.length === 1 ? (coordinators[0]?.value ?? '') : '');
  const update = (change: Partial<PlanDraft>) => setDraft({ ...current, ...change });
  const isConflict = submission.problem?.code === 'conflict';
  const save = () =>
    submission.runChecked(checkPlanDraft(current), async () => {
      const body = planBodyOf(current);
      const answer = props.initial
        ? await session.api.send<PlanResponse>('PUT', planPath(props.initial.id), {
            ...body,
            version: props.initial.version,
          })
        : await session.api.send<PlanResponse>('POST', PLANS, body);
      navigate(`/plans/${answer.data.id}`);
    });
  return (
    <SubmissionForm submission={submission} onSubmit={save} className="form plan-form">
      <p className="note">{t('plans.editor.intro')}</p>
      {isConflict ? (
        <div className="status status-error" role="alert">
          <p className="status-title">{t('plans.editor.conflictTitle')}</p>
          <p>{t('plans.editor.conflict')}</p>
          <p>
            <a href={window.location.pathname}>{t('plans.editor.reload')}</a>
          </p>
        </div>
      ) : (
        <FormAlert problem={submission.problem} />
      )}
      <PlanFields
        draft={current}
        update={update}
        coordinators={coordinators}
        errorsAt={submission.errorsAt}
      />
      <ObjectivesFields
        objectives={current.objectives}
        onChange={(objectives) => update({ objectives })}
        organisations={all}
        defaultOwner={current.coordinatorOrganisationId}
        errorsAt={submission.errorsAt}
      />
      <SubmitRow
        pending={submission.pending}
        label={props.initial ? t('plans.editor.saveChanges') : t('plans.editor.create')}
      />
    </SubmissionForm>
  );
}
