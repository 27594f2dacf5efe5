// The wizard's question steps: the person's age, one group of yes / no / not known questions, and the
// graded indicators. Each is a fieldset whose legend is the question, so that it reads well on a phone.
import { Field } from '../../components/forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { Answer, Questionnaire, WizardAnswers } from './screening-api.js';

const ANSWERS: readonly Answer[] = ['yes', 'no', 'unknown'];
const STRENGTHS = ['strong', 'medium', 'weak'] as const;

export function PersonStep(props: {
  ageText: string;
  ageInvalid: boolean;
  childUnder: number;
  onAge: (text: string) => void;
}) {
  const { t } = useI18n();
  return (
    <Field
      label={t('screening.age')}
      hint={t('screening.ageHint', { age: props.childUnder })}
      errors={props.ageInvalid ? [t('screening.ageInvalid')] : []}
    >
      {(control) => (
        <input
          {...control}
          className="input-short"
          inputMode="numeric"
          autoComplete="off"
          value={props.ageText}
          onChange={(event) => props.onAge(event.target.value)}
        />
      )}
    </Field>
  );
}

export function QuestionsStep(props: {
  questions: Questionnaire['questions'];
  answers: WizardAnswers['answers'];
  onAnswer: (code: string, answer: Answer) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      {props.questions.map((question) => {
        const current = props.answers[question.code] ?? 'unknown';
        return (
          <fieldset key={question.code} className="fieldset screening-question">
            <legend>{question.question}</legend>
            <div className="answer-choices">
              {ANSWERS.map((answer) => (
                <label key={answer} className="check answer-choice">
                  <input
                    type="radio"
                    name={`q-${question.code}`}
                    value={answer}
                    checked={current === answer}
                    onChange={() => props.onAnswer(question.code, answer)}
                  />
                  {t(`screening.answer.${answer}` as const)}
                </label>
              ))}
            </div>
          </fieldset>
        );
      })}
    </>
  );
}

export function IndicatorsStep(props: {
  questionnaire: Questionnaire;
  chosen: readonly string[];
  onToggle: (code: string, on: boolean) => void;
}) {
  const { t } = useI18n();
  const elementLabel = new Map(props.questionnaire.elements.map((e) => [e.element, e.label] as const));
  return (
    <>
      {STRENGTHS.map((strength) => (
        <fieldset key={strength} className="fieldset">
          <legend>{t(`screening.strength.${strength}` as const)}</legend>
          {props.questionnaire.indicators
            .filter((indicator) => indicator.strength === strength)
            .map((indicator) => (
              <label key={indicator.code} className="check indicator-choice">
                <input
                  type="checkbox"
                  checked={props.chosen.includes(indicator.code)}
                  onChange={(event) => props.onToggle(indicator.code, event.target.checked)}
                />
                <span>
                  {indicator.label}{' '}
                  <span className="muted">
                    ({t('screening.indicatorElement', { element: elementLabel.get(indicator.element) ?? '' })}
                    )
                  </span>
                </span>
              </label>
            ))}
        </fieldset>
      ))}
    </>
  );
}
