// One indicator: what it measures, its baseline and targets, its progress reports with what the reader may
// do with each (approve, withdraw), and the form to report progress for those who report on the measure.
import { useRef, useState } from 'react';
import type { Problem } from '../../../platform/errors.js';
import { asProblem } from '../../api/client.js';
import {
  approvalPath,
  type IndicatorView,
  type MeasureView,
  type ProgressReportView,
  reportPath,
} from '../../api/plans.js';
import { ProblemText, SuccessNote } from '../../components/forms.js';
import { TableScroll } from '../../components/TableScroll.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useSession } from '../../session/SessionProvider.js';
import { isolate } from './bidi.js';
import { breakdownText } from './breakdown.js';
import { ProgressBadge } from './ProgressBadge.js';
import { useDayFormat, usePeriodFormat } from './period.js';
import { ReportForm } from './ReportForm.js';

type Props = { planId: string; measure: MeasureView; indicator: IndicatorView; onChanged: () => void };

export function IndicatorBlock(props: Props) {
  const { t, formatNumber } = useI18n();
  const day = useDayFormat();
  const { indicator } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  const [note, setNote] = useState<string | null>(null);
  // After an action the button pressed may be gone: the indicator's heading takes focus, the note says why.
  const done = (message: string) => {
    setNote(message);
    props.onChanged();
    heading.current?.focus();
  };
  const value = (n: number) => t('plans.valueWithUnit', { value: formatNumber(n), unit: indicator.unit });
  return (
    <section className="plan-indicator" aria-labelledby={`indicator-${indicator.id}`}>
      <h5 id={`indicator-${indicator.id}`} ref={heading} tabIndex={-1}>
        {t('plans.document.indicator', { name: isolate(indicator.name) })}
      </h5>
      {indicator.definition ? <p dir="auto">{indicator.definition}</p> : null}
      <dl className="facts">
        <dt>{t('plans.column.unit')}</dt>
        <dd>{indicator.unit}</dd>
        <dt>{t('plans.column.direction')}</dt>
        <dd>{t(`plans.direction.${indicator.direction}`)}</dd>
        <dt>{t('plans.column.baseline')}</dt>
        <dd>
          {indicator.baseline
            ? t('plans.document.baselineOn', {
                value: value(indicator.baseline.value),
                date: day(indicator.baseline.date),
              })
            : t('plans.notSet')}
        </dd>
        <dt>{t('plans.column.source')}</dt>
        <dd>{t(`plans.source.${indicator.source.kind}`)}</dd>
        {indicator.disaggregatedBy.length > 0 ? (
          <>
            <dt>{t('plans.column.disaggregation')}</dt>
            <dd>
              {indicator.disaggregatedBy
                .map((by) => t(`plans.disaggregation.${by}`))
                .join(t('plans.listSeparator'))}
            </dd>
          </>
        ) : null}
      </dl>
      <Targets indicator={indicator} value={value} />
      {note ? <SuccessNote>{note}</SuccessNote> : null}
      <Reports {...props} value={value} onDone={done} />
      {props.measure.can.report ? (
        <ReportForm
          planId={props.planId}
          indicator={indicator}
          onSubmitted={() => done(t('plans.report.submitted'))}
        />
      ) : null}
    </section>
  );
}

function Targets(props: { indicator: IndicatorView; value: (n: number) => string }) {
  const { t } = useI18n();
  const period = usePeriodFormat();
  const { indicator } = props;
  if (indicator.targets.length === 0) return <p>{t('plans.document.noTargets')}</p>;
  return (
    <TableScroll>
      <table className="data-table">
        <caption>{t('plans.document.targetsOf', { name: isolate(indicator.name) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('plans.column.period')}</th>
            <th scope="col">{t('plans.column.breakdown')}</th>
            <th scope="col">{t('plans.column.target')}</th>
          </tr>
        </thead>
        <tbody>
          {indicator.targets.map((target) => (
            <tr key={`${target.start}-${target.end}-${target.sex ?? ''}-${target.age ?? ''}`}>
              <th scope="row">{period(target)}</th>
              <td>{breakdownText(t, target.sex, target.age)}</td>
              <td>{props.value(target.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function Reports(props: Props & { value: (n: number) => string; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const { indicator } = props;
  if (indicator.reports.length === 0) return <p>{t('plans.report.none')}</p>;
  return (
    <TableScroll>
      <table className="data-table report-table">
        <caption>{t('plans.report.caption', { name: isolate(indicator.name) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('plans.column.period')}</th>
            <th scope="col">{t('plans.column.breakdown')}</th>
            <th scope="col">{t('plans.column.value')}</th>
            <th scope="col">{t('plans.column.status')}</th>
            <th scope="col">{t('plans.column.narrative')}</th>
            <th scope="col">{t('plans.column.submitted')}</th>
            <th scope="col">{t('plans.column.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {indicator.reports.map((report) => (
            <ReportRow key={report.id} {...props} report={report} />
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function ReportRow(
  props: Props & {
    report: ProgressReportView;
    value: (n: number) => string;
    onDone: (message: string) => void;
  },
) {
  const { t, formatDateTime } = useI18n();
  const period = usePeriodFormat();
  const { api } = useSession();
  const { report } = props;
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const periodText = period(report);
  const act = async (request: () => Promise<unknown>, message: string) => {
    setPending(true);
    setProblem(null);
    try {
      await request();
      props.onDone(message);
    } catch (error) {
      setProblem(asProblem(error));
    } finally {
      setPending(false);
    }
  };
  return (
    <tr>
      <th scope="row">{periodText}</th>
      <td>{breakdownText(t, report.sex, report.age)}</td>
      <td>
        {report.value === null ? (
          <span className="muted">{t('plans.notSet')}</span>
        ) : (
          props.value(report.value)
        )}
      </td>
      <td>
        <ProgressBadge status={report.status} />
        <span className="cell-note">
          {report.approvedAt
            ? t('plans.report.approvedBy', {
                name: report.approvedBy ? isolate(report.approvedBy) : t('plans.someone'),
                date: formatDateTime(report.approvedAt),
              })
            : t('plans.report.awaiting')}
        </span>
      </td>
      <td>
        {report.narrative ? (
          <p className="report-narrative" dir="auto">
            {report.narrative}
          </p>
        ) : null}
        {report.evidenceLinks.length > 0 ? (
          <ul className="cell-list">
            {report.evidenceLinks.map((link, index) => (
              <li key={link}>
                <a href={link} rel="noopener noreferrer" target="_blank" dir="ltr">
                  {t('plans.report.evidenceN', { n: index + 1 })}
                  <span className="visually-hidden"> {t('plans.newTab')}</span>
                </a>
              </li>
            ))}
          </ul>
        ) : null}
        {report.sourceNote ? <span className="cell-note">{report.sourceNote}</span> : null}
      </td>
      <td>
        {report.submittedBy ?? t('plans.someone')}
        <span className="cell-note">{formatDateTime(report.submittedAt)}</span>
      </td>
      <td>
        <div className="report-actions">
          {report.can.approve ? (
            <button
              type="button"
              className="button button-small"
              disabled={pending}
              onClick={() =>
                act(
                  () => api.send('POST', approvalPath(props.planId, report.id)),
                  t('plans.report.approved', { period: periodText }),
                )
              }
            >
              {t('plans.report.approve')}
              <span className="visually-hidden"> {t('plans.report.forPeriod', { period: periodText })}</span>
            </button>
          ) : null}
          {report.can.withdraw && !confirming ? (
            <button
              type="button"
              className="button button-secondary button-small"
              disabled={pending}
              onClick={() => setConfirming(true)}
            >
              {t('plans.report.withdraw')}
              <span className="visually-hidden"> {t('plans.report.forPeriod', { period: periodText })}</span>
            </button>
          ) : null}
          {confirming ? (
            <WithdrawConfirmation
              pending={pending}
              onConfirm={() =>
                act(
                  () => api.send('DELETE', reportPath(props.planId, report.id)),
                  t('plans.report.withdrawn', { period: periodText }),
                )
              }
              onCancel={() => setConfirming(false)}
            />
          ) : null}
        </div>
        {problem ? (
          <p className="field-error" role="alert">
            <ProblemText problem={problem} />
          </p>
        ) : null}
      </td>
    </tr>
  );
}

function WithdrawConfirmation(props: { pending: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const confirm = useRef<HTMLButtonElement>(null);
  return (
    <span className="withdraw-confirmation">
      <span>{t('plans.report.withdrawQuestion')}</span>
      <button
        type="button"
        ref={(element) => {
          // Focus moves to the question's answer as it appears.
          if (element && confirm.current !== element) element.focus();
          confirm.current = element;
        }}
        className="button button-danger button-small"
        disabled={props.pending}
        onClick={props.onConfirm}
      >
        {t('plans.report.confirmWithdraw')}
      </button>
      <button type="button" className="button button-secondary button-small" onClick={props.onCancel}>
        {t('plans.report.keep')}
      </button>
    </span>
  );
}
