// The organisation's invitations that await an answer, for its administrators to see and withdraw.
import { useEffect, useId, useState } from 'react';
import { type InvitationListResponse, paths } from '../../api/access.js';
import { useApiResource } from '../../api/useApiResource.js';
import { FormAlert, SuccessNote, useSubmission } from '../../components/forms.js';
import { TableScroll } from '../../components/TableScroll.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useRoleName } from '../../session/labels.js';
import { useSession } from '../../session/SessionProvider.js';

/** `version` changes when an invitation was just sent, so that the list shows it. */
export function PendingInvitations(props: { organisationId: string; version: number }) {
  const { t, formatDateTime } = useI18n();
  const roleName = useRoleName();
  const headingId = useId();
  const { api } = useSession();
  const invitations = useApiResource<InvitationListResponse>(
    paths.organisationInvitations(props.organisationId),
  );
  const submission = useSubmission();
  const [note, setNote] = useState<string | null>(null);
  const { reload } = invitations;

  useEffect(() => {
    if (props.version > 0) reload();
  }, [props.version, reload]);

  const open = invitations.status === 'ready' ? invitations.data.data : [];
  if (open.length === 0 && !note) return null;

  const withdraw = async (id: string, email: string) => {
    const ok = await submission.run(() =>
      api.send('DELETE', paths.organisationInvitation(props.organisationId, id)),
    );
    if (!ok) return;
    setNote(t('members.withdrawn', { email }));
    reload();
  };

  return (
    <section aria-labelledby={headingId} className="subsection">
      <h3 id={headingId}>{t('members.invitationsHeading')}</h3>
      {note ? <SuccessNote>{note}</SuccessNote> : null}
      <FormAlert problem={submission.problem} />
      {open.length > 0 ? (
        <TableScroll>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('members.email')}</th>
                <th scope="col">{t('members.role')}</th>
                <th scope="col">{t('members.openUntil')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('members.withdraw')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {open.map((invitation) => (
                <tr key={invitation.id}>
                  <th scope="row">
                    <bdi dir="ltr">{invitation.email}</bdi>
                  </th>
                  <td>{roleName(invitation.role)}</td>
                  <td>{formatDateTime(invitation.expiresAt)}</td>
                  <td>
                    <button
                      type="button"
                      className="button button-small button-secondary"
                      disabled={submission.pending}
                      onClick={() => withdraw(invitation.id, invitation.email)}
                    >
                      {t('members.withdraw')}
                      <span className="visually-hidden"> {invitation.email}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </section>
  );
}
