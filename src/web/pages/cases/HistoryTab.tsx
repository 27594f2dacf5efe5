// What happened to the case, newest first, in sentences: who did what and when, from the audit trail;
// older entries a page at a time.
import { useEffect, useState } from 'react';
import type { Problem } from '../../../platform/errors.js';
import { casePath, type HistoryEntry, type HistoryResponse } from '../../api/cases.js';
import { asProblem } from '../../api/client.js';
import { Loading, ProblemAlert } from '../../components/Status.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useSession } from '../../session/SessionProvider.js';
import type { CaseTabProps } from './case-tabs.js';
import { historySentence } from './history-sentences.js';

const PAGE = 50;

type State = {
  entries: HistoryEntry[];
  nextBefore: number | null;
  loading: boolean;
  problem: Problem | null;
};

export function HistoryTab(props: CaseTabProps) {
  const { t, language, formatDateTime } = useI18n();
  const { api } = useSession();
  const [state, setState] = useState<State>({ entries: [], nextBefore: null, loading: true, problem: null });
  const caseId = props.theCase.id;
  const version = props.theCase.version;

  const load = (before: number | null) => {
    setState((previous) => ({ ...previous, loading: true, problem: null }));
    const query = `?limit=${PAGE}${before ? `&before=${before}` : ''}`;
    return api.get<HistoryResponse>(casePath(caseId, `/history${query}`)).then(
      (page) =>
        setState((previous) => ({
          entries: before ? [...previous.entries, ...page.data] : page.data,
          nextBefore: page.nextBefore,
          loading: false,
          problem: null,
        })),
      (error: unknown) =>
        setState((previous) => ({ ...previous, loading: false, problem: asProblem(error) })),
    );
  };

  // Read again when the case changed (a consent recorded in another tab, say).
  // biome-ignore lint/correctness/useExhaustiveDependencies: load is recreated each render; the case and its version decide
  useEffect(() => {
    load(null);
  }, [caseId, version]);

  const list = (items: string[]) => new Intl.ListFormat(language, { type: 'conjunction' }).format(items);
  return (
    <section aria-labelledby="case-history-heading">
      <h2 id="case-history-heading">{t('cases.tab.history')}</h2>
      <p className="muted">{t('cases.history.intro')}</p>
      {state.problem ? <ProblemAlert problem={state.problem} onRetry={() => load(state.nextBefore)} /> : null}
      {!state.loading && state.entries.length === 0 && !state.problem ? (
        <p>{t('cases.history.none')}</p>
      ) : null}
      <ol className="history">
        {state.entries.map((entry) => (
          <li key={entry.seq} className={entry.outcome === 'allowed' ? undefined : 'history-refused'}>
            <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>{' '}
            <span>{historySentence(t, entry, list)}</span>
            {entry.outcome !== 'allowed' ? (
              <span className="cell-note">{t(`audit.outcome.${entry.outcome}`)}</span>
            ) : null}
            {entry.reason ? (
              <span className="cell-note">
                {t('cases.history.reason')} <q dir="auto">{entry.reason}</q>
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      {state.loading ? <Loading /> : null}
      {!state.loading && state.nextBefore !== null ? (
        <button type="button" className="button button-secondary" onClick={() => load(state.nextBefore)}>
          {t('cases.history.older')}
        </button>
      ) : null}
    </section>
  );
}
