// The release wizard: data, columns (with the disclosure-risk check), method, then the draft's figures
// to publish or discard. One step at a time; the progress is a real list and each step's heading takes focus.
import { useEffect, useRef, useState } from 'react';
import type { Inspection, ReleaseSource, ReleaseView, RiskReport } from '../../api/releases.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { Link, navigate } from '../../router.js';
import { type ColumnPlan, ColumnsStep, initialPlans } from './ColumnsStep.js';
import { DataStep } from './DataStep.js';
import { MethodStep } from './MethodStep.js';
import { ReleaseActions, ReleaseDetails } from './ReleaseDetails.js';
import './releases.css';

const STEPS = ['data', 'columns', 'method', 'result'] as const;
type Step = (typeof STEPS)[number];

const STEP_TITLES: Record<Step, MessageKey> = {
  data: 'releases.step.data',
  columns: 'releases.step.columns',
  method: 'releases.step.method',
  result: 'releases.step.result',
};

export function NewReleasePage() {
  const { t } = useI18n();
  const [step, setStep] = useState<Step>('data');
  const [source, setSource] = useState<ReleaseSource | null>(null);
  const [inspection, setInspection] = useState<Inspection | null>(null);
  const [plans, setPlans] = useState<ColumnPlan[]>([]);
  const [risk, setRisk] = useState<RiskReport | null>(null);
  const [draft, setDraft] = useState<ReleaseView | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the step is the trigger, not an input
  useEffect(() => {
    // After Next or Back, the new step's heading takes focus: a screen reader hears where it is.
    if (moved.current) heading.current?.focus();
  }, [step]);

  const go = (next: Step) => {
    moved.current = true;
    setStep(next);
  };
  const index = STEPS.indexOf(step);

  return (
    <article className="release-wizard">
      <p className="back-link">
        <Link to="/releases">{t('releases.backLink')}</Link>
      </p>
      <PageHeading>{t('releases.newTitle')}</PageHeading>
      <p className="lede">{t('releases.newIntro')}</p>
      <ol className="wizard-progress" aria-label={t('releases.progress')}>
        {STEPS.map((each, i) => (
          <li key={each} aria-current={each === step ? 'step' : undefined}>
            {t(STEP_TITLES[each])}
            {i < index ? <span className="visually-hidden"> ({t('releases.stepDone')})</span> : null}
          </li>
        ))}
      </ol>
      <section className="wizard-step" aria-labelledby="release-step-heading">
        <h2 id="release-step-heading" ref={heading} tabIndex={-1}>
          <span className="step-count">
            {t('releases.stepCount', { current: index + 1, total: STEPS.length })}
          </span>{' '}
          {t(STEP_TITLES[step])}
        </h2>
        {step === 'data' ? (
          <DataStep
            onInspected={(chosen, inspected) => {
              setSource(chosen);
              setInspection(inspected);
              setPlans(initialPlans(inspected.columns));
              setRisk(null);
              go('columns');
            }}
          />
        ) : null}
        {step === 'columns' && source && inspection ? (
          <ColumnsStep
            source={source}
            inspection={inspection}
            plans={plans}
            onPlans={(next) => {
              setPlans(next);
              setRisk(null);
            }}
            risk={risk}
            onRisk={setRisk}
            onBack={() => go('data')}
            onNext={() => go('method')}
          />
        ) : null}
        {step === 'method' && source ? (
          <MethodStep
            source={source}
            plans={plans}
            onBack={() => go('columns')}
            onPrepared={(view) => {
              setDraft(view);
              go('result');
            }}
          />
        ) : null}
        {step === 'result' && draft ? (
          <>
            <ReleaseDetails release={draft} level={3} />
            <ReleaseActions
              release={draft}
              level={3}
              onChanged={(view) => (view ? navigate(`/releases/${view.id}`) : navigate('/releases'))}
            />
          </>
        ) : null}
      </section>
    </article>
  );
}
