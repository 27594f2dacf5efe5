// The answer's first lines: how grave the findings are, what to do now, what was skipped, and what a
// check like this can never promise.
import type { Language } from '../../reference/schemas.js';
import { QUESTIONS } from './questions.js';
import type { Finding, OfferSummary, Verdict } from './result-schemas.js';
import type { OfferAnswers } from './schemas.js';
import { OFFER_TEXTS, say } from './texts.js';

function verdictOf(flags: readonly Finding[], findOut: readonly Finding[]): Verdict {
  if (flags.some((flag) => flag.severity === 'serious')) return 'serious';
  if (flags.length) return 'warning';
  return findOut.length ? 'find_out' : 'none';
}

/** Questions the check needs that were left out; the optional extras do not count. */
export function countSkipped(answers: OfferAnswers): number {
  return QUESTIONS.filter((question) => !question.isOptional && answers[question.id] === undefined).length;
}

export function summarise(
  answers: OfferAnswers,
  flags: readonly Finding[],
  findOut: readonly Finding[],
  language: Language,
): OfferSummary {
  const verdict = verdictOf(flags, findOut);
  const skipped = countSkipped(answers);
  const texts = OFFER_TEXTS.summary;
  return {
    verdict,
    headline: say(texts.headline[verdict], language),
    advice: say(texts.advice[verdict], language),
    counts: {
      serious: flags.filter((flag) => flag.severity === 'serious').length,
      warning: flags.filter((flag) => flag.severity === 'warning').length,
      findOut: findOut.length,
      skipped,
    },
    skippedNote: skipped ? say(texts.skipped, language) : null,
    limits: say(texts.limits, language),
  };
}
