// A case's referrals tab: the referrals made from the case, newest first, and the form to make one.
// Mounted by the case view with the case's id.
import { useApiResource } from '../../api/useApiResource.js';
import { ResourceView } from '../../components/Status.js';
import { TableScroll } from '../../components/TableScroll.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useSession } from '../../session/SessionProvider.js';
import { NewReferralForm } from './NewReferralForm.js';
import { ReferralHeadings, ReferralRow } from './ReferralRow.js';
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
  const { t } = useI18n();
  if (props.referrals.length === 0) return <p>{t('referrals.caseNone')}</p>;
  return (
    <TableScroll>
      <table>
        <caption>{t('referrals.caseCaption')}</caption>
        <thead>
          <ReferralHeadings withCase={false} counterpart="to" />
        </thead>
        <tbody>
          {props.referrals.map((referral) => (
            <ReferralRow key={referral.id} referral={referral} withCase={false} counterpart="to" />
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
