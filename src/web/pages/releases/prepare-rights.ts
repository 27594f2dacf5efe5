// Who may prepare a release and from what: a CSV file (coordinators, administrators, analysts) or an
// organisation's case data (its case managers), as the server's policy decides.
import type { Session } from '../../session/SessionProvider.js';

export type CaseOrganisation = { id: string; name: string };

/** The organisations whose case data the person may release (a second factor may still be asked). */
export function caseOrganisations(session: Session): CaseOrganisation[] {
  return (session.me?.memberships ?? [])
    .filter((m) =>
      session.canWithSecondFactor('releases.prepare_from_cases', { organisationId: m.organisationId }),
    )
    .map((m) => ({ id: m.organisationId, name: m.organisationName }));
}

export const mayPrepareFromFile = (session: Session) => session.can('releases.prepare');

export const mayPrepare = (session: Session) =>
  mayPrepareFromFile(session) || caseOrganisations(session).length > 0;
