// The referrals API as the inbox, the referral view and a case's referrals tab use it (types, and the API's own lists of values).
import type { z } from 'zod';
import type { CreateReferralRequest, ReferralDetail, ReferralView } from '../../../cases/referral-schemas.js';
import { API } from '../../api/access.js';

export type Referral = ReferralView;
export type ReferralDetailView = z.infer<typeof ReferralDetail>;
export type NewReferral = CreateReferralRequest;
export type Box = 'inbox' | 'sent';

// The lists the API validates against, so the forms and filters cannot offer a value it refuses.
export {
  CROSS_BORDER_STAGES as STAGES,
  REFERRAL_STATUSES as STATUSES,
  SERVICES,
} from '../../../cases/referral-rules.js';

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
