// Activities as a table: title, lead organisation, pillar and type, countries, dates and status.

import type { Activity } from '../../api/activities.js';
import { useOrganisations } from '../../api/partners.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link } from '../../router.js';
import { titleIn } from './narratives.js';
import { formatPeriod } from './period.js';
import { useDayFormat, type Vocabulary } from './vocabulary.js';

export function useOrganisationNames(): (id: string | null) => string {
  const organisations = useOrganisations();
  const names = new Map(
    organisations.status === 'ready' ? organisations.data.data.map((o) => [o.id, o.acronym ?? o.name]) : [],
  );
  return (id) => (id ? (names.get(id) ?? '') : '');
}

export function activityPeriod(activity: Activity): { start: string | null; end: string | null } {
  return {
    start: activity.actualStart ?? activity.plannedStart,
    end: activity.actualEnd ?? activity.plannedEnd,
  };
}

export function ActivityTable(props: { activities: Activity[]; vocabulary: Vocabulary; limit?: number }) {
  const { t, language } = useI18n();
  const formatDate = useDayFormat();
  const organisationName = useOrganisationNames();
  const { vocabulary } = props;
  if (props.activities.length === 0) return <p>{t('activities.none')}</p>;
  const shown = props.limit ? props.activities.slice(0, props.limit) : props.activities;
  return (
    <div className="table-scroll">
      <table className="data-table activity-table">
        <caption>{t('activities.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('activity.title')}</th>
            <th scope="col">{t('activity.lead')}</th>
            <th scope="col">{t('activity.pillar')}</th>
            <th scope="col">{t('activity.type')}</th>
            <th scope="col">{t('activity.countries')}</th>
            <th scope="col">{t('activity.period')}</th>
            <th scope="col">{t('activity.status')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((activity) => {
            const period = activityPeriod(activity);
            return (
              <tr key={activity.id}>
                <th scope="row">
                  <Link to={`/activities/${activity.id}`}>{titleIn(activity, language)}</Link>
                  {activity.isPublished ? null : (
                    <>
                      {' '}
                      <span className="badge badge-muted">{t('activity.unpublished')}</span>
                    </>
                  )}
                </th>
                <td>{organisationName(activity.leadOrganisationId)}</td>
                {activity.activityType ? (
                  <>
                    <td>{vocabulary.label('pillar', activity.pillar)}</td>
                    <td>{vocabulary.label('activity_type', activity.activityType)}</td>
                  </>
                ) : (
                  <td colSpan={2}>{t('activity.unclassified')}</td>
                )}
                <td>{activity.countries.map((c) => vocabulary.countryName(c.iso3)).join(', ')}</td>
                <td>{formatPeriod(period.start, period.end, formatDate)}</td>
                <td>{vocabulary.label('iati_activity_status', activity.status)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
