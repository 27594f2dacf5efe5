// The organisations the reader may write for with an action (post needs and offers, record commitments):
// the API refuses the others.
import type { Action } from '../../../access/policy.js';
import { useOrganisations } from '../../api/partners.js';
import type { Choice } from '../../components/forms.js';
import { useSession } from '../../session/SessionProvider.js';

export function useWritableOrganisations(action: Action = 'assistance.write'): Choice[] {
  const session = useSession();
  const organisations = useOrganisations();
  if (organisations.status !== 'ready' || !session.can(action)) return [];
  return organisations.data.data
    .filter((organisation) => session.can(action, { organisationId: organisation.id }))
    .map((organisation) => ({ value: organisation.id, label: organisation.name }));
}
