// The screening wizard: one group of questions per step (the person's age, act, means — left out for a
// child —, purpose, border crossing, indicators), then the outcome explained by the server's rules in the
// reader's language. With ?case=<id> the result can be kept on that case.
import { useEffect, useRef, useState } from 'react';
import { useResource } from '../../api/useResource.js';
import { onSubmit } from '../../components/forms.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ResourceView } from '../../components/Status.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useLocation } from '../../router.js';
import { ScreeningOutcome } from './ScreeningOutcome.js';
import { IndicatorsStep, PersonStep, QuestionsStep } from './ScreeningSteps.js';
import { type Answer, type Questionnaire, screeningPaths, type WizardAnswers } from './screening-api.js';
import { isChild, parseAge, questionsOf, type Step, stepsFor } from './steps.js';
import './screening.css';

export function ScreeningPage() {
  const { t, language } = useI18n();
  const { search } = useLocation();
  const caseId = new URLSearchParams(search).get('case');
  const questionnaire = useResource<{ data: Questionnaire }>(screeningPaths.questions(language));
  // Kept here, above the questionnaire's loading: switching language mid-way keeps every answer.
  const state = useWizardState();
  return (
    <article className="screening">
      <PageHeading>{t('screening.title')}</PageHeading>
      <p className="lede">{t('screening.intro')}</p>
      <ResourceView resource={questionnaire}>
        {({ data }) => <Wizard questionnaire={data} caseId={caseId} state={state} />}
      </ResourceView>
    </article>
  );
}

function useWizardState() {
  const [ageText, setAgeText] = useState('');
  const [ageInvalid, setAgeInvalid] = useState(false);
  const [answers, setAnswers] = useState<WizardAnswers>({
    ageAtRecruitment: null,
    answers: {},
    indicators: [],
  });
  const [step, setStep] = useState<Step>('person');
  return { ageText, setAgeText, ageInvalid, setAgeInvalid, answers, setAnswers, step, setStep };
}

function Wizard(props: {
  questionnaire: Questionnaire;
  caseId: string | null;
  state: ReturnType<typeof useWizardState>;
}) {
  const { t } = useI18n();
  const { questionnaire } = props;
  const { ageText, setAgeText, ageInvalid, setAgeInvalid, answers, setAnswers, step, setStep } = props.state;
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const steps = stepsFor(answers.ageAtRecruitment, questionnaire.childUnder);
  const index = steps.indexOf(step);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the step is the trigger, not an input
  useEffect(() => {
    // After Next or Back, the new step's heading takes focus: a screen reader hears where it is.
    if (moved.current) heading.current?.focus();
  }, [step]);

  const go = (target: Step) => {
    moved.current = true;
    setStep(target);
    window.scrollTo(0, 0);
  };
  const next = () => {
    if (step === 'person') {
      const parsed = parseAge(ageText);
      setAgeInvalid(!parsed.ok);
      if (!parsed.ok) return;
      const age = parsed.age;
      setAnswers((current) => ({ ...current, ageAtRecruitment: age }));
      go(stepsFor(age, questionnaire.childUnder)[1] ?? 'act');
      return;
    }
    const following = steps[index + 1];
    if (following) go(following);
  };
  const back = () => {
    const previous = steps[index - 1];
    if (previous) go(previous);
  };
  const restart = () => {
    setAgeText('');
    setAnswers({ ageAtRecruitment: null, answers: {}, indicators: [] });
    go('person');
  };
  const answer = (code: string, value: Answer) =>
    setAnswers((current) => ({ ...current, answers: { ...current.answers, [code]: value } }));
  const toggle = (code: string, on: boolean) =>
    setAnswers((current) => ({
      ...current,
      indicators: on ? [...current.indicators, code] : current.indicators.filter((c) => c !== code),
    }));

  return (
    <>
      <StepList steps={steps} current={step} />
      <form className="form wizard-step" onSubmit={onSubmit(next)} noValidate>
        <h2 ref={heading} tabIndex={-1}>
          <span className="step-count">
            {t('screening.stepOf', { step: index + 1, count: steps.length })}
          </span>{' '}
          {t(`screening.step.${step}` as const)}
        </h2>
        <p className="step-intro">
          {step === 'act' && isChild(answers.ageAtRecruitment, questionnaire.childUnder)
            ? t('screening.childNote')
            : t(`screening.stepIntro.${step}` as const)}
        </p>
        {step === 'person' ? (
          <PersonStep
            ageText={ageText}
            ageInvalid={ageInvalid}
            childUnder={questionnaire.childUnder}
            onAge={setAgeText}
          />
        ) : step === 'indicators' ? (
          <IndicatorsStep questionnaire={questionnaire} chosen={answers.indicators} onToggle={toggle} />
        ) : step === 'result' ? (
          <ScreeningOutcome answers={answers} questionnaire={questionnaire} caseId={props.caseId} />
        ) : (
          <QuestionsStep
            questions={questionsOf(questionnaire, step)}
            answers={answers.answers}
            onAnswer={answer}
          />
        )}
        <div className="button-row wizard-buttons">
          {index > 0 ? (
            <button type="button" className="button button-secondary" onClick={back}>
              {t('screening.back')}
            </button>
          ) : null}
          {step === 'result' ? (
            <button type="button" className="button button-secondary" onClick={restart}>
              {t('screening.restart')}
            </button>
          ) : (
            <button type="submit" className="button">
              {steps[index + 1] === 'result' ? t('screening.screen') : t('screening.next')}
            </button>
          )}
        </div>
      </form>
    </>
  );
}

/** Where the reader is: every step named, the current one marked for assistive technology too. */
function StepList(props: { steps: readonly Step[]; current: Step }) {
  const { t } = useI18n();
  return (
    <nav aria-label={t('screening.progress')}>
      <ol className="wizard-progress">
        {props.steps.map((step) => (
          <li key={step} aria-current={step === props.current ? 'step' : undefined}>
            {t(`screening.step.${step}` as const)}
          </li>
        ))}
      </ol>
    </nav>
  );
}
