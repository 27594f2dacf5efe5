// The app shell: skip link, header, main navigation, the current page, and footer.
import type { ReactNode } from 'react';
import { LanguageSwitcher } from './components/LanguageSwitcher.js';
import { PageHeading } from './components/PageHeading.js';
import { Loading } from './components/Status.js';
import { useI18n } from './i18n/I18nProvider.js';
import { ForbiddenPage, SignInRequiredPage } from './pages/AccessDeniedPage.js';
import { ProfilePage } from './pages/account/ProfilePage.js';
import { SignInPage } from './pages/account/SignInPage.js';
import { ActivitiesPage } from './pages/activities/ActivitiesPage.js';
import { EditActivityPage, NewActivityPage } from './pages/activities/ActivityFormPage.js';
import { ActivityImportPage } from './pages/activities/ActivityImportPage.js';
import { ActivityPage } from './pages/activities/ActivityPage.js';
import { AdministrationPage } from './pages/admin/AdministrationPage.js';
import { OrganisationPage } from './pages/admin/OrganisationPage.js';
import { AssistancePage } from './pages/assistance/AssistancePage.js';
import { AuditPage } from './pages/audit/AuditPage.js';
import { BreakGlassPage } from './pages/break-glass/BreakGlassPage.js';
import { CasePage } from './pages/cases/CasePage.js';
import { CasesPage } from './pages/cases/CasesPage.js';
import { NewCasePage } from './pages/cases/NewCasePage.js';
import { CommitmentsPage } from './pages/commitments/CommitmentsPage.js';
import { CoveragePage } from './pages/coverage/CoveragePage.js';
import { HomePage } from './pages/home/HomePage.js';
import { AgencyPage } from './pages/intermediaries/AgencyPage.js';
import { ImportPage as IntermediaryImportPage } from './pages/intermediaries/ImportPage.js';
import { LookupPage as IntermediariesPage } from './pages/intermediaries/LookupPage.js';
import { EditItemPage, NewItemPage } from './pages/knowledge/ItemEditorPage.js';
import { ItemPage } from './pages/knowledge/ItemPage.js';
import { KnowledgeDraftsPage, KnowledgePage } from './pages/knowledge/KnowledgePage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { PartnerPage } from './pages/partners/PartnerPage.js';
import { PartnersPage } from './pages/partners/PartnersPage.js';
import { EditPlanPage, NewPlanPage } from './pages/plans/PlanEditorPage.js';
import { PlanImportPage } from './pages/plans/PlanImportPage.js';
import { PlanPage } from './pages/plans/PlanPage.js';
import { PlansPage } from './pages/plans/PlansPage.js';
import { PreventionPage } from './pages/prevention/PreventionPage.js';
import { CodeListPage } from './pages/reference/CodeListPage.js';
import { CountriesPage } from './pages/reference/CountriesPage.js';
import { ReferencePage } from './pages/reference/ReferencePage.js';
import { ReferralPage } from './pages/referrals/ReferralPage.js';
import { ReferralsPage } from './pages/referrals/ReferralsPage.js';
import { BudgetsPage } from './pages/releases/BudgetsPage.js';
import { NewReleasePage } from './pages/releases/NewReleasePage.js';
import { ReleasePage } from './pages/releases/ReleasePage.js';
import { ReleasesPage } from './pages/releases/ReleasesPage.js';
import { ScreeningPage } from './pages/screening/ScreeningPage.js';
import { ServicesPage } from './pages/services/ServicesPage.js';
import { CountryStatisticsPage } from './pages/statistics/CountryStatisticsPage.js';
import { StatisticsPage } from './pages/statistics/StatisticsPage.js';
import { Link, matchRoute, type RouteMatch, useLocation } from './router.js';
import { isCurrentSection, type NavItem, navItemsFor, ROUTES, type RouteName } from './routes.js';
import { pageVerdict, rolesForAccess } from './session/permissions.js';
import { useSession } from './session/SessionProvider.js';
import { SecondFactorBanner, UserMenu } from './session/UserMenu.js';

export const MAIN_ID = 'main';

function PageFor(props: { match: RouteMatch<RouteName> }): ReactNode {
  const { match } = props;
  switch (match.name) {
    case 'home':
      return <HomePage />;
    case 'reference':
      return <ReferencePage />;
    case 'referenceCountries':
      return <CountriesPage />;
    case 'referenceList':
      return <CodeListPage name={match.params.name ?? ''} />;
    case 'statistics':
      return <StatisticsPage />;
    case 'statisticsCountry':
      return <CountryStatisticsPage iso3={match.params.iso3 ?? ''} />;
    case 'signIn':
      return <SignInPage />;
    case 'profile':
      return <ProfilePage />;
    case 'administration':
      return <AdministrationPage />;
    case 'organisation':
      return <OrganisationPage id={match.params.id ?? ''} />;
    case 'audit':
      return <AuditPage />;
    case 'breakGlass':
      return <BreakGlassPage />;
    case 'partners':
      return <PartnersPage />;
    case 'partner':
      return <PartnerPage id={match.params.id ?? ''} />;
    case 'services':
      return <ServicesPage />;
    case 'activities':
      return <ActivitiesPage />;
    case 'activityNew':
      return <NewActivityPage />;
    case 'activityImport':
      return <ActivityImportPage />;
    case 'activity':
      return <ActivityPage id={match.params.id ?? ''} />;
    case 'activityEdit':
      return <EditActivityPage id={match.params.id ?? ''} />;
    case 'coverage':
      return <CoveragePage />;
    case 'plans':
      return <PlansPage />;
    case 'planNew':
      return <NewPlanPage />;
    case 'planImport':
      return <PlanImportPage />;
    case 'plan':
      return <PlanPage id={match.params.id ?? ''} />;
    case 'planEdit':
      return <EditPlanPage id={match.params.id ?? ''} />;
    case 'cases':
      return <CasesPage />;
    case 'caseNew':
      return <NewCasePage />;
    case 'case':
      return <CasePage id={match.params.id ?? ''} />;
    case 'referrals':
      return <ReferralsPage />;
    case 'referral':
      return <ReferralPage id={match.params.id ?? ''} />;
    case 'screening':
      return <ScreeningPage />;
    case 'releases':
      return <ReleasesPage />;
    case 'releaseNew':
      return <NewReleasePage />;
    case 'releaseBudgets':
      return <BudgetsPage />;
    case 'release':
      return <ReleasePage id={match.params.id ?? ''} />;
    case 'assistance':
      return <AssistancePage />;
    case 'commitments':
      return <CommitmentsPage />;
    case 'prevention':
      return <PreventionPage />;
    case 'knowledge':
      return <KnowledgePage />;
    case 'knowledgeNew':
      return <NewItemPage />;
    case 'knowledgeDrafts':
      return <KnowledgeDraftsPage />;
    case 'knowledgeItem':
      return <ItemPage id={match.params.id ?? ''} />;
    case 'knowledgeEdit':
      return <EditItemPage id={match.params.id ?? ''} />;
    case 'intermediaries':
      return <IntermediariesPage />;
    case 'intermediaryImport':
      return <IntermediaryImportPage />;
    case 'intermediary':
      return <AgencyPage id={match.params.id ?? ''} />;
    default:
      return <NotFoundPage />;
  }
}

/** The page at the address, or why the reader cannot see it: never a blank page. */
function CurrentPage(props: { pathname: string }): ReactNode {
  const { t } = useI18n();
  const session = useSession();
  const match = matchRoute(props.pathname, ROUTES);
  if (!match) return <NotFoundPage />;
  const route = ROUTES.find((candidate) => candidate.name === match.name);
  const access = route?.access ?? { kind: 'everyone' };
  if (access.kind !== 'everyone' && session.status === 'loading') {
    return (
      <article>
        <PageHeading>{t('access.checking')}</PageHeading>
        <Loading />
      </article>
    );
  }
  const verdict = pageVerdict(access, session.me);
  if (verdict === 'sign_in') return <SignInRequiredPage pathname={props.pathname} />;
  if (verdict === 'forbidden') return <ForbiddenPage roles={rolesForAccess(access)} />;
  return <PageFor match={match} />;
}

function NavList(props: { items: NavItem[]; pathname: string }) {
  const { t } = useI18n();
  return (
    <ul>
      {props.items.map((item) => (
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
  );
}

function MainNavigation(props: { pathname: string }) {
  const { t } = useI18n();
  const { me } = useSession();
  const items = navItemsFor(me);
  const oversight = items.filter((item) => item.group === 'oversight');
  return (
    <nav className="main-nav" aria-label={t('app.mainNavigation')}>
      <NavList items={items.filter((item) => item.group === 'main')} pathname={props.pathname} />
      {oversight.length > 0 ? (
        <div className="nav-group">
          <NavList items={oversight} pathname={props.pathname} />
        </div>
      ) : null}
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
        <div className="header-tools">
          <LanguageSwitcher />
          <UserMenu />
        </div>
      </header>
      <SecondFactorBanner />
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
