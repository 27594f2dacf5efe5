// A case manager assigns the case workers of the owning organisation to the case and takes them off it,
// choosing each by name from the organisation's case staff: an id is never shown or typed.
import { useState } from 'react';
import type { CaseStaffMember } from '../../../cases/schemas.js';
import { type CaseView, casePath } from '../../api/cases.js';
import { useApiResource } from '../../api/useApiResource.js';
import type { FieldIssue } from '../../components/field-messages.js';
import {
  ChoiceSelect,
  Field,
  FormAlert,
  SubmissionForm,
  SubmitRow,
  SuccessNote,
  useSubmission,
} from '../../components/forms.js';
import { ResourceView } from '../../components/Status.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useSession } from '../../session/SessionProvider.js';

const workerPath = (caseId: string, userId: string) =>
  casePath(caseId, `/workers/${encodeURIComponent(userId)}`);

export function CaseWorkersSection(props: { theCase: CaseView; reloadCase: () => void }) {
  const { t } = useI18n();
  const staff = useApiResource<{ data: CaseStaffMember[] }>(casePath(props.theCase.id, '/staff'));
  return (
    <section className="subsection" aria-labelledby="case-workers-heading">
      <h3 id="case-workers-heading">{t('cases.workersEdit.heading')}</h3>
      <ResourceView resource={staff}>
        {({ data }) => <WorkersForm theCase={props.theCase} staff={data} reloadCase={props.reloadCase} />}
      </ResourceView>
    </section>
  );
}

function WorkersForm(props: { theCase: CaseView; staff: CaseStaffMember[]; reloadCase: () => void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const submission = useSubmission();
  const [chosen, setChosen] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const { theCase } = props;
  const assigned = new Set(theCase.workers.map((worker) => worker.userId));
  const candidates = props.staff.filter((member) => !assigned.has(member.userId));
  const roleName = (member: CaseStaffMember) =>
    t(member.role === 'case_manager' ? 'cases.workersEdit.roleManager' : 'cases.workersEdit.roleWorker');

  /** Sends the change when the page's checks pass; on success says what was done and reads the case again. */
  const change = async (
    issues: ReadonlyMap<string, FieldIssue[]>,
    method: 'PUT' | 'DELETE',
    userId: string,
    message: string,
  ) => {
    setDone(null);
    const ok = await submission.runChecked(issues, () => api.send(method, workerPath(theCase.id, userId)));
    if (!ok) return;
    setChosen('');
    setDone(message);
    props.reloadCase();
  };
  const assign = () => {
    const issues = new Map<string, FieldIssue[]>();
    if (!chosen) issues.set('userId', [{ code: 'choose' }]);
    const name = props.staff.find((member) => member.userId === chosen)?.displayName ?? '';
    return change(issues, 'PUT', chosen, t('cases.workersEdit.assigned', { name }));
  };

  return (
    <>
      {done ? <SuccessNote>{done}</SuccessNote> : null}
      {theCase.workers.length > 0 ? (
        <ul className="plain-list worker-list">
          {theCase.workers.map((worker) => (
            <li key={worker.userId}>
              <span>{worker.displayName}</span>{' '}
              <button
                type="button"
                className="button button-secondary button-small"
                disabled={submission.pending}
                onClick={() =>
                  change(
                    new Map(),
                    'DELETE',
                    worker.userId,
                    t('cases.workersEdit.unassigned', { name: worker.displayName }),
                  )
                }
              >
                {t('cases.workersEdit.unassign', { name: worker.displayName })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <SubmissionForm submission={submission} onSubmit={assign}>
        <FormAlert problem={submission.problem} />
        {candidates.length === 0 ? (
          <p>{t('cases.workersEdit.everyoneAssigned')}</p>
        ) : (
          <>
            <Field
              label={t('cases.workersEdit.choose')}
              hint={t('cases.workersEdit.chooseHint', { organisation: theCase.organisationName })}
              serverErrors={submission.fieldErrors.get('userId')}
            >
              {(control) => (
                <ChoiceSelect
                  control={control}
                  value={chosen}
                  onChange={setChosen}
                  choices={candidates.map((member) => ({
                    value: member.userId,
                    label: t('cases.workersEdit.option', {
                      name: member.displayName,
                      role: roleName(member),
                    }),
                  }))}
                  empty={t('form.choose')}
                />
              )}
            </Field>
            <SubmitRow pending={submission.pending} label={t('cases.workersEdit.assign')} />
          </>
        )}
      </SubmissionForm>
    </>
  );
}
