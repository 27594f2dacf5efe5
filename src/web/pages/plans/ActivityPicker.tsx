// The 4W activities that implement a measure: those linked, each with a button to unlink it, and a search of
// the register by title or identifier to link more.
import { useId, useState } from 'react';
import type { Problem } from '../../../platform/errors.js';
import { ACTIVITIES_PATH, type Activity } from '../../api/activities.js';
import { asProblem } from '../../api/client.js';
import { queryString } from '../../api/partners.js';
import type { FieldIssue } from '../../components/field-messages.js';
import { ProblemText } from '../../components/forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useSession } from '../../session/SessionProvider.js';
import { GroupErrors } from './editor-fields.js';

type Linked = { id: string; title: string };
type Search =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'done'; found: Activity[] }
  | { status: 'failed'; problem: Problem };

const RESULTS = 20;

export function ActivityPicker(props: {
  legend: string;
  activities: Linked[];
  onChange: (activities: Linked[]) => void;
  errors: FieldIssue[];
  errorsAt: (index: number) => FieldIssue[];
}) {
  const { t } = useI18n();
  const { api } = useSession();
  const id = useId();
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState<Search>({ status: 'idle' });
  const linked = new Set(props.activities.map((activity) => activity.id));
  const run = async () => {
    setSearch({ status: 'searching' });
    try {
      const answer = await api.get<{ data: Activity[] }>(
        `${ACTIVITIES_PATH}${queryString({ q: query.trim(), limit: String(RESULTS) })}`,
      );
      setSearch({ status: 'done', found: answer.data });
    } catch (error) {
      setSearch({ status: 'failed', problem: asProblem(error) });
    }
  };
  const errors = [...props.errors, ...props.activities.flatMap((_, index) => props.errorsAt(index))];
  return (
    <fieldset
      id={`${id}-group`}
      tabIndex={-1}
      data-label={props.legend}
      className={errors.length > 0 ? 'fieldset activity-picker has-error' : 'fieldset activity-picker'}
      aria-describedby={errors.length > 0 ? `${id}-error` : undefined}
    >
      <legend>{props.legend}</legend>
      <GroupErrors id={`${id}-error`} label={props.legend} errors={errors} />
      {props.activities.length === 0 ? (
        <p className="muted">{t('plans.editor.noActivities')}</p>
      ) : (
        <ul className="picked">
          {props.activities.map((activity) => (
            <li key={activity.id}>
              <span>{activity.title || t('plans.document.activityMissing')}</span>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => {
                  props.onChange(props.activities.filter((other) => other.id !== activity.id));
                  document.getElementById(`${id}-q`)?.focus();
                }}
              >
                {t('plans.editor.unlink')}
                <span className="visually-hidden"> {activity.title}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="pick-add">
        <label htmlFor={`${id}-q`}>{t('plans.editor.searchActivities')}</label>
        <input
          id={`${id}-q`}
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            // Enter searches here rather than saving the whole plan.
            if (event.key === 'Enter') {
              event.preventDefault();
              run();
            }
          }}
        />
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={run}
          disabled={search.status === 'searching'}
        >
          {t('plans.editor.search')}
        </button>
      </div>
      <div role="status" className="search-outcome">
        {search.status === 'searching' ? t('status.loading') : null}
        {search.status === 'done' ? t('plans.editor.found', { count: search.found.length }) : null}
      </div>
      {search.status === 'failed' ? (
        <p className="field-error" role="alert">
          <ProblemText problem={search.problem} />
        </p>
      ) : null}
      {search.status === 'done' && search.found.length > 0 ? (
        <ul className="search-results">
          {search.found.map((activity) => (
            <li key={activity.id}>
              <span>
                {activity.title}{' '}
                <span className="muted" dir="ltr">
                  ({activity.identifier})
                </span>
              </span>
              {linked.has(activity.id) ? (
                <span className="badge badge-muted">{t('plans.editor.linked')}</span>
              ) : (
                <button
                  type="button"
                  className="button button-secondary button-small"
                  onClick={() => {
                    props.onChange([...props.activities, { id: activity.id, title: activity.title }]);
                    // The button becomes a "linked" mark: focus returns to the search, ready for the next.
                    document.getElementById(`${id}-q`)?.focus();
                  }}
                >
                  {t('plans.editor.link')}
                  <span className="visually-hidden"> {activity.title}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
