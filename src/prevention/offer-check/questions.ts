// The questionnaire: the questions in the order they are asked, what kind of answer each takes, and the
// questionnaire in one language for the page that shows it.
import type { Language } from '../../reference/schemas.js';
import { OFFERED_BY, PAY_PERIODS } from './constants.js';
import type { Questionnaire, QuestionnaireQuestion } from './result-schemas.js';
import type { QuestionId, QuestionKind } from './schemas.js';
import { OFFER_TEXTS, say } from './texts.js';

type QuestionSpec = {
  id: QuestionId;
  kind: QuestionKind;
  /**
   * Optional questions are extras the check can do without (they refine the pay comparison, find the
   * embassy or the agency's register entry); the page may show them as such. Every question may be skipped.
   */
  isOptional: boolean;
  choices?: readonly string[];
  bounds?: { min: number; max: number; step: number };
};

export const QUESTIONS: readonly QuestionSpec[] = [
  { id: 'destination_country', kind: 'country', isOptional: false },
  { id: 'citizenship_country', kind: 'country', isOptional: true },
  { id: 'offered_by', kind: 'choice', isOptional: false, choices: OFFERED_BY },
  { id: 'agency_name', kind: 'text', isOptional: true },
  { id: 'agency_licence_number', kind: 'text', isOptional: true },
  { id: 'employer_name_known', kind: 'yes_no', isOptional: false },
  { id: 'employer_address_known', kind: 'yes_no', isOptional: false },
  { id: 'employer_registration_known', kind: 'yes_no', isOptional: false },
  { id: 'fee_charged', kind: 'yes_no', isOptional: false },
  { id: 'debt_or_advance', kind: 'yes_no', isOptional: false },
  { id: 'written_contract', kind: 'yes_no', isOptional: false },
  { id: 'contract_in_your_language', kind: 'yes_no', isOptional: false },
  { id: 'pay', kind: 'money', isOptional: false },
  { id: 'work_days_per_week', kind: 'number', isOptional: true, bounds: { min: 1, max: 7, step: 1 } },
  { id: 'work_hours_per_day', kind: 'number', isOptional: true, bounds: { min: 0.5, max: 24, step: 0.5 } },
  { id: 'documents_kept', kind: 'yes_no', isOptional: false },
  { id: 'free_to_leave', kind: 'yes_no', isOptional: false },
  { id: 'keeps_phone', kind: 'yes_no', isOptional: false },
  { id: 'job_changed', kind: 'yes_no', isOptional: false },
];

/** Free text has no "I don't know": a person who does not know the agency's name leaves it empty. */
function optionsOf(question: QuestionSpec, language: Language): QuestionnaireQuestion['options'] {
  const unknown = { value: 'unknown', label: say(OFFER_TEXTS.answers.unknown, language) };
  switch (question.kind) {
    case 'yes_no':
      return (['yes', 'no', 'unknown'] as const).map((value) => ({
        value,
        label: say(OFFER_TEXTS.answers[value], language),
      }));
    case 'choice':
      return [
        ...OFFERED_BY.map((value) => ({
          value,
          label: say(OFFER_TEXTS.choices.offered_by[value], language),
        })),
        unknown,
      ];
    case 'text':
      return [];
    default:
      return [unknown];
  }
}

function periodsOf(question: QuestionSpec, language: Language): QuestionnaireQuestion['periods'] {
  if (question.kind !== 'money') return [];
  return PAY_PERIODS.map((value) => ({ value, label: say(OFFER_TEXTS.choices.period[value], language) }));
}

export function questionnaireOf(language: Language): Questionnaire {
  return {
    language,
    intro: say(OFFER_TEXTS.questionnaire.intro, language),
    privacy: say(OFFER_TEXTS.questionnaire.privacy, language),
    questions: QUESTIONS.map((question) => {
      const texts = OFFER_TEXTS.questions[question.id];
      return {
        id: question.id,
        kind: question.kind,
        isOptional: question.isOptional,
        text: say(texts.text, language),
        help: texts.help ? say(texts.help, language) : null,
        options: optionsOf(question, language),
        periods: periodsOf(question, language),
        min: question.bounds?.min ?? null,
        max: question.bounds?.max ?? null,
        step: question.bounds?.step ?? null,
      };
    }),
  };
}
