// The app's pages: their addresses, and which of them the main navigation lists.
import type { MessageKey } from './i18n/messages.js';

export type RouteName =
  | 'home'
  | 'partners'
  | 'activities'
  | 'plans'
  | 'statistics'
  | 'cases'
  | 'releases'
  | 'knowledge'
  | 'prevention'
  | 'reference'
  | 'referenceCountries'
  | 'referenceList';

export const ROUTES: readonly { name: RouteName; pattern: string }[] = [
  { name: 'home', pattern: '/' },
  { name: 'partners', pattern: '/partners' },
  { name: 'activities', pattern: '/activities' },
  { name: 'plans', pattern: '/plans' },
  { name: 'statistics', pattern: '/statistics' },
  { name: 'cases', pattern: '/cases' },
  { name: 'releases', pattern: '/releases' },
  { name: 'knowledge', pattern: '/knowledge' },
  { name: 'prevention', pattern: '/prevention' },
  { name: 'reference', pattern: '/reference' },
  { name: 'referenceCountries', pattern: '/reference/countries' },
  { name: 'referenceList', pattern: '/reference/lists/:name' },
];

export type NavItem = { path: string; label: MessageKey };

/** In the order of the response: who, what and where, plans, figures, people, sharing, learning. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: 'nav.home' },
  { path: '/partners', label: 'nav.partners' },
  { path: '/activities', label: 'nav.activities' },
  { path: '/plans', label: 'nav.plans' },
  { path: '/statistics', label: 'nav.statistics' },
  { path: '/cases', label: 'nav.cases' },
  { path: '/releases', label: 'nav.releases' },
  { path: '/knowledge', label: 'nav.knowledge' },
  { path: '/prevention', label: 'nav.prevention' },
  { path: '/reference', label: 'nav.reference' },
];

/** Capabilities whose pages are not built yet; each has a title and a description message. */
export const PLANNED = {
  partners: { title: 'nav.partners', description: 'planned.partners' },
  activities: { title: 'nav.activities', description: 'planned.activities' },
  plans: { title: 'nav.plans', description: 'planned.plans' },
  statistics: { title: 'nav.statistics', description: 'planned.statistics' },
  cases: { title: 'nav.cases', description: 'planned.cases' },
  releases: { title: 'nav.releases', description: 'planned.releases' },
  knowledge: { title: 'nav.knowledge', description: 'planned.knowledge' },
  prevention: { title: 'nav.prevention', description: 'planned.prevention' },
} as const satisfies Partial<Record<RouteName, { title: MessageKey; description: MessageKey }>>;

export type PlannedRoute = keyof typeof PLANNED;

export function isPlannedRoute(name: RouteName): name is PlannedRoute {
  return name in PLANNED;
}

/** Whether a navigation item stands for the current page (Reference covers its sub-pages). */
export function isCurrentSection(itemPath: string, pathname: string): boolean {
  if (itemPath === '/') return pathname === '/';
  return pathname === itemPath || pathname.startsWith(`${itemPath}/`);
}
