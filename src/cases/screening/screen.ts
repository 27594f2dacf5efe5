// The screening engine: from answers and observed indicators to the legal elements found and the outcomes
// they support. Pure and language-free; explain.ts puts the facts it returns into words.
import { ELEMENTS, type Element, type ScreeningRules, type Strength } from './rules.js';
import type { Answer, ElementStatus, Outcome, ScreeningAnswers } from './schemas.js';

export type ElementFacts = {
  element: Element;
  status: ElementStatus;
  answeredYes: string[];
  unanswered: string[];
  indicatorWeight: number;
  indicators: { code: string; strength: Strength; weight: number }[];
};

export type Note =
  | 'child_needs_no_means'
  | 'age_unknown_means_missing'
  | 'consent_irrelevant'
  | 'consent_matters_without_means'
  | 'no_border_needed'
  | 'smuggling_turned_trafficking'
  | 'smuggling_without_exploitation'
  | 'not_free_on_arrival'
  | 'irregular_without_exploitation'
  | 'nothing_established';

export type ScreeningFacts = {
  rulesVersion: string;
  child: boolean | null;
  age: number | null;
  elements: Record<Element, ElementFacts>;
  outcomes: Outcome[];
  notes: Note[];
};

const ESTABLISHED: ReadonlySet<ElementStatus> = new Set(['found', 'indicated', 'not_required']);

export function screen(rules: ScreeningRules, input: ScreeningAnswers): ScreeningFacts {
  const answer = (code: string): Answer => input.answers[code] ?? 'unknown';
  const age = input.ageAtRecruitment ?? null;
  const child = age === null ? null : age < rules.childUnder;
  const elements = Object.fromEntries(
    ELEMENTS.map((element) => [element, elementFacts(rules, input, element, answer, child === true)]),
  ) as Record<Element, ElementFacts>;

  const established = (element: Element) => ESTABLISHED.has(elements[element].status);
  const hasEvidence = (element: Element) =>
    elements[element].answeredYes.length > 0 || elements[element].indicatorWeight > 0;
  const ruledOut = ELEMENTS.some((element) => elements[element].status === 'ruled_out');

  const presumed = ELEMENTS.every(established);
  const possible = !presumed && !ruledOut && (hasEvidence('purpose') || hasEvidence('means'));
  const smuggling = answer('entry_procured_by_other') === 'yes' && answer('paid_for_crossing') === 'yes';
  const irregular =
    !presumed &&
    !possible &&
    !smuggling &&
    answer('irregular_entry_or_stay') === 'yes' &&
    !hasEvidence('purpose');

  const outcomes: Outcome[] = [];
  if (presumed) outcomes.push('presumed_trafficking');
  if (possible) outcomes.push('possible_trafficking');
  if (smuggling) outcomes.push('smuggling_indicated');
  if (irregular) outcomes.push('irregular_migration');
  if (outcomes.length === 0) outcomes.push('insufficient_information');

  const trafficking = presumed || possible;
  const notes: Note[] = [];
  const meansShown = elements.means.status === 'found' || elements.means.status === 'indicated';
  if (child === true) notes.push('child_needs_no_means');
  if (child === null && !meansShown && established('act') && established('purpose'))
    notes.push('age_unknown_means_missing');
  if (answer('consented') === 'yes' && trafficking)
    notes.push(meansShown || child === true ? 'consent_irrelevant' : 'consent_matters_without_means');
  if (answer('crossed_border') === 'no' && trafficking) notes.push('no_border_needed');
  if (smuggling && trafficking) notes.push('smuggling_turned_trafficking');
  if (smuggling && !trafficking) notes.push('smuggling_without_exploitation');
  if (smuggling && answer('free_on_arrival') === 'no') notes.push('not_free_on_arrival');
  if (irregular) notes.push('irregular_without_exploitation');
  if (outcomes[0] === 'insufficient_information') notes.push('nothing_established');

  return { rulesVersion: rules.version, child, age, elements, outcomes, notes };
}

function elementFacts(
  rules: ScreeningRules,
  input: ScreeningAnswers,
  element: Element,
  answer: (code: string) => Answer,
  child: boolean,
): ElementFacts {
  const questions = rules.questions.filter((question) => question.topic === element);
  const answeredYes = questions.filter((q) => answer(q.code) === 'yes').map((q) => q.code);
  const unanswered = questions.filter((q) => answer(q.code) === 'unknown').map((q) => q.code);
  const observed = new Set(input.indicators);
  const indicators = rules.indicators
    .filter((indicator) => indicator.element === element && observed.has(indicator.code))
    .map(({ code, strength }) => ({ code, strength, weight: rules.weights[strength] }));
  const indicatorWeight = indicators.reduce((sum, indicator) => sum + indicator.weight, 0);
  return {
    element,
    status: statusOf(rules, { answeredYes, unanswered, indicatorWeight }, element === 'means' && child),
    answeredYes,
    unanswered,
    indicatorWeight,
    indicators,
  };
}

function statusOf(
  rules: ScreeningRules,
  facts: { answeredYes: string[]; unanswered: string[]; indicatorWeight: number },
  notRequired: boolean,
): ElementStatus {
  if (facts.answeredYes.length > 0) return 'found';
  if (facts.indicatorWeight >= rules.indicatedAt) return 'indicated';
  if (notRequired) return 'not_required';
  if (facts.unanswered.length === 0 && facts.indicatorWeight === 0) return 'ruled_out';
  return 'unknown';
}
