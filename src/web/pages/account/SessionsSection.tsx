// One's open sessions (this browser marked), and signing out of all of them at once.
import { useId, useState } from 'react';
import type { SessionListResponse } from '../../api/access.js';
import type { ApiResource } from '../../api/useApiResource.js';
import { ConfirmDialog } from '../../components/Dialog.js';
import { FormAlert, useSubmission } from '../../components/forms.js';
import { ResourceView } from '../../components/Status.js';
import { TableScroll } from '../../components/TableScroll.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { navigate } from '../../router.js';
import { useSession } from '../../session/SessionProvider.js';

export function SessionsSection(props: { sessions: ApiResource<SessionListResponse> }) {
  const { t, formatDateTime } = useI18n();
  const session = useSession();
  const headingId = useId();
  const [confirming, setConfirming] = useState(false);
  const submission = useSubmission();

  const signOutEverywhere = async () => {
    const ok = await submission.run(() => session.signOut({ everywhere: true }));
    if (!ok) return;
    setConfirming(false);
    navigate('/sign-in');
  };

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('sessions.heading')}</h2>
      <p>{t('sessions.intro')}</p>
      <ResourceView resource={props.sessions}>
        {({ data }) => (
          <TableScroll>
            <table className="data-table">
              <caption>{t('sessions.caption', { count: data.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('sessions.colBrowser')}</th>
                  <th scope="col">{t('sessions.colStarted')}</th>
                  <th scope="col">{t('sessions.colLastSeen')}</th>
                  <th scope="col">{t('sessions.colExpires')}</th>
                  <th scope="col">{t('sessions.colSecondFactor')}</th>
                </tr>
              </thead>
              <tbody>
                {data.map((row) => (
                  <tr
                    key={`${row.createdAt}-${row.expiresAt}`}
                    className={row.current ? 'is-current' : undefined}
                  >
                    <th scope="row">
                      <span className="user-agent" dir="ltr">
                        {row.userAgent ?? t('sessions.unknownBrowser')}
                      </span>
                      {row.current ? <span className="badge">{t('sessions.current')}</span> : null}
                    </th>
                    <td>{formatDateTime(row.createdAt)}</td>
                    <td>{formatDateTime(row.lastSeenAt)}</td>
                    <td>{formatDateTime(row.expiresAt)}</td>
                    <td>{row.secondFactor ? t('common.yes') : t('common.no')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </ResourceView>
      <button
        type="button"
        className="button button-danger"
        onClick={() => {
          submission.reset();
          setConfirming(true);
        }}
      >
        {t('sessions.signOutEverywhere')}
      </button>
      <ConfirmDialog
        open={confirming}
        title={t('sessions.confirmTitle')}
        confirmLabel={t('sessions.signOutEverywhere')}
        pending={submission.pending}
        onConfirm={signOutEverywhere}
        onClose={() => setConfirming(false)}
      >
        <p>{t('sessions.confirmBody')}</p>
        <FormAlert problem={submission.problem} />
      </ConfirmDialog>
    </section>
  );
}
