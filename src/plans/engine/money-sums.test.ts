// Exact sums of money per currency: never across currencies, never with fractions of a cent.
import { describe, expect, it } from 'vitest';
import { MoneyTally, sumMoney } from './money-sums.js';

describe('sums of money', () => {
  it('sums per currency, sorted by code, without adding currencies together', () => {
    expect(
      sumMoney([
        { currency: 'USD', amountMinor: 10 },
        { currency: 'EUR', amountMinor: 5 },
        { currency: 'USD', amountMinor: 7 },
      ]),
    ).toEqual([
      { currency: 'EUR', amountMinor: 5 },
      { currency: 'USD', amountMinor: 17 },
    ]);
  });

  it('keeps a currency whose total is zero, and none when nothing was added', () => {
    expect(sumMoney([{ currency: 'XOF', amountMinor: 0 }])).toEqual([{ currency: 'XOF', amountMinor: 0 }]);
    expect(sumMoney([])).toEqual([]);
  });

  it('adds amounts that would lose cents as floating-point decimals exactly', () => {
    // 0.1 + 0.2 in units is 0.30000000000000004; in cents it is 30.
    expect(
      new MoneyTally()
        .add({ currency: 'EUR', amountMinor: 10 })
        .add({ currency: 'EUR', amountMinor: 20 })
        .amountIn('EUR'),
    ).toBe(30);
  });

  it('answers zero for a currency never added', () => {
    expect(new MoneyTally().amountIn('GBP')).toBe(0);
  });
});
