// One referral as a row of a table, the same in the inbox, the sent box and a case's referrals tab: the
// service (a link to the referral), a referral made without consent marked, the other organisation, the
// status, the due date with overdue said in words, and when it was sent.
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link } from '../../router.js';
import { DueDate } from './DueDate.js';
import type { Referral } from './referral-api.js';

export function StatusBadge(props: { status: Referral['status'] }) {
  const { t } = useI18n();
  return (
    <span className={`referral-status referral-status-${props.status}`}>
      {t(`referrals.statusName.${props.status}` as const)}
    </span>
  );
}

/** Which organisation the row names: the sender in an inbox, the receiver otherwise. */
export type Counterpart = 'from' | 'to';

/** The column headings that go with the rows, in the same order. */
export function ReferralHeadings(props: { withCase: boolean; counterpart: Counterpart }) {
  const { t } = useI18n();
  return (
    <tr>
      <th scope="col">{t('referrals.colService')}</th>
      {props.withCase ? <th scope="col">{t('referrals.colCase')}</th> : null}
      <th scope="col">{props.counterpart === 'from' ? t('referrals.colFrom') : t('referrals.colTo')}</th>
      <th scope="col">{t('referrals.colStatus')}</th>
      <th scope="col">{t('referrals.colDue')}</th>
      <th scope="col">{t('referrals.colSent')}</th>
    </tr>
  );
}

export function ReferralRow(props: { referral: Referral; withCase: boolean; counterpart: Counterpart }) {
  const { t, formatDate } = useI18n();
  const { referral } = props;
  return (
    <tr className={referral.overdue ? 'is-overdue' : undefined}>
      <th scope="row">
        <Link to={`/referrals/${referral.id}`}>{t(`referrals.service.${referral.service}` as const)}</Link>
        {referral.consentOverride ? <span className="badge">{t('referrals.withoutConsent')}</span> : null}
      </th>
      {props.withCase ? <td className="code-name">{referral.caseCode}</td> : null}
      <td>{props.counterpart === 'from' ? referral.fromOrganisationName : referral.toOrganisationName}</td>
      <td>
        <StatusBadge status={referral.status} />
      </td>
      <td>
        <DueDate referral={referral} />
      </td>
      <td>{formatDate(referral.createdAt)}</td>
    </tr>
  );
}
