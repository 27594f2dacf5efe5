// Audit entries as a table; the outcome is written out, its colour only repeats it.
import type { AuditEntry } from '../../api/access.js';
import { TableScroll } from '../../components/TableScroll.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { useSession } from '../../session/SessionProvider.js';
import { AuditRecordCell } from './AuditRecordCell.js';
import { actionLabelKey } from './audit-labels.js';

const OUTCOMES: Record<AuditEntry['outcome'], { label: MessageKey; mark: string }> = {
  allowed: { label: 'audit.outcome.allowed', mark: '✓' },
  denied: { label: 'audit.outcome.denied', mark: '✕' },
  failed: { label: 'audit.outcome.failed', mark: '!' },
};

const VIA: Record<AuditEntry['actorVia'], MessageKey> = {
  session: 'audit.via.session',
  token: 'audit.via.token',
  cli: 'audit.via.cli',
  system: 'audit.via.system',
  anonymous: 'audit.via.anonymous',
};

function detailText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function AuditTable(props: { entries: AuditEntry[]; organisationNames: ReadonlyMap<string, string> }) {
  const { t, formatDateTime } = useI18n();
  const { me } = useSession();
  return (
    <TableScroll>
      <table className="data-table audit-table">
        <caption>{t('audit.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.colWhen')}</th>
            <th scope="col">{t('audit.colWho')}</th>
            <th scope="col">{t('audit.colAction')}</th>
            <th scope="col">{t('audit.colOutcome')}</th>
            <th scope="col">{t('audit.colResource')}</th>
            <th scope="col">{t('audit.colDetails')}</th>
          </tr>
        </thead>
        <tbody>
          {props.entries.map((entry) => {
            const outcome = OUTCOMES[entry.outcome];
            return (
              <tr key={entry.seq}>
                <th scope="row">
                  <time dateTime={entry.at}>{formatDateTime(entry.at, { seconds: true })}</time>
                  <span className="cell-note">#{entry.seq}</span>
                </th>
                <td>
                  {entry.actorUserId === me?.id ? (
                    <strong>{t('audit.you')}</strong>
                  ) : entry.actorUserId ? (
                    <details className="name-with-id">
                      <summary>{entry.actorName ?? t('audit.someone')}</summary>
                      <code className="id" dir="ltr">
                        {entry.actorUserId}
                      </code>
                    </details>
                  ) : null}
                  <span className="cell-note">{t(VIA[entry.actorVia])}</span>
                </td>
                <td>
                  <span className="audit-action" title={t('auditAction.code', { code: entry.action })}>
                    {t(actionLabelKey(entry.action))}
                  </span>
                </td>
                <td>
                  <span className={`outcome outcome-${entry.outcome}`}>
                    <span aria-hidden="true">{outcome.mark} </span>
                    {t(outcome.label)}
                  </span>
                </td>
                <td>
                  <AuditRecordCell entry={entry} organisationNames={props.organisationNames} />
                </td>
                <td>
                  {entry.reason ? (
                    <p className="cell-note">
                      <strong>{t('audit.reason')}</strong> <bdi>{entry.reason}</bdi>
                    </p>
                  ) : null}
                  <dl className="details-list" dir="ltr">
                    {Object.entries(entry.details).map(([key, value]) => (
                      <div key={key}>
                        <dt>{key}</dt>
                        <dd>{detailText(value)}</dd>
                      </div>
                    ))}
                  </dl>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
