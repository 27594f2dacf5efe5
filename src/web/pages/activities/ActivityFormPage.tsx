// Record a new activity or change one: the form, sent to the API, with the server's field errors inline.
import { useState } from 'react';
import { ACTIVITIES_PATH, type Activity, useActivity } from '../../api/activities.js';
import { useOrganisations } from '../../api/partners.js';
import { onSubmit, useSubmission } from '../../components/forms.js';
import { PageHeading } from '../../components/PageHeading.js';
import { Loading, ProblemAlert } from '../../components/Status.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link, navigate } from '../../router.js';
import { useSession } from '../../session/SessionProvider.js';
import { ActivityFields } from './ActivityFields.js';
import { type ActivityDraft, bodyOf, draftOf, emptyDraft } from './draft.js';
import { checkActivityDraft } from './draft-checks.js';
import { VocabularyGate } from './VocabularyGate.js';
import { useVocabulary, type Vocabulary } from './vocabulary.js';

export function NewActivityPage() {
  const { t } = useI18n();
  const vocabulary = useVocabulary();
  return (
    <article>
      <p className="back-link">
        <Link to="/activities">{t('activities.back')}</Link>
      </p>
      <PageHeading>{t('activityForm.newTitle')}</PageHeading>
      <VocabularyGate state={vocabulary}>{(v) => <ActivityForm vocabulary={v} />}</VocabularyGate>
    </article>
  );
}

export function EditActivityPage(props: { id: string }) {
  const { t } = useI18n();
  const vocabulary = useVocabulary();
  const activity = useActivity(props.id);
  return (
    <article>
      <p className="back-link">
        <Link to={`/activities/${props.id}`}>{t('activityForm.backToActivity')}</Link>
      </p>
      <PageHeading>{t('activityForm.editTitle')}</PageHeading>
      {activity.status === 'loading' ? <Loading /> : null}
      {activity.status === 'error' ? (
        <ProblemAlert problem={activity.problem} onRetry={activity.retry} />
      ) : null}
      {activity.status === 'ready' ? (
        <VocabularyGate state={vocabulary}>
          {(v) => <ActivityForm vocabulary={v} initial={activity.data.data} />}
        </VocabularyGate>
      ) : null}
    </article>
  );
}

function ActivityForm(props: { vocabulary: Vocabulary; initial?: Activity }) {
  const { t } = useI18n();
  const session = useSession();
  const submission = useSubmission();
  const organisations = useOrganisations();
  // Only organisations the person may record activities for: the API refuses the others.
  const leads =
    organisations.status === 'ready'
      ? organisations.data.data.filter((o) => session.can('activities.write', { organisationId: o.id }))
      : [];
  const onlyLead = leads.length === 1 ? (leads[0]?.id ?? '') : '';
  const [draft, setDraft] = useState<ActivityDraft | null>(() =>
    props.initial ? draftOf(props.initial) : null,
  );
  if (organisations.status === 'loading') return <Loading />;
  if (organisations.status === 'error')
    return <ProblemAlert problem={organisations.problem} onRetry={organisations.retry} />;
  const current = draft ?? emptyDraft(onlyLead);
  const update = (change: Partial<ActivityDraft>) => setDraft({ ...current, ...change });
  const save = () =>
    submission.runChecked(checkActivityDraft(current), async () => {
      const body = bodyOf(current);
      const answer = props.initial
        ? await session.api.send<{ data: Activity }>('PATCH', `${ACTIVITIES_PATH}/${props.initial.id}`, {
            ...body,
            expectedVersion: props.initial.version,
          })
        : await session.api.send<{ data: Activity }>('POST', ACTIVITIES_PATH, body);
      navigate(`/activities/${answer.data.id}`);
    });
  return (
    <form className="form activity-form" ref={submission.formRef} noValidate onSubmit={onSubmit(save)}>
      <p className="note">{t('activityForm.intro')}</p>
      <ActivityFields
        draft={current}
        update={update}
        vocabulary={props.vocabulary}
        leads={leads}
        submission={submission}
      />
      <div className="button-row">
        <button type="submit" className="button" disabled={submission.pending}>
          {submission.pending
            ? t('activityForm.saving')
            : props.initial
              ? t('activityForm.saveChanges')
              : t('activityForm.create')}
        </button>
      </div>
    </form>
  );
}
