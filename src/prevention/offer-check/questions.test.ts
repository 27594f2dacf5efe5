import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../reference/schemas.js';
import { QUESTIONS, questionnaireOf } from './questions.js';
import { Questionnaire } from './result-schemas.js';
import { OfferAnswers, QUESTION_IDS } from './schemas.js';

describe('the questionnaire', () => {
  it('asks every question the answers schema takes, in the declared order, and no other', () => {
    expect(QUESTIONS.map((question) => question.id)).toEqual([...QUESTION_IDS]);
    expect(Object.keys(OfferAnswers.shape)).toEqual([...QUESTION_IDS]);
  });

  it('offers "I don’t know" wherever it is an answer, and periods only for the pay', () => {
    const english = questionnaireOf('en');
    expect(() => Questionnaire.parse(english)).not.toThrow();
    for (const question of english.questions) {
      const values = question.options.map((option) => option.value);
      expect(values.includes('unknown'), question.id).toBe(question.kind !== 'text');
      expect(question.periods.length > 0, question.id).toBe(question.kind === 'money');
    }
    const fee = english.questions.find((question) => question.id === 'fee_charged');
    expect(fee?.options.map((option) => option.label)).toEqual(['Yes', 'No', 'I don’t know']);
  });

  it('has a text for every question and option in every language', () => {
    for (const language of LANGUAGES) {
      const questionnaire = questionnaireOf(language);
      const texts = [
        questionnaire.intro,
        questionnaire.privacy,
        ...questionnaire.questions.flatMap((question) => [
          question.text,
          ...question.options.map((option) => option.label),
          ...question.periods.map((period) => period.label),
        ]),
      ];
      for (const text of texts) expect(text.trim(), language).not.toBe('');
    }
  });
});

describe('the answers schema', () => {
  it('accepts an empty form: every question may be skipped', () => {
    expect(OfferAnswers.parse({})).toEqual({});
  });

  it('accepts "I don’t know" for pay, countries and numbers', () => {
    const answers = { pay: 'unknown', destination_country: 'unknown', work_days_per_week: 'unknown' };
    expect(OfferAnswers.parse(answers)).toEqual(answers);
  });

  it('reads codes in any case and refuses what is not an answer', () => {
    const parsed = OfferAnswers.parse({
      destination_country: 'gbr',
      pay: { amount: 1800, currency: 'eur', period: 'month' },
    });
    expect(parsed.destination_country).toBe('GBR');
    expect(parsed.pay).toEqual({ amount: 1800, currency: 'EUR', period: 'month' });
    expect(OfferAnswers.safeParse({ fee_charged: 'maybe' }).success).toBe(false);
    expect(OfferAnswers.safeParse({ pay: { amount: -1, currency: 'EUR', period: 'month' } }).success).toBe(
      false,
    );
    expect(OfferAnswers.safeParse({ work_days_per_week: 8 }).success).toBe(false);
    expect(OfferAnswers.safeParse({ passport_number: 'X' }).success).toBe(false);
  });
});
