// The answer to a search: how many items were found (announced), a note when the titles shown only come close
// to the words typed, the results with their passages, pages, and what to try when nothing was found.
import { useRef } from 'react';
import type { SearchResult } from '../../api/knowledge.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { HitCard } from './HitCard.js';
import type { KnowledgeVocabulary } from './knowledge-vocabulary.js';
import { isFiltered, type LibraryQuery, PAGE_SIZE } from './library-query.js';

export function LibraryResults(props: {
  result: SearchResult;
  query: LibraryQuery;
  isLoading: boolean;
  vocabulary: KnowledgeVocabulary;
  onPage: (page: number) => void;
  onClearFilters: () => void;
}) {
  const { t } = useI18n();
  const { result, query } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  const toPage = (page: number) => {
    props.onPage(page);
    // The new page's results start under the heading: keyboard and screen-reader users go on from there.
    heading.current?.focus();
  };
  return (
    <section className="results" aria-labelledby="results-heading" aria-busy={props.isLoading}>
      <h2 id="results-heading" ref={heading} tabIndex={-1}>
        {t('knowledge.results')}
      </h2>
      <ResultCount result={result} />
      {result.matchedBy === 'similar_titles' ? (
        <p className="close-matches">{t('knowledge.closeMatches', { words: query.q.trim() })}</p>
      ) : null}
      {result.data.length === 0 ? (
        <EmptyState query={query} onClearFilters={props.onClearFilters} />
      ) : (
        <ol className="hits">
          {result.data.map((hit) => (
            <li key={hit.id}>
              <HitCard hit={hit} vocabulary={props.vocabulary} headingLevel="h3" />
            </li>
          ))}
        </ol>
      )}
      <Pager result={result} onPage={toPage} />
    </section>
  );
}

function ResultCount(props: { result: SearchResult }) {
  const { t, formatNumber } = useI18n();
  const { result } = props;
  const count = formatNumber(result.total);
  return (
    <p className="result-count" role="status">
      {result.counted === 'at_least'
        ? t('knowledge.foundAtLeast', { count })
        : t('knowledge.found', { count: result.total })}
    </p>
  );
}

function EmptyState(props: { query: LibraryQuery; onClearFilters: () => void }) {
  const { t } = useI18n();
  const words = props.query.q.trim();
  const filtered = isFiltered(props.query);
  if (!words && !filtered) return <p className="empty">{t('knowledge.emptyLibrary')}</p>;
  return (
    <div className="empty">
      <p>{words ? t('knowledge.noMatchWords', { words }) : t('knowledge.noMatch')}</p>
      <ul>
        {words ? <li>{t('knowledge.tipSpelling')}</li> : null}
        {words ? <li>{t('knowledge.tipFewerWords')}</li> : null}
        {filtered ? (
          <li>
            <button type="button" className="link-button" onClick={props.onClearFilters}>
              {t('knowledge.clearFilters')}
            </button>
          </li>
        ) : null}
      </ul>
    </div>
  );
}

function Pager(props: { result: SearchResult; onPage: (page: number) => void }) {
  const { t, formatNumber } = useI18n();
  const { page, total } = props.result;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (pages <= 1 && page <= 1) return null;
  const label = t('knowledge.pageOf', { page: formatNumber(page), pages: formatNumber(pages) });
  return (
    <nav className="pager" aria-label={t('knowledge.pages')}>
      <button
        type="button"
        className="button button-secondary"
        disabled={page <= 1}
        onClick={() => props.onPage(page - 1)}
      >
        {t('knowledge.previous')}
      </button>
      <span>{label}</span>
      <button
        type="button"
        className="button button-secondary"
        disabled={page >= pages}
        onClick={() => props.onPage(page + 1)}
      >
        {t('knowledge.next')}
      </button>
    </nav>
  );
}
