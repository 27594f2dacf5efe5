// The commitments API's addresses, typed by the shapes the server declares (src/commitments/schemas.ts).
import type {
  CommitmentChange,
  CommitmentRequest,
  CommitmentView,
  ProgressRequest,
  ProgressView,
} from '../../commitments/schemas.js';
import { queryString } from './partners.js';
import { useApiResource } from './useApiResource.js';

export { COMMITMENT_STATUSES } from '../../commitments/schema.js';
export type { CommitmentChange, CommitmentRequest, CommitmentView, ProgressRequest, ProgressView };

export const COMMITMENTS = '/api/v1/commitments';
export const commitmentPath = (id: string, rest = '') => `${COMMITMENTS}/${encodeURIComponent(id)}${rest}`;

export type CommitmentQuery = { code?: string; country?: string; status?: string; organisationId?: string };
export type CommitmentsResponse = { data: CommitmentView[] };

// Loaded per person: a signatory's editors and coordinators see drafts and internal reports too.
export const useCommitments = (query: CommitmentQuery) =>
  useApiResource<CommitmentsResponse>(`${COMMITMENTS}${queryString(query)}`);
