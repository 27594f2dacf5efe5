// The referral inbox of one's organisations and the referrals they sent: status, due date and overdue
// ones flagged in words, most urgent first. The box and filters live in the address, so a view is shared.
import { useApiResource } from '../../api/useApiResource.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ResourceView } from '../../components/Status.js';
import { TableScroll } from '../../components/TableScroll.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link, replaceQueryParams, useLocation } from '../../router.js';
import { ReferralHeadings, ReferralRow } from './ReferralRow.js';
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
  const { t } = useI18n();
  const overdue = props.referrals.filter((r) => r.overdue).length;
  const counterpart = props.box === 'inbox' ? 'from' : 'to';
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
            <ReferralHeadings withCase counterpart={counterpart} />
          </thead>
          <tbody>
            {props.referrals.map((referral) => (
              <ReferralRow key={referral.id} referral={referral} withCase counterpart={counterpart} />
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
