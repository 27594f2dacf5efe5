// Shown instead of a page the reader may not open: why, and what to do (sign in, or which role it needs).
import type { Role } from '../../access/schema.js';
import { PageHeading } from '../components/PageHeading.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { Link } from '../router.js';
import { useRoleName } from '../session/labels.js';
import { rolesOf } from '../session/permissions.js';
import { useSession } from '../session/SessionProvider.js';

export function SignInRequiredPage(props: { pathname: string }) {
  const { t } = useI18n();
  const { notice } = useSession();
  return (
    <article className="access-notice">
      <PageHeading>{t('access.signInTitle')}</PageHeading>
      {notice === 'session_expired' ? <p className="status status-warning">{t('signIn.expired')}</p> : null}
      <p>{t('access.signInBody')}</p>
      <p>
        <Link className="button" to={`/sign-in?next=${encodeURIComponent(props.pathname)}`}>
          {t('nav.signIn')}
        </Link>
      </p>
    </article>
  );
}

export function ForbiddenPage(props: { roles: readonly Role[] }) {
  const { t } = useI18n();
  const roleName = useRoleName();
  const { me } = useSession();
  const yours = rolesOf(me).map(roleName).join(', ');
  return (
    <article className="access-notice">
      <PageHeading>{t('access.forbiddenTitle')}</PageHeading>
      <p>{t('access.forbiddenBody', { roles: yours || t('access.noRole') })}</p>
      {props.roles.length > 0 ? (
        <p>{t('access.forbiddenNeeds', { roles: props.roles.map(roleName).join(', ') })}</p>
      ) : null}
      <p>{t('access.forbiddenAsk')}</p>
      <p>
        <Link to="/">{t('notFound.homeLink')}</Link>
      </p>
    </article>
  );
}
