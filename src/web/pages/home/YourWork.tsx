// A signed-in person's part of the start page: what waits for them, their organisation's activities, recent changes.
import type { PersonalOverview } from '../../../overview/schemas.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link } from '../../router.js';
import { useDayFormat, type Vocabulary } from '../activities/vocabulary.js';

export function YourWork(props: { personal: PersonalOverview; vocabulary: Vocabulary }) {
  const { t, info } = useI18n();
  const { personal } = props;
  const names = new Intl.ListFormat(info.intlLocale).format(personal.organisations.map((o) => o.name));
  return (
    <section className="your-work" aria-labelledby="your-work-heading">
      <h2 id="your-work-heading">{t('home.yourWork', { organisations: names })}</h2>
      <div className="your-work-columns">
        <Tasks tasks={personal.tasks} />
        <RecentChanges changes={personal.recentChanges} />
      </div>
      <OwnActivities personal={personal} vocabulary={props.vocabulary} />
    </section>
  );
}

function Tasks(props: { tasks: PersonalOverview['tasks'] }) {
  const { t } = useI18n();
  const { tasks } = props;
  const items = [
    tasks.breakGlassToAcknowledge > 0 ? (
      <li key="break-glass">
        <Link to="/break-glass">{t('home.task.breakGlass', { count: tasks.breakGlassToAcknowledge })}</Link>
      </li>
    ) : null,
    tasks.activitiesToClassify > 0 ? (
      <li key="classify">
        <Link to="/activities?needsClassification=true">
          {t('home.task.classify', { count: tasks.activitiesToClassify })}
        </Link>
      </li>
    ) : null,
    tasks.overdueActivities > 0 ? (
      <li key="overdue">
        <a href="#own-activities-heading">{t('home.task.overdue', { count: tasks.overdueActivities })}</a>
      </li>
    ) : null,
  ].filter(Boolean);
  return (
    <div className="tasks">
      <h3>{t('home.tasksHeading')}</h3>
      {items.length > 0 ? <ul>{items}</ul> : <p>{t('home.noTasks')}</p>}
    </div>
  );
}

type Change = PersonalOverview['recentChanges'][number];

const IMPORT_PREFIX = 'import ';

function RecentChanges(props: { changes: PersonalOverview['recentChanges'] }) {
  const { t } = useI18n();
  const formatDay = useDayFormat();
  /** Who made the change, or how it came when no person did (the demo loader, a file import). */
  const describeChange = (change: Change) => {
    const day = formatDay(change.changedAt);
    if (change.via === 'demo') return t('home.change.demo', { day });
    if (change.via.startsWith(IMPORT_PREFIX)) {
      return t('home.change.imported', { file: change.via.slice(IMPORT_PREFIX.length), day });
    }
    return t(`home.change.${change.change}`, { who: change.changedByName ?? t('home.someone'), day });
  };
  return (
    <div className="recent-changes">
      <h3>{t('home.recentHeading')}</h3>
      {props.changes.length === 0 ? (
        <p>{t('home.noRecent')}</p>
      ) : (
        <ul>
          {props.changes.map((change) => (
            <li key={`${change.activityId}-${change.version}`}>
              {change.change === 'deleted' ? (
                change.title
              ) : (
                <Link to={`/activities/${change.activityId}`}>{change.title}</Link>
              )}{' '}
              <span className="note">{describeChange(change)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function OwnActivities(props: { personal: PersonalOverview; vocabulary: Vocabulary }) {
  const { t } = useI18n();
  const formatDay = useDayFormat();
  const { personal, vocabulary } = props;
  return (
    <div className="own-activities">
      <h3 id="own-activities-heading">{t('home.ownActivities', { count: personal.activityCount })}</h3>
      {personal.activities.length === 0 ? (
        <p>
          {t('home.noOwnActivities')} <Link to="/activities/new">{t('home.recordActivity')}</Link>
        </p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">{t('home.ownActivitiesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('home.col.title')}</th>
              <th scope="col">{t('home.col.status')}</th>
              <th scope="col">{t('home.col.plannedEnd')}</th>
            </tr>
          </thead>
          <tbody>
            {personal.activities.map((activity) => (
              <tr key={activity.id}>
                <th scope="row">
                  <Link to={`/activities/${activity.id}`}>{activity.title}</Link>
                </th>
                <td>
                  {vocabulary.label('iati_activity_status', activity.status)}
                  {activity.isOverdue ? (
                    <span className="badge badge-warning">{t('home.overdue')}</span>
                  ) : null}
                </td>
                <td>{activity.plannedEnd ? formatDay(activity.plannedEnd) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {personal.activityCount > personal.activities.length ? (
        <p>
          <Link to="/activities">{t('home.allActivities')}</Link>
        </p>
      ) : null}
    </div>
  );
}
