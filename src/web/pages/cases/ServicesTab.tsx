// The case's follow-up: services delivered (a record is never changed; a correction supersedes it and both
// stay in the history), the case plan, and closing or reopening the case with a reason.
import { useState } from 'react';
import { type ServiceRecord, type ServicesResponse, useCaseServices } from '../../api/follow-up.js';
import { SuccessNote } from '../../components/forms.js';
import { ResourceView } from '../../components/Status.js';
import { TableScroll } from '../../components/TableScroll.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useSession } from '../../session/SessionProvider.js';
import { CasePlanSection } from './CasePlanSection.js';
import { CaseStatusSection } from './CaseStatusSection.js';
import type { CaseTabProps } from './case-tabs.js';
import { calendarDay, serviceCategoryKey } from './follow-up-labels.js';
import { ServiceForm } from './ServiceForm.js';

export function ServicesTab(props: CaseTabProps) {
  const { t } = useI18n();
  const session = useSession();
  const services = useCaseServices(props.theCase.id);
  const [saved, setSaved] = useState<string | null>(null);
  const [correcting, setCorrecting] = useState<ServiceRecord | null>(null);
  const canWrite = session.can('cases.write', { organisationId: props.theCase.organisationId });
  const recorded = (message: string) => {
    setSaved(message);
    setCorrecting(null);
    services.reload();
    props.reloadCase();
  };
  return (
    <section aria-labelledby="case-services-heading">
      <h2 id="case-services-heading">{t('followUp.services.heading')}</h2>
      {saved ? <SuccessNote>{saved}</SuccessNote> : null}
      <ResourceView resource={services}>
        {({ data }) => (
          <>
            <CurrentServices
              current={data.current}
              onCorrect={
                canWrite
                  ? (record) => {
                      setSaved(null);
                      setCorrecting(record);
                    }
                  : null
              }
            />
            {canWrite ? (
              <ServiceForm
                key={correcting?.id ?? 'new'}
                caseId={props.theCase.id}
                correcting={correcting}
                onCancel={() => setCorrecting(null)}
                onRecorded={() =>
                  recorded(t(correcting ? 'followUp.services.corrected' : 'followUp.services.recorded'))
                }
              />
            ) : null}
            <ServiceHistory history={data.history} />
          </>
        )}
      </ResourceView>
      <CasePlanSection theCase={props.theCase} canWrite={canWrite} />
      {canWrite ? <CaseStatusSection theCase={props.theCase} reloadCase={props.reloadCase} /> : null}
    </section>
  );
}

function useProviderText() {
  const { t } = useI18n();
  return (record: ServiceRecord) =>
    record.providerOrganisationName ?? record.providerName ?? t('followUp.services.noProvider');
}

function CurrentServices(props: {
  current: ServicesResponse['data']['current'];
  onCorrect: ((record: ServiceRecord) => void) | null;
}) {
  const { t, formatDate, formatDateTime } = useI18n();
  const provider = useProviderText();
  if (props.current.length === 0) return <p>{t('followUp.services.none')}</p>;
  return (
    <TableScroll>
      <table>
        <caption>{t('followUp.services.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('followUp.services.category')}</th>
            <th scope="col">{t('followUp.services.provider')}</th>
            <th scope="col">{t('followUp.services.deliveredOn')}</th>
            <th scope="col">{t('followUp.services.notes')}</th>
            <th scope="col">{t('followUp.services.recordedBy')}</th>
            {props.onCorrect ? <th scope="col">{t('followUp.services.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {props.current.map((record) => {
            const service = t(serviceCategoryKey(record.category));
            const date = formatDate(calendarDay(record.deliveredOn));
            return (
              <tr key={record.id}>
                <th scope="row">
                  {service}
                  {record.correctionReason ? (
                    <span className="cell-note">
                      {t('followUp.services.correctionOf', { reason: record.correctionReason })}
                    </span>
                  ) : null}
                </th>
                <td>{provider(record)}</td>
                <td>
                  <time dateTime={record.deliveredOn}>{date}</time>
                </td>
                <td>{record.notes ?? ''}</td>
                <td>
                  {record.recordedBy ?? t('cases.someone')}
                  <span className="cell-note">
                    <time dateTime={record.recordedAt}>{formatDateTime(record.recordedAt)}</time>
                  </span>
                </td>
                {props.onCorrect ? (
                  <td>
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      onClick={() => props.onCorrect?.(record)}
                    >
                      {t('followUp.services.correct', { service, date })}
                    </button>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Every record, newest first: corrected ones are marked as superseded, corrections say why. */
function ServiceHistory(props: { history: ServicesResponse['data']['history'] }) {
  const { t, formatDate, formatDateTime } = useI18n();
  const provider = useProviderText();
  if (props.history.length === 0) return null;
  return (
    <details className="disclosure subsection">
      <summary>{t('followUp.services.historyHeading')}</summary>
      <ul className="service-history">
        {props.history.map((record) => (
          <li key={record.id} className={record.supersededBy ? 'is-superseded' : undefined}>
            {t('followUp.services.historyEntry', {
              who: record.recordedBy ?? t('cases.someone'),
              when: formatDateTime(record.recordedAt),
              service: t(serviceCategoryKey(record.category)),
              date: formatDate(calendarDay(record.deliveredOn)),
            })}
            {` — ${provider(record)}`}
            {record.notes ? <span className="cell-note">{record.notes}</span> : null}
            {record.correctionReason ? (
              <span className="cell-note">
                {t('followUp.services.correctionOf', { reason: record.correctionReason })}
              </span>
            ) : null}
            {record.supersededBy ? (
              <strong className="cell-note">{t('followUp.services.superseded')}</strong>
            ) : null}
          </li>
        ))}
      </ul>
    </details>
  );
}
