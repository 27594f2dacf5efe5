// The plain HTML form's fields read into the check's answers, the same way on the server and in the browser
// (offline). A field left empty or on "not answered" is a question skipped; a value the form cannot hold (a
// number out of range) is named, so the page can ask again rather than guess.
import { PAY_PERIODS } from '../constants.js';
import { QUESTIONS } from '../questions.js';
import type { OfferAnswers, QuestionId } from '../schemas.js';

export type FormFields = Readonly<Record<string, string | undefined>>;

export type ReadAnswers = { answers: OfferAnswers; unreadable: QuestionId[] };

const COUNTRY = /^[A-Z]{3}$/;
const CURRENCY = /^[A-Z]{3}$/;
// Control and bidirectional-override characters: never part of a name or a licence number.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
const UNSAFE_TEXT = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const TEXT_LIMITS: Partial<Record<QuestionId, number>> = { agency_name: 200, agency_licence_number: 100 };

function field(fields: FormFields, name: string): string {
  return (fields[name] ?? '').trim();
}

/** A number as people type it: a comma may stand for the decimal point. */
function readNumber(text: string): number | null {
  if (!/^\d+([.,]\d+)?$/.test(text)) return null;
  return Number(text.replace(',', '.'));
}

type Reading = { value?: unknown; isUnreadable?: boolean };

function readQuestion(fields: FormFields, question: (typeof QUESTIONS)[number]): Reading {
  const text = field(fields, question.id);
  const isUnknown = text === 'unknown' || fields[`${question.id}_unknown`] === 'unknown';
  switch (question.kind) {
    case 'yes_no':
      return ['yes', 'no', 'unknown'].includes(text) ? { value: text } : { isUnreadable: text !== '' };
    case 'choice':
      return [...(question.choices ?? []), 'unknown'].includes(text)
        ? { value: text }
        : { isUnreadable: text !== '' };
    case 'country': {
      const code = text.toUpperCase();
      if (isUnknown || COUNTRY.test(code)) return { value: isUnknown ? 'unknown' : code };
      return { isUnreadable: text !== '' };
    }
    case 'text': {
      const limit = TEXT_LIMITS[question.id] ?? 200;
      if (text === '') return {};
      return text.length <= limit && !UNSAFE_TEXT.test(text) ? { value: text } : { isUnreadable: true };
    }
    case 'number': {
      if (isUnknown) return { value: 'unknown' };
      if (text === '') return {};
      const value = readNumber(text);
      const bounds = question.bounds;
      const isInRange =
        value !== null &&
        (!bounds || (value >= bounds.min && value <= bounds.max)) &&
        (question.id !== 'work_days_per_week' || Number.isInteger(value));
      return isInRange ? { value } : { isUnreadable: true };
    }
    case 'money':
      return readPay(fields, isUnknown);
  }
}

function readPay(fields: FormFields, isUnknown: boolean): Reading {
  if (isUnknown) return { value: 'unknown' };
  const amountText = field(fields, 'pay_amount');
  if (amountText === '') return {};
  const amount = readNumber(amountText);
  const currency = field(fields, 'pay_currency').toUpperCase();
  const period = field(fields, 'pay_period');
  const isPeriod = (PAY_PERIODS as readonly string[]).includes(period);
  if (amount === null || amount > 1e12 || !CURRENCY.test(currency) || !isPeriod)
    return { isUnreadable: true };
  return { value: { amount, currency, period } };
}

export function answersFromForm(fields: FormFields): ReadAnswers {
  const answers: Record<string, unknown> = {};
  const unreadable: QuestionId[] = [];
  for (const question of QUESTIONS) {
    const reading = readQuestion(fields, question);
    if (reading.isUnreadable) unreadable.push(question.id);
    else if (reading.value !== undefined) answers[question.id] = reading.value;
  }
  return { answers: answers as OfferAnswers, unreadable };
}

/** The names of the form's fields, so that a later form (checklist, report) can carry the answers on. */
export function answerFieldNames(): string[] {
  return QUESTIONS.flatMap((question) => {
    if (question.kind === 'money') return ['pay_amount', 'pay_currency', 'pay_period', 'pay_unknown'];
    if (question.kind === 'number' || question.kind === 'country')
      return [question.id, `${question.id}_unknown`];
    return [question.id];
  });
}
