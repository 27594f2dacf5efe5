// Break-glass: a case worker or manager opens a victim's record outside their scope for up to three
// hours, saying why, at once or after a second person's approval; the organisation holding the
// record sees every grant, approves, acknowledges or revokes it.
import {
  type BreakGlassGrantListResponse,
  type OrganisationListResponse,
  organisationName,
  paths,
} from '../../api/access.js';
import { useApiResource } from '../../api/useApiResource.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ResourceView } from '../../components/Status.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link } from '../../router.js';
import { useSession } from '../../session/SessionProvider.js';
import { GrantTable } from './GrantTable.js';

export function BreakGlassPage() {
  const { t, language } = useI18n();
  const session = useSession();
  const grants = useApiResource<BreakGlassGrantListResponse>(paths.breakGlass);
  const organisations = useApiResource<OrganisationListResponse>(paths.organisations);
  const names = new Map(
    organisations.status === 'ready'
      ? organisations.data.data.map((o) => [o.id, organisationName(o, language)] as const)
      : [],
  );
  const mayRequest = session.canWithSecondFactor('break_glass.request');
  return (
    <article className="break-glass">
      <PageHeading>{t('breakGlass.title')}</PageHeading>
      <p className="lede">{t('breakGlass.intro')}</p>
      {mayRequest ? (
        <section aria-labelledby="request-heading">
          <h2 id="request-heading">{t('breakGlass.requestHeading')}</h2>
          {session.can('break_glass.request') ? (
            // Case records, the only target, do not exist yet: the request form arrives with them.
            <p className="status">{t('breakGlass.noTargetsYet')}</p>
          ) : (
            <p className="status status-warning">
              {t('breakGlass.needsSecondFactor')}{' '}
              <Link to="/profile#second-factor">{t('banner.secondFactorLink')}</Link>
            </p>
          )}
        </section>
      ) : null}
      <section aria-labelledby="grants-heading">
        <h2 id="grants-heading">{t('breakGlass.grantsHeading')}</h2>
        <p>{t('breakGlass.grantsIntro')}</p>
        <ResourceView resource={grants}>
          {({ data }) => <GrantTable grants={data} organisationNames={names} onChanged={grants.reload} />}
        </ResourceView>
      </section>
    </article>
  );
}
