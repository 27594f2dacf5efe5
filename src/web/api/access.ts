// The access, partners, audit and break-glass API: addresses and the shapes the server declares.
import type { z } from 'zod';
import type {
  AddedMember,
  ApiTokenList,
  BreakGlassGrantList,
  BreakGlassGrantResponse,
  CreatedApiToken,
  InvitationList,
  MemberList,
  MemberView,
  SessionList,
  TotpSetupResponse,
} from '../../access/schemas.js';
import type { AuditEntryList } from '../../audit/schemas.js';
import type { OrganisationList, OrganisationResponse } from '../../partners/schemas.js';

export const API = '/api/v1';

export type SessionListResponse = z.infer<typeof SessionList>;
export type ApiTokenListResponse = z.infer<typeof ApiTokenList>;
export type ApiToken = ApiTokenListResponse['data'][number];
export type CreatedApiTokenResponse = z.infer<typeof CreatedApiToken>;
export type TotpSetup = z.infer<typeof TotpSetupResponse>['data'];
export type MemberListResponse = z.infer<typeof MemberList>;
export type Member = z.infer<typeof MemberView>;
export type AddedMemberResponse = z.infer<typeof AddedMember>;
export type OrganisationListResponse = z.infer<typeof OrganisationList>;
export type OrganisationResponseBody = z.infer<typeof OrganisationResponse>;
export type Organisation = OrganisationResponseBody['data'];
export type InvitationListResponse = z.infer<typeof InvitationList>;
export type Invitation = InvitationListResponse['data'][number];
export type BreakGlassGrantListResponse = z.infer<typeof BreakGlassGrantList>;
export type BreakGlassGrant = BreakGlassGrantListResponse['data'][number];
export type BreakGlassGrantResponseBody = z.infer<typeof BreakGlassGrantResponse>;
export type AuditPage = AuditEntryList;
export type AuditEntry = AuditEntryList['data'][number];

export const paths = {
  password: `${API}/account/password`,
  totpSetup: `${API}/account/totp/setup`,
  totpEnable: `${API}/account/totp/enable`,
  totpDisable: `${API}/account/totp/disable`,
  sessions: `${API}/account/sessions`,
  tokens: `${API}/account/tokens`,
  token: (id: string) => `${API}/account/tokens/${encodeURIComponent(id)}`,
  organisations: `${API}/organisations`,
  organisation: (id: string) => `${API}/organisations/${encodeURIComponent(id)}`,
  members: (id: string) => `${API}/organisations/${encodeURIComponent(id)}/members`,
  myInvitations: `${API}/account/invitations`,
  organisationInvitations: (id: string) => `${API}/organisations/${encodeURIComponent(id)}/invitations`,
  organisationInvitation: (id: string, invitationId: string) =>
    `${API}/organisations/${encodeURIComponent(id)}/invitations/${encodeURIComponent(invitationId)}`,
  answerInvitation: (id: string) => `${API}/account/invitations/${encodeURIComponent(id)}/answer`,
  approveGrant: (id: string) => `${API}/break-glass/${encodeURIComponent(id)}/approve`,
  member: (id: string, userId: string) =>
    `${API}/organisations/${encodeURIComponent(id)}/members/${encodeURIComponent(userId)}`,
  audit: `${API}/audit`,
  breakGlass: `${API}/break-glass`,
  acknowledgeGrant: (id: string) => `${API}/break-glass/${encodeURIComponent(id)}/acknowledge`,
  revokeGrant: (id: string) => `${API}/break-glass/${encodeURIComponent(id)}/revoke`,
} as const;

/** An organisation's name in the reader's language when the directory has one. */
export function organisationName(organisation: Organisation, language: string): string {
  return (organisation.names as Record<string, string | undefined>)[language] ?? organisation.name;
}
