// Break-glass: a case worker or manager opens a record outside their scope for up to three hours,
// saying why; the organisation holding the record sees every grant, acknowledges or revokes it.
import { useState } from 'react';
import {
  type BreakGlassGrantListResponse,
  type BreakGlassGrantResponseBody,
  type OrganisationListResponse,
  organisationName,
  paths,
} from '../../api/access.js';
import { useApiResource } from '../../api/useApiResource.js';
import { Field, FormAlert, onSubmit, SuccessNote, useSubmission } from '../../components/forms.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ResourceView } from '../../components/Status.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link } from '../../router.js';
import { useSession } from '../../session/SessionProvider.js';
import { GrantTable } from './GrantTable.js';

/** As BreakGlassRequest in src/access/schemas.ts (not imported: it would bundle zod into the page). */
export const REASON_MIN_LENGTH = 20;
const HOURS = [0.25, 0.5, 1, 2, 3] as const;

export function BreakGlassPage() {
  const { t, language } = useI18n();
  const session = useSession();
  const grants = useApiResource<BreakGlassGrantListResponse>(paths.breakGlass);
  const organisations = useApiResource<OrganisationListResponse>(paths.organisations);
  const [granted, setGranted] = useState<string | null>(null);
  const names = new Map(
    organisations.status === 'ready'
      ? organisations.data.data.map((o) => [o.id, organisationName(o, language)] as const)
      : [],
  );
  const mayRequest = session.canWithSecondFactor('break_glass.request');
  return (
    <article className="break-glass">
      <PageHeading>{t('breakGlass.title')}</PageHeading>
      <p className="lede">{t('breakGlass.intro')}</p>
      {mayRequest ? (
        <section aria-labelledby="request-heading">
          <h2 id="request-heading">{t('breakGlass.requestHeading')}</h2>
          {granted ? <SuccessNote>{t('breakGlass.granted', { name: granted })}</SuccessNote> : null}
          {session.can('break_glass.request') ? (
            <ResourceView resource={organisations}>
              {({ data }) => (
                <RequestForm
                  organisations={data.map((o) => ({ value: o.id, label: organisationName(o, language) }))}
                  onGranted={(organisationId) => {
                    setGranted(names.get(organisationId) ?? organisationId);
                    grants.reload();
                  }}
                />
              )}
            </ResourceView>
          ) : (
            <p className="status status-warning">
              {t('breakGlass.needsSecondFactor')}{' '}
              <Link to="/profile#second-factor">{t('banner.secondFactorLink')}</Link>
            </p>
          )}
        </section>
      ) : null}
      <section aria-labelledby="grants-heading">
        <h2 id="grants-heading">{t('breakGlass.grantsHeading')}</h2>
        <p>{t('breakGlass.grantsIntro')}</p>
        <ResourceView resource={grants}>
          {({ data }) => <GrantTable grants={data} organisationNames={names} onChanged={grants.reload} />}
        </ResourceView>
      </section>
    </article>
  );
}

function RequestForm(props: {
  organisations: { value: string; label: string }[];
  onGranted: (organisationId: string) => void;
}) {
  const { t } = useI18n();
  const { api } = useSession();
  const [organisationId, setOrganisationId] = useState('');
  const [reason, setReason] = useState('');
  const [hours, setHours] = useState<number>(1);
  const [errors, setErrors] = useState<{ organisation?: string; reason?: string }>({});
  const submission = useSubmission();

  const submit = async () => {
    const found = {
      ...(organisationId ? {} : { organisation: t('breakGlass.organisationMissing') }),
      ...(reason.trim().length >= REASON_MIN_LENGTH
        ? {}
        : { reason: t('breakGlass.reasonShort', { count: REASON_MIN_LENGTH }) }),
    };
    setErrors(found);
    if (found.organisation || found.reason) {
      submission.markInvalid();
      return;
    }
    const ok = await submission.run(() =>
      api.send<BreakGlassGrantResponseBody>('POST', paths.breakGlass, {
        resourceType: 'organisation',
        resourceId: organisationId,
        reason: reason.trim(),
        hours,
      }),
    );
    if (!ok) return;
    props.onGranted(organisationId);
    setOrganisationId('');
    setReason('');
  };

  const server = submission.fieldErrors;
  const length = reason.trim().length;
  return (
    <form className="form" ref={submission.formRef} noValidate onSubmit={onSubmit(submit)}>
      <p className="status status-warning">{t('breakGlass.warning')}</p>
      <FormAlert problem={submission.problem} />
      <Field
        label={t('breakGlass.organisation')}
        hint={t('breakGlass.organisationHint')}
        errors={errors.organisation ? [errors.organisation] : []}
        serverErrors={server.get('resourceId')}
      >
        {(control) => (
          <select
            {...control}
            value={organisationId}
            onChange={(event) => setOrganisationId(event.target.value)}
          >
            <option value="">{t('form.choose')}</option>
            {props.organisations.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={t('breakGlass.reason')}
        hint={t('breakGlass.reasonHint', { count: REASON_MIN_LENGTH, length })}
        errors={errors.reason ? [errors.reason] : []}
        serverErrors={server.get('reason')}
      >
        {(control) => (
          <textarea
            {...control}
            rows={4}
            maxLength={1000}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        )}
      </Field>
      <Field label={t('breakGlass.hours')} serverErrors={server.get('hours')}>
        {(control) => (
          <select {...control} value={hours} onChange={(event) => setHours(Number(event.target.value))}>
            {HOURS.map((value) => (
              <option key={value} value={value}>
                {value < 1
                  ? t('breakGlass.minutes', { count: value * 60 })
                  : t('breakGlass.hoursOption', { count: value })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="button-row">
        <button type="submit" className="button button-danger" disabled={submission.pending}>
          {t('breakGlass.submit')}
        </button>
      </div>
    </form>
  );
}
