// A case's referrals tab: the referrals made from the case, newest first, and the form to make one.
// Mounted by the case view with the case's id.
import { useApiResource } from '../../api/useApiResource.js';
import { ResourceView } from '../../components/Status.js';
import { TableScroll } from '../../components/TableScroll.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link } from '../../router.js';
import { useSession } from '../../session/SessionProvider.js';
import { DueDate } from './DueDate.js';
import { NewReferralForm } from './NewReferralForm.js';
import { StatusBadge } from './ReferralsPage.js';
import { type Referral, referralPaths } from './referral-api.js';
import './referrals.css';

export function CaseReferralsTab(props: { caseId: string }) {
  const { t } = useI18n();
  const session = useSession();
  const referrals = useApiResource<{ data: Referral[] }>(referralPaths.ofCase(props.caseId));
  return (
    <section aria-labelledby="case-referrals-heading" className="case-referrals">
      <h2 id="case-referrals-heading">{t('referrals.caseHeading')}</h2>
      <ResourceView resource={referrals}>{({ data }) => <CaseReferralList referrals={data} />}</ResourceView>
      {session.canWithSecondFactor('referrals.write') ? (
        <NewReferralForm caseId={props.caseId} onCreated={referrals.reload} />
      ) : null}
    </section>
  );
}

function CaseReferralList(props: { referrals: Referral[] }) {
  const { t, formatDate } = useI18n();
  if (props.referrals.length === 0) return <p>{t('referrals.caseNone')}</p>;
  return (
    <TableScroll>
      <table>
        <caption>{t('referrals.caseCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('referrals.colService')}</th>
            <th scope="col">{t('referrals.colTo')}</th>
            <th scope="col">{t('referrals.colStatus')}</th>
            <th scope="col">{t('referrals.colDue')}</th>
            <th scope="col">{t('referrals.colSent')}</th>
          </tr>
        </thead>
        <tbody>
          {props.referrals.map((referral) => (
            <tr key={referral.id}>
              <th scope="row">
                <Link to={`/referrals/${referral.id}`}>
                  {t(`referrals.service.${referral.service}` as const)}
                </Link>
                {referral.consentOverride ? (
                  <span className="badge">{t('referrals.withoutConsent')}</span>
                ) : null}
              </th>
              <td>{referral.toOrganisationName}</td>
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
  );
}

/** The case view's referrals tab. */
export function CaseReferralsPanel(props: { theCase: { id: string } }) {
  return <CaseReferralsTab caseId={props.theCase.id} />;
}
