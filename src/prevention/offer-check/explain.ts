// Puts findings and the pay comparison into the reader's language: each flag with what it means, what to do
// and its basis; the pay with every conversion said out loud.
import type { Language } from '../../reference/schemas.js';
import { FINDINGS } from './constants.js';
import { countryName, formatDate, formatMoney, formatNumber } from './format.js';
import { hoursPerWeek, type PayComparisonFacts, type WorkingWeek } from './pay.js';
import type { Finding, PayComparison } from './result-schemas.js';
import type { OfferFacts, RawFinding } from './rules.js';
import type { MinimumWage, Money } from './schemas.js';
import { OFFER_TEXTS, say, type Values } from './texts.js';

const PAY_TEXTS = OFFER_TEXTS.pay;

function amountPer(language: Language, money: Pick<Money, 'amount' | 'currency' | 'period'>): string {
  return say(PAY_TEXTS.amountPer[money.period], language, {
    amount: formatMoney(language, money.amount, money.currency),
  });
}

export function destinationName(facts: OfferFacts, language: Language): string {
  return facts.destination
    ? countryName(language, facts.destination)
    : say(OFFER_TEXTS.words.countryNotGiven, language);
}

function weekValues(language: Language, week: WorkingWeek): Values {
  return {
    days: formatNumber(language, week.days),
    hoursPerDay: formatNumber(language, week.hoursPerDay),
    hoursPerWeek: formatNumber(language, hoursPerWeek(week)),
  };
}

function assumptionsOf(facts: PayComparisonFacts, language: Language): string[] {
  const { perHour, offered, minimum } = facts;
  if (!perHour) return [];
  const assumptions: string[] = [];
  if (offered.period === 'month' || minimum.period === 'month')
    assumptions.push(say(PAY_TEXTS.assumptionMonth, language));
  if (offered.period !== 'hour') {
    const text = facts.isOfferedWeekGiven ? PAY_TEXTS.assumptionYourWeek : PAY_TEXTS.assumptionFilledWeek;
    assumptions.push(say(text, language, weekValues(language, perHour.offeredWeek)));
  }
  if (minimum.period !== 'hour') {
    const text = facts.isMinimumWeekDefault
      ? PAY_TEXTS.assumptionDefaultWeek
      : PAY_TEXTS.assumptionMinimumWeek;
    assumptions.push(say(text, language, weekValues(language, perHour.minimumWeek)));
  }
  return assumptions;
}

function sourceValues(language: Language, minimum: MinimumWage): Values {
  return { source: minimum.source, asOf: formatDate(language, minimum.asOf) };
}

/** Chinese runs sentences together; the other UN languages put a space between them. */
function joinSentences(language: Language, sentences: string[]): string {
  return sentences.join(language === 'zh' ? '' : ' ');
}

/** Each side is also given per hour only when it was converted: "12 an hour, about 12 an hour" says nothing. */
function payText(facts: PayComparisonFacts, country: string, language: Language): string {
  const { perHour, offered, minimum } = facts;
  const values = {
    offered: amountPer(language, offered),
    minimum: amountPer(language, minimum),
    country,
    ...sourceValues(language, minimum),
    ...(perHour && {
      hoursPerWeek: formatNumber(language, hoursPerWeek(perHour.offeredWeek)),
      offeredPerHour: formatMoney(language, perHour.offered, offered.currency),
      minimumPerHour: formatMoney(language, perHour.minimum, minimum.currency),
    }),
  };
  const offeredText =
    perHour && offered.period !== 'hour' ? PAY_TEXTS.offeredPerHour : PAY_TEXTS.offeredAsGiven;
  const minimumText =
    perHour && minimum.period !== 'hour' ? PAY_TEXTS.minimumPerHour : PAY_TEXTS.minimumAsGiven;
  return joinSentences(language, [say(offeredText, language, values), say(minimumText, language, values)]);
}

export function describePay(facts: PayComparisonFacts, country: string, language: Language): PayComparison {
  const { perHour, offered, minimum } = facts;
  const text = payText(facts, country, language);
  return {
    offered,
    minimum,
    isBelowMinimum: facts.isBelowMinimum,
    offeredPerHour: perHour?.offered ?? null,
    minimumPerHour: perHour?.minimum ?? null,
    text,
    assumptions: assumptionsOf(facts, language),
  };
}

/** The values any finding's text may use, formatted once for the reader's language. */
export function findingValues(facts: OfferFacts, language: Language): Values {
  const country = destinationName(facts, language);
  const values: Record<string, string> = { country };
  const { pay, agencyStatus } = facts;
  if (pay.kind === 'other_currency' || pay.kind === 'compared') {
    values.minimum = amountPer(language, pay.minimum);
    values.minimumCurrency = pay.minimum.currency;
    values.offeredCurrency = pay.offered.currency;
  }
  if (pay.kind === 'compared') values.comparison = describePay(pay, country, language).text;
  if (agencyStatus && agencyStatus !== 'licensed' && agencyStatus !== 'unknown')
    values.registerFinding = say(OFFER_TEXTS.registerFindings[agencyStatus], language);
  return values;
}

export function explainFinding(raw: RawFinding, language: Language, values: Values): Finding {
  const { sign, severity } = FINDINGS[raw.id];
  const texts = OFFER_TEXTS.findings[raw.id];
  const signTexts = OFFER_TEXTS.signs[sign];
  return {
    id: raw.id,
    sign,
    severity,
    severityLabel: say(OFFER_TEXTS.severities[severity], language),
    signName: say(signTexts.name, language),
    title: say(texts.title, language, values),
    // A "find out" note has no facts to explain yet: it says why the sign matters instead.
    explanation: say(texts.explanation ?? signTexts.why, language, values),
    whatToDo: say(texts.whatToDo, language, values),
    basis: say(signTexts.basis, language),
    questions: raw.questions,
  };
}
