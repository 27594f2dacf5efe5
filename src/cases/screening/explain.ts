// Puts a screening's facts into plain sentences in the reader's language: the outcomes, what each legal
// element rests on or still lacks, and the notes on the hard edges (children, consent, borders, smuggling).
import type { Language } from '../../reference/schemas.js';
import { SCREENING_MESSAGES } from './messages.js';
import { ELEMENTS, type Element, type ScreeningRules } from './rules.js';
import type { ScreeningResult } from './schemas.js';
import type { ScreeningFacts } from './screen.js';

export function explain(rules: ScreeningRules, facts: ScreeningFacts, language: Language): ScreeningResult {
  const messages = SCREENING_MESSAGES[language];
  const list = (items: string[]) => new Intl.ListFormat(language, { type: 'conjunction' }).format(items);
  const questionLabel = (code: string) =>
    rules.questions.find((question) => question.code === code)?.label[language] ?? code;
  const indicatorLabel = (code: string) =>
    rules.indicators.find((indicator) => indicator.code === code)?.label[language] ?? code;
  const elementLabel = (element: Element) => rules.elements[element][language];

  const indicators = ELEMENTS.flatMap((element) =>
    facts.elements[element].indicators.map((indicator) => ({
      ...indicator,
      element,
      label: indicatorLabel(indicator.code),
    })),
  );

  const elementSentence = (element: Element) => {
    const facts_ = facts.elements[element];
    const weighed = facts_.indicators.map(
      (indicator) => `${indicatorLabel(indicator.code)} (${messages.strength[indicator.strength]})`,
    );
    const stillToAsk = facts_.unanswered.length
      ? facts_.unanswered
      : rules.questions.filter((question) => question.topic === element).map((question) => question.code);
    const items = {
      found: [...facts_.answeredYes.map(questionLabel), ...weighed],
      indicated: weighed,
      ruled_out: [],
      unknown: stillToAsk.map(questionLabel),
      not_required: [],
    }[facts_.status];
    const sentence = fill(messages.element[facts_.status], {
      element: elementLabel(element),
      items: list(items),
    });
    if (facts_.status !== 'unknown' || weighed.length === 0) return [sentence];
    return [sentence, fill(messages.signs, { element: elementLabel(element), items: list(weighed) })];
  };

  const established = ELEMENTS.filter((element) =>
    ['found', 'indicated'].includes(facts.elements[element].status),
  );
  const missing = ELEMENTS.filter((element) =>
    ['unknown', 'ruled_out'].includes(facts.elements[element].status),
  );
  const notes = facts.notes.map((note) =>
    fill(messages.note[note], { age: String(facts.age ?? ''), items: list(missing.map(elementLabel)) }),
  );

  const [outcome] = facts.outcomes;
  if (!outcome) throw new Error('a screening always has an outcome');
  return {
    rulesVersion: facts.rulesVersion,
    language,
    outcome,
    outcomes: facts.outcomes,
    child: facts.child,
    elements: ELEMENTS.map((element) => {
      const { status, answeredYes, indicatorWeight } = facts.elements[element];
      return { element, status, answeredYes, indicatorWeight };
    }),
    found: established.map(elementLabel),
    missing: missing.map(elementLabel),
    indicators,
    reasons: [
      ...facts.outcomes.map((each) => messages.summary[each]),
      ...ELEMENTS.flatMap(elementSentence),
      ...notes,
    ],
    summary: facts.outcomes.map((each) => messages.outcome[each]).join(' · '),
  };
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
