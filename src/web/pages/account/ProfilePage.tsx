// One's own account: who one is and in which roles, password, second factor, API tokens and sessions.
import { useEffect } from 'react';
import { paths, type SessionListResponse } from '../../api/access.js';
import { useApiResource } from '../../api/useApiResource.js';
import { PageHeading } from '../../components/PageHeading.js';
import { TableScroll } from '../../components/TableScroll.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useRoleName } from '../../session/labels.js';
import { useSession } from '../../session/SessionProvider.js';
import { InvitationsSection } from './InvitationsSection.js';
import { PasswordSection } from './PasswordSection.js';
import { SecondFactorSection } from './SecondFactorSection.js';
import { SessionsSection } from './SessionsSection.js';
import { TokensSection } from './TokensSection.js';

export const SECOND_FACTOR_ID = 'second-factor';

export function ProfilePage() {
  const { t } = useI18n();
  const roleName = useRoleName();
  const { me } = useSession();
  const sessions = useApiResource<SessionListResponse>(paths.sessions);

  useEffect(() => {
    // Arriving from the "set up a second factor" banner: go straight to that section.
    if (window.location.hash !== `#${SECOND_FACTOR_ID}`) return;
    const heading = document.getElementById(`${SECOND_FACTOR_ID}-heading`);
    heading?.scrollIntoView();
    heading?.focus();
  }, []);

  if (!me) return null;
  return (
    <article className="profile">
      <PageHeading>{t('profile.title')}</PageHeading>
      <InvitationsSection />
      <section aria-labelledby="account-heading">
        <h2 id="account-heading">{t('profile.accountHeading')}</h2>
        <dl className="facts">
          <dt>{t('profile.name')}</dt>
          <dd>{me.displayName}</dd>
          <dt>{t('profile.email')}</dt>
          <dd>
            <bdi dir="ltr">{me.email}</bdi>
          </dd>
        </dl>
        <TableScroll>
          <table className="data-table">
            <caption>{t('profile.rolesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('profile.colOrganisation')}</th>
                <th scope="col">{t('profile.colRole')}</th>
              </tr>
            </thead>
            <tbody>
              {me.memberships.map((m) => (
                <tr key={`${m.organisationId}-${m.role}`}>
                  <th scope="row">
                    <bdi>{m.organisationName}</bdi>
                  </th>
                  <td>{roleName(m.role)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
      <PasswordSection onChanged={sessions.reload} />
      <SecondFactorSection headingId={`${SECOND_FACTOR_ID}-heading`} sectionId={SECOND_FACTOR_ID} />
      <TokensSection />
      <SessionsSection sessions={sessions} />
    </article>
  );
}
