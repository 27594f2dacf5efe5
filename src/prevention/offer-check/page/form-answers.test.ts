// The plain form's fields read into answers: skipped questions stay out, "I don't know" is an answer, and a
// value the form cannot hold is named rather than guessed.
import { describe, expect, it } from 'vitest';
import { answersFromForm } from './form-answers.js';

describe('answers from the plain form', () => {
  it('reads choices, countries, text, numbers and pay, and leaves out what was not answered', () => {
    const { answers, unreadable } = answersFromForm({
      destination_country: 'gbr',
      citizenship_country: '',
      offered_by: 'agency',
      agency_name: '  Invented Agency  ',
      fee_charged: 'yes',
      documents_kept: '',
      work_days_per_week: '6',
      work_hours_per_day: '7,5',
      pay_amount: '1200,50',
      pay_currency: 'gbp',
      pay_period: 'month',
    });
    expect(unreadable).toEqual([]);
    expect(answers).toEqual({
      destination_country: 'GBR',
      offered_by: 'agency',
      agency_name: 'Invented Agency',
      fee_charged: 'yes',
      work_days_per_week: 6,
      work_hours_per_day: 7.5,
      pay: { amount: 1200.5, currency: 'GBP', period: 'month' },
    });
  });

  it('takes "I don\'t know" from a choice, a country and the boxes beside numbers and pay', () => {
    const { answers } = answersFromForm({
      destination_country: 'unknown',
      job_changed: 'unknown',
      work_days_per_week_unknown: 'unknown',
      pay_amount: '900',
      pay_unknown: 'unknown',
    });
    expect(answers).toEqual({
      destination_country: 'unknown',
      job_changed: 'unknown',
      work_days_per_week: 'unknown',
      pay: 'unknown',
    });
  });

  it('names the answers it cannot read instead of guessing them', () => {
    const { answers, unreadable } = answersFromForm({
      fee_charged: 'perhaps',
      destination_country: 'Narnia',
      work_days_per_week: '5.5',
      work_hours_per_day: '30',
      agency_name: 'Invented\u202eAgency',
      pay_amount: '1000',
      pay_currency: 'euros',
      pay_period: 'month',
    });
    expect(answers).toEqual({});
    expect(unreadable.sort()).toEqual(
      [
        'agency_name',
        'destination_country',
        'fee_charged',
        'pay',
        'work_days_per_week',
        'work_hours_per_day',
      ].sort(),
    );
  });
});
