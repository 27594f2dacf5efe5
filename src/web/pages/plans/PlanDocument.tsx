// The plan itself: objectives by pillar, their measures (owner, contributors, deadline, budget, status,
// linked activities, funding) and each measure's indicators with their reports.
import { useId, useState } from 'react';
import { MEASURE_STATUSES } from '../../../plans/schemas.js';
import type { Problem } from '../../../platform/errors.js';
import { asProblem } from '../../api/client.js';
import { type MeasureView, measureStatusPath, type PlanView } from '../../api/plans.js';
import { ProblemText } from '../../components/forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link } from '../../router.js';
import { useSession } from '../../session/SessionProvider.js';
import { isolate } from './bidi.js';
import { useCountryNames } from './countries.js';
import { IndicatorBlock } from './IndicatorBlock.js';
import { formatMoney } from './money.js';
import { useDayFormat } from './period.js';

type Props = { plan: PlanView; onChanged: () => void };

export function PlanDocument(props: Props) {
  const { t } = useI18n();
  const { plan } = props;
  return (
    <section aria-labelledby="plan-document" className="plan-document">
      <h2 id="plan-document">{t('plans.document.heading')}</h2>
      {plan.objectives.length === 0 ? <p>{t('plans.document.noObjectives')}</p> : null}
      {plan.objectives.map((objective) => (
        <section key={objective.id} className="plan-objective" aria-labelledby={`objective-${objective.id}`}>
          <h3 id={`objective-${objective.id}`}>
            {objective.title}
            <span className="badge">{t(`plans.pillar.${objective.pillar}`)}</span>
          </h3>
          {objective.measures.length === 0 ? <p>{t('plans.document.noMeasures')}</p> : null}
          {objective.measures.map((measure) => (
            <MeasureBlock key={measure.id} {...props} measure={measure} />
          ))}
        </section>
      ))}
    </section>
  );
}

function MeasureBlock(props: Props & { measure: MeasureView }) {
  const { t, info } = useI18n();
  const day = useDayFormat();
  const countries = useCountryNames();
  const { measure } = props;
  const headingId = `measure-${measure.id}`;
  return (
    <section className="plan-measure" aria-labelledby={headingId}>
      <h4 id={headingId}>{measure.title}</h4>
      <dl className="facts">
        <dt>{t('plans.column.owner')}</dt>
        <dd>{measure.owner.name}</dd>
        <dt>{t('plans.column.contributors')}</dt>
        <dd>
          {measure.contributors.length === 0
            ? t('plans.noContributors')
            : measure.contributors.map((organisation) => organisation.name).join(t('plans.listSeparator'))}
        </dd>
        <dt>{t('plans.column.deadline')}</dt>
        <dd>{measure.deadline ? day(measure.deadline) : t('plans.notSet')}</dd>
        <dt>{t('plans.column.budget')}</dt>
        <dd>{measure.budget ? formatMoney(measure.budget, info.intlLocale) : t('plans.notSet')}</dd>
        {measure.countries.length > 0 ? (
          <>
            <dt>{t('plans.column.countries')}</dt>
            <dd>{countries.listOf(measure.countries)}</dd>
          </>
        ) : null}
        <dt>{t('plans.column.status')}</dt>
        <dd>{t(`plans.measureStatus.${measure.status}`)}</dd>
        <dt>{t('plans.column.activities')}</dt>
        <dd>
          {measure.activities.length === 0 ? (
            t('plans.document.noActivities')
          ) : (
            <ul className="cell-list">
              {measure.activities.map((activity) => (
                <li key={activity.id}>
                  {activity.found ? (
                    <Link to={`/activities/${activity.id}`}>{activity.name}</Link>
                  ) : (
                    <span className="muted">{t('plans.document.activityMissing')}</span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </dd>
        {measure.funding.length > 0 ? (
          <>
            <dt>{t('plans.column.funders')}</dt>
            <dd>
              <ul className="cell-list">
                {measure.funding.map((row) => (
                  <li key={`${row.funder.id}-${row.currency}`}>
                    {t('plans.funding.funderLine', {
                      funder: isolate(row.funder.name),
                      committed: formatMoney(
                        { amountMinor: row.committedMinor, currency: row.currency },
                        info.intlLocale,
                      ),
                      spent: formatMoney(
                        { amountMinor: row.spentMinor, currency: row.currency },
                        info.intlLocale,
                      ),
                    })}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
      {measure.can.setStatus ? <StatusChanger {...props} /> : null}
      {measure.indicators.length === 0 ? <p>{t('plans.document.noIndicators')}</p> : null}
      {measure.indicators.map((indicator) => (
        <IndicatorBlock
          key={indicator.id}
          planId={props.plan.id}
          measure={measure}
          indicator={indicator}
          onChanged={props.onChanged}
        />
      ))}
    </section>
  );
}

/** The measure's owner and the plan's coordinator set its status here. */
function StatusChanger(props: Props & { measure: MeasureView }) {
  const { t } = useI18n();
  const { api } = useSession();
  const id = useId();
  const { measure } = props;
  type Status = MeasureView['status'];
  const [status, setStatus] = useState<Status>(measure.status);
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<{ problem: Problem } | { saved: Status } | null>(null);
  const save = async () => {
    setPending(true);
    setOutcome(null);
    try {
      await api.send('PUT', measureStatusPath(props.plan.id, measure.id), { status });
      setOutcome({ saved: status });
      props.onChanged();
    } catch (error) {
      setOutcome({ problem: asProblem(error) });
    } finally {
      setPending(false);
    }
  };
  return (
    <div className="status-changer">
      <label htmlFor={id}>
        {t('plans.document.changeStatus')}
        <span className="visually-hidden">
          {' '}
          {t('plans.document.ofMeasure', { measure: isolate(measure.title) })}
        </span>
      </label>
      <select id={id} value={status} onChange={(event) => setStatus(event.target.value as Status)}>
        {MEASURE_STATUSES.map((value) => (
          <option key={value} value={value}>
            {t(`plans.measureStatus.${value}`)}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={pending || status === measure.status}
        onClick={save}
      >
        {t('plans.document.setStatus')}
      </button>
      <span role="status" className="status-changer-outcome">
        {outcome && 'saved' in outcome
          ? t('plans.document.statusSaved', { status: t(`plans.measureStatus.${outcome.saved}`) })
          : null}
      </span>
      {outcome && 'problem' in outcome ? (
        <p className="field-error" role="alert">
          <ProblemText problem={outcome.problem} />
        </p>
      ) : null}
    </div>
  );
}
