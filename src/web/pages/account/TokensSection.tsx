// Personal API tokens for scripts: created with a name, some of one's roles and an expiry, shown once;
// listed without their secret; revoked after a confirmation.
import { useId, useState } from 'react';
import type { Role } from '../../../access/schema.js';
import {
  type ApiToken,
  type ApiTokenListResponse,
  type CreatedApiTokenResponse,
  paths,
} from '../../api/access.js';
import { useApiResource } from '../../api/useApiResource.js';
import { ConfirmDialog } from '../../components/Dialog.js';
import {
  Field,
  FieldErrorText,
  FormAlert,
  onSubmit,
  SuccessNote,
  useSubmission,
} from '../../components/forms.js';
import { SecretOnce } from '../../components/SecretOnce.js';
import { ResourceView } from '../../components/Status.js';
import { TableScroll } from '../../components/TableScroll.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useRoleName } from '../../session/labels.js';
import { rolesOf } from '../../session/permissions.js';
import { useSession } from '../../session/SessionProvider.js';
import { CurrentPasswordField } from './CurrentPasswordField.js';

const EXPIRY_DAYS = [7, 30, 90, 180, 365] as const;

export function TokensSection() {
  const { t } = useI18n();
  const headingId = useId();
  const tokens = useApiResource<ApiTokenListResponse>(paths.tokens);
  const [created, setCreated] = useState<CreatedApiTokenResponse['data'] | null>(null);
  const [revoked, setRevoked] = useState<string | null>(null);
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('tokens.heading')}</h2>
      <p>{t('tokens.intro')}</p>
      {created ? (
        <SecretOnce
          label={t('tokens.newToken', { name: created.name })}
          value={created.token}
          warning={t('tokens.showOnce')}
          onDone={() => setCreated(null)}
        />
      ) : (
        <CreateTokenForm
          onCreated={(token) => {
            setCreated(token);
            setRevoked(null);
            tokens.reload();
          }}
        />
      )}
      {revoked ? <SuccessNote>{t('tokens.revokedNow', { name: revoked })}</SuccessNote> : null}
      <ResourceView resource={tokens}>
        {({ data }) =>
          data.length === 0 ? (
            <p>{t('tokens.none')}</p>
          ) : (
            <TokenTable
              tokens={data}
              onRevoked={(name) => {
                setRevoked(name);
                tokens.reload();
              }}
            />
          )
        }
      </ResourceView>
    </section>
  );
}

function CreateTokenForm(props: { onCreated: (token: CreatedApiTokenResponse['data']) => void }) {
  const { t } = useI18n();
  const roleName = useRoleName();
  const { api, me } = useSession();
  const held = rolesOf(me);
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<Role[]>(held.length === 1 ? held : []);
  const [days, setDays] = useState(90);
  const [currentPassword, setCurrentPassword] = useState('');
  const [errors, setErrors] = useState<{ name?: string; roles?: string; password?: boolean }>({});
  const submission = useSubmission();
  const rolesHintId = useId();
  const rolesErrorId = useId();

  const submit = async () => {
    const found = {
      ...(name.trim() ? {} : { name: t('tokens.nameMissing') }),
      ...(roles.length ? {} : { roles: t('tokens.rolesMissing') }),
      ...(currentPassword ? {} : { password: true }),
    };
    setErrors(found);
    if (found.name || found.roles || found.password) {
      submission.markInvalid();
      return;
    }
    await submission.run(async () => {
      const answer = await api.send<CreatedApiTokenResponse>('POST', paths.tokens, {
        name: name.trim(),
        roles,
        expiresInDays: days,
        currentPassword,
      });
      setName('');
      setCurrentPassword('');
      props.onCreated(answer.data);
    });
  };

  const roleErrors = submission.fieldErrors.get('roles') ?? [];
  const hasRoleError = Boolean(errors.roles) || roleErrors.length > 0;
  return (
    <form className="form" ref={submission.formRef} noValidate onSubmit={onSubmit(submit)}>
      <h3>{t('tokens.createHeading')}</h3>
      <FormAlert problem={submission.problem} />
      <Field
        label={t('tokens.name')}
        hint={t('tokens.nameHint')}
        errors={errors.name ? [errors.name] : []}
        serverErrors={submission.fieldErrors.get('name')}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            maxLength={100}
            autoComplete="off"
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        )}
      </Field>
      <fieldset
        className={`fieldset${hasRoleError ? ' has-error' : ''}`}
        aria-describedby={[rolesHintId, hasRoleError ? rolesErrorId : ''].join(' ').trim()}
      >
        <legend>{t('tokens.roles')}</legend>
        <p className="field-hint" id={rolesHintId}>
          {t('tokens.rolesHint')}
        </p>
        {hasRoleError ? (
          <p className="field-error" id={rolesErrorId}>
            {errors.roles}
            {roleErrors.map((error) => (
              <FieldErrorText key={error.code} error={error} label={t('tokens.roles')} />
            ))}
          </p>
        ) : null}
        {held.map((role) => (
          <label key={role} className="check">
            <input
              type="checkbox"
              checked={roles.includes(role)}
              aria-invalid={hasRoleError ? true : undefined}
              onChange={(event) =>
                setRoles((current) =>
                  event.target.checked ? [...current, role] : current.filter((r) => r !== role),
                )
              }
            />
            {roleName(role)}
          </label>
        ))}
      </fieldset>
      <Field label={t('tokens.expiry')} serverErrors={submission.fieldErrors.get('expiresInDays')}>
        {(control) => (
          <select {...control} value={days} onChange={(event) => setDays(Number(event.target.value))}>
            {EXPIRY_DAYS.map((value) => (
              <option key={value} value={value}>
                {t('tokens.days', { count: value })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <CurrentPasswordField
        value={currentPassword}
        onChange={setCurrentPassword}
        isMissing={Boolean(errors.password)}
        serverErrors={submission.fieldErrors.get('currentPassword')}
      />
      <div className="button-row">
        <button type="submit" className="button" disabled={submission.pending}>
          {t('tokens.create')}
        </button>
      </div>
    </form>
  );
}

function tokenState(token: ApiToken): 'revoked' | 'expired' | 'active' {
  if (token.revokedAt) return 'revoked';
  return new Date(token.expiresAt).getTime() <= Date.now() ? 'expired' : 'active';
}

function TokenTable(props: { tokens: ApiToken[]; onRevoked: (name: string) => void }) {
  const { t, formatDateTime } = useI18n();
  const roleName = useRoleName();
  const { api } = useSession();
  const [target, setTarget] = useState<ApiToken | null>(null);
  const submission = useSubmission();

  const revoke = async () => {
    if (!target) return;
    const ok = await submission.run(() => api.send('DELETE', paths.token(target.id)));
    if (!ok) return;
    setTarget(null);
    props.onRevoked(target.name);
  };

  const stateLabel = {
    active: t('tokens.active'),
    revoked: t('tokens.revoked'),
    expired: t('tokens.expired'),
  };
  return (
    <>
      <TableScroll>
        <table className="data-table">
          <caption>{t('tokens.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('tokens.colName')}</th>
              <th scope="col">{t('tokens.colRoles')}</th>
              <th scope="col">{t('tokens.colCreated')}</th>
              <th scope="col">{t('tokens.colExpires')}</th>
              <th scope="col">{t('tokens.colLastUsed')}</th>
              <th scope="col">{t('tokens.colState')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('tokens.colActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.tokens.map((token) => {
              const state = tokenState(token);
              return (
                <tr key={token.id}>
                  <th scope="row">
                    <bdi>{token.name}</bdi>{' '}
                    <code className="code-name" dir="ltr">
                      {token.prefix}…
                    </code>
                  </th>
                  <td>{token.roles.map(roleName).join(', ')}</td>
                  <td>{formatDateTime(token.createdAt)}</td>
                  <td>{formatDateTime(token.expiresAt)}</td>
                  <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('tokens.neverUsed')}</td>
                  <td>
                    <span className={`badge badge-${state === 'active' ? 'ok' : 'muted'}`}>
                      {stateLabel[state]}
                    </span>
                  </td>
                  <td>
                    {state === 'active' ? (
                      <button
                        type="button"
                        className="button button-small button-danger"
                        onClick={() => {
                          submission.reset();
                          setTarget(token);
                        }}
                      >
                        {t('tokens.revoke')}
                        <span className="visually-hidden"> {token.name}</span>
                      </button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <ConfirmDialog
        open={target !== null}
        title={t('tokens.revokeTitle', { name: target?.name ?? '' })}
        confirmLabel={t('tokens.revoke')}
        pending={submission.pending}
        onConfirm={revoke}
        onClose={() => setTarget(null)}
      >
        <p>{t('tokens.revokeBody')}</p>
        <FormAlert problem={submission.problem} />
      </ConfirmDialog>
    </>
  );
}
