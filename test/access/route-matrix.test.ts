// Every route declares an action, and each role gets exactly the access this table expects, on both databases.
// The table is written out by hand on purpose: it is the specification the policy module is checked against.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../src/access/policy.js';
import { type DemoRole, demoEmail, type Session, startTestApp, type TestApp } from '../support/app.js';
import { TEST_ENGINES } from '../support/databases.js';

type Who = 'anyone' | 'signed_in' | readonly DemoRole[];
type Context = { org: Record<string, string>; editorId: string; role: string };
type Probe = {
  route: string;
  method: string;
  url: (ctx: Context) => string;
  body?: (ctx: Context) => unknown;
  allowed: Who;
};

const ROLES: readonly DemoRole[] = [
  'admin',
  'coordinator',
  'org_admin',
  'editor',
  'case_manager',
  'case_worker',
  'analyst',
  'viewer',
];
const DENIAL_CODES = new Set(['unauthenticated', 'forbidden', 'second_factor_required', 'session_expired']);
const nobody = () => randomUUID();
const RELEASE_PREPARERS: readonly DemoRole[] = ['admin', 'coordinator', 'case_manager', 'analyst'];
/** A small invented file of one column, for the release routes. */
const ASSISTANCE_WRITERS: readonly DemoRole[] = ['admin', 'coordinator', 'org_admin', 'editor'];
/** An invented need for technical assistance, posted by each role allowed to. */
const PROBE_NEED = { country: 'KEN', pillar: 'protection', kind: 'training', title: 'Matrix probe need' };
/** Who draws up plans (their own organisation's) and reports on measures. */
const PLAN_WRITERS: readonly DemoRole[] = ['admin', 'coordinator', 'org_admin', 'editor'];
/** A plan coordinated by the organisation of the demo's organisation administrator and editor. */
const probePlan = (c: Context) => ({
  title: `Matrix probe ${c.role}`,
  scope: 'national',
  countries: ['KEN'],
  period: { start: '2026-01-01', end: '2026-12-31' },
  coordinatorOrganisationId: c.org.shelter,
});
/** Who writes drafts in the knowledge library (their own organisation's), and who reviews and publishes. */
const KNOWLEDGE_WRITERS: readonly DemoRole[] = ['admin', 'coordinator', 'org_admin', 'editor'];
const KNOWLEDGE_REVIEWERS: readonly DemoRole[] = ['admin', 'coordinator'];
/** An invented draft for the knowledge library. */
const PROBE_ITEM = { type: 'good_practice', language: 'en', title: 'Matrix probe practice' };
/** Who records the commitments their organisation signed, and an invented one. */
const COMMITMENT_WRITERS: readonly DemoRole[] = ['admin', 'coordinator', 'org_admin', 'editor'];
const PROBE_COMMITMENT = {
  code: 'employer_pays_principle',
  signedOn: '2025-01-01',
  undertaking: 'Matrix probe commitment',
};
const PROBE_FILE = { kind: 'file', fileName: 'probe.csv', content: 'gender\nFemale\nMale\nFemale\n' };

/** Who keeps the register of intermediaries: coordinators any agency, an issuing authority's editors its own. */
const REGISTER_KEEPERS: readonly DemoRole[] = ['admin', 'coordinator', 'org_admin', 'editor'];
const INSTALLATION_KEEPERS: readonly DemoRole[] = ['admin', 'coordinator'];
/** An invented agency, and a one-row register file naming another per role. */
const probeAgency = (c: Context, keeperOrganisationId: string | null) => ({
  name: `Matrix Probe Agency ${c.role}`,
  otherNames: [],
  kind: 'recruitment',
  country: 'PHL',
  address: null,
  registrationNumber: null,
  keeperOrganisationId,
});
const probeRegisterFile = (c: Context, keeperOrganisationId: string | null) => ({
  format: 'csv',
  fileName: 'register.csv',
  content: `agency_name,agency_kind,country,licence_number,issuing_authority,licence_status\nMatrix Probe Import ${c.role},recruitment,PHL,MP-${c.role}-${String(keeperOrganisationId).slice(0, 4)},Probe Authority,active\n`,
  keeperOrganisationId,
});

const PROBES: Probe[] = [
  { method: 'GET', route: '/api/health', url: () => '/api/health', allowed: 'anyone' },
  { method: 'GET', route: '/api/ready', url: () => '/api/ready', allowed: 'anyone' },
  { method: 'GET', route: '/api/openapi.json', url: () => '/api/openapi.json', allowed: 'anyone' },
  {
    method: 'GET',
    route: '/api/v1/reference/countries',
    url: () => '/api/v1/reference/countries',
    allowed: 'anyone',
  },
  {
    method: 'GET',
    route: '/api/v1/reference/regions',
    url: () => '/api/v1/reference/regions',
    allowed: 'anyone',
  },
  {
    method: 'GET',
    route: '/api/v1/reference/code-lists',
    url: () => '/api/v1/reference/code-lists',
    allowed: 'anyone',
  },
  {
    method: 'GET',
    route: '/api/v1/reference/code-lists/:name',
    url: () => '/api/v1/reference/code-lists/pillar',
    allowed: 'anyone',
  },
  {
    method: 'POST',
    route: '/api/v1/auth/sign-in',
    url: () => '/api/v1/auth/sign-in',
    body: () => ({ email: 'nobody@example.org', password: 'not-the-password-at-all' }),
    allowed: 'anyone',
  },
  { method: 'GET', route: '/api/v1/me', url: () => '/api/v1/me', allowed: 'signed_in' },
  {
    method: 'GET',
    route: '/api/v1/account/sessions',
    url: () => '/api/v1/account/sessions',
    allowed: 'signed_in',
  },
  {
    method: 'GET',
    route: '/api/v1/account/tokens',
    url: () => '/api/v1/account/tokens',
    allowed: 'signed_in',
  },
  {
    method: 'POST',
    route: '/api/v1/account/tokens',
    url: () => '/api/v1/account/tokens',
    body: () => ({ name: 'matrix probe', roles: ['viewer'], expiresInDays: 1, currentPassword: 'wrong' }),
    allowed: 'signed_in',
  },
  {
    method: 'DELETE',
    route: '/api/v1/account/tokens/:id',
    url: () => `/api/v1/account/tokens/${nobody()}`,
    allowed: 'signed_in',
  },
  {
    method: 'POST',
    route: '/api/v1/account/password',
    url: () => '/api/v1/account/password',
    body: () => ({ currentPassword: 'not-the-current-one', newPassword: 'a brand new passphrase here' }),
    allowed: 'signed_in',
  },
  {
    method: 'POST',
    route: '/api/v1/account/totp/setup',
    url: () => '/api/v1/account/totp/setup',
    body: () => ({ currentPassword: 'not-the-password' }),
    allowed: 'signed_in',
  },
  {
    method: 'POST',
    route: '/api/v1/account/totp/enable',
    url: () => '/api/v1/account/totp/enable',
    body: () => ({ code: '000000' }),
    allowed: 'signed_in',
  },
  {
    method: 'POST',
    route: '/api/v1/account/totp/disable',
    url: () => '/api/v1/account/totp/disable',
    body: () => ({ password: 'not-the-password', code: '000000' }),
    allowed: 'signed_in',
  },
  { method: 'GET', route: '/api/v1/organisations/', url: () => '/api/v1/organisations', allowed: 'anyone' },
  {
    method: 'GET',
    route: '/api/v1/organisations/:id',
    url: (c) => `/api/v1/organisations/${c.org.shelter}`,
    allowed: 'anyone',
  },
  {
    method: 'POST',
    route: '/api/v1/organisations/',
    url: () => '/api/v1/organisations',
    body: (c) => ({ name: `Matrix probe organisation ${c.role}`, actorType: 'ngo' }),
    allowed: ['admin', 'coordinator'],
  },
  {
    method: 'PATCH',
    route: '/api/v1/organisations/:id',
    url: (c) => `/api/v1/organisations/${c.org.shelter}`,
    body: () => ({ acronym: 'SHSN' }),
    allowed: ['admin', 'coordinator', 'org_admin'],
  },
  {
    method: 'PATCH',
    route: '/api/v1/organisations/:id',
    url: (c) => `/api/v1/organisations/${c.org.legal}`,
    body: () => ({ acronym: 'RLAC' }),
    allowed: ['admin', 'coordinator'],
  },
  {
    method: 'GET',
    route: '/api/v1/organisations/:id/members',
    url: (c) => `/api/v1/organisations/${c.org.shelter}/members`,
    allowed: ['admin', 'coordinator', 'org_admin'],
  },
  {
    method: 'GET',
    route: '/api/v1/organisations/:id/members',
    url: (c) => `/api/v1/organisations/${c.org.legal}/members`,
    allowed: ['admin', 'coordinator'],
  },
  {
    method: 'POST',
    route: '/api/v1/organisations/:id/members',
    url: (c) => `/api/v1/organisations/${c.org.shelter}/members`,
    body: (c) => ({ email: `probe.${c.role}@example.org`, displayName: `Probe ${c.role}`, role: 'viewer' }),
    allowed: ['admin', 'org_admin'],
  },
  {
    method: 'POST',
    route: '/api/v1/organisations/:id/members',
    url: (c) => `/api/v1/organisations/${c.org.legal}/members`,
    body: (c) => ({
      email: `probe.legal.${c.role}@example.org`,
      displayName: `Probe ${c.role}`,
      role: 'viewer',
    }),
    allowed: ['admin'],
  },
  {
    method: 'PATCH',
    route: '/api/v1/organisations/:id/members/:userId',
    url: (c) => `/api/v1/organisations/${c.org.shelter}/members/${c.editorId}`,
    body: () => ({ role: 'editor' }),
    allowed: ['admin', 'org_admin'],
  },
  {
    method: 'DELETE',
    route: '/api/v1/organisations/:id/members/:userId',
    url: (c) => `/api/v1/organisations/${c.org.shelter}/members/${nobody()}`,
    allowed: ['admin', 'org_admin'],
  },
  {
    method: 'GET',
    route: '/api/v1/audit/',
    url: () => '/api/v1/audit?limit=5',
    allowed: ['admin', 'coordinator', 'org_admin'],
  },
  {
    method: 'GET',
    route: '/api/v1/cases/',
    url: () => '/api/v1/cases',
    allowed: ['case_manager', 'case_worker'],
  },
  {
    method: 'POST',
    route: '/api/v1/cases/',
    url: () => '/api/v1/cases',
    body: (c) => ({ organisationId: c.org.shelter, facts: { sex: 'female' } }),
    allowed: ['case_manager', 'case_worker'],
  },
  {
    method: 'POST',
    route: '/api/v1/cases/',
    url: () => '/api/v1/cases',
    body: (c) => ({ organisationId: c.org.legal }),
    allowed: [],
  },
  {
    method: 'GET',
    route: '/api/v1/cases/export/htcds',
    url: () => '/api/v1/cases/export/htcds?format=xlsx',
    allowed: ['case_manager'],
  },
  {
    method: 'GET',
    route: '/api/v1/cases/export/htcds',
    url: (c) => `/api/v1/cases/export/htcds?organisationId=${c.org.legal}`,
    allowed: [],
  },
  {
    method: 'GET',
    route: '/api/v1/cases/export/microdata.csv',
    url: () => '/api/v1/cases/export/microdata.csv',
    allowed: ['case_manager'],
  },
  {
    method: 'GET',
    route: '/api/v1/cases/:id',
    url: () => `/api/v1/cases/${nobody()}`,
    allowed: ['case_manager', 'case_worker'],
  },
  {
    method: 'PATCH',
    route: '/api/v1/cases/:id',
    url: () => `/api/v1/cases/${nobody()}`,
    body: () => ({ version: 1, status: 'FollowUp' }),
    allowed: ['case_manager', 'case_worker'],
  },
  {
    method: 'GET',
    route: '/api/v1/cases/:id/staff',
    url: () => `/api/v1/cases/${nobody()}/staff`,
    allowed: ['case_manager'],
  },
  {
    method: 'PUT',
    route: '/api/v1/cases/:id/workers/:userId',
    url: (c) => `/api/v1/cases/${nobody()}/workers/${c.editorId}`,
    allowed: ['case_manager'],
  },
  {
    method: 'DELETE',
    route: '/api/v1/cases/:id/workers/:userId',
    url: (c) => `/api/v1/cases/${nobody()}/workers/${c.editorId}`,
    allowed: ['case_manager'],
  },
  {
    method: 'GET',
    route: '/api/v1/cases/:id/person',
    url: () => `/api/v1/cases/${nobody()}/person`,
    allowed: ['case_manager', 'case_worker'],
  },
  {
    method: 'PUT',
    route: '/api/v1/cases/:id/person',
    url: () => `/api/v1/cases/${nobody()}/person`,
    body: () => ({ version: 0, person: { dateOfBirth: null } }),
    allowed: ['case_manager', 'case_worker'],
  },
  {
    method: 'GET',
    route: '/api/v1/cases/:id/screenings',
    url: () => `/api/v1/cases/${nobody()}/screenings`,
    allowed: ['case_manager', 'case_worker'],
  },
  {
    method: 'POST',
    route: '/api/v1/cases/:id/screenings',
    url: () => `/api/v1/cases/${nobody()}/screenings`,
    body: () => ({ answers: {} }),
    allowed: ['case_manager', 'case_worker'],
  },
  {
    method: 'GET',
    route: '/api/v1/cases/:id/screenings/:screeningId',
    url: () => `/api/v1/cases/${nobody()}/screenings/${nobody()}`,
    allowed: ['case_manager', 'case_worker'],
  },
  {
    method: 'GET',
    route: '/api/v1/cases/:id/consents',
    url: () => `/api/v1/cases/${nobody()}/consents`,
    allowed: ['case_manager', 'case_worker'],
  },
  {
    method: 'POST',
    route: '/api/v1/cases/:id/consents',
    url: () => `/api/v1/cases/${nobody()}/consents`,
    body: () => ({ purpose: 'statistics', decision: 'given' }),
    allowed: ['case_manager', 'case_worker'],
  },
  {
    method: 'GET',
    route: '/api/v1/cases/:id/history',
    url: () => `/api/v1/cases/${nobody()}/history`,
    allowed: ['case_manager', 'case_worker'],
  },
  {
    method: 'GET',
    route: '/api/v1/cases/:id/referrals',
    url: () => `/api/v1/cases/${nobody()}/referrals`,
    allowed: ['case_manager', 'case_worker'],
  },
  {
    method: 'POST',
    route: '/api/v1/cases/:id/referrals',
    url: () => `/api/v1/cases/${nobody()}/referrals`,
    body: (c) => ({ toOrganisationId: c.org.legal, service: 'legal_aid' }),
    allowed: ['case_manager', 'case_worker'],
  },
  {
    method: 'GET',
    route: '/api/v1/cases/:id/services',
    url: () => `/api/v1/cases/${nobody()}/services`,
    allowed: ['case_manager', 'case_worker'],
  },
  {
    method: 'POST',
    route: '/api/v1/cases/:id/services',
    url: () => `/api/v1/cases/${nobody()}/services`,
    body: () => ({ category: 'food', deliveredOn: '2026-03-01' }),
    allowed: ['case_manager', 'case_worker'],
  },
  {
    method: 'GET',
    route: '/api/v1/cases/:id/plan',
    url: () => `/api/v1/cases/${nobody()}/plan`,
    allowed: ['case_manager', 'case_worker'],
  },
  {
    method: 'PUT',
    route: '/api/v1/cases/:id/plan',
    url: () => `/api/v1/cases/${nobody()}/plan`,
    body: () => ({ version: 0, goals: [] }),
    allowed: ['case_manager', 'case_worker'],
  },
  {
    method: 'POST',
    route: '/api/v1/cases/:id/closure',
    url: () => `/api/v1/cases/${nobody()}/closure`,
    body: () => ({ version: 1, reason: 'goals_met' }),
    allowed: ['case_manager', 'case_worker'],
  },
  {
    method: 'POST',
    route: '/api/v1/cases/:id/reopening',
    url: () => `/api/v1/cases/${nobody()}/reopening`,
    body: () => ({ version: 1, reason: 'new_needs' }),
    allowed: ['case_manager', 'case_worker'],
  },
  {
    method: 'GET',
    route: '/api/v1/cases/:id/status-history',
    url: () => `/api/v1/cases/${nobody()}/status-history`,
    allowed: ['case_manager', 'case_worker'],
  },
  {
    method: 'GET',
    route: '/api/v1/cases/:id/duplicates',
    url: () => `/api/v1/cases/${nobody()}/duplicates`,
    allowed: ['case_manager', 'case_worker'],
  },
  {
    method: 'GET',
    route: '/api/v1/cases/:id/files',
    url: () => `/api/v1/cases/${nobody()}/files`,
    allowed: ['case_manager', 'case_worker'],
  },
  {
    method: 'POST',
    route: '/api/v1/cases/:id/files',
    url: () => `/api/v1/cases/${nobody()}/files`,
    body: () => ({ kind: 'photo', fileName: 'probe.png', content: 'iVBORw0KGgo=' }),
    allowed: ['case_manager', 'case_worker'],
  },
  {
    method: 'GET',
    route: '/api/v1/cases/:id/files/:fileId',
    url: () => `/api/v1/cases/${nobody()}/files/${nobody()}`,
    allowed: ['case_manager', 'case_worker'],
  },
  {
    method: 'GET',
    route: '/api/v1/referrals/',
    url: () => '/api/v1/referrals?box=sent',
    allowed: ['case_manager', 'case_worker'],
  },
  {
    method: 'GET',
    route: '/api/v1/referrals/:id',
    url: () => `/api/v1/referrals/${nobody()}`,
    allowed: ['case_manager', 'case_worker'],
  },
  {
    method: 'POST',
    route: '/api/v1/referrals/:id/status',
    url: () => `/api/v1/referrals/${nobody()}/status`,
    body: () => ({ status: 'accepted', version: 1 }),
    allowed: ['case_manager', 'case_worker'],
  },
  {
    method: 'POST',
    route: '/api/v1/referrals/:id/package',
    url: () => `/api/v1/referrals/${nobody()}/package`,
    body: () => ({ partnerId: nobody() }),
    allowed: ['case_manager', 'case_worker'],
  },
  {
    method: 'GET',
    route: '/api/v1/exchange/identity',
    url: () => '/api/v1/exchange/identity',
    allowed: 'signed_in',
  },
  {
    method: 'GET',
    route: '/api/v1/exchange/partners',
    url: () => '/api/v1/exchange/partners',
    allowed: 'signed_in',
  },
  {
    method: 'POST',
    route: '/api/v1/exchange/partners',
    url: () => '/api/v1/exchange/partners',
    body: () => ({
      name: 'Probe partner',
      signingPublicKey: 'x'.repeat(44),
      agreementPublicKey: 'y'.repeat(44),
    }),
    allowed: ['admin', 'coordinator'],
  },
  {
    method: 'POST',
    route: '/api/v1/exchange/packages',
    url: (c) => `/api/v1/exchange/packages?organisationId=${c.org.shelter}`,
    body: () => ({ header: {} }),
    allowed: ['case_manager', 'case_worker'],
  },
  {
    method: 'GET',
    route: '/api/v1/screening/questions',
    url: () => '/api/v1/screening/questions?lang=fr',
    allowed: 'signed_in',
  },
  {
    method: 'POST',
    route: '/api/v1/screening/',
    url: () => '/api/v1/screening',
    body: () => ({ answers: {} }),
    allowed: 'signed_in',
  },
  { method: 'GET', route: '/api/v1/break-glass/', url: () => '/api/v1/break-glass', allowed: 'signed_in' },
  {
    method: 'POST',
    route: '/api/v1/break-glass/',
    url: () => '/api/v1/break-glass',
    body: (c) => ({
      resourceType: 'organisation',
      resourceId: c.org.legal,
      reason: 'Matrix probe: checking who works on a referral tonight',
      hours: 1,
    }),
    allowed: ['case_manager', 'case_worker'],
  },
  {
    method: 'POST',
    route: '/api/v1/break-glass/:id/acknowledge',
    url: () => `/api/v1/break-glass/${nobody()}/acknowledge`,
    allowed: ['admin', 'org_admin', 'case_manager'],
  },
  {
    method: 'POST',
    route: '/api/v1/break-glass/:id/approve',
    url: () => `/api/v1/break-glass/${nobody()}/approve`,
    allowed: ['coordinator', 'org_admin', 'case_manager'],
  },
  {
    method: 'GET',
    route: '/api/v1/account/invitations',
    url: () => '/api/v1/account/invitations',
    allowed: 'signed_in',
  },
  {
    method: 'POST',
    route: '/api/v1/account/invitations/:id/answer',
    url: () => `/api/v1/account/invitations/${nobody()}/answer`,
    body: () => ({ answer: 'decline' }),
    allowed: 'signed_in',
  },
  {
    method: 'GET',
    route: '/api/v1/organisations/:id/invitations',
    url: (c) => `/api/v1/organisations/${c.org.shelter}/invitations`,
    allowed: ['admin', 'org_admin'],
  },
  {
    method: 'DELETE',
    route: '/api/v1/organisations/:id/invitations/:invitationId',
    url: (c) => `/api/v1/organisations/${c.org.shelter}/invitations/${nobody()}`,
    allowed: ['admin', 'org_admin'],
  },
  {
    method: 'POST',
    route: '/api/v1/break-glass/:id/revoke',
    url: () => `/api/v1/break-glass/${nobody()}/revoke`,
    body: () => ({ reason: 'matrix probe' }),
    allowed: ['admin', 'org_admin', 'case_manager'],
  },
  {
    method: 'GET',
    route: '/api/v1/organisations/similar',
    url: () => '/api/v1/organisations/similar?name=Safe%20Harbor%20Shelter%20Network',
    allowed: 'anyone',
  },
  {
    method: 'GET',
    route: '/api/v1/organisations/:id/focal-points',
    url: (c) => `/api/v1/organisations/${c.org.shelter}/focal-points`,
    allowed: 'anyone',
  },
  {
    method: 'POST',
    route: '/api/v1/organisations/:id/focal-points',
    url: (c) => `/api/v1/organisations/${c.org.shelter}/focal-points`,
    body: (c) => ({ name: `Probe focal point ${c.role}`, email: 'probe@example.org' }),
    allowed: ['admin', 'coordinator', 'org_admin'],
  },
  {
    method: 'POST',
    route: '/api/v1/organisations/:id/focal-points',
    url: (c) => `/api/v1/organisations/${c.org.legal}/focal-points`,
    body: (c) => ({ name: `Probe focal point ${c.role}` }),
    allowed: ['admin', 'coordinator'],
  },
  {
    method: 'PATCH',
    route: '/api/v1/organisations/:id/focal-points/:focalPointId',
    url: (c) => `/api/v1/organisations/${c.org.shelter}/focal-points/${nobody()}`,
    body: () => ({ position: 'Probe' }),
    allowed: ['admin', 'coordinator', 'org_admin'],
  },
  {
    method: 'DELETE',
    route: '/api/v1/organisations/:id/focal-points/:focalPointId',
    url: (c) => `/api/v1/organisations/${c.org.legal}/focal-points/${nobody()}`,
    allowed: ['admin', 'coordinator'],
  },
  { method: 'GET', route: '/api/v1/mechanisms/', url: () => '/api/v1/mechanisms', allowed: 'anyone' },
  {
    method: 'GET',
    route: '/api/v1/mechanisms/:id',
    url: () => `/api/v1/mechanisms/${nobody()}`,
    allowed: 'anyone',
  },
  {
    method: 'POST',
    route: '/api/v1/mechanisms/',
    url: () => '/api/v1/mechanisms',
    body: (c) => ({ name: `Probe working group ${c.role}`, kind: 'working_group', countries: ['KEN'] }),
    allowed: ['admin', 'coordinator'],
  },
  {
    method: 'PATCH',
    route: '/api/v1/mechanisms/:id',
    url: () => `/api/v1/mechanisms/${nobody()}`,
    body: () => ({ mandate: 'Probe' }),
    allowed: ['admin', 'coordinator'],
  },
  {
    method: 'PUT',
    route: '/api/v1/mechanisms/:id/members/:organisationId',
    url: (c) => `/api/v1/mechanisms/${nobody()}/members/${c.org.shelter}`,
    body: () => ({ role: 'member' }),
    allowed: ['admin', 'coordinator'],
  },
  {
    method: 'DELETE',
    route: '/api/v1/mechanisms/:id/members/:organisationId',
    url: (c) => `/api/v1/mechanisms/${nobody()}/members/${c.org.shelter}`,
    allowed: ['admin', 'coordinator'],
  },
  {
    method: 'GET',
    route: '/api/v1/mechanisms/:id/meetings',
    url: () => `/api/v1/mechanisms/${nobody()}/meetings`,
    allowed: 'anyone',
  },
  {
    method: 'POST',
    route: '/api/v1/mechanisms/:id/meetings',
    url: () => `/api/v1/mechanisms/${nobody()}/meetings`,
    body: () => ({ heldOn: '2026-03-01', title: 'Probe meeting' }),
    allowed: ['admin', 'coordinator'],
  },
  { method: 'GET', route: '/api/v1/activities/', url: () => '/api/v1/activities?limit=5', allowed: 'anyone' },
  {
    method: 'GET',
    route: '/api/v1/activities/columns',
    url: () => '/api/v1/activities/columns',
    allowed: 'anyone',
  },
  {
    method: 'GET',
    route: '/api/v1/activities/export',
    url: () => '/api/v1/activities/export?format=csv&country=TZA',
    allowed: 'anyone',
  },
  {
    method: 'POST',
    route: '/api/v1/activities/import',
    url: () => '/api/v1/activities/import?format=csv&dryRun=true',
    body: () => ({}),
    allowed: ['admin', 'coordinator', 'org_admin', 'editor'],
  },
  {
    method: 'GET',
    route: '/api/v1/activities/:id',
    url: () => `/api/v1/activities/${nobody()}`,
    allowed: 'anyone',
  },
  {
    method: 'GET',
    route: '/api/v1/activities/:id/versions',
    url: () => `/api/v1/activities/${nobody()}/versions`,
    allowed: 'anyone',
  },
  {
    method: 'POST',
    route: '/api/v1/activities/',
    url: () => '/api/v1/activities',
    body: (c) => ({
      identifier: `PROBE-SHELTER-${c.role}`,
      title: 'Matrix probe activity',
      leadOrganisationId: c.org.shelter,
      activityType: 'shelter',
      countries: [{ iso3: 'KEN', role: 'destination' }],
    }),
    allowed: ['admin', 'coordinator', 'org_admin', 'editor'],
  },
  {
    method: 'POST',
    route: '/api/v1/activities/',
    url: () => '/api/v1/activities',
    body: (c) => ({
      identifier: `PROBE-LEGAL-${c.role}`,
      title: 'Matrix probe activity',
      leadOrganisationId: c.org.legal,
      activityType: 'legal_aid',
      countries: [{ iso3: 'UGA', role: 'origin' }],
    }),
    allowed: ['admin', 'coordinator'],
  },
  {
    method: 'PATCH',
    route: '/api/v1/activities/:id',
    url: () => `/api/v1/activities/${nobody()}`,
    body: () => ({ title: 'Probe' }),
    allowed: ['admin', 'coordinator', 'org_admin', 'editor'],
  },
  {
    method: 'DELETE',
    route: '/api/v1/activities/:id',
    url: () => `/api/v1/activities/${nobody()}`,
    allowed: ['admin', 'coordinator', 'org_admin', 'editor'],
  },
  { method: 'GET', route: '/api/v1/coverage/', url: () => '/api/v1/coverage?country=KEN', allowed: 'anyone' },
  { method: 'GET', route: '/api/v1/overview/', url: () => '/api/v1/overview', allowed: 'anyone' },
  { method: 'GET', route: '/api/v1/import-jobs/', url: () => '/api/v1/import-jobs', allowed: 'signed_in' },
  {
    method: 'GET',
    route: '/api/v1/import-jobs/:id',
    url: () => `/api/v1/import-jobs/${nobody()}`,
    allowed: 'signed_in',
  },
  {
    method: 'GET',
    route: '/api/v1/coverage/matrix',
    url: () => '/api/v1/coverage/matrix',
    allowed: 'anyone',
  },
  {
    method: 'GET',
    route: '/api/v1/coverage/matrix.csv',
    url: () => '/api/v1/coverage/matrix.csv',
    allowed: 'anyone',
  },
  {
    method: 'GET',
    route: '/api/v1/coverage/findings',
    url: () => '/api/v1/coverage/findings',
    allowed: 'anyone',
  },
  {
    method: 'GET',
    route: '/api/v1/coverage/findings.csv',
    url: () => '/api/v1/coverage/findings.csv',
    allowed: 'anyone',
  },
  {
    method: 'GET',
    route: '/api/v1/coverage/countries/:iso3',
    url: () => '/api/v1/coverage/countries/KEN',
    allowed: 'anyone',
  },
  { method: 'GET', route: '/api/v1/coverage/needs', url: () => '/api/v1/coverage/needs', allowed: 'anyone' },
  {
    method: 'GET',
    route: '/api/v1/reports/countries/:iso3',
    url: () => '/api/v1/reports/countries/KEN',
    allowed: 'anyone',
  },
  {
    method: 'POST',
    route: '/api/v1/coverage/needs',
    url: () => '/api/v1/coverage/needs',
    body: () => ({ iso3: 'KEN', fromYear: 2026, toYear: 2026, level: 'low' }),
    allowed: ['admin', 'coordinator'],
  },
  {
    method: 'PATCH',
    route: '/api/v1/coverage/needs/:id',
    url: () => `/api/v1/coverage/needs/${nobody()}`,
    body: () => ({ level: 'high' }),
    allowed: ['admin', 'coordinator'],
  },
  {
    method: 'DELETE',
    route: '/api/v1/coverage/needs/:id',
    url: () => `/api/v1/coverage/needs/${nobody()}`,
    allowed: ['admin', 'coordinator'],
  },
  {
    method: 'GET',
    route: '/api/v1/statistics/releases',
    url: () => '/api/v1/statistics/releases',
    allowed: 'anyone',
  },
  {
    method: 'GET',
    route: '/api/v1/statistics/releases/:id',
    url: () => `/api/v1/statistics/releases/${nobody()}`,
    allowed: 'anyone',
  },
  {
    method: 'GET',
    route: '/api/v1/statistics/releases/:id/catalogue',
    url: () => `/api/v1/statistics/releases/${nobody()}/catalogue`,
    allowed: 'anyone',
  },
  {
    method: 'GET',
    route: '/api/v1/statistics/releases/:id/areas',
    url: () => `/api/v1/statistics/releases/${nobody()}/areas`,
    allowed: 'anyone',
  },
  {
    method: 'GET',
    route: '/api/v1/statistics/query',
    url: () => '/api/v1/statistics/query?indicator=Detected%20trafficking%20victims&by=sex',
    allowed: 'anyone',
  },
  {
    method: 'GET',
    route: '/api/v1/statistics/query.csv',
    url: () => '/api/v1/statistics/query.csv?indicator=Detected%20trafficking%20victims',
    allowed: 'anyone',
  },
  {
    method: 'GET',
    route: '/api/v1/statistics/shares',
    url: () => '/api/v1/statistics/shares?indicator=Detected%20trafficking%20victims&of=sex',
    allowed: 'anyone',
  },
  {
    method: 'GET',
    route: '/api/v1/statistics/trends',
    url: () => '/api/v1/statistics/trends?indicator=Detected%20trafficking%20victims&area=KEN',
    allowed: 'anyone',
  },
  {
    method: 'GET',
    route: '/api/v1/statistics/revisions',
    url: () => `/api/v1/statistics/revisions?from=${nobody()}&to=${nobody()}`,
    allowed: 'anyone',
  },
  {
    method: 'POST',
    route: '/api/v1/statistics/imports',
    url: () => '/api/v1/statistics/imports',
    body: () => ({
      source: 'glotip',
      fileName: 'probe.csv',
      content:
        'Iso3_code,Country,Indicator,Dimension,Category,Sex,Age,Year,Unit of measurement,txtVALUE,Source\nKEN,Kenya,Probe,Total,Total,Total,Total,2020,Counts,<5,probe\n',
      dryRun: true,
    }),
    allowed: ['admin', 'coordinator', 'analyst'],
  },
  { method: 'GET', route: '/api/v1/services/', url: () => '/api/v1/services?limit=5', allowed: 'anyone' },
  {
    method: 'GET',
    route: '/api/v1/services/export',
    url: () => '/api/v1/services/export?table=service',
    allowed: 'anyone',
  },
  {
    method: 'GET',
    route: '/api/v1/services/:id',
    url: () => `/api/v1/services/${nobody()}`,
    allowed: 'anyone',
  },
  {
    method: 'POST',
    route: '/api/v1/services/',
    url: () => '/api/v1/services',
    body: (c) => ({
      organisationId: c.org.shelter,
      provider: { name: 'Matrix probe provider' },
      name: `Matrix probe service ${c.role}`,
      category: 'food',
    }),
    allowed: ['admin', 'coordinator', 'org_admin', 'editor', 'case_manager'],
  },
  {
    method: 'POST',
    route: '/api/v1/services/',
    url: () => '/api/v1/services',
    body: (c) => ({
      organisationId: c.org.legal,
      provider: { name: 'Matrix probe provider' },
      name: `Matrix probe service ${c.role}`,
      category: 'food',
    }),
    allowed: ['admin', 'coordinator'],
  },
  {
    method: 'PATCH',
    route: '/api/v1/services/:id',
    url: () => `/api/v1/services/${nobody()}`,
    body: () => ({ version: 1, name: 'Probe' }),
    allowed: ['admin', 'coordinator', 'org_admin', 'editor', 'case_manager'],
  },
  {
    method: 'PUT',
    route: '/api/v1/services/:id/places',
    url: () => `/api/v1/services/${nobody()}/places`,
    body: () => ({ placesFree: 1 }),
    allowed: ['admin', 'coordinator', 'org_admin', 'editor', 'case_manager'],
  },
  {
    method: 'POST',
    route: '/api/v1/services/import',
    url: () => '/api/v1/services/import',
    body: (c) => ({
      organisationId: c.org.shelter,
      files: [{ name: 'service.csv', content: 'id\n' }],
      dryRun: true,
    }),
    allowed: ['admin', 'coordinator', 'org_admin', 'editor'],
  },
  {
    method: 'POST',
    route: '/api/v1/services/import',
    url: () => '/api/v1/services/import',
    body: (c) => ({
      organisationId: c.org.legal,
      files: [{ name: 'service.csv', content: 'id\n' }],
      dryRun: true,
    }),
    allowed: ['admin', 'coordinator'],
  },
  { method: 'GET', route: '/api/v1/releases/', url: () => '/api/v1/releases', allowed: 'anyone' },
  {
    method: 'GET',
    route: '/api/v1/releases/:id',
    url: () => `/api/v1/releases/${nobody()}`,
    allowed: 'anyone',
  },
  {
    method: 'GET',
    route: '/api/v1/releases/:id/data.csv',
    url: () => `/api/v1/releases/${nobody()}/data.csv`,
    allowed: 'anyone',
  },
  {
    method: 'GET',
    route: '/api/v1/releases/:id/report.html',
    url: () => `/api/v1/releases/${nobody()}/report.html`,
    allowed: 'anyone',
  },
  {
    method: 'GET',
    route: '/api/v1/releases/budgets',
    url: () => '/api/v1/releases/budgets',
    allowed: RELEASE_PREPARERS,
  },
  {
    method: 'PUT',
    route: '/api/v1/releases/budgets/:id',
    url: () => `/api/v1/releases/budgets/${nobody()}`,
    body: () => ({ totalRho: 1 }),
    allowed: ['admin', 'coordinator'],
  },
  {
    method: 'POST',
    route: '/api/v1/releases/inspect',
    url: () => '/api/v1/releases/inspect',
    body: () => ({ source: PROBE_FILE }),
    allowed: RELEASE_PREPARERS,
  },
  {
    method: 'POST',
    route: '/api/v1/releases/inspect',
    url: () => '/api/v1/releases/inspect',
    body: (c) => ({ source: { kind: 'cases', organisationId: c.org.shelter } }),
    allowed: ['case_manager'],
  },
  {
    method: 'POST',
    route: '/api/v1/releases/risk',
    url: () => '/api/v1/releases/risk',
    body: () => ({ source: PROBE_FILE, columns: [{ name: 'gender', role: 'quasi_identifier' }] }),
    allowed: RELEASE_PREPARERS,
  },
  {
    method: 'POST',
    route: '/api/v1/releases/',
    url: () => '/api/v1/releases',
    body: (c) => ({
      title: `Matrix probe ${c.role}`,
      source: PROBE_FILE,
      columns: [{ name: 'gender', role: 'quasi_identifier' }],
      method: { method: 'suppression', dimensions: ['gender'] },
    }),
    allowed: RELEASE_PREPARERS,
  },
  {
    method: 'POST',
    route: '/api/v1/releases/:id/publication',
    url: () => `/api/v1/releases/${nobody()}/publication`,
    body: () => ({ version: 1 }),
    allowed: ['admin', 'coordinator', 'case_manager'],
  },
  {
    method: 'POST',
    route: '/api/v1/releases/:id/withdrawal',
    url: () => `/api/v1/releases/${nobody()}/withdrawal`,
    body: () => ({ version: 1 }),
    allowed: ['admin', 'coordinator', 'case_manager'],
  },
  {
    method: 'DELETE',
    route: '/api/v1/releases/:id',
    url: () => `/api/v1/releases/${nobody()}?version=1`,
    allowed: RELEASE_PREPARERS,
  },
  { method: 'GET', route: '/api/v1/plans/', url: () => '/api/v1/plans', allowed: 'signed_in' },
  {
    method: 'POST',
    route: '/api/v1/plans/',
    url: () => '/api/v1/plans',
    body: (c) => probePlan(c),
    allowed: PLAN_WRITERS,
  },
  { method: 'GET', route: '/api/v1/plans/:id', url: () => `/api/v1/plans/${nobody()}`, allowed: 'signed_in' },
  {
    method: 'PUT',
    route: '/api/v1/plans/:id',
    url: () => `/api/v1/plans/${nobody()}`,
    body: (c) => ({ ...probePlan(c), version: 1 }),
    allowed: PLAN_WRITERS,
  },
  {
    method: 'DELETE',
    route: '/api/v1/plans/:id',
    url: () => `/api/v1/plans/${nobody()}`,
    allowed: PLAN_WRITERS,
  },
  {
    method: 'GET',
    route: '/api/v1/plans/:id/dashboard',
    url: () => `/api/v1/plans/${nobody()}/dashboard`,
    allowed: 'signed_in',
  },
  {
    method: 'GET',
    route: '/api/v1/plans/:id/results',
    url: () => `/api/v1/plans/${nobody()}/results`,
    allowed: 'signed_in',
  },
  {
    method: 'GET',
    route: '/api/v1/plans/:id/report.html',
    url: () => `/api/v1/plans/${nobody()}/report.html`,
    allowed: 'signed_in',
  },
  {
    method: 'GET',
    route: '/api/v1/plans/:id/report.pdf',
    url: () => `/api/v1/plans/${nobody()}/report.pdf`,
    allowed: 'signed_in',
  },
  {
    method: 'POST',
    route: '/api/v1/plans/:id/results',
    url: () => `/api/v1/plans/${nobody()}/results`,
    body: () => ({ format: 'csv', fileName: 'probe.csv', content: 'x\n' }),
    allowed: PLAN_WRITERS,
  },
  {
    method: 'POST',
    route: '/api/v1/plans/imports/preview',
    url: () => '/api/v1/plans/imports/preview',
    body: () => ({ format: 'csv', fileName: 'probe.csv', content: 'measure,indicator\nProbe,Probe\n' }),
    allowed: PLAN_WRITERS,
  },
  {
    method: 'POST',
    route: '/api/v1/plans/imports',
    url: () => '/api/v1/plans/imports',
    // A mapping that leaves the objective without a pillar: refused whole, so nothing is written.
    body: (c) => ({
      format: 'csv',
      fileName: 'probe.csv',
      content: 'measure,indicator\nProbe,Probe\n',
      mapping: { coordinatorOrganisationId: c.org.shelter, objectives: [] },
    }),
    allowed: PLAN_WRITERS,
  },
  {
    method: 'POST',
    route: '/api/v1/plans/:id/indicators/:indicatorId/reports',
    url: () => `/api/v1/plans/${nobody()}/indicators/${nobody()}/reports`,
    body: () => ({ start: '2026-01-01', end: '2026-06-30', value: 1, status: 'on_track' }),
    allowed: PLAN_WRITERS,
  },
  {
    method: 'POST',
    route: '/api/v1/plans/:id/reports/:reportId/approval',
    url: () => `/api/v1/plans/${nobody()}/reports/${nobody()}/approval`,
    allowed: PLAN_WRITERS,
  },
  {
    method: 'DELETE',
    route: '/api/v1/plans/:id/reports/:reportId',
    url: () => `/api/v1/plans/${nobody()}/reports/${nobody()}`,
    allowed: PLAN_WRITERS,
  },
  {
    method: 'POST',
    route: '/api/v1/plans/:id/indicators/refresh',
    url: () => `/api/v1/plans/${nobody()}/indicators/refresh`,
    allowed: PLAN_WRITERS,
  },
  {
    method: 'PUT',
    route: '/api/v1/plans/:id/measures/:measureId/status',
    url: () => `/api/v1/plans/${nobody()}/measures/${nobody()}/status`,
    body: () => ({ status: 'completed' }),
    allowed: PLAN_WRITERS,
  },
  {
    method: 'GET',
    route: '/api/v1/assistance/needs',
    url: () => '/api/v1/assistance/needs',
    allowed: 'signed_in',
  },
  {
    method: 'GET',
    route: '/api/v1/assistance/needs/:id',
    url: () => `/api/v1/assistance/needs/${nobody()}`,
    allowed: 'signed_in',
  },
  {
    method: 'GET',
    route: '/api/v1/assistance/needs/:id/suggestions',
    url: () => `/api/v1/assistance/needs/${nobody()}/suggestions`,
    allowed: 'signed_in',
  },
  {
    method: 'POST',
    route: '/api/v1/assistance/needs',
    url: () => '/api/v1/assistance/needs',
    body: (c) => ({ ...PROBE_NEED, organisationId: c.org.shelter }),
    allowed: ASSISTANCE_WRITERS,
  },
  {
    method: 'POST',
    route: '/api/v1/assistance/needs',
    url: () => '/api/v1/assistance/needs',
    body: (c) => ({ ...PROBE_NEED, organisationId: c.org.legal }),
    allowed: ['admin', 'coordinator'],
  },
  {
    method: 'POST',
    route: '/api/v1/assistance/needs/:id/suggestions/:offerId/acceptance',
    url: () => `/api/v1/assistance/needs/${nobody()}/suggestions/${nobody()}/acceptance`,
    body: () => ({}),
    allowed: ASSISTANCE_WRITERS,
  },
  {
    method: 'POST',
    route: '/api/v1/assistance/needs/:id/suggestions/:offerId/refusal',
    url: () => `/api/v1/assistance/needs/${nobody()}/suggestions/${nobody()}/refusal`,
    body: () => ({}),
    allowed: ASSISTANCE_WRITERS,
  },
  {
    method: 'POST',
    route: '/api/v1/assistance/needs/:id/delivery',
    url: () => `/api/v1/assistance/needs/${nobody()}/delivery`,
    allowed: ASSISTANCE_WRITERS,
  },
  {
    method: 'POST',
    route: '/api/v1/assistance/needs/:id/withdrawal',
    url: () => `/api/v1/assistance/needs/${nobody()}/withdrawal`,
    allowed: ASSISTANCE_WRITERS,
  },
  {
    method: 'GET',
    route: '/api/v1/assistance/offers',
    url: () => '/api/v1/assistance/offers',
    allowed: 'signed_in',
  },
  {
    method: 'POST',
    route: '/api/v1/assistance/offers',
    url: () => '/api/v1/assistance/offers',
    body: (c) => ({
      organisationId: c.org.shelter,
      title: 'Matrix probe offer',
      pillars: ['protection'],
      kinds: ['training'],
    }),
    allowed: ASSISTANCE_WRITERS,
  },
  {
    method: 'POST',
    route: '/api/v1/assistance/offers/:id/withdrawal',
    url: () => `/api/v1/assistance/offers/${nobody()}/withdrawal`,
    allowed: ASSISTANCE_WRITERS,
  },
  {
    method: 'GET',
    route: '/api/v1/knowledge/items',
    url: () => '/api/v1/knowledge/items?q=probe',
    allowed: 'anyone',
  },
  {
    method: 'POST',
    route: '/api/v1/knowledge/items',
    url: () => '/api/v1/knowledge/items',
    body: (c) => ({ ...PROBE_ITEM, organisationId: c.org.shelter }),
    allowed: KNOWLEDGE_WRITERS,
  },
  {
    method: 'POST',
    route: '/api/v1/knowledge/items',
    url: () => '/api/v1/knowledge/items',
    body: (c) => ({ ...PROBE_ITEM, organisationId: c.org.legal }),
    allowed: KNOWLEDGE_REVIEWERS,
  },
  {
    method: 'GET',
    route: '/api/v1/knowledge/items/:id',
    url: () => `/api/v1/knowledge/items/${nobody()}`,
    allowed: 'anyone',
  },
  {
    method: 'PUT',
    route: '/api/v1/knowledge/items/:id',
    url: () => `/api/v1/knowledge/items/${nobody()}`,
    body: () => ({ ...PROBE_ITEM, version: 1 }),
    allowed: KNOWLEDGE_WRITERS,
  },
  {
    method: 'POST',
    route: '/api/v1/knowledge/items/:id/review',
    url: () => `/api/v1/knowledge/items/${nobody()}/review`,
    body: () => ({ version: 1 }),
    allowed: KNOWLEDGE_REVIEWERS,
  },
  {
    method: 'POST',
    route: '/api/v1/knowledge/items/:id/publication',
    url: () => `/api/v1/knowledge/items/${nobody()}/publication`,
    body: () => ({ version: 1 }),
    allowed: KNOWLEDGE_REVIEWERS,
  },
  {
    method: 'POST',
    route: '/api/v1/knowledge/items/:id/return-to-draft',
    url: () => `/api/v1/knowledge/items/${nobody()}/return-to-draft`,
    body: () => ({ version: 1 }),
    allowed: KNOWLEDGE_WRITERS,
  },
  {
    method: 'GET',
    route: '/api/v1/knowledge/items/:id/similar',
    url: () => `/api/v1/knowledge/items/${nobody()}/similar`,
    allowed: 'anyone',
  },
  {
    method: 'POST',
    route: '/api/v1/knowledge/items/:id/attachments',
    url: () => `/api/v1/knowledge/items/${nobody()}/attachments`,
    body: () => ({ fileName: 'probe.pdf', content: Buffer.from('%PDF-1.4 probe').toString('base64') }),
    allowed: KNOWLEDGE_WRITERS,
  },
  {
    method: 'GET',
    route: '/api/v1/knowledge/items/:id/attachments/:attachmentId',
    url: () => `/api/v1/knowledge/items/${nobody()}/attachments/${nobody()}`,
    allowed: 'anyone',
  },
  {
    method: 'DELETE',
    route: '/api/v1/knowledge/items/:id/attachments/:attachmentId',
    url: () => `/api/v1/knowledge/items/${nobody()}/attachments/${nobody()}`,
    allowed: KNOWLEDGE_WRITERS,
  },
  {
    method: 'GET',
    route: '/api/v1/commitments',
    url: () => '/api/v1/commitments?country=KEN',
    allowed: 'anyone',
  },
  {
    method: 'GET',
    route: '/api/v1/commitments/:id',
    url: () => `/api/v1/commitments/${nobody()}`,
    allowed: 'anyone',
  },
  {
    method: 'POST',
    route: '/api/v1/commitments',
    url: () => '/api/v1/commitments',
    body: (c) => ({ ...PROBE_COMMITMENT, organisationId: c.org.shelter }),
    allowed: COMMITMENT_WRITERS,
  },
  {
    method: 'POST',
    route: '/api/v1/commitments',
    url: () => '/api/v1/commitments',
    body: (c) => ({ ...PROBE_COMMITMENT, organisationId: c.org.legal }),
    allowed: ['admin', 'coordinator'],
  },
  {
    method: 'PATCH',
    route: '/api/v1/commitments/:id',
    url: () => `/api/v1/commitments/${nobody()}`,
    body: () => ({ status: 'lapsed' }),
    allowed: COMMITMENT_WRITERS,
  },
  {
    method: 'POST',
    route: '/api/v1/commitments/:id/progress',
    url: () => `/api/v1/commitments/${nobody()}/progress`,
    body: () => ({ reportedOn: '2025-06-01', summary: 'Matrix probe report' }),
    allowed: COMMITMENT_WRITERS,
  },
  {
    method: 'POST',
    route: '/api/v1/offer-check',
    url: () => '/api/v1/offer-check',
    body: () => ({ language: 'en', answers: { fee_charged: 'yes' } }),
    allowed: 'anyone',
  },
  {
    method: 'GET',
    route: '/api/v1/offer-check/questionnaire',
    url: () => '/api/v1/offer-check/questionnaire?lang=ar',
    allowed: 'anyone',
  },
  {
    method: 'POST',
    route: '/api/v1/offer-check/reports',
    url: () => '/api/v1/offer-check/reports',
    body: () => ({ language: 'en', destinationCountry: 'GBR', flags: ['recruitment_fee'] }),
    allowed: 'anyone',
  },
  {
    method: 'GET',
    route: '/api/v1/offer-check/reports/counts',
    url: () => '/api/v1/offer-check/reports/counts',
    allowed: ['admin', 'coordinator'],
  },
  {
    method: 'GET',
    route: '/api/v1/intermediaries/',
    url: () => '/api/v1/intermediaries?name=probe&lang=ar',
    allowed: 'anyone',
  },
  {
    method: 'GET',
    route: '/api/v1/intermediaries/:id',
    url: () => `/api/v1/intermediaries/${nobody()}`,
    allowed: 'anyone',
  },
  {
    method: 'POST',
    route: '/api/v1/intermediaries/',
    url: () => '/api/v1/intermediaries',
    body: (c) => probeAgency(c, null),
    allowed: INSTALLATION_KEEPERS,
  },
  {
    method: 'POST',
    route: '/api/v1/intermediaries/',
    url: () => '/api/v1/intermediaries',
    body: (c) => probeAgency(c, c.org.shelter ?? null),
    allowed: REGISTER_KEEPERS,
  },
  {
    method: 'POST',
    route: '/api/v1/intermediaries/',
    url: () => '/api/v1/intermediaries',
    body: (c) => probeAgency(c, c.org.legal ?? null),
    allowed: INSTALLATION_KEEPERS,
  },
  {
    method: 'PUT',
    route: '/api/v1/intermediaries/:id',
    url: () => `/api/v1/intermediaries/${nobody()}`,
    body: (c) => ({ ...probeAgency(c, null), version: 1 }),
    allowed: REGISTER_KEEPERS,
  },
  {
    method: 'PUT',
    route: '/api/v1/intermediaries/:id/licences',
    url: () => `/api/v1/intermediaries/${nobody()}/licences`,
    body: () => ({
      number: 'MP-1',
      issuingAuthority: 'Probe Authority',
      status: 'active',
      validFrom: null,
      validUntil: null,
      statusSince: null,
      statusUntil: null,
    }),
    allowed: REGISTER_KEEPERS,
  },
  {
    method: 'POST',
    route: '/api/v1/intermediaries/:id/inspections',
    url: () => `/api/v1/intermediaries/${nobody()}/inspections`,
    body: () => ({ date: '2026-01-01', outcome: 'compliant', authority: null }),
    allowed: REGISTER_KEEPERS,
  },
  {
    method: 'POST',
    route: '/api/v1/intermediaries/:id/complaints',
    url: () => `/api/v1/intermediaries/${nobody()}/complaints`,
    body: () => ({ receivedOn: '2026-01-01', category: 'fees', status: 'received' }),
    allowed: REGISTER_KEEPERS,
  },
  {
    method: 'POST',
    route: '/api/v1/intermediaries/:id/sanctions',
    url: () => `/api/v1/intermediaries/${nobody()}/sanctions`,
    body: () => ({ imposedOn: '2026-01-01', kind: 'fine', until: null, authority: null }),
    allowed: REGISTER_KEEPERS,
  },
  {
    method: 'POST',
    route: '/api/v1/intermediaries/:id/referral-links',
    url: () => `/api/v1/intermediaries/${nobody()}/referral-links`,
    body: () => ({ referralId: nobody() }),
    allowed: ['case_manager', 'case_worker'],
  },
  {
    method: 'POST',
    route: '/api/v1/intermediaries/imports/preview',
    url: () => '/api/v1/intermediaries/imports/preview',
    body: (c) => probeRegisterFile(c, null),
    allowed: REGISTER_KEEPERS,
  },
  {
    method: 'POST',
    route: '/api/v1/intermediaries/imports',
    url: () => '/api/v1/intermediaries/imports',
    body: (c) => probeRegisterFile(c, null),
    allowed: INSTALLATION_KEEPERS,
  },
  {
    method: 'POST',
    route: '/api/v1/intermediaries/imports',
    url: () => '/api/v1/intermediaries/imports',
    body: (c) => probeRegisterFile(c, c.org.shelter ?? null),
    allowed: REGISTER_KEEPERS,
  },
  // Last: it ends the session the other probes use.
  {
    method: 'POST',
    route: '/api/v1/auth/sign-out',
    url: () => '/api/v1/auth/sign-out',
    body: () => ({}),
    allowed: 'signed_in',
  },
];

function expectedAllowed(who: Who, role: DemoRole | 'anonymous'): boolean {
  if (who === 'anyone') return true;
  if (role === 'anonymous') return false;
  return who === 'signed_in' || who.includes(role);
}

describe.each(TEST_ENGINES)('access on $name', (engine) => {
  let t: TestApp;
  const sessions = new Map<DemoRole, Session>();
  let context: Omit<Context, 'role'>;

  beforeAll(async () => {
    t = await startTestApp(engine);
    for (const role of ROLES) sessions.set(role, await t.signInAs(demoEmail(role)));
    context = { org: t.organisationIds, editorId: sessions.get('editor')?.userId ?? '' };
  });
  afterAll(() => t?.close());

  it('declares a known action on every API route', () => {
    const apiRoutes = t.app.routeTable.filter(
      (route) => route.url.startsWith('/api/') && !route.url.startsWith('/api/docs'),
    );
    expect(apiRoutes.length).toBeGreaterThan(25);
    for (const route of apiRoutes) {
      expect(route.action, `${route.method} ${route.url}`).not.toBeNull();
      expect(Object.keys(ACTIONS), `${route.method} ${route.url}`).toContain(route.action);
    }
  });

  it('has a matrix row for every API route, so a new route cannot skip this test', () => {
    const key = (method: string, url: string) => `${method} ${url.replace(/\/$/, '')}`;
    const probed = new Set(PROBES.map((probe) => key(probe.method, probe.route)));
    const missing = t.app.routeTable
      .filter((route) => route.url.startsWith('/api/') && !route.url.startsWith('/api/docs'))
      .map((route) => key(route.method, route.url))
      .filter((key) => !probed.has(key));
    expect(missing).toEqual([]);
  });

  it.each(['anonymous', ...ROLES] as const)(
    'gives %s exactly the expected access',
    async (role) => {
      const session = role === 'anonymous' ? null : (sessions.get(role) ?? null);
      const outcomes: string[] = [];
      for (const probe of PROBES) {
        const ctx = { ...context, role };
        const reply = await t.as(session, probe.method, probe.url(ctx), probe.body?.(ctx));
        const code = reply.statusCode >= 400 ? (reply.json() as { code?: string }).code : undefined;
        const wasAllowed = !DENIAL_CODES.has(code ?? '');
        expect(reply.statusCode, `${role} ${probe.method} ${probe.url(ctx)}: ${reply.body}`).toBeLessThan(
          500,
        );
        if (wasAllowed !== expectedAllowed(probe.allowed, role))
          outcomes.push(`${probe.method} ${probe.url(ctx)} → ${reply.statusCode} ${code ?? ''}`);
        if (!wasAllowed) expect(reply.statusCode).toBe(role === 'anonymous' ? 401 : 403);
      }
      expect(outcomes, `unexpected access for ${role}`).toEqual([]);
      // Some two hundred requests in a row, writes among them: seconds alone, much longer on a busy machine.
    },
    120_000,
  );
});
