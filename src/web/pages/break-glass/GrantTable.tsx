// Break-glass grants: active ones marked in words and colour; reviewers acknowledge or revoke them.
import { useEffect, useState } from 'react';
import { type BreakGlassGrant, paths } from '../../api/access.js';
import { Dialog } from '../../components/Dialog.js';
import { Field, FormAlert, onSubmit, SuccessNote, useSubmission } from '../../components/forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useSession } from '../../session/SessionProvider.js';

type GrantState = BreakGlassGrant['state'];

export function GrantTable(props: {
  grants: BreakGlassGrant[];
  organisationNames: ReadonlyMap<string, string>;
  onChanged: () => void;
}) {
  const { t, formatDateTime } = useI18n();
  const session = useSession();
  const [revoking, setRevoking] = useState<BreakGlassGrant | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const acknowledge = useSubmission();
  const approve = useSubmission();

  if (props.grants.length === 0) return <p>{t('breakGlass.none')}</p>;
  const active = props.grants.filter((grant) => grant.active).length;
  const mayReview = (grant: BreakGlassGrant) =>
    session.can('break_glass.review', { organisationId: grant.organisationId });
  const who = (grant: BreakGlassGrant) =>
    grant.userId === session.me?.id ? t('audit.you') : (grant.userDisplayName ?? grant.userId);
  const mayApprove = (grant: BreakGlassGrant) =>
    grant.state === 'awaiting_approval' &&
    grant.userId !== session.me?.id &&
    session.can('break_glass.approve', { organisationId: grant.organisationId });
  const stateLabel: Record<GrantState, string> = {
    awaiting_approval: t('breakGlass.stateAwaiting'),
    active: t('breakGlass.stateActive'),
    revoked: t('breakGlass.stateRevoked'),
    expired: t('breakGlass.stateExpired'),
  };

  const acknowledgeGrant = async (grant: BreakGlassGrant) => {
    const ok = await acknowledge.run(() => session.api.send('POST', paths.acknowledgeGrant(grant.id)));
    if (!ok) return;
    setNote(t('breakGlass.acknowledgedNow', { name: who(grant) }));
    props.onChanged();
  };

  const approveGrant = async (grant: BreakGlassGrant) => {
    const ok = await approve.run(() => session.api.send('POST', paths.approveGrant(grant.id)));
    if (!ok) return;
    setNote(t('breakGlass.approvedNow', { name: who(grant) }));
    props.onChanged();
  };

  return (
    <>
      <p className="result-count">{t('breakGlass.activeCount', { count: active })}</p>
      {note ? <SuccessNote>{note}</SuccessNote> : null}
      <FormAlert problem={acknowledge.problem} />
      <FormAlert problem={approve.problem} />
      <div className="table-scroll">
        <table className="data-table grant-table">
          <caption>{t('breakGlass.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('breakGlass.colState')}</th>
              <th scope="col">{t('breakGlass.colWho')}</th>
              <th scope="col">{t('breakGlass.colRecord')}</th>
              <th scope="col">{t('breakGlass.colReason')}</th>
              <th scope="col">{t('breakGlass.colTime')}</th>
              <th scope="col">{t('breakGlass.colReview')}</th>
            </tr>
          </thead>
          <tbody>
            {props.grants.map((grant) => {
              const state = grant.state;
              const reviewable = mayReview(grant);
              return (
                <tr key={grant.id} className={state === 'active' ? 'is-active' : undefined}>
                  <td>
                    <span className={`grant-state grant-${state}`}>{stateLabel[state]}</span>
                  </td>
                  <th scope="row">
                    <bdi>{who(grant)}</bdi>
                  </th>
                  <td>
                    <span className="cell-note">
                      {t('breakGlass.recordOf', {
                        organisation: props.organisationNames.get(grant.organisationId) ?? '—',
                      })}
                    </span>
                    {grant.approvedByDisplayName ? (
                      <span className="cell-note">
                        {t('breakGlass.approvedBy', { name: grant.approvedByDisplayName })}
                      </span>
                    ) : null}
                  </td>
                  <td className="reason" dir="auto">
                    {grant.reason}
                  </td>
                  <td>
                    <span className="cell-note">
                      {t('breakGlass.grantedAt', { time: formatDateTime(grant.grantedAt) })}
                    </span>
                    <span className="cell-note">
                      {grant.revokedAt
                        ? t('breakGlass.revokedAt', { time: formatDateTime(grant.revokedAt) })
                        : t(state === 'active' ? 'breakGlass.expiresAt' : 'breakGlass.expiredAt', {
                            time: formatDateTime(grant.expiresAt),
                          })}
                    </span>
                  </td>
                  <td>
                    <p className="cell-note">
                      {grant.acknowledgedAt
                        ? t('breakGlass.acknowledgedAt', { time: formatDateTime(grant.acknowledgedAt) })
                        : t('breakGlass.notAcknowledged')}
                    </p>
                    {mayApprove(grant) ? (
                      <div className="button-row">
                        <button
                          type="button"
                          className="button button-small"
                          disabled={approve.pending}
                          onClick={() => approveGrant(grant)}
                        >
                          {t('breakGlass.approve')}
                          <span className="visually-hidden"> {who(grant)}</span>
                        </button>
                      </div>
                    ) : null}
                    {reviewable ? (
                      <div className="button-row">
                        {grant.acknowledgedAt ? null : (
                          <button
                            type="button"
                            className="button button-small button-secondary"
                            disabled={acknowledge.pending}
                            onClick={() => acknowledgeGrant(grant)}
                          >
                            {t('breakGlass.acknowledge')}
                            <span className="visually-hidden"> {who(grant)}</span>
                          </button>
                        )}
                        {state === 'active' ? (
                          <button
                            type="button"
                            className="button button-small button-danger"
                            onClick={() => setRevoking(grant)}
                          >
                            {t('breakGlass.revoke')}
                            <span className="visually-hidden"> {who(grant)}</span>
                          </button>
                        ) : null}
                      </div>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <RevokeDialog
        grant={revoking}
        onClose={() => setRevoking(null)}
        onRevoked={(grant) => {
          setRevoking(null);
          setNote(t('breakGlass.revokedNow', { name: who(grant) }));
          props.onChanged();
        }}
      />
    </>
  );
}

function RevokeDialog(props: {
  grant: BreakGlassGrant | null;
  onClose: () => void;
  onRevoked: (grant: BreakGlassGrant) => void;
}) {
  const { t } = useI18n();
  const { api } = useSession();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const submission = useSubmission();
  const { grant } = props;
  const { reset } = submission;

  // Each grant starts with an empty form.
  useEffect(() => {
    if (!grant) return;
    setReason('');
    setMissing(false);
    reset();
  }, [grant, reset]);

  const submit = async () => {
    if (!grant) return;
    const empty = reason.trim() === '';
    setMissing(empty);
    if (empty) {
      submission.markInvalid();
      return;
    }
    const ok = await submission.run(() =>
      api.send('POST', paths.revokeGrant(grant.id), { reason: reason.trim() }),
    );
    if (!ok) return;
    setReason('');
    props.onRevoked(grant);
  };

  return (
    <Dialog open={grant !== null} title={t('breakGlass.revokeTitle')} onClose={props.onClose}>
      <form className="form" ref={submission.formRef} noValidate onSubmit={onSubmit(submit)}>
        <p>{t('breakGlass.revokeBody')}</p>
        <FormAlert problem={submission.problem} />
        <Field
          label={t('breakGlass.revokeReason')}
          errors={missing ? [t('breakGlass.revokeReasonMissing')] : []}
          serverErrors={submission.fieldErrors.get('reason')}
        >
          {(control) => (
            <textarea
              {...control}
              rows={3}
              maxLength={1000}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          )}
        </Field>
        <div className="button-row">
          <button type="submit" className="button button-danger" disabled={submission.pending}>
            {t('breakGlass.revoke')}
          </button>
          <button type="button" className="button button-secondary" onClick={props.onClose}>
            {t('dialog.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
