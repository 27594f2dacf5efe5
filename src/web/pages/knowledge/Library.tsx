// A searchable view of the library: the search box, the filters with their counts and the results, all kept
// in the address. The public library and the list of drafts are both this, with different statuses asked.
import { useEffect, useId, useState } from 'react';
import { Loading, ProblemAlert } from '../../components/Status.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { FacetPanel } from './FacetPanel.js';
import { useKnowledgeVocabulary } from './knowledge-vocabulary.js';
import { LibraryResults } from './LibraryResults.js';
import { toggleValue, withoutFilters, withYear } from './library-query.js';
import { useLibrarySearch } from './use-library-search.js';

export function Library(props: { statuses?: string; searchLabel: string }) {
  const { t } = useI18n();
  const search = useLibrarySearch(props.statuses ? { status: props.statuses } : {});
  const vocabulary = useKnowledgeVocabulary();
  const { query, setQuery, result } = search;
  const [words, setWords] = useState(query.q);
  const inputId = useId();
  // Words cleared by hand (the search field's ✕) show the whole library again.
  useEffect(() => {
    if (words === '' && query.q !== '') setQuery({ ...query, q: '', page: 1 });
  }, [words, query, setQuery]);
  if (vocabulary.status === 'error')
    return <ProblemAlert problem={vocabulary.problem} onRetry={vocabulary.retry} />;
  return (
    <div className="library">
      <search className="library-search" aria-label={props.searchLabel}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setQuery({ ...query, q: words.trim(), page: 1 });
          }}
        >
          <label htmlFor={inputId}>{t('knowledge.searchLabel')}</label>
          <p className="field-hint" id={`${inputId}-hint`}>
            {t('knowledge.searchHint')}
          </p>
          <div className="search-row">
            <input
              id={inputId}
              type="search"
              autoComplete="off"
              maxLength={300}
              aria-describedby={`${inputId}-hint`}
              value={words}
              onChange={(event) => setWords(event.target.value)}
            />
            <button type="submit" className="button">
              {t('knowledge.search')}
            </button>
          </div>
        </form>
      </search>
      {search.problem ? <ProblemAlert problem={search.problem} onRetry={search.retry} /> : null}
      {result === null || vocabulary.status === 'loading' ? (
        search.problem ? null : (
          <Loading />
        )
      ) : (
        <div className="library-body">
          <FacetPanel
            facets={result.facets}
            isLowerBound={result.facetsCounted === 'at_least'}
            query={query}
            vocabulary={vocabulary.vocabulary}
            onToggle={(name, value) => setQuery(toggleValue(query, name, value))}
            onYear={(year) => setQuery(withYear(query, year))}
          />
          <LibraryResults
            result={result}
            query={query}
            isLoading={search.isLoading}
            vocabulary={vocabulary.vocabulary}
            onPage={(page) => setQuery({ ...query, page })}
            onClearFilters={() => setQuery(withoutFilters(query))}
          />
        </div>
      )}
    </div>
  );
}
