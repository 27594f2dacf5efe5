// Write a new draft (alone, or as a version in another language of an item), or change a draft: the whole item
// in one form, sent with the version read so that a draft saved meanwhile by someone else is not overwritten.
// A saved draft takes attachments here too.
import { useState } from 'react';
import {
  type ItemResponse,
  type ItemView,
  itemPath,
  KNOWLEDGE_ITEMS,
  useKnowledgeItem,
} from '../../api/knowledge.js';
import { useOrganisations } from '../../api/partners.js';
import { FormAlert, SubmissionForm, SubmitRow, useSubmission } from '../../components/forms.js';
import { PageHeading } from '../../components/PageHeading.js';
import { Loading, ProblemAlert, ResourceView } from '../../components/Status.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link, navigate, useLocation } from '../../router.js';
import { useSession } from '../../session/SessionProvider.js';
import { AttachmentsSection } from './AttachmentsSection.js';
import { ItemFields } from './ItemFields.js';
import {
  checkDraft,
  contentOf,
  draftOf,
  emptyDraft,
  type ItemDraft,
  translationDraft,
} from './item-draft.js';
import { type KnowledgeVocabulary, useKnowledgeVocabulary } from './knowledge-vocabulary.js';
import { ParticularsFields } from './ParticularsFields.js';
import './knowledge.css';

export function NewItemPage() {
  const { t } = useI18n();
  const { search } = useLocation();
  const translationOf = new URLSearchParams(search).get('translationOf');
  return (
    <article className="knowledge-editor">
      <p className="back-link">
        <Link to="/knowledge">{t('knowledge.back')}</Link>
      </p>
      <PageHeading>
        {translationOf ? t('knowledge.editor.translateTitle') : t('knowledge.editor.newTitle')}
      </PageHeading>
      {translationOf ? <TranslationForm sourceId={translationOf} /> : <WithVocabulary />}
    </article>
  );
}

export function EditItemPage(props: { id: string }) {
  const { t } = useI18n();
  const item = useExactItem(props.id);
  return (
    <article className="knowledge-editor">
      <p className="back-link">
        <Link to={`/knowledge/${props.id}`}>{t('knowledge.editor.backToItem')}</Link>
      </p>
      <PageHeading>{t('knowledge.editor.editTitle')}</PageHeading>
      <ResourceView resource={item}>
        {(body) => (
          <>
            <WithVocabulary initial={body.data} />
            <AttachmentsSection item={body.data} onChanged={item.reload} />
          </>
        )}
      </ResourceView>
    </article>
  );
}

/** The version with this id, whatever the interface's language, since it is the one being changed. */
function useExactItem(id: string) {
  const { language } = useI18n();
  return useKnowledgeItem(id, language, { exact: true });
}

function TranslationForm(props: { sourceId: string }) {
  const { language } = useI18n();
  const source = useKnowledgeItem(props.sourceId, language);
  return <ResourceView resource={source}>{(body) => <WithVocabulary source={body.data} />}</ResourceView>;
}

function WithVocabulary(props: { initial?: ItemView; source?: ItemView }) {
  const vocabulary = useKnowledgeVocabulary();
  const organisations = useOrganisations();
  if (vocabulary.status === 'error')
    return <ProblemAlert problem={vocabulary.problem} onRetry={vocabulary.retry} />;
  if (organisations.status === 'error')
    return <ProblemAlert problem={organisations.problem} onRetry={organisations.retry} />;
  if (vocabulary.status === 'loading' || organisations.status === 'loading') return <Loading />;
  const choices = organisations.data.data.map((organisation) => ({
    value: organisation.id,
    label: organisation.acronym ? `${organisation.name} (${organisation.acronym})` : organisation.name,
  }));
  return <ItemForm {...props} vocabulary={vocabulary.vocabulary} organisations={choices} />;
}

function ItemForm(props: {
  initial?: ItemView | undefined;
  source?: ItemView | undefined;
  vocabulary: KnowledgeVocabulary;
  organisations: { value: string; label: string }[];
}) {
  const { t, language } = useI18n();
  const session = useSession();
  const submission = useSubmission();
  const { initial, source } = props;
  // Only organisations the person may write for: the API refuses the others.
  const writable = props.organisations.filter((choice) =>
    session.can('knowledge.write', { organisationId: choice.value }),
  );
  const taken = [
    ...((initial ?? source)?.translations.map((version) => version.language) ?? []),
    ...(source ? [source.language] : []),
  ];
  const [draft, setDraft] = useState<ItemDraft>(() => {
    if (initial) return draftOf(initial);
    const only = writable.length === 1 ? (writable[0]?.value ?? '') : '';
    if (source) return { ...translationDraft(source, firstFree(taken, language)), organisationId: only };
    return emptyDraft(only, language);
  });
  const update = (change: Partial<ItemDraft>) => setDraft((current) => ({ ...current, ...change }));
  const save = () =>
    submission.runChecked(checkDraft(draft), async () => {
      const content = contentOf(draft);
      const answer = initial
        ? await session.api.send<ItemResponse>('PUT', itemPath(initial.id), {
            ...content,
            version: initial.version,
          })
        : await session.api.send<ItemResponse>('POST', KNOWLEDGE_ITEMS, {
            ...content,
            organisationId: draft.organisationId,
            translationOf: draft.translationOf,
          });
      navigate(`/knowledge/${answer.data.id}?in=${answer.data.language}`);
    });
  return (
    <SubmissionForm submission={submission} onSubmit={save} className="form item-form">
      <p className="note">{initial ? t('knowledge.editor.editIntro') : t('knowledge.editor.newIntro')}</p>
      {submission.problem?.code === 'conflict' ? (
        <div className="status status-error" role="alert">
          <p className="status-title">{t('knowledge.editor.conflictTitle')}</p>
          <p>{t('knowledge.editor.conflict')}</p>
          <p>
            <a href={window.location.pathname}>{t('knowledge.editor.reload')}</a>
          </p>
        </div>
      ) : (
        <FormAlert problem={submission.problem} />
      )}
      <ItemFields
        draft={draft}
        update={update}
        organisations={writable}
        takenLanguages={taken}
        isNew={!initial}
        vocabulary={props.vocabulary}
        errorsAt={submission.errorsAt}
      />
      <ParticularsFields
        draft={draft}
        update={update}
        vocabulary={props.vocabulary}
        errorsAt={submission.errorsAt}
      />
      <SubmitRow
        pending={submission.pending}
        label={initial ? t('knowledge.editor.saveChanges') : t('knowledge.editor.create')}
      />
    </SubmissionForm>
  );
}

/** The reader's language when the item has no version in it yet, else the first free one. */
function firstFree(taken: readonly string[], preferred: string): string {
  if (!taken.includes(preferred)) return preferred;
  return ['ar', 'zh', 'en', 'fr', 'ru', 'es'].find((code) => !taken.includes(code)) ?? '';
}
