// The signed-in person in the header: a button with their name that opens their roles, a link to the
// profile and "Sign out". A disclosure (not an ARIA menu): Tab moves through it, Escape closes it.
import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import { Link, navigate } from '../router.js';
import { useRoleName } from './labels.js';
import { useSession } from './SessionProvider.js';

export function UserMenu() {
  const { t } = useI18n();
  const roleName = useRoleName();
  const session = useSession();
  const [open, setOpen] = useState(false);
  const [failed, setFailed] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  const me = session.me;
  if (!me) return null;

  const signOut = async () => {
    setFailed(false);
    try {
      await session.signOut();
      setOpen(false);
      navigate('/sign-in');
    } catch {
      setFailed(true);
    }
  };

  return (
    <div className="user-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="user-menu-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="visually-hidden">{t('userMenu.signedInAs')} </span>
        <bdi>{me.displayName}</bdi>
        <span aria-hidden="true" className="user-menu-caret">
          ▾
        </span>
      </button>
      <div id={panelId} className="user-menu-panel" hidden={!open}>
        <p className="user-menu-name">{me.displayName}</p>
        <p className="user-menu-email">
          <bdi dir="ltr">{me.email}</bdi>
        </p>
        <p className="user-menu-heading">{t('userMenu.roles')}</p>
        <ul className="user-menu-roles">
          {me.memberships.map((m) => (
            <li key={`${m.organisationId}-${m.role}`}>
              <strong>{roleName(m.role)}</strong> — <bdi>{m.organisationName}</bdi>
            </li>
          ))}
        </ul>
        <p>
          <Link to="/profile" onClick={() => setOpen(false)}>
            {t('userMenu.profile')}
          </Link>
        </p>
        <button type="button" className="button button-secondary" onClick={signOut}>
          {t('userMenu.signOut')}
        </button>
        {failed ? (
          <p className="field-error" role="alert">
            {t('userMenu.signOutFailed')}
          </p>
        ) : null}
      </div>
    </div>
  );
}

/** Shown on every page while a role that needs a second factor has none set up. */
export function SecondFactorBanner() {
  const { t } = useI18n();
  const { me } = useSession();
  if (!me?.secondFactor.required || me.secondFactor.enabled) return null;
  return (
    <div className="banner banner-warning">
      <p>
        <strong>{t('banner.secondFactorLead')}</strong> {t('banner.secondFactorBody')}{' '}
        <Link to="/profile#second-factor">{t('banner.secondFactorLink')}</Link>
      </p>
    </div>
  );
}
