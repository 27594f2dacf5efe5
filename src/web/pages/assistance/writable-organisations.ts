// The organisations the reader may post needs and offers for: the API refuses the others.
import { useOrganisations } from '../../api/partners.js';
import type { Choice } from '../../components/forms.js';
import { useSession } from '../../session/SessionProvider.js';

export function useWritableOrganisations(): Choice[] {
  const session = useSession();
  const organisations = useOrganisations();
  if (organisations.status !== 'ready' || !session.can('assistance.write')) return [];
  return organisations.data.data
    .filter((organisation) => session.can('assistance.write', { organisationId: organisation.id }))
    .map((organisation) => ({ value: organisation.id, label: organisation.name }));
}
