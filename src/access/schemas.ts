// The shapes of the access API: sign-in, the signed-in user, tokens, members and break-glass grants.
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from './passwords.js';
import { ROLES } from './schema.js';

export const Role = z.enum(ROLES).describe('A role held in an organisation');

/** One line of printable text (no control or bidi-override characters): odd input gets a clear 400. */
import { PlainText } from '../platform/fields.js';

export { PlainText };

export const Email = z
  .string()
  .trim()
  .max(254)
  .email('Not an email address')
  .transform((value) => value.normalize('NFKC'));

const Password = z.string().min(1).max(PASSWORD_MAX_LENGTH);
const TotpCode = z.string().regex(/^\s*\d{3}\s?\d{3}\s*$/, 'Six digits from the authenticator app');

export const SignInRequest = z
  .object({ email: Email, password: Password, code: TotpCode.optional() })
  .strict();

export const MembershipView = z.object({
  organisationId: z.uuid(),
  organisationName: z.string(),
  role: Role,
  team: z.string().nullable(),
});

export const Me = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  memberships: z.array(MembershipView),
  secondFactor: z.object({
    enabled: z.boolean(),
    /** Checked in this session (sign-in with a code). */
    verified: z.boolean(),
    /** The user's roles touch personal data, so they must use one. */
    required: z.boolean(),
  }),
  via: z.enum(['session', 'token', 'cli']),
  /** Send as X-CSRF-Token on every write made with the session cookie. */
  csrfToken: z.string().nullable(),
});
export type Me = z.infer<typeof Me>;

export const SignInResponse = z.object({ data: Me, expiresAt: z.iso.datetime() });
export const MeResponse = z.object({ data: Me });

export const SignOutRequest = z.object({ everywhere: z.boolean().default(false) }).strict();

export const ChangePasswordRequest = z.object({ currentPassword: Password, newPassword: Password }).strict();

/** The password again, for changes that would let someone else keep or take the account. */
export const ReauthenticationRequest = z.object({ currentPassword: Password }).strict();

export const TotpSetupResponse = z.object({
  data: z.object({ secret: z.string(), uri: z.string(), qrSvg: z.string() }),
});
export const TotpCodeRequest = z.object({ code: TotpCode }).strict();
export const TotpDisableRequest = z.object({ password: Password, code: TotpCode }).strict();

export const SessionView = z.object({
  current: z.boolean(),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  userAgent: z.string().nullable(),
  secondFactor: z.boolean(),
});
export const SessionList = z.object({ data: z.array(SessionView) });

export const ApiTokenView = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  roles: z.array(Role),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export const ApiTokenList = z.object({ data: z.array(ApiTokenView) });
export const CreateApiTokenRequest = z
  .object({
    name: PlainText(100),
    roles: z.array(Role).min(1).max(ROLES.length),
    expiresInDays: z.number().int().min(1).max(365).default(90),
    currentPassword: Password,
  })
  .strict();
export const CreatedApiToken = z.object({
  data: ApiTokenView.extend({ token: z.string().describe('Shown once; store it now') }),
});

export const MemberView = z.object({
  userId: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: Role,
  team: z.string().nullable(),
  disabled: z.boolean(),
  secondFactorEnabled: z.boolean(),
  since: z.iso.datetime(),
});
export const MemberList = z.object({ data: z.array(MemberView) });
export const AddMemberRequest = z
  .object({
    email: Email,
    displayName: PlainText(200),
    role: Role,
    team: PlainText(100).optional(),
  })
  .strict();
/**
 * What adding a person answers. To an organisation administrator it is the same whether or not the
 * address has an account: an invitation the person accepts once signed in with that address.
 * Only an installation administrator creates accounts, and gets an initial password back.
 */
export const AddedMember = z.object({
  data: z.object({
    outcome: z.enum(['invited', 'added']),
    email: z.string(),
    displayName: z.string(),
    role: Role,
    invitationId: z.uuid().nullable(),
  }),
  /** Only when a new account was created: an initial password to hand over once, securely. */
  initialPassword: z.string().nullable(),
});
export const InvitationView = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  email: z.string(),
  role: Role,
  team: z.string().nullable(),
  invitedByDisplayName: z.string().nullable(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
});
export const InvitationList = z.object({ data: z.array(InvitationView) });
export const InvitationAnswer = z.object({ answer: z.enum(['accept', 'decline']) }).strict();
export const ChangeMemberRequest = z
  .object({ role: Role.optional(), team: PlainText(100).nullable().optional() })
  .strict()
  .refine((change) => change.role !== undefined || change.team !== undefined, {
    message: 'Name what to change: a role, a team, or both',
  });

export const BREAK_GLASS_MAX_HOURS = 3;
export const BreakGlassRequest = z
  .object({
    resourceType: z
      .string()
      .regex(/^[a-z_]{1,40}$/)
      .describe('The kind of victim’s record (cases, when they exist); member lists are never a target'),
    resourceId: z.uuid(),
    reason: PlainText(1000).refine((text) => text.length >= 20, {
      message: 'Say why, in at least 20 characters: the owning organisation will read it',
    }),
    hours: z.number().min(0.25).max(BREAK_GLASS_MAX_HOURS).default(BREAK_GLASS_MAX_HOURS),
  })
  .strict();
export const BreakGlassGrantView = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  userDisplayName: z.string().nullable(),
  resourceType: z.string(),
  resourceId: z.uuid(),
  organisationId: z.uuid(),
  reason: z.string(),
  grantedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
  acknowledgedAt: z.iso.datetime().nullable(),
  /** Asked by someone new to the case role: opens nothing until a second person approves. */
  requiresApproval: z.boolean(),
  approvedAt: z.iso.datetime().nullable(),
  approvedByDisplayName: z.string().nullable(),
  state: z.enum(['awaiting_approval', 'active', 'expired', 'revoked']),
  active: z.boolean(),
});
export const BreakGlassGrantList = z.object({ data: z.array(BreakGlassGrantView) });
export const BreakGlassGrantResponse = z.object({ data: BreakGlassGrantView });
export const IdParam = z.object({ id: z.uuid() }).strict();
