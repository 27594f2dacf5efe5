// Commitments as the API shows them: the signatory's name rather than its id, and whether the reader may
// change the commitment, so that the screen offers only the forms that work.
import { decide, type Principal } from '../access/policy.js';
import type { CommitmentView } from './schemas.js';
import type { CommitmentRecord } from './store.js';

export function commitmentView(record: CommitmentRecord, principal: Principal): CommitmentView {
  const mayWrite = decide(principal, 'commitments.write', { organisationId: record.organisationId }).allowed;
  return {
    id: record.id,
    organisation: {
      id: record.organisationId,
      name: record.organisationName,
      actorType: record.organisationActorType,
    },
    code: record.code as CommitmentView['code'],
    otherCodeName: record.otherCodeName,
    signedOn: record.signedOn,
    countries: record.countries,
    sectors: record.sectors as CommitmentView['sectors'],
    undertaking: record.undertaking,
    status: record.status,
    isPublished: record.isPublished,
    progress: record.progress.map((report) => ({
      id: report.id,
      reportedOn: report.reportedOn,
      summary: report.summary,
      isPublic: report.isPublic,
    })),
    updatedAt: record.updatedAt.toISOString(),
    can: { edit: mayWrite && record.status !== 'withdrawn' },
  };
}
