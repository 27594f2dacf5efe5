// The access policy: (who, action, resource) → allow or deny, with the reason. Pure; no I/O.
import type { Role } from './schema.js';

export type Membership = { organisationId: string; role: Role };

export type Principal =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: string;
      memberships: readonly Membership[];
      /** How the request was authenticated; tokens never carry a second factor. */
      via: 'session' | 'token' | 'cli';
      /** True once a TOTP code was checked in this session. */
      secondFactor: boolean;
    };

/** The record an action touches, when the route knows it. */
export type Resource = {
  organisationId?: string | null;
  /** The user a personal resource belongs to (a profile, a token). */
  ownerUserId?: string | null;
  /** The requester holds an unexpired break-glass grant on this record. */
  breakGlassActive?: boolean;
};

type Audience =
  | { who: 'anyone' }
  | { who: 'signed_in' }
  /** Members holding one of the roles; `own_organisation` limits them to their organisations' records. */
  | { who: 'roles'; roles: readonly Role[]; scope: 'installation' | 'own_organisation' };

export type ActionRule = Audience & {
  /** Touches victims' personal data: needs a second factor, never a token. */
  personalData?: boolean;
  /** Reads of this action are recorded in the audit trail. */
  auditReads?: boolean;
  /**
   * Manages the account itself (credentials, sessions): only from a signed-in session, never with an
   * API token, so that a leaked token cannot lock the owner out or outlive its own revocation.
   */
  sessionOnly?: boolean;
  /** A break-glass grant on the record opens this action to a user outside the usual scope. */
  breakGlass?: boolean;
  description: string;
};

/** Roles that see everything that is not personal data, in every organisation. */
const INSTALLATION_ROLES: readonly Role[] = ['admin', 'coordinator'];
/** Roles whose holders must have a second factor, because their work touches personal data. */
export const SECOND_FACTOR_ROLES: readonly Role[] = ['case_manager', 'case_worker'];

export const ACTIONS = {
  'public.read': { who: 'anyone', description: 'Read what is published: health, API documents' },
  'reference.read': { who: 'anyone', description: 'Read countries, M49 areas and code lists' },
  'auth.sign_in': { who: 'anyone', description: 'Sign in with email, password and second factor' },
  'offer_check.use': {
    who: 'anyone',
    description: 'Check a job offer against the warning signs, anonymously; nothing is stored',
  },
  'offer_check.report': {
    who: 'anyone',
    description: 'Send an anonymous report of a job offer, when the person checking it chooses to',
  },
  'offer_check.reports_read': {
    who: 'roles',
    roles: ['admin', 'coordinator'],
    scope: 'installation',
    description: 'Read the counts of anonymous job-offer reports',
  },
  'auth.sign_out': {
    who: 'signed_in',
    sessionOnly: true,
    description: 'End this session or all of them',
  },
  'account.read': { who: 'signed_in', description: 'Read one’s own profile and roles' },
  'account.credentials_read': {
    who: 'signed_in',
    sessionOnly: true,
    description: 'List one’s own sessions and API tokens',
  },
  'account.update': {
    who: 'signed_in',
    sessionOnly: true,
    description: 'Change one’s own password, second factor and tokens',
  },
  'organisations.read': { who: 'anyone', description: 'Read the directory of partner organisations' },
  'organisations.create': {
    who: 'roles',
    roles: ['admin', 'coordinator'],
    scope: 'installation',
    description: 'Register a partner organisation',
  },
  'organisations.update': {
    who: 'roles',
    roles: ['admin', 'coordinator', 'org_admin'],
    scope: 'own_organisation',
    description: 'Change an organisation’s profile',
  },
  'mechanisms.read': {
    who: 'anyone',
    description: 'Read coordination mechanisms, their members and meetings',
  },
  'mechanisms.write': {
    who: 'roles',
    roles: ['admin', 'coordinator'],
    scope: 'installation',
    description: 'Record coordination mechanisms, their members and meetings',
  },
  'activities.read': {
    who: 'anyone',
    description: 'Read the 4W register: the public sees published activities, signed-in partners all of them',
  },
  'activities.write': {
    who: 'roles',
    roles: ['admin', 'coordinator', 'org_admin', 'editor'],
    scope: 'own_organisation',
    description: 'Record, change, import and remove activities led by one’s organisation',
  },
  'coverage.read': {
    who: 'anyone',
    description: 'Read the coverage matrix, gaps, overlaps and country coordination profiles',
  },
  'needs.write': {
    who: 'roles',
    roles: ['admin', 'coordinator'],
    scope: 'installation',
    description: 'Record the need per country that coverage is measured against',
  },
  'users.read': {
    who: 'roles',
    roles: ['admin', 'coordinator', 'org_admin'],
    scope: 'own_organisation',
    auditReads: true,
    description: 'List the users and roles of an organisation (never opened by break-glass)',
  },
  'users.manage': {
    who: 'roles',
    roles: ['admin', 'org_admin'],
    scope: 'own_organisation',
    description: 'Invite users, change their roles, disable them',
  },
  'audit.read': {
    who: 'roles',
    roles: ['admin', 'coordinator', 'org_admin'],
    scope: 'own_organisation',
    description: 'Browse the audit trail',
  },
  'overview.read': {
    who: 'anyone',
    description: 'Read the start page: activities and partners by country, and one’s own work and tasks',
  },
  'statistics.read': {
    who: 'anyone',
    description: 'Read official statistics: releases, figures, shares, trends and revisions',
  },
  'statistics.import': {
    who: 'roles',
    roles: ['admin', 'coordinator', 'analyst'],
    scope: 'installation',
    description: 'Import a release of official statistics from a publisher’s file',
  },
  'import_jobs.read': {
    who: 'signed_in',
    description:
      'Follow one’s own imports running in the background: progress, report or problem (administrators and coordinators see every import)',
  },
  'cases.read': {
    who: 'roles',
    roles: ['case_manager', 'case_worker'],
    scope: 'own_organisation',
    personalData: true,
    breakGlass: true,
    description:
      'Read victims’ cases by code, never by name: case workers the cases assigned to them, case managers their organisation’s',
  },
  'cases.write': {
    who: 'roles',
    roles: ['case_manager', 'case_worker'],
    scope: 'own_organisation',
    personalData: true,
    breakGlass: true,
    description: 'Open a case for one’s organisation and record its facts, screening and status',
  },
  'cases.assign': {
    who: 'roles',
    roles: ['case_manager'],
    scope: 'own_organisation',
    personalData: true,
    description: 'Assign and unassign the case workers of one’s organisation’s cases',
  },
  'case_history.read': {
    who: 'roles',
    roles: ['case_manager', 'case_worker'],
    scope: 'own_organisation',
    personalData: true,
    breakGlass: true,
    description:
      'Read what happened to a case, from the audit trail: who opened, changed, screened, referred it or its person record, and when',
  },
  'cases.export': {
    who: 'roles',
    roles: ['case_manager'],
    scope: 'own_organisation',
    personalData: true,
    auditReads: true,
    description:
      'Export one’s organisation’s cases in the HTCDS layout (JSON or spreadsheet): codes and non-identifying facts, never the person record; every export is audited',
  },
  'cases.export_microdata': {
    who: 'roles',
    roles: ['case_manager'],
    scope: 'own_organisation',
    personalData: true,
    auditReads: true,
    description:
      'Export de-identified microdata (CTDC layout) of one’s organisation’s cases whose person consented to statistics or research; every export is audited',
  },
  'cases.duplicates': {
    who: 'roles',
    roles: ['case_manager', 'case_worker'],
    scope: 'own_organisation',
    personalData: true,
    auditReads: true,
    breakGlass: true,
    description:
      'Ask whether another organisation may hold the same person (by keyed hashes, never names): every check is audited',
  },
  'persons.read': {
    who: 'roles',
    roles: ['case_manager', 'case_worker'],
    scope: 'own_organisation',
    personalData: true,
    auditReads: true,
    breakGlass: true,
    description: 'Open the person record of a case (names, contacts, documents): every opening is audited',
  },
  'persons.write': {
    who: 'roles',
    roles: ['case_manager', 'case_worker'],
    scope: 'own_organisation',
    personalData: true,
    breakGlass: true,
    description: 'Record or change the personal data of a case, sealed at rest',
  },
  'referrals.read': {
    who: 'roles',
    roles: ['case_manager', 'case_worker'],
    scope: 'own_organisation',
    personalData: true,
    description:
      'See the referrals one’s organisation received (the inbox) and sent, with overdue ones flagged',
  },
  'referrals.open': {
    who: 'roles',
    roles: ['case_manager', 'case_worker'],
    scope: 'own_organisation',
    personalData: true,
    auditReads: true,
    description:
      'Open a referral: the receiver sees the fields its service needs while it is open and consented; every opening is audited',
  },
  'referrals.write': {
    who: 'roles',
    roles: ['case_manager', 'case_worker'],
    scope: 'own_organisation',
    personalData: true,
    breakGlass: true,
    description:
      'Refer a case to another organisation (with the person’s consent, or a case manager’s audited override), and accept, decline, progress, complete or close referrals',
  },
  'exchange.read': {
    who: 'signed_in',
    description: 'See this installation’s public keys and the partner installations in other countries',
  },
  'exchange.manage': {
    who: 'roles',
    roles: ['admin', 'coordinator'],
    scope: 'installation',
    description: 'Register a partner installation in another country by its public keys',
  },
  'exchange.import': {
    who: 'roles',
    roles: ['case_manager', 'case_worker'],
    scope: 'own_organisation',
    personalData: true,
    description: 'Receive a cross-border referral package as a case of one’s organisation',
  },
  'services.read': {
    who: 'anyone',
    description:
      'Read the service directory: the public sees the services their providers list publicly, signed-in partners all of them; a shelter’s address is never public',
  },
  'services.read_shelter_addresses': {
    who: 'roles',
    roles: ['case_manager', 'case_worker'],
    scope: 'installation',
    personalData: true,
    description:
      'See where shelters are, to refer a person there (the staff of the organisation holding a shelter’s record see its address too)',
  },
  'services.write': {
    who: 'roles',
    roles: ['admin', 'coordinator', 'org_admin', 'editor', 'case_manager'],
    scope: 'own_organisation',
    description:
      'Record and change the services one’s organisation keeps in the directory, and their places free',
  },
  'services.import': {
    who: 'roles',
    roles: ['admin', 'coordinator', 'org_admin', 'editor'],
    scope: 'own_organisation',
    description: 'Import services in the Open Referral HSDS layout for one’s organisation to keep',
  },
  'releases.read': {
    who: 'anyone',
    description:
      'Read and download published releases: safe count tables and synthetic data, with their parameters and reports',
  },
  'reports.read': {
    who: 'anyone',
    description:
      'Read country reports joining partners, activities, gaps and overlaps, official figures and plans’ progress: each reader sees only what they may (the public, published activities only)',
  },
  'releases.prepare': {
    who: 'roles',
    roles: ['admin', 'coordinator', 'analyst', 'case_manager'],
    scope: 'installation',
    description:
      'Assess the disclosure risk of a CSV file and prepare safe count tables or synthetic data from it, spending its privacy budget (from case data, see the next permission too)',
  },
  'releases.prepare_from_cases': {
    who: 'roles',
    roles: ['case_manager'],
    scope: 'own_organisation',
    personalData: true,
    description:
      'Assess and prepare releases from one’s organisation’s de-identified case data, using only the cases whose consent allows statistics',
  },
  'releases.publish': {
    who: 'roles',
    roles: ['admin', 'coordinator', 'case_manager'],
    scope: 'own_organisation',
    description:
      'Publish a prepared release for everyone to download, withdraw it, or discard a draft (case managers: releases of their organisation’s case data)',
  },
  'releases.budget': {
    who: 'roles',
    roles: ['admin', 'coordinator'],
    scope: 'installation',
    description: 'Set the privacy budget a dataset’s differentially private releases may spend in all',
  },
  'plans.read': {
    who: 'signed_in',
    description:
      'Read plans of action: objectives, measures, indicators, progress reports, dashboard and reports',
  },
  'plans.write': {
    who: 'roles',
    roles: ['admin', 'coordinator', 'org_admin', 'editor'],
    scope: 'own_organisation',
    description:
      'Draw up and change the plans one’s organisation coordinates: objectives, measures, indicators, targets, funding and links to activities; import their results',
  },
  'plans.report': {
    who: 'roles',
    roles: ['admin', 'coordinator', 'org_admin', 'editor'],
    scope: 'own_organisation',
    description:
      'Report progress on the measures one’s organisation owns or contributes to, and set their status',
  },
  'plans.approve': {
    who: 'roles',
    roles: ['admin', 'coordinator', 'org_admin', 'editor'],
    scope: 'own_organisation',
    description: 'Approve the progress reports of the plans one’s organisation coordinates',
  },
  'assistance.read': {
    who: 'signed_in',
    description:
      'Read the needs for technical assistance that countries post, the offers partners make, and the offers suggested for each need',
  },
  'assistance.write': {
    who: 'roles',
    roles: ['admin', 'coordinator', 'org_admin', 'editor'],
    scope: 'own_organisation',
    description:
      'Post needs and offers of technical assistance for one’s organisation; accept or decline offers for its needs, mark them delivered or withdraw them',
  },
  'commitments.read': {
    who: 'anyone',
    description:
      'Read the commitments of employers’ associations and travel-sector signatories: the public sees the published ones and their public progress reports; the signatory and coordinators everything',
  },
  'commitments.write': {
    who: 'roles',
    roles: ['admin', 'coordinator', 'org_admin', 'editor'],
    scope: 'own_organisation',
    description:
      'Record the codes and principles one’s organisation signed, change, publish, lapse or withdraw them, and report progress on them',
  },
  'knowledge.read': {
    who: 'anyone',
    description:
      'Search and read the knowledge library: the public sees published items; the authoring organisation and reviewers its drafts too',
  },
  'knowledge.write': {
    who: 'roles',
    roles: ['admin', 'coordinator', 'org_admin', 'editor'],
    scope: 'own_organisation',
    description:
      'Write drafts of good practices, lessons, legislation, case law, research, training material and guidelines for one’s organisation, translate them, attach files, and return them to draft',
  },
  'knowledge.review': {
    who: 'roles',
    roles: ['admin', 'coordinator'],
    scope: 'installation',
    description: 'Mark knowledge items reviewed and publish them for everyone to read',
  },
  'intermediaries.read': {
    who: 'anyone',
    description:
      'Look up the register of intermediaries (is this agency licensed?): agencies, licences, inspections, sanctions in force and risk signs; complaints and referrals only as counts from a minimum on',
  },
  'intermediaries.write': {
    who: 'roles',
    roles: ['admin', 'coordinator', 'org_admin', 'editor'],
    scope: 'own_organisation',
    description:
      'Keep agencies in the register of intermediaries: their licences, inspections, complaints (never with any text) and sanctions (coordinators any agency; an issuing authority’s editors the agencies it keeps)',
  },
  'intermediaries.import': {
    who: 'roles',
    roles: ['admin', 'coordinator', 'org_admin', 'editor'],
    scope: 'own_organisation',
    description:
      'Import a register of intermediaries from a CSV or XLSX file, all or nothing (coordinators; an issuing authority’s editors for the agencies it keeps)',
  },
  'screening.run': {
    who: 'signed_in',
    description:
      'Screen answers against the legal elements and indicators of trafficking without storing anything',
  },
  'break_glass.request': {
    who: 'roles',
    roles: ['case_manager', 'case_worker'],
    scope: 'installation',
    personalData: true,
    description:
      'Open a victim’s record outside one’s scope for a limited time, giving a reason (a second person approves when one is new to the role)',
  },
  'break_glass.read': {
    who: 'signed_in',
    description: 'See break-glass grants: one’s own and those on one’s organisation’s records',
  },
  'break_glass.approve': {
    who: 'roles',
    roles: ['coordinator', 'org_admin', 'case_manager'],
    scope: 'own_organisation',
    sessionOnly: true,
    description:
      'Approve break-glass asked by someone new to the case role, on one’s organisation’s records (the coordinator: any)',
  },
  'break_glass.review': {
    who: 'roles',
    roles: ['admin', 'org_admin', 'case_manager'],
    scope: 'own_organisation',
    description: 'Acknowledge or revoke a grant on one’s organisation’s records',
  },
} as const satisfies Record<string, ActionRule>;

export type Action = keyof typeof ACTIONS;

export function isAction(name: string): name is Action {
  return Object.hasOwn(ACTIONS, name);
}

export type Decision =
  | { allowed: true; reason: string }
  | {
      allowed: false;
      reason: string;
      /** unauthenticated → 401; the others → 403. */
      code: 'unauthenticated' | 'forbidden' | 'second_factor_required';
    };

const allow = (reason: string): Decision => ({ allowed: true, reason });
const deny = (code: Exclude<Decision, { allowed: true }>['code'], reason: string): Decision => ({
  allowed: false,
  code,
  reason,
});

/**
 * Decides whether the principal may perform the action (on the resource, when given).
 * Without a resource, an organisation-scoped rule asks only whether the principal holds the role somewhere;
 * the route then asks again with the record, and row-level security checks a third time.
 */
export function decide(principal: Principal, action: string, resource: Resource = {}): Decision {
  if (!isAction(action))
    return deny('forbidden', `"${action}" is not a known action; nothing is allowed by default`);
  const rule: ActionRule = ACTIONS[action];
  if (rule.who === 'anyone') return allow('open to everyone');
  if (principal.kind === 'anonymous') return deny('unauthenticated', 'sign in first');
  if (rule.sessionOnly && principal.via === 'token')
    return deny('forbidden', 'the account is managed only from a signed-in session, never with an API token');
  const byRole = decideAudience(principal, rule, resource);
  // Roles first: a second factor would not help someone whose role may not do this at all.
  if (!byRole.allowed) return byRole;
  return decidePersonalData(principal, rule) ?? byRole;
}

function decideAudience(
  principal: Extract<Principal, { kind: 'user' }>,
  rule: ActionRule,
  resource: Resource,
) {
  if (rule.who === 'signed_in') return allow('open to every signed-in user');
  if (rule.who === 'anyone') return allow('open to everyone');
  if (rule.breakGlass && resource.breakGlassActive && principal.via !== 'token')
    return allow('a break-glass grant on this record is active');
  return decideByRole(principal, rule, resource);
}

function decidePersonalData(
  principal: Extract<Principal, { kind: 'user' }>,
  rule: ActionRule,
): Decision | null {
  if (!rule.personalData) return null;
  if (principal.via === 'token')
    return deny('forbidden', 'personal data cannot be reached with an API token');
  if (!principal.secondFactor)
    return deny('second_factor_required', 'personal data needs a second factor: set up and use a TOTP code');
  return null;
}

function decideByRole(
  principal: Extract<Principal, { kind: 'user' }>,
  rule: Extract<ActionRule, { who: 'roles' }>,
  resource: Resource,
): Decision {
  const holding = principal.memberships.filter((m) => rule.roles.includes(m.role));
  if (holding.length === 0) {
    return deny('forbidden', `needs one of the roles ${rule.roles.join(', ')}`);
  }
  const installationWide = holding.find((m) => INSTALLATION_ROLES.includes(m.role));
  if (installationWide) return allow(`role ${installationWide.role} covers the whole installation`);
  if (rule.scope === 'installation') return allow(`role ${holding[0]?.role}`);
  const target = resource.organisationId;
  if (target === undefined) return allow(`role ${holding[0]?.role} in an organisation`);
  const inTarget = holding.find((m) => m.organisationId === target);
  if (inTarget) return allow(`role ${inTarget.role} in the organisation that holds the record`);
  return deny('forbidden', 'the record belongs to another organisation');
}

/** The roles a principal holds, without duplicates, in the order of ROLES. */
export function rolesOf(principal: Principal): Role[] {
  if (principal.kind === 'anonymous') return [];
  return [...new Set(principal.memberships.map((m) => m.role))];
}

export function isInstallationWide(principal: Principal): boolean {
  return rolesOf(principal).some((role) => INSTALLATION_ROLES.includes(role));
}

/** Whether the user's roles oblige them to use a second factor. */
export function needsSecondFactor(memberships: readonly Membership[]): boolean {
  return memberships.some((m) => SECOND_FACTOR_ROLES.includes(m.role));
}
