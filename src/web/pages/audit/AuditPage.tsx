// The audit trail, newest first: filters by person, action, record, organisation and dates, and
// older entries page by page. Row-level security on the server decides which entries one sees.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Problem } from '../../../platform/errors.js';
import {
  type AuditEntry,
  type AuditPage as AuditPageBody,
  type OrganisationListResponse,
  organisationName,
  paths,
} from '../../api/access.js';
import { asProblem } from '../../api/client.js';
import { useApiResource } from '../../api/useApiResource.js';
import { Field, onSubmit } from '../../components/forms.js';
import { PageHeading } from '../../components/PageHeading.js';
import { Loading, ProblemAlert } from '../../components/Status.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { useSession } from '../../session/SessionProvider.js';
import { AuditTable } from './AuditTable.js';
import { ACTION_CODES, actionLabelKey, RECORD_KINDS, recordKindKey } from './audit-labels.js';
import {
  type AuditFilters,
  auditQuery,
  checkFilters,
  EMPTY_FILTERS,
  type FilterProblem,
} from './audit-query.js';

const FILTER_PROBLEMS: Record<FilterProblem, MessageKey> = {
  notDate: 'audit.problem.notDate',
  toBeforeFrom: 'audit.problem.toBeforeFrom',
};

type Listing = {
  entries: AuditEntry[];
  nextBefore: number | null;
  status: 'loading' | 'more' | 'ready' | 'error';
  problem: Problem | null;
};

export function AuditPage() {
  const { t, language } = useI18n();
  const { api } = useSession();
  const [draft, setDraft] = useState<AuditFilters>(EMPTY_FILTERS);
  const [applied, setApplied] = useState<AuditFilters>(EMPTY_FILTERS);
  const [problems, setProblems] = useState<ReturnType<typeof checkFilters>>({});
  const [listing, setListing] = useState<Listing>({
    entries: [],
    nextBefore: null,
    status: 'loading',
    problem: null,
  });
  const generation = useRef(0);
  const formRef = useRef<HTMLFormElement>(null);
  const organisations = useApiResource<OrganisationListResponse>(paths.organisations);
  const organisationChoices =
    organisations.status === 'ready'
      ? organisations.data.data.map((o) => ({ value: o.id, label: organisationName(o, language) }))
      : [];

  const load = useCallback(
    (filters: AuditFilters, before: number | null) => {
      const current = ++generation.current;
      setListing((previous) => ({
        ...previous,
        entries: before === null ? [] : previous.entries,
        status: before === null ? 'loading' : 'more',
        problem: null,
      }));
      api.get<AuditPageBody>(`${paths.audit}?${auditQuery(filters, before)}`).then(
        (page) => {
          if (current !== generation.current) return;
          setListing((previous) => ({
            entries: before === null ? page.data : [...previous.entries, ...page.data],
            nextBefore: page.nextBefore,
            status: 'ready',
            problem: null,
          }));
        },
        (error: unknown) => {
          if (current !== generation.current) return;
          setListing((previous) => ({ ...previous, status: 'error', problem: asProblem(error) }));
        },
      );
    },
    [api],
  );

  useEffect(() => {
    load(EMPTY_FILTERS, null);
  }, [load]);

  // After the fields are marked invalid (the next render), focus goes to the first one to correct.
  const [invalidAttempts, setInvalidAttempts] = useState(0);
  useEffect(() => {
    if (invalidAttempts > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [invalidAttempts]);

  const apply = () => {
    const found = checkFilters(draft);
    setProblems(found);
    if (Object.keys(found).length > 0) {
      setInvalidAttempts((n) => n + 1);
      return;
    }
    setApplied(draft);
    load(draft, null);
  };

  const clear = () => {
    setDraft(EMPTY_FILTERS);
    setProblems({});
    setApplied(EMPTY_FILTERS);
    load(EMPTY_FILTERS, null);
  };

  return (
    <article className="audit">
      <PageHeading>{t('audit.title')}</PageHeading>
      <p className="lede">{t('audit.intro')}</p>
      <AuditFilterForm
        formRef={formRef}
        draft={draft}
        problems={problems}
        onChange={setDraft}
        onApply={apply}
        onClear={clear}
        organisations={organisationChoices}
      />
      {listing.status === 'loading' ? <Loading /> : null}
      {listing.problem ? (
        <ProblemAlert
          problem={listing.problem}
          onRetry={() => load(applied, listing.entries.length ? listing.nextBefore : null)}
        />
      ) : null}
      {listing.status !== 'loading' && !listing.problem ? (
        <p className="result-count" role="status">
          {t('audit.shown', { count: listing.entries.length })}
        </p>
      ) : null}
      {listing.entries.length > 0 ? (
        <AuditTable
          entries={listing.entries}
          organisationNames={new Map(organisationChoices.map((choice) => [choice.value, choice.label]))}
        />
      ) : null}
      {listing.status === 'ready' && listing.entries.length === 0 ? <p>{t('audit.none')}</p> : null}
      {listing.nextBefore !== null && listing.status !== 'loading' ? (
        <button
          type="button"
          className="button button-secondary"
          disabled={listing.status === 'more'}
          onClick={() => load(applied, listing.nextBefore)}
        >
          {listing.status === 'more' ? t('status.loading') : t('audit.older')}
        </button>
      ) : null}
    </article>
  );
}

function AuditFilterForm(props: {
  formRef: React.RefObject<HTMLFormElement | null>;
  draft: AuditFilters;
  problems: Partial<Record<keyof AuditFilters, FilterProblem>>;
  onChange: (filters: AuditFilters) => void;
  onApply: () => void;
  onClear: () => void;
  organisations: { value: string; label: string }[];
}) {
  const { t, language } = useI18n();
  const { draft, problems } = props;
  // Choices by their label in the reader's language, sorted as that language sorts.
  const byLabel = (codes: readonly string[], key: (code: string) => Parameters<typeof t>[0]) =>
    codes
      .map((code) => ({ code, label: t(key(code)) }))
      .sort((a, b) => a.label.localeCompare(b.label, language));
  const set = (name: keyof AuditFilters) => (event: { target: { value: string } }) =>
    props.onChange({ ...draft, [name]: event.target.value });
  const problemText = (problem: FilterProblem | undefined) => (problem ? [t(FILTER_PROBLEMS[problem])] : []);

  return (
    <search aria-label={t('audit.filters')}>
      <form
        ref={props.formRef}
        className="filters audit-filters"
        noValidate
        onSubmit={onSubmit(props.onApply)}
      >
        <Field label={t('audit.userId')} hint={t('audit.userIdHint')} errors={problemText(problems.user)}>
          {(control) => (
            <input
              {...control}
              type="search"
              dir="auto"
              spellCheck={false}
              value={draft.user}
              onChange={set('user')}
            />
          )}
        </Field>
        <Field label={t('audit.action')}>
          {(control) => (
            <select {...control} value={draft.action} onChange={set('action')}>
              <option value="">{t('audit.anyAction')}</option>
              {byLabel(ACTION_CODES, actionLabelKey).map((choice) => (
                <option key={choice.code} value={choice.code}>
                  {choice.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('audit.resourceType')}>
          {(control) => (
            <select {...control} value={draft.resourceType} onChange={set('resourceType')}>
              <option value="">{t('audit.anyResourceType')}</option>
              {byLabel(RECORD_KINDS, recordKindKey).map((choice) => (
                <option key={choice.code} value={choice.code}>
                  {choice.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('audit.resourceId')}>
          {(control) => (
            <input
              {...control}
              type="text"
              dir="ltr"
              spellCheck={false}
              value={draft.resourceId}
              onChange={set('resourceId')}
            />
          )}
        </Field>
        <Field label={t('audit.organisation')}>
          {(control) => (
            <select {...control} value={draft.organisationId} onChange={set('organisationId')}>
              <option value="">{t('audit.anyOrganisation')}</option>
              {props.organisations.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('audit.from')} errors={problemText(problems.from)}>
          {(control) => <input {...control} type="date" value={draft.from} onChange={set('from')} />}
        </Field>
        <Field label={t('audit.to')} errors={problemText(problems.to)}>
          {(control) => <input {...control} type="date" value={draft.to} onChange={set('to')} />}
        </Field>
        <div className="button-row filters-buttons">
          <button type="submit" className="button">
            {t('audit.apply')}
          </button>
          <button type="button" className="button button-secondary" onClick={props.onClear}>
            {t('audit.clear')}
          </button>
        </div>
      </form>
    </search>
  );
}
