// The navigation each role sees follows the access policy: nothing offered that the API would refuse.
import { describe, expect, it } from 'vitest';
import type { Role } from '../access/schema.js';
import type { Me } from '../access/schemas.js';
import { navItemsFor, ROUTES, routeAccess } from './routes.js';
import { pageVerdict } from './session/permissions.js';

function meWith(role: Role, options: { verified?: boolean } = {}): Me {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    email: `${role}@example.org`,
    displayName: role,
    memberships: [
      { organisationId: '00000000-0000-4000-8000-0000000000aa', organisationName: 'Org', role, team: null },
    ],
    secondFactor: { enabled: false, verified: options.verified ?? false, required: false },
    via: 'session',
    csrfToken: 'token',
  };
}

const labels = (me: Me | null) => navItemsFor(me).map((item) => item.label.replace('nav.', ''));
// Releases, the knowledge library, prevention (the register of intermediaries, published commitments) are
// public; plans and technical assistance are read by anyone signed in.
const COMMON = [
  'home',
  'partners',
  'services',
  'activities',
  'plans',
  'statistics',
  'releases',
  'knowledge',
  'prevention',
  'intermediaries',
  'assistance',
  'commitments',
  'reference',
];
/** Case staff also get the cases, after the statistics. */
const CASE_STAFF = [
  'home',
  'partners',
  'services',
  'activities',
  'plans',
  'statistics',
  'releases',
  'knowledge',
  'prevention',
  'intermediaries',
  'assistance',
  'commitments',
  'cases',
  'referrals',
  'screening',
  'reference',
];

describe('navigation by role', () => {
  it('offers visitors who are not signed in only the public pages and sign-in', () => {
    expect(labels(null)).toEqual([
      'home',
      'partners',
      'services',
      'activities',
      'statistics',
      'releases',
      'knowledge',
      'prevention',
      'intermediaries',
      'commitments',
      'reference',
      'signIn',
    ]);
  });

  it.each<[Role, string[]]>([
    ['admin', [...COMMON, 'breakGlass', 'administration', 'audit']],
    ['coordinator', [...COMMON, 'administration', 'audit']],
    ['org_admin', [...COMMON, 'breakGlass', 'administration', 'audit']],
    ['editor', COMMON],
    ['case_manager', [...CASE_STAFF, 'breakGlass']],
    ['case_worker', [...CASE_STAFF, 'breakGlass']],
    ['analyst', COMMON],
    ['viewer', COMMON],
  ])('offers a %s exactly the pages of the role', (role, expected) => {
    expect(labels(meWith(role))).toEqual(expected);
  });

  it('keeps break-glass reachable for a case worker before the second factor is verified', () => {
    expect(pageVerdict(routeAccess('breakGlass'), meWith('case_worker', { verified: false }))).toBe(
      'allowed',
    );
  });
});

describe('page access', () => {
  it('asks visitors to sign in for a signed-in page, and refuses a role that may not open it', () => {
    expect(pageVerdict(routeAccess('profile'), null)).toBe('sign_in');
    expect(pageVerdict(routeAccess('audit'), meWith('viewer'))).toBe('forbidden');
    expect(pageVerdict(routeAccess('administration'), meWith('analyst'))).toBe('forbidden');
    expect(pageVerdict(routeAccess('administration'), meWith('coordinator'))).toBe('allowed');
  });

  it('lets anyone signed in screen, without listing the screening for those who do not work on cases', () => {
    expect(pageVerdict(routeAccess('screening'), meWith('editor'))).toBe('allowed');
    expect(pageVerdict(routeAccess('screening'), null)).toBe('sign_in');
    expect(pageVerdict(routeAccess('referrals'), meWith('editor'))).toBe('forbidden');
    expect(pageVerdict(routeAccess('referral'), meWith('case_worker'))).toBe('allowed');
  });

  it('lets anyone signed in read plans, and only those who may draw one up open the editor', () => {
    expect(pageVerdict(routeAccess('plans'), null)).toBe('sign_in');
    expect(pageVerdict(routeAccess('plan'), meWith('viewer'))).toBe('allowed');
    expect(pageVerdict(routeAccess('planNew'), meWith('viewer'))).toBe('forbidden');
    expect(pageVerdict(routeAccess('planEdit'), meWith('analyst'))).toBe('forbidden');
    expect(pageVerdict(routeAccess('planNew'), meWith('editor'))).toBe('allowed');
    expect(pageVerdict(routeAccess('planEdit'), meWith('coordinator'))).toBe('allowed');
  });

  it('opens the agency look-up to everyone, and the register import only to those who may import', () => {
    expect(pageVerdict(routeAccess('intermediaries'), null)).toBe('allowed');
    expect(pageVerdict(routeAccess('intermediary'), null)).toBe('allowed');
    expect(pageVerdict(routeAccess('intermediaryImport'), meWith('coordinator'))).toBe('allowed');
    expect(pageVerdict(routeAccess('intermediaryImport'), meWith('viewer'))).not.toBe('allowed');
  });

  it('opens the library to everyone, and its editor only to those who may write for an organisation', () => {
    expect(pageVerdict(routeAccess('knowledge'), null)).toBe('allowed');
    expect(pageVerdict(routeAccess('knowledgeItem'), null)).toBe('allowed');
    expect(pageVerdict(routeAccess('knowledgeNew'), null)).toBe('sign_in');
    expect(pageVerdict(routeAccess('knowledgeNew'), meWith('viewer'))).toBe('forbidden');
    expect(pageVerdict(routeAccess('knowledgeEdit'), meWith('editor'))).toBe('allowed');
    expect(pageVerdict(routeAccess('knowledgeDrafts'), meWith('analyst'))).toBe('forbidden');
    expect(pageVerdict(routeAccess('knowledgeDrafts'), meWith('coordinator'))).toBe('allowed');
  });

  it('declares each route once', () => {
    const names = ROUTES.map((route) => route.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
