// Invitations to one's address: which organisation offers which role, accepted or declined here.
// Shown only while some await an answer; accepting refreshes one's roles at once.
import { useId, useState } from 'react';
import { type Invitation, type InvitationListResponse, paths } from '../../api/access.js';
import { useApiResource } from '../../api/useApiResource.js';
import { FormAlert, SuccessNote, useSubmission } from '../../components/forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useRoleName } from '../../session/labels.js';
import { useSession } from '../../session/SessionProvider.js';

export function InvitationsSection() {
  const { t, formatDateTime } = useI18n();
  const roleName = useRoleName();
  const headingId = useId();
  const { api, refresh } = useSession();
  const invitations = useApiResource<InvitationListResponse>(paths.myInvitations);
  const submission = useSubmission();
  const [note, setNote] = useState<string | null>(null);

  const answer = async (invitation: Invitation, choice: 'accept' | 'decline') => {
    const ok = await submission.run(() =>
      api.send('POST', paths.answerInvitation(invitation.id), { answer: choice }),
    );
    if (!ok) return;
    const organisation = invitation.organisationName;
    setNote(t(choice === 'accept' ? 'invitations.accepted' : 'invitations.declined', { organisation }));
    invitations.reload();
    if (choice === 'accept') await refresh();
  };

  const open = invitations.status === 'ready' ? invitations.data.data : [];
  if (open.length === 0 && !note) return null;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('invitations.heading')}</h2>
      <p>{t('invitations.intro')}</p>
      {note ? <SuccessNote>{note}</SuccessNote> : null}
      <FormAlert problem={submission.problem} />
      <ul className="invitation-list">
        {open.map((invitation) => (
          <li key={invitation.id}>
            <p>
              <strong>
                {t('invitations.offer', {
                  organisation: invitation.organisationName,
                  role: roleName(invitation.role),
                })}
              </strong>{' '}
              <span className="cell-note">
                {/* The inviter's name shows only when one may see their account (a shared organisation). */}
                {invitation.invitedByDisplayName
                  ? t('invitations.details', {
                      name: invitation.invitedByDisplayName,
                      time: formatDateTime(invitation.expiresAt),
                    })
                  : t('invitations.openUntil', { time: formatDateTime(invitation.expiresAt) })}
              </span>
            </p>
            <div className="button-row">
              <button
                type="button"
                className="button button-small"
                disabled={submission.pending}
                onClick={() => answer(invitation, 'accept')}
              >
                {t('invitations.accept')}
                <span className="visually-hidden"> {invitation.organisationName}</span>
              </button>
              <button
                type="button"
                className="button button-small button-secondary"
                disabled={submission.pending}
                onClick={() => answer(invitation, 'decline')}
              >
                {t('invitations.decline')}
                <span className="visually-hidden"> {invitation.organisationName}</span>
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
