// A partner's commitments on its profile: the codes and principles it signed, with their status, and the way
// to the commitments page where they are read in full (and, for its editors, changed). Nothing when it has
// signed none and the reader cannot record one for it.
import { useCommitments } from '../../api/commitments.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { Link } from '../../router.js';
import { useSession } from '../../session/SessionProvider.js';
import { useCommitmentLabels } from './commitment-labels.js';

export function PartnerCommitments(props: { organisationId: string }) {
  const { t } = useI18n();
  const session = useSession();
  const labels = useCommitmentLabels();
  const commitments = useCommitments({ organisationId: props.organisationId });
  const mayRecord = session.can('commitments.write', { organisationId: props.organisationId });
  if (commitments.status !== 'ready') return null;
  const signed = commitments.data.data;
  if (signed.length === 0 && !mayRecord) return null;
  return (
    <section>
      <h2>{t('commitments.partnerHeading')}</h2>
      {signed.length === 0 ? (
        <p>{t('commitments.partnerNone')}</p>
      ) : (
        <ul>
          {signed.map((commitment) => (
            <li key={commitment.id}>
              {commitment.otherCodeName ?? labels.code(commitment.code)} —{' '}
              {t(`commitments.status.${commitment.status}` as MessageKey)}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to={`/commitments?organisationId=${encodeURIComponent(props.organisationId)}`}>
          {t('commitments.partnerLink')}
        </Link>
      </p>
    </section>
  );
}
