import { describe, expect, it } from 'vitest';
import { checkOffer } from './check-offer.js';
import { describePay } from './explain.js';
import { CLEAN_OFFER, EXAMPLE_MINIMUM, exampleContext } from './offer.fixtures.js';
import { checkPay, hoursIn, type PayCheck, type PayComparisonFacts, WEEKS_PER_MONTH } from './pay.js';
import type { MinimumWage, Money, OfferAnswers } from './schemas.js';

const money = (amount: number, period: Money['period'], currency = 'GBP'): Money => ({
  amount,
  currency,
  period,
});
const minimum = (changes: Partial<MinimumWage>): MinimumWage => ({ ...EXAMPLE_MINIMUM, ...changes });

function compared(check: PayCheck): PayComparisonFacts {
  if (check.kind !== 'compared') throw new Error(`expected a comparison, got ${check.kind}`);
  return check;
}

function isBelow(answers: OfferAnswers, wage: MinimumWage): boolean {
  return compared(checkPay(answers, wage)).isBelowMinimum;
}

describe('periods', () => {
  it('count a month as 52 ÷ 12 weeks of the working week', () => {
    const week = { days: 5, hoursPerDay: 8 };
    expect(WEEKS_PER_MONTH).toBeCloseTo(4.3333, 4);
    expect(hoursIn('hour', week)).toBe(1);
    expect(hoursIn('day', week)).toBe(8);
    expect(hoursIn('week', week)).toBe(40);
    expect(hoursIn('month', week)).toBeCloseTo(173.333, 3);
  });
});

describe('an hourly minimum against a monthly offer', () => {
  const hourly = minimum({ amount: 12, period: 'hour' });

  it('takes the standard 40-hour week when the person gave no hours', () => {
    // 12 an hour × 40 hours × 52 ÷ 12 = 2,080 a month exactly: equal pay is not below.
    expect(isBelow({ pay: money(2080, 'month') }, hourly)).toBe(false);
    expect(isBelow({ pay: money(2079, 'month') }, hourly)).toBe(true);
  });

  it('finds the same monthly pay below the minimum when the week is 60 hours', () => {
    const longWeek = { work_days_per_week: 6, work_hours_per_day: 10 };
    expect(isBelow({ pay: money(2200, 'month') }, hourly)).toBe(false);
    expect(isBelow({ pay: money(2200, 'month'), ...longWeek }, hourly)).toBe(true);
  });
});

describe('a monthly minimum against an hourly offer', () => {
  const monthly = minimum({ amount: 2080, period: 'month' });

  it('is met by exactly the hourly equivalent, despite rounding in the division', () => {
    expect(isBelow({ pay: money(12, 'hour') }, monthly)).toBe(false);
    expect(isBelow({ pay: money(11.99, 'hour') }, monthly)).toBe(true);
  });

  it('uses the minimum’s own week when its source gives one', () => {
    const sixDays = minimum({ amount: 2080, period: 'month', hoursPerWeek: 48, daysPerWeek: 6 });
    // 2,080 ÷ (48 × 52 ÷ 12) = 10 an hour.
    expect(compared(checkPay({ pay: money(10, 'hour') }, sixDays)).perHour?.minimum).toBeCloseTo(10, 9);
    expect(isBelow({ pay: money(10, 'hour') }, sixDays)).toBe(false);
    expect(isBelow({ pay: money(9.99, 'hour') }, sixDays)).toBe(true);
  });
});

describe('a daily offer against a weekly minimum', () => {
  it('counts a day as the week divided by its days', () => {
    const weekly = minimum({ amount: 480, period: 'week' });
    expect(isBelow({ pay: money(96, 'day') }, weekly)).toBe(false);
    expect(isBelow({ pay: money(95, 'day') }, weekly)).toBe(true);
    // Ten-hour days: 96 a day is 9.60 an hour against 12.
    expect(isBelow({ pay: money(96, 'day'), work_hours_per_day: 10 }, weekly)).toBe(true);
  });
});

describe('the same period with no hours given', () => {
  it('compares the amounts as they are, with no assumption to state', () => {
    const check = compared(
      checkPay({ pay: money(1999, 'month') }, minimum({ amount: 2000, period: 'month' })),
    );
    expect(check.isBelowMinimum).toBe(true);
    expect(check.perHour).toBeNull();
    expect(describePay(check, 'United Kingdom', 'en').assumptions).toEqual([]);
  });

  it('treats no pay at all as below the minimum', () => {
    expect(isBelow({ pay: money(0, 'month') }, minimum({ amount: 2000, period: 'month' }))).toBe(true);
  });
});

describe('what cannot be compared', () => {
  it('pay in another currency is never converted, however large', () => {
    expect(checkPay({ pay: money(1_000_000, 'month', 'USD') }, EXAMPLE_MINIMUM).kind).toBe('other_currency');
  });

  it('another currency gives a "find out" note naming both currencies, not a guess', () => {
    const result = checkOffer({ ...CLEAN_OFFER, pay: money(300, 'month', 'USD') }, exampleContext());
    expect(result.flags).toEqual([]);
    expect(result.pay).toBeNull();
    expect(result.findOut.map((finding) => finding.id)).toEqual(['ask_pay_in_local_currency']);
    expect(result.findOut[0]?.whatToDo).toMatch(
      /^The pay is in USD, but the legal minimum \(United Kingdom\) is set in GBP\./,
    );
  });

  it('distinguishes a skipped pay question from "I don’t know" and from a missing minimum', () => {
    expect(checkPay({}, EXAMPLE_MINIMUM).kind).toBe('not_answered');
    expect(checkPay({ pay: 'unknown' }, EXAMPLE_MINIMUM).kind).toBe('unknown');
    expect(checkPay({ pay: money(2000, 'month') }, null).kind).toBe('no_minimum');
  });
});

describe('the stated assumptions', () => {
  const hourly = minimum({ amount: 12, period: 'hour' });

  it('say how a month was counted and that the week was filled in from the standard one', () => {
    const check = compared(checkPay({ pay: money(2000, 'month') }, hourly));
    expect(describePay(check, 'United Kingdom', 'en').assumptions).toEqual([
      'A month is counted as 52 weeks divided by 12, about 4.33 weeks.',
      'Where you did not give your days or hours, we used the standard week of the legal minimum: 5 days of 8 hours, 40 hours in all.',
    ]);
  });

  it('say the week the person gave, and the default week of a minimum whose source gives none', () => {
    const check = compared(
      checkPay(
        { pay: money(90, 'day'), work_days_per_week: 6, work_hours_per_day: 9 },
        minimum({ amount: 450, period: 'week' }),
      ),
    );
    expect(describePay(check, 'United Kingdom', 'en').assumptions).toEqual([
      'Your working week is counted as you gave it: 6 days of 9 hours, 54 hours in all.',
      'The source of the minimum does not give its hours, so we counted 40 hours over 5 days (ILO Forty-Hour Week Convention, 1935, No. 47).',
    ]);
  });
});
