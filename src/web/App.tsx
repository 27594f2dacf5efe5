// The app shell: skip link, header, main navigation, the current page, and footer.
import type { ReactNode } from 'react';
import { LanguageSwitcher } from './components/LanguageSwitcher.js';
import { useI18n } from './i18n/I18nProvider.js';
import { HomePage } from './pages/home/HomePage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { PlannedPage } from './pages/PlannedPage.js';
import { CodeListPage } from './pages/reference/CodeListPage.js';
import { CountriesPage } from './pages/reference/CountriesPage.js';
import { ReferencePage } from './pages/reference/ReferencePage.js';
import { Link, matchRoute, useLocation } from './router.js';
import { isCurrentSection, isPlannedRoute, NAV_ITEMS, ROUTES } from './routes.js';

export const MAIN_ID = 'main';

function CurrentPage(props: { pathname: string }): ReactNode {
  const match = matchRoute(props.pathname, ROUTES);
  if (!match) return <NotFoundPage />;
  if (isPlannedRoute(match.name)) return <PlannedPage route={match.name} />;
  switch (match.name) {
    case 'home':
      return <HomePage />;
    case 'reference':
      return <ReferencePage />;
    case 'referenceCountries':
      return <CountriesPage />;
    case 'referenceList':
      return <CodeListPage name={match.params.name ?? ''} />;
    default:
      return <NotFoundPage />;
  }
}

function MainNavigation(props: { pathname: string }) {
  const { t } = useI18n();
  return (
    <nav className="main-nav" aria-label={t('app.mainNavigation')}>
      <ul>
        {NAV_ITEMS.map((item) => (
          <li key={item.path}>
            <Link
              to={item.path}
              aria-current={isCurrentSection(item.path, props.pathname) ? 'page' : undefined}
            >
              {t(item.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function App() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  return (
    <>
      <a className="skip-link" href={`#${MAIN_ID}`}>
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="brand">
          <Link to="/" className="brand-name">
            {t('app.name')}
          </Link>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <LanguageSwitcher />
      </header>
      <div className="layout">
        <MainNavigation pathname={pathname} />
        {/* tabIndex lets the skip link move keyboard focus here, not only the scroll position. */}
        <main id={MAIN_ID} tabIndex={-1}>
          {/* A new key per address remounts the page, so its heading takes focus and state resets. */}
          <CurrentPage key={pathname} pathname={pathname} />
        </main>
      </div>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
        <p>
          <a href="/api/docs">{t('app.apiLink')}</a>
        </p>
      </footer>
    </>
  );
}
