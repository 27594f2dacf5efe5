// One referral: what was asked, of whom, by when, its history, and the moves the reader's side may make
// now. The receiver also sees the fields the service needs, while the referral is open and consented.
import { useApiResource } from '../../api/useApiResource.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ResourceView } from '../../components/Status.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link } from '../../router.js';
import { DueDate } from './DueDate.js';
import { ReferralActions } from './ReferralActions.js';
import { StatusBadge } from './ReferralRow.js';
import { type ReferralDetailView, referralPaths } from './referral-api.js';
import { SharedWithReceiver } from './SharedWithReceiver.js';
import './referrals.css';

export function ReferralPage(props: { id: string }) {
  const { t } = useI18n();
  const referral = useApiResource<{ data: ReferralDetailView }>(referralPaths.one(props.id));
  return (
    <article className="referral">
      <p className="back-link">
        <Link to="/referrals">{t('referrals.backToList')}</Link>
      </p>
      <ResourceView resource={referral}>
        {({ data }) => <ReferralBody referral={data} onChanged={referral.reload} />}
      </ResourceView>
    </article>
  );
}

function ReferralBody(props: { referral: ReferralDetailView; onChanged: () => void }) {
  const { t, formatDateTime } = useI18n();
  const { referral } = props;
  const service = t(`referrals.service.${referral.service}` as const);
  return (
    <>
      <PageHeading>{t('referrals.detailTitle', { service })}</PageHeading>
      <p className="lede">
        {referral.side === 'receiver'
          ? t('referrals.receivedFrom', { organisation: referral.fromOrganisationName })
          : t('referrals.sentTo', { organisation: referral.toOrganisationName })}
      </p>
      <dl className="facts referral-facts">
        <dt>{t('referrals.colStatus')}</dt>
        <dd>
          <StatusBadge status={referral.status} />
        </dd>
        <dt>{t('referrals.colDue')}</dt>
        <dd>
          <DueDate referral={referral} />
        </dd>
        <dt>{t('referrals.colCase')}</dt>
        <dd>
          {referral.caseId ? (
            <Link to={`/cases/${referral.caseId}`} className="code-name">
              {referral.caseCode}
            </Link>
          ) : (
            <span className="code-name">{referral.caseCode}</span>
          )}
        </dd>
        <dt>{t('referrals.colFrom')}</dt>
        <dd>{referral.fromOrganisationName}</dd>
        <dt>{t('referrals.colTo')}</dt>
        <dd>{referral.toOrganisationName}</dd>
        {referral.crossBorder ? (
          <>
            <dt>{t('referrals.crossBorder')}</dt>
            <dd>{referral.stage ? t(`referrals.stage.${referral.stage}` as const) : t('common.yes')}</dd>
          </>
        ) : null}
        <dt>{t('referrals.note')}</dt>
        <dd>{referral.note ?? t('referrals.noNote')}</dd>
      </dl>
      {referral.consentOverride ? (
        <div className="status status-warning">
          <p className="status-title">{t('referrals.overrideTitle')}</p>
          <p>
            {t('referrals.overrideBy', { name: referral.consentOverride.by ?? t('referrals.someone') })}{' '}
            {referral.consentOverride.reason}
          </p>
        </div>
      ) : null}
      <ReferralActions referral={referral} onChanged={props.onChanged} />
      {referral.shared ? <SharedWithReceiver referral={referral} shared={referral.shared} /> : null}
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t('referrals.history')}</h2>
        <ol className="referral-history">
          {referral.events.map((event) => (
            <li key={`${event.at}-${event.status}`}>
              <StatusBadge status={event.status} />{' '}
              {t('referrals.eventBy', {
                name: event.by ?? t('referrals.someone'),
                when: formatDateTime(event.at),
              })}
              {event.reason ? <p className="reason">{event.reason}</p> : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
