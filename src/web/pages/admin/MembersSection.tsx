// An organisation's members: who holds which role; adding a person (a new account gets an initial
// password, shown once), changing a role and removing someone, for those who may manage users.
import { useId, useState } from 'react';
import type { Role } from '../../../access/schema.js';
import { type Member, type MemberListResponse, paths } from '../../api/access.js';
import { useApiResource } from '../../api/useApiResource.js';
import { ConfirmDialog } from '../../components/Dialog.js';
import { FormAlert, onSubmit, ProblemText, SuccessNote, useSubmission } from '../../components/forms.js';
import { ResourceView } from '../../components/Status.js';
import { TableScroll } from '../../components/TableScroll.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useRoleName } from '../../session/labels.js';
import { useSession } from '../../session/SessionProvider.js';
import { AddMemberForm, useAssignableRoles } from './AddMemberForm.js';
import { PendingInvitations } from './PendingInvitations.js';

export function MembersSection(props: { organisationId: string }) {
  const { t } = useI18n();
  const session = useSession();
  const scope = { organisationId: props.organisationId };
  const mayRead = session.can('users.read', scope);
  const mayManage = session.can('users.manage', scope);
  const members = useApiResource<MemberListResponse>(mayRead ? paths.members(props.organisationId) : null);
  const [note, setNote] = useState<string | null>(null);
  const [invitationsVersion, setInvitationsVersion] = useState(0);
  if (!mayRead) return null;
  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">{t('members.heading')}</h2>
      {mayManage ? null : <p className="note">{t('members.readOnly')}</p>}
      {note ? <SuccessNote>{note}</SuccessNote> : null}
      <ResourceView resource={members}>
        {({ data }) => (
          <MemberTable
            organisationId={props.organisationId}
            members={data}
            mayManage={mayManage}
            onChanged={(message) => {
              setNote(message);
              members.reload();
            }}
          />
        )}
      </ResourceView>
      {mayManage ? (
        <PendingInvitations organisationId={props.organisationId} version={invitationsVersion} />
      ) : null}
      {mayManage ? (
        <AddMemberForm
          organisationId={props.organisationId}
          onAdded={() => {
            setNote(null);
            members.reload();
            setInvitationsVersion((version) => version + 1);
          }}
        />
      ) : null}
    </section>
  );
}

function MemberTable(props: {
  organisationId: string;
  members: Member[];
  mayManage: boolean;
  onChanged: (message: string) => void;
}) {
  const { t, formatDate } = useI18n();
  const roleName = useRoleName();
  const [removing, setRemoving] = useState<Member | null>(null);
  const { api, me } = useSession();
  const submission = useSubmission();

  const remove = async () => {
    if (!removing) return;
    const ok = await submission.run(() =>
      api.send('DELETE', paths.member(props.organisationId, removing.userId)),
    );
    if (!ok) return;
    setRemoving(null);
    props.onChanged(t('members.removed', { name: removing.displayName }));
  };

  if (props.members.length === 0) return <p>{t('members.none')}</p>;
  return (
    <>
      <TableScroll>
        <table className="data-table wrap-headings">
          <caption>{t('members.caption', { count: props.members.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('members.colName')}</th>
              <th scope="col">{t('members.colRole')}</th>
              <th scope="col">{t('members.colTeam')}</th>
              <th scope="col">{t('members.colSecondFactor')}</th>
              <th scope="col">{t('members.colSince')}</th>
              {props.mayManage ? <th scope="col">{t('members.colActions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {props.members.map((member) => (
              <tr key={member.userId}>
                <th scope="row">
                  <bdi>{member.displayName}</bdi>
                  <span className="cell-note">
                    <bdi dir="ltr">{member.email}</bdi>
                  </span>
                  {member.disabled ? (
                    <span className="badge badge-muted">{t('members.disabled')}</span>
                  ) : null}
                </th>
                <td>
                  {props.mayManage ? (
                    <RoleChanger
                      organisationId={props.organisationId}
                      member={member}
                      onChanged={(role) =>
                        props.onChanged(
                          t('members.roleChanged', { name: member.displayName, role: roleName(role) }),
                        )
                      }
                    />
                  ) : (
                    roleName(member.role)
                  )}
                </td>
                <td>{member.team ?? '—'}</td>
                <td>{member.secondFactorEnabled ? t('common.yes') : t('common.no')}</td>
                <td>{formatDate(member.since)}</td>
                {props.mayManage ? (
                  <td>
                    <button
                      type="button"
                      className="button button-small button-danger"
                      onClick={() => {
                        submission.reset();
                        setRemoving(member);
                      }}
                    >
                      {t('members.remove')}
                      <span className="visually-hidden"> {member.displayName}</span>
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <ConfirmDialog
        open={removing !== null}
        title={t('members.removeTitle', { name: removing?.displayName ?? '' })}
        confirmLabel={t('members.remove')}
        pending={submission.pending}
        onConfirm={remove}
        onClose={() => setRemoving(null)}
      >
        <p>{t('members.removeBody')}</p>
        {removing && removing.userId === me?.id ? (
          <p className="status status-warning">{t('members.removeSelf')}</p>
        ) : null}
        <FormAlert problem={submission.problem} />
      </ConfirmDialog>
    </>
  );
}

function RoleChanger(props: { organisationId: string; member: Member; onChanged: (role: Role) => void }) {
  const { t } = useI18n();
  const roleName = useRoleName();
  const { api } = useSession();
  const assignable = useAssignableRoles();
  const [role, setRole] = useState<Role>(props.member.role);
  const submission = useSubmission();
  const selectId = useId();
  const errorId = useId();
  // A role the requester may not give (an administrator's) is shown but cannot be chosen.
  const choices = assignable.includes(props.member.role) ? assignable : [props.member.role, ...assignable];

  const save = async () => {
    const ok = await submission.run(() =>
      api.send('PATCH', paths.member(props.organisationId, props.member.userId), { role }),
    );
    if (ok) props.onChanged(role);
  };

  return (
    <form className="inline-form" noValidate onSubmit={onSubmit(save)}>
      <label htmlFor={selectId} className="visually-hidden">
        {t('members.roleOf', { name: props.member.displayName })}
      </label>
      <select
        id={selectId}
        value={role}
        aria-describedby={submission.problem ? errorId : undefined}
        aria-invalid={submission.problem ? true : undefined}
        onChange={(event) => setRole(event.target.value as Role)}
      >
        {choices.map((choice) => (
          <option key={choice} value={choice} disabled={!assignable.includes(choice)}>
            {roleName(choice)}
          </option>
        ))}
      </select>
      <button
        type="submit"
        className="button button-small button-secondary"
        disabled={role === props.member.role || submission.pending}
      >
        {t('members.saveRole')}
        <span className="visually-hidden"> {props.member.displayName}</span>
      </button>
      {submission.problem ? (
        <p className="field-error" id={errorId} role="alert">
          <ProblemText problem={submission.problem} />
        </p>
      ) : null}
    </form>
  );
}
