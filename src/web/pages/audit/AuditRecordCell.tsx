// An audit entry's record in words: its kind, its name where the reader may see it, and the
// identifier folded away until asked for (administrators need it to search or to report).
import type { AuditEntry } from '../../api/access.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { recordKindKey } from './audit-labels.js';

export function AuditRecordCell(props: {
  entry: AuditEntry;
  organisationNames: ReadonlyMap<string, string>;
}) {
  const { t } = useI18n();
  const { entry } = props;
  const organisationName = entry.organisationId
    ? (entry.organisationName ?? props.organisationNames.get(entry.organisationId) ?? null)
    : null;
  // An organisation's own record already names it; saying "Organisation: X" again adds nothing.
  const isTheOrganisation =
    entry.resourceType === 'organisation' && entry.resourceId === entry.organisationId;
  if (!entry.resourceType && !entry.resourceId && !entry.organisationId) return <>—</>;
  return (
    <>
      {entry.resourceName ? (
        <>
          <bdi className="record-name">{entry.resourceName}</bdi>
          {entry.resourceType ? (
            <span className="cell-note">{t(recordKindKey(entry.resourceType))}</span>
          ) : null}
        </>
      ) : entry.resourceType ? (
        <span className="record-kind">{t(recordKindKey(entry.resourceType))}</span>
      ) : null}
      {entry.resourceId ? (
        <details className="name-with-id">
          <summary>{t('auditRecord.showId')}</summary>
          <code className="id" dir="ltr">
            {entry.resourceId}
          </code>
        </details>
      ) : null}
      {entry.organisationId && !isTheOrganisation ? (
        <span className="cell-note">
          {organisationName ? (
            t('audit.inOrganisation', { name: organisationName })
          ) : (
            <details className="name-with-id">
              <summary>{t('audit.organisation')}</summary>
              <code className="id" dir="ltr">
                {entry.organisationId}
              </code>
            </details>
          )}
        </span>
      ) : null}
    </>
  );
}
