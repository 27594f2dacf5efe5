// The referrals API as the inbox, the referral view and a case's referrals tab use it (types only).
import type { z } from 'zod';
import type { CreateReferralRequest, ReferralDetail, ReferralView } from '../../../cases/referral-schemas.js';
import { API } from '../../api/access.js';

export type Referral = ReferralView;
export type ReferralDetailView = z.infer<typeof ReferralDetail>;
export type NewReferral = CreateReferralRequest;
export type Box = 'inbox' | 'sent';

export const SERVICES = [
  'shelter',
  'food',
  'health_care',
  'psychological_support',
  'counselling',
  'legal_aid',
  'interpretation',
  'family_tracing',
  'education',
  'vocational_training',
  'employment_assistance',
  'repatriation',
  'reintegration',
  'case_management',
] as const satisfies readonly Referral['service'][];

export const STATUSES = [
  'requested',
  'accepted',
  'declined',
  'in_progress',
  'completed',
  'closed',
] as const satisfies readonly Referral['status'][];

export const STAGES = [
  'identification',
  'first_assistance_and_protection',
  'long_term_assistance_and_social_inclusion',
  'return_and_social_inclusion',
  'criminal_and_civil_proceedings',
] as const satisfies readonly NonNullable<Referral['stage']>[];

export const referralPaths = {
  list: (box: Box, filters: { status?: string; overdue?: boolean }) => {
    const query = new URLSearchParams({ box });
    if (filters.status) query.set('status', filters.status);
    if (filters.overdue) query.set('overdue', 'true');
    return `${API}/referrals?${query}`;
  },
  one: (id: string) => `${API}/referrals/${encodeURIComponent(id)}`,
  status: (id: string) => `${API}/referrals/${encodeURIComponent(id)}/status`,
  ofCase: (caseId: string) => `${API}/cases/${encodeURIComponent(caseId)}/referrals`,
  case: (caseId: string) => `${API}/cases/${encodeURIComponent(caseId)}`,
};
