// The current rules as a questionnaire in one language: what a guided screening asks, in the rules' order.
import { z } from 'zod';
import type { Language } from '../../reference/schemas.js';
import { CURRENT_RULE_VERSION, ELEMENTS, rulesFor, STRENGTHS, TOPICS } from './rules.js';

export const Questionnaire = z.object({
  rulesVersion: z.string(),
  childUnder: z.number().int().describe('Below this age at recruitment no means are needed'),
  elements: z.array(z.object({ element: z.enum(ELEMENTS), label: z.string() })),
  questions: z.array(
    z.object({ code: z.string(), topic: z.enum(TOPICS), label: z.string(), question: z.string() }),
  ),
  indicators: z.array(
    z.object({
      code: z.string(),
      element: z.enum(ELEMENTS),
      strength: z.enum(STRENGTHS),
      label: z.string(),
    }),
  ),
});
export type Questionnaire = z.infer<typeof Questionnaire>;

export function questionnaireOf(language: Language): Questionnaire {
  // The current version always exists: rules.ts parses every rules file when it loads.
  const rules = rulesFor(CURRENT_RULE_VERSION);
  if (!rules) throw new Error(`the screening rules ${CURRENT_RULE_VERSION} are missing`);
  return {
    rulesVersion: rules.version,
    childUnder: rules.childUnder,
    elements: ELEMENTS.map((element) => ({ element, label: rules.elements[element][language] })),
    questions: rules.questions.map((q) => ({
      code: q.code,
      topic: q.topic,
      label: q.label[language],
      question: q.question[language],
    })),
    indicators: rules.indicators.map((i) => ({
      code: i.code,
      element: i.element,
      strength: i.strength,
      label: i.label[language],
    })),
  };
}
