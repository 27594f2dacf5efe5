// Adding a person to an organisation: a new account gets an initial password, shown once to hand over.
import { useId, useState } from 'react';
import type { Role } from '../../../access/schema.js';
import { type AddedMemberResponse, paths } from '../../api/access.js';
import { Field, FormAlert, onSubmit, SuccessNote, useSubmission } from '../../components/forms.js';
import { SecretOnce } from '../../components/SecretOnce.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useRoleName } from '../../session/labels.js';
import { ROLE_ORDER, rolesOf } from '../../session/permissions.js';
import { useSession } from '../../session/SessionProvider.js';

/** Only an installation administrator may hand out the installation-wide roles. */
export function useAssignableRoles(): Role[] {
  const { me } = useSession();
  const isAdmin = rolesOf(me).includes('admin');
  return ROLE_ORDER.filter((role) => isAdmin || (role !== 'admin' && role !== 'coordinator'));
}

export function AddMemberForm(props: { organisationId: string; onAdded: () => void }) {
  const { t } = useI18n();
  const roleName = useRoleName();
  const { api } = useSession();
  const assignable = useAssignableRoles();
  const headingId = useId();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [team, setTeam] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [added, setAdded] = useState<AddedMemberResponse | null>(null);
  const submission = useSubmission();

  const submit = async () => {
    const found: Record<string, string> = {};
    if (!email.includes('@')) found.email = t('members.emailMissing');
    if (!displayName.trim()) found.displayName = t('members.nameMissing');
    if (!role) found.role = t('members.roleMissing');
    setErrors(found);
    if (Object.keys(found).length > 0) {
      submission.markInvalid();
      return;
    }
    const ok = await submission.run(async () => {
      const answer = await api.send<AddedMemberResponse>('POST', paths.members(props.organisationId), {
        email: email.trim(),
        displayName: displayName.trim(),
        role,
        ...(team.trim() ? { team: team.trim() } : {}),
      });
      setAdded(answer);
    });
    if (!ok) return;
    setEmail('');
    setDisplayName('');
    setRole('');
    setTeam('');
    props.onAdded();
  };

  const server = submission.fieldErrors;
  return (
    <section aria-labelledby={headingId} className="subsection">
      <h3 id={headingId}>{t('members.addHeading')}</h3>
      {added ? (
        <div>
          <SuccessNote>
            {added.data.outcome === 'added'
              ? t('members.addedNew', { name: added.data.displayName, role: roleName(added.data.role) })
              : t('members.invited', { email: added.data.email, role: roleName(added.data.role) })}
          </SuccessNote>
          {added.initialPassword ? (
            <SecretOnce
              label={t('members.initialPassword', { name: added.data.displayName })}
              value={added.initialPassword}
              warning={t('members.initialPasswordWarning')}
              onDone={() => setAdded(null)}
            />
          ) : null}
        </div>
      ) : null}
      {added?.initialPassword ? null : (
        <form className="form" ref={submission.formRef} noValidate onSubmit={onSubmit(submit)}>
          <p>{t('members.addIntro')}</p>
          <FormAlert problem={submission.problem} />
          <Field
            label={t('members.email')}
            errors={errors.email ? [errors.email] : []}
            serverErrors={server.get('email')}
          >
            {(control) => (
              <input
                {...control}
                type="email"
                autoComplete="off"
                dir="ltr"
                value={email}
                onChange={(event) => setEmail(event.target.value)}
              />
            )}
          </Field>
          <Field
            label={t('members.displayName')}
            errors={errors.displayName ? [errors.displayName] : []}
            serverErrors={server.get('displayName')}
          >
            {(control) => (
              <input
                {...control}
                type="text"
                autoComplete="off"
                maxLength={200}
                value={displayName}
                onChange={(event) => setDisplayName(event.target.value)}
              />
            )}
          </Field>
          <Field
            label={t('members.role')}
            errors={errors.role ? [errors.role] : []}
            serverErrors={server.get('role')}
          >
            {(control) => (
              <select {...control} value={role} onChange={(event) => setRole(event.target.value as Role)}>
                <option value="">{t('form.choose')}</option>
                {assignable.map((choice) => (
                  <option key={choice} value={choice}>
                    {roleName(choice)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('members.team')} hint={t('members.teamHint')} serverErrors={server.get('team')}>
            {(control) => (
              <input
                {...control}
                type="text"
                autoComplete="off"
                maxLength={100}
                value={team}
                onChange={(event) => setTeam(event.target.value)}
              />
            )}
          </Field>
          <div className="button-row">
            <button type="submit" className="button" disabled={submission.pending}>
              {t('members.add')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
