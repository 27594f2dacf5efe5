// The referral inbox of one's organisations and the referrals they sent: status, due date and overdue
// ones flagged in words, most urgent first. The box and filters live in the address, so a view is shared.
import { useApiResource } from '../../api/useApiResource.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ResourceView } from '../../components/Status.js';
import { TableScroll } from '../../components/TableScroll.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link, replaceQueryParams, useLocation } from '../../router.js';
import { DueDate } from './DueDate.js';
import { type Box, type Referral, referralPaths, STATUSES } from './referral-api.js';
import './referrals.css';

function readFilters(search: string) {
  const query = new URLSearchParams(search);
  const box: Box = query.get('box') === 'sent' ? 'sent' : 'inbox';
  const status = STATUSES.find((s) => s === query.get('status'));
  return { box, status, overdue: query.get('overdue') === 'true' };
}

export function ReferralsPage() {
  const { t } = useI18n();
  const { search } = useLocation();
  const filters = readFilters(search);
  const referrals = useApiResource<{ data: Referral[] }>(
    referralPaths.list(filters.box, {
      ...(filters.status ? { status: filters.status } : {}),
      overdue: filters.overdue,
    }),
  );
  return (
    <article className="referrals">
      <PageHeading>{t('referrals.title')}</PageHeading>
      <p className="lede">{t('referrals.intro')}</p>
      <nav aria-label={t('referrals.boxes')} className="box-tabs">
        {(['inbox', 'sent'] as const).map((box) => (
          <Link
            key={box}
            to={`/referrals?box=${box}`}
            className="box-tab"
            aria-current={filters.box === box ? 'page' : undefined}
          >
            {t(`referrals.box.${box}` as const)}
          </Link>
        ))}
      </nav>
      <form
        className="filters referral-filters"
        aria-label={t('referrals.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="field">
          <label htmlFor="referral-status">{t('referrals.status')}</label>
          <select
            id="referral-status"
            value={filters.status ?? ''}
            onChange={(event) => replaceQueryParams({ status: event.target.value || null })}
          >
            <option value="">{t('referrals.anyStatus')}</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`referrals.statusName.${status}` as const)}
              </option>
            ))}
          </select>
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={filters.overdue}
            onChange={(event) => replaceQueryParams({ overdue: event.target.checked ? 'true' : null })}
          />
          {t('referrals.overdueOnly')}
        </label>
      </form>
      <ResourceView resource={referrals}>
        {({ data }) => <ReferralTable referrals={data} box={filters.box} />}
      </ResourceView>
    </article>
  );
}

function ReferralTable(props: { referrals: Referral[]; box: Box }) {
  const { t, formatDate } = useI18n();
  const overdue = props.referrals.filter((r) => r.overdue).length;
  if (props.referrals.length === 0)
    return <p className="status">{t(`referrals.empty.${props.box}` as const)}</p>;
  return (
    <>
      <p role="status">
        {t('referrals.count', { count: props.referrals.length })}{' '}
        {overdue > 0 ? <strong>{t('referrals.overdueCount', { count: overdue })}</strong> : null}
      </p>
      <TableScroll>
        <table className="referral-table">
          <caption>{t(`referrals.caption.${props.box}` as const)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('referrals.colService')}</th>
              <th scope="col">{t('referrals.colCase')}</th>
              <th scope="col">{props.box === 'inbox' ? t('referrals.colFrom') : t('referrals.colTo')}</th>
              <th scope="col">{t('referrals.colStatus')}</th>
              <th scope="col">{t('referrals.colDue')}</th>
              <th scope="col">{t('referrals.colSent')}</th>
            </tr>
          </thead>
          <tbody>
            {props.referrals.map((referral) => (
              <tr key={referral.id} className={referral.overdue ? 'is-overdue' : undefined}>
                <th scope="row">
                  <Link to={`/referrals/${referral.id}`}>
                    {t(`referrals.service.${referral.service}` as const)}
                  </Link>
                </th>
                <td className="code-name">{referral.caseCode}</td>
                <td>{props.box === 'inbox' ? referral.fromOrganisationName : referral.toOrganisationName}</td>
                <td>
                  <StatusBadge status={referral.status} />
                </td>
                <td>
                  <DueDate referral={referral} />
                </td>
                <td>{formatDate(referral.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

export function StatusBadge(props: { status: Referral['status'] }) {
  const { t } = useI18n();
  return (
    <span className={`referral-status referral-status-${props.status}`}>
      {t(`referrals.statusName.${props.status}` as const)}
    </span>
  );
}
