// The app's pages: their addresses, who may open them, and which of them the main navigation lists.
import type { Me } from '../access/schemas.js';
import type { MessageKey } from './i18n/messages.js';
import { type PageAccess, pageVerdict } from './session/permissions.js';

export type RouteName =
  | 'home'
  | 'partners'
  | 'partner'
  | 'services'
  | 'activities'
  | 'activityNew'
  | 'activityImport'
  | 'activity'
  | 'activityEdit'
  | 'coverage'
  | 'plans'
  | 'planNew'
  | 'planImport'
  | 'plan'
  | 'planEdit'
  | 'statistics'
  | 'statisticsCountry'
  | 'cases'
  | 'caseNew'
  | 'case'
  | 'referrals'
  | 'referral'
  | 'screening'
  | 'releases'
  | 'releaseNew'
  | 'releaseBudgets'
  | 'release'
  | 'assistance'
  | 'commitments'
  | 'knowledge'
  | 'knowledgeNew'
  | 'knowledgeDrafts'
  | 'knowledgeItem'
  | 'knowledgeEdit'
  | 'prevention'
  | 'intermediaries'
  | 'intermediaryImport'
  | 'intermediary'
  | 'reference'
  | 'referenceCountries'
  | 'referenceList'
  | 'signIn'
  | 'profile'
  | 'administration'
  | 'organisation'
  | 'audit'
  | 'breakGlass';

const EVERYONE: PageAccess = { kind: 'everyone' };
const SIGNED_IN: PageAccess = { kind: 'signed_in' };
/** Organisations and their members: administrators, coordinators (read-only) and organisation administrators. */
const ADMINISTRATION: PageAccess = { kind: 'actions', actions: ['users.read', 'organisations.create'] };
const ACTIVITY_WRITERS: PageAccess = { kind: 'actions', actions: ['activities.write'] };
const PLAN_WRITERS: PageAccess = { kind: 'actions', actions: ['plans.write'] };
const KNOWLEDGE_WRITERS: PageAccess = { kind: 'actions', actions: ['knowledge.write'] };
/** People who work on cases: cases, referrals, and the screening wizard in their navigation. */
const CASE_STAFF: PageAccess = { kind: 'roles', roles: ['case_manager', 'case_worker'] };

export type RouteDefinition = { name: RouteName; pattern: string; access: PageAccess };

export const ROUTES: readonly RouteDefinition[] = [
  { name: 'home', pattern: '/', access: EVERYONE },
  { name: 'partners', pattern: '/partners', access: EVERYONE },
  { name: 'partner', pattern: '/partners/:id', access: EVERYONE },
  // The public sees the services their providers list publicly; partners see all of them.
  { name: 'services', pattern: '/services', access: EVERYONE },
  // The API shows visitors who are not signed in the published activities (and coverage of those) only.
  { name: 'activities', pattern: '/activities', access: EVERYONE },
  // Before '/activities/:id': the first matching pattern wins.
  { name: 'activityNew', pattern: '/activities/new', access: ACTIVITY_WRITERS },
  { name: 'activityImport', pattern: '/activities/import', access: ACTIVITY_WRITERS },
  { name: 'activity', pattern: '/activities/:id', access: EVERYONE },
  { name: 'activityEdit', pattern: '/activities/:id/edit', access: ACTIVITY_WRITERS },
  { name: 'coverage', pattern: '/coverage', access: EVERYONE },
  // Plans of action are read by anyone signed in; those who may draw one up for their organisation write.
  { name: 'plans', pattern: '/plans', access: SIGNED_IN },
  // Before '/plans/:id': the first matching pattern wins.
  { name: 'planNew', pattern: '/plans/new', access: PLAN_WRITERS },
  { name: 'planImport', pattern: '/plans/import', access: PLAN_WRITERS },
  { name: 'plan', pattern: '/plans/:id', access: SIGNED_IN },
  { name: 'planEdit', pattern: '/plans/:id/edit', access: PLAN_WRITERS },
  // Official figures are public.
  { name: 'statistics', pattern: '/statistics', access: EVERYONE },
  { name: 'statisticsCountry', pattern: '/statistics/countries/:iso3', access: EVERYONE },
  // Cases hold victims' personal data: only the case roles will work with them.
  { name: 'cases', pattern: '/cases', access: CASE_STAFF },
  // Before '/cases/:id': the first matching pattern wins.
  { name: 'caseNew', pattern: '/cases/new', access: CASE_STAFF },
  { name: 'case', pattern: '/cases/:id', access: CASE_STAFF },
  { name: 'referrals', pattern: '/referrals', access: { kind: 'actions', actions: ['referrals.read'] } },
  { name: 'referral', pattern: '/referrals/:id', access: { kind: 'actions', actions: ['referrals.open'] } },
  // The API screens for anyone signed in (nothing is stored); the navigation offers it to case staff.
  { name: 'screening', pattern: '/screening', access: { kind: 'actions', actions: ['screening.run'] } },
  // Published releases are public downloads; the API adds the drafts of those who prepare them.
  { name: 'releases', pattern: '/releases', access: EVERYONE },
  // Before '/releases/:id': the first matching pattern wins.
  {
    name: 'releaseNew',
    pattern: '/releases/new',
    access: { kind: 'actions', actions: ['releases.prepare', 'releases.prepare_from_cases'] },
  },
  // The API shows budgets to those who may prepare releases: they are the ones spending them.
  {
    name: 'releaseBudgets',
    pattern: '/releases/budgets',
    access: { kind: 'actions', actions: ['releases.prepare'] },
  },
  { name: 'release', pattern: '/releases/:id', access: EVERYONE },
  // Needs and offers of technical assistance are shared among the partners, not published.
  { name: 'assistance', pattern: '/assistance', access: SIGNED_IN },
  // The library is public (the API shows visitors the published items); partners write and review drafts.
  // Published commitments are public; a signatory's editors and coordinators see and change drafts too.
  { name: 'commitments', pattern: '/commitments', access: EVERYONE },
  { name: 'knowledge', pattern: '/knowledge', access: EVERYONE },
  // Before '/knowledge/:id': the first matching pattern wins.
  { name: 'knowledgeNew', pattern: '/knowledge/new', access: KNOWLEDGE_WRITERS },
  {
    name: 'knowledgeDrafts',
    pattern: '/knowledge/drafts',
    access: { kind: 'actions', actions: ['knowledge.write', 'knowledge.review'] },
  },
  { name: 'knowledgeItem', pattern: '/knowledge/:id', access: EVERYONE },
  { name: 'knowledgeEdit', pattern: '/knowledge/:id/edit', access: KNOWLEDGE_WRITERS },
  // Prevention for people going abroad is public; the counts of reports on it are for coordinators.
  { name: 'prevention', pattern: '/prevention', access: EVERYONE },
  // The register of intermediaries is public: anyone checks an agency before paying or signing anything.
  { name: 'intermediaries', pattern: '/intermediaries', access: EVERYONE },
  // Before '/intermediaries/:id': the first matching pattern wins.
  {
    name: 'intermediaryImport',
    pattern: '/intermediaries/import',
    access: { kind: 'actions', actions: ['intermediaries.import'] },
  },
  { name: 'intermediary', pattern: '/intermediaries/:id', access: EVERYONE },
  { name: 'reference', pattern: '/reference', access: EVERYONE },
  { name: 'referenceCountries', pattern: '/reference/countries', access: EVERYONE },
  { name: 'referenceList', pattern: '/reference/lists/:name', access: EVERYONE },
  { name: 'signIn', pattern: '/sign-in', access: EVERYONE },
  { name: 'profile', pattern: '/profile', access: SIGNED_IN },
  { name: 'administration', pattern: '/admin', access: ADMINISTRATION },
  { name: 'organisation', pattern: '/admin/organisations/:id', access: ADMINISTRATION },
  { name: 'audit', pattern: '/audit', access: { kind: 'actions', actions: ['audit.read'] } },
  {
    name: 'breakGlass',
    pattern: '/break-glass',
    access: { kind: 'actions', actions: ['break_glass.request', 'break_glass.review'] },
  },
];

export function routeAccess(name: RouteName): PageAccess {
  return ROUTES.find((route) => route.name === name)?.access ?? EVERYONE;
}

/** 'main' lists the capabilities; 'oversight' the access-control pages, shown apart below them. */
export type NavItem = {
  path: string;
  label: MessageKey;
  route: RouteName;
  group: 'main' | 'oversight';
  /** Shown only to visitors who are not signed in (the sign-in link). */
  anonymousOnly?: boolean;
  /** Listed only for these people, when fewer than those who may open the page. */
  listedFor?: PageAccess;
};

/**
 * In the order of the response: who, what and where, the plans that steer it, figures, cases, reference.
 * Capabilities not built yet are not listed: navigation shows only what works.
 */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: 'nav.home', route: 'home', group: 'main' },
  { path: '/partners', label: 'nav.partners', route: 'partners', group: 'main' },
  { path: '/services', label: 'nav.services', route: 'services', group: 'main' },
  { path: '/activities', label: 'nav.activities', route: 'activities', group: 'main' },
  { path: '/plans', label: 'nav.plans', route: 'plans', group: 'main' },
  { path: '/statistics', label: 'nav.statistics', route: 'statistics', group: 'main' },
  { path: '/releases', label: 'nav.releases', route: 'releases', group: 'main' },
  { path: '/knowledge', label: 'nav.knowledge', route: 'knowledge', group: 'main' },
  { path: '/prevention', label: 'nav.prevention', route: 'prevention', group: 'main' },
  { path: '/intermediaries', label: 'nav.intermediaries', route: 'intermediaries', group: 'main' },
  { path: '/assistance', label: 'nav.assistance', route: 'assistance', group: 'main' },
  { path: '/commitments', label: 'nav.commitments', route: 'commitments', group: 'main' },
  { path: '/cases', label: 'nav.cases', route: 'cases', group: 'main' },
  { path: '/referrals', label: 'nav.referrals', route: 'referrals', group: 'main' },
  { path: '/screening', label: 'nav.screening', route: 'screening', group: 'main', listedFor: CASE_STAFF },
  { path: '/reference', label: 'nav.reference', route: 'reference', group: 'main' },
  { path: '/break-glass', label: 'nav.breakGlass', route: 'breakGlass', group: 'oversight' },
  { path: '/admin', label: 'nav.administration', route: 'administration', group: 'oversight' },
  { path: '/audit', label: 'nav.audit', route: 'audit', group: 'oversight' },
  { path: '/sign-in', label: 'nav.signIn', route: 'signIn', group: 'oversight', anonymousOnly: true },
];

/** The navigation a person sees: the pages their roles open, and "Sign in" until they have. */
export function navItemsFor(me: Me | null): NavItem[] {
  return NAV_ITEMS.filter((item) =>
    item.anonymousOnly
      ? me === null
      : pageVerdict(routeAccess(item.route), me) === 'allowed' &&
        (!item.listedFor || pageVerdict(item.listedFor, me) === 'allowed'),
  );
}

/** Whether a navigation item stands for the current page (Reference covers its sub-pages). */
export function isCurrentSection(itemPath: string, pathname: string): boolean {
  if (itemPath === '/') return pathname === '/';
  return pathname === itemPath || pathname.startsWith(`${itemPath}/`);
}
