// Loading and error states, announced to screen readers through live regions.
import type { ReactNode } from 'react';
import type { Problem } from '../../platform/errors.js';
import type { Resource } from '../api/useResource.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { ENGLISH, type MessageKey } from '../i18n/messages.js';

export function Loading(props: { label?: MessageKey | undefined }) {
  const { t } = useI18n();
  return (
    <p className="status status-loading" role="status">
      {t(props.label ?? 'status.loading')}
    </p>
  );
}

function problemMessageKey(code: string): MessageKey | null {
  const key = `problem.${code}`;
  return key in ENGLISH ? (key as MessageKey) : null;
}

/** Shows what failed, in the reader's language when the code is known, with the server's detail. */
export function ProblemAlert(props: { problem: Problem; onRetry?: () => void }) {
  const { t } = useI18n();
  const { problem } = props;
  const key = problemMessageKey(problem.code);
  return (
    <div className="status status-error" role="alert">
      <p className="status-title">{t('status.errorHeading')}</p>
      <p>{key ? t(key) : problem.title}</p>
      {/* The detail comes from the server in English; it names what exactly failed. */}
      {problem.detail ? (
        <p className="status-detail" lang="en" dir="ltr">
          {problem.detail}
        </p>
      ) : null}
      <p className="status-code">{t('status.errorCode', { code: problem.code })}</p>
      {props.onRetry ? (
        <button type="button" className="button" onClick={props.onRetry}>
          {t('status.retry')}
        </button>
      ) : null}
    </div>
  );
}

/** Renders a resource's loading and error states, and `children` once its data is here. */
export function ResourceView<T>(props: {
  resource: Resource<T>;
  loadingLabel?: MessageKey;
  children: (data: T) => ReactNode;
}) {
  const { resource } = props;
  if (resource.status === 'loading') return <Loading label={props.loadingLabel} />;
  if (resource.status === 'error')
    return <ProblemAlert problem={resource.problem} onRetry={resource.retry} />;
  return <>{props.children(resource.data)}</>;
}
