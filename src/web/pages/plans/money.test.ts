// Amounts in minor units shown in each language and read back from what people type.
import { describe, expect, it } from 'vitest';
import { formatMoney, formatSums, fromMinor, minorDigits, toMinor } from './money.js';

describe('money', () => {
  it('knows that yen have no cents and dinars have three decimals', () => {
    expect(minorDigits('USD')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('KWD')).toBe(3);
  });

  it('shows cents as the amount in the reader’s language', () => {
    expect(formatMoney({ amountMinor: 125050, currency: 'USD' }, 'en')).toBe('$1,250.50');
    expect(formatMoney({ amountMinor: 125050, currency: 'EUR' }, 'fr').replace(/\s/g, ' ')).toBe(
      '1 250,50 €',
    );
    expect(formatMoney({ amountMinor: 500, currency: 'JPY' }, 'en')).toBe('¥500');
  });

  it('adds sums in several currencies side by side, and says nothing when there are none', () => {
    expect(
      formatSums(
        [
          { amountMinor: 100, currency: 'USD' },
          { amountMinor: 200, currency: 'EUR' },
        ],
        'en',
      ),
    ).toBe('$1.00 + €2.00');
    expect(formatSums([], 'en')).toBeNull();
  });

  it('reads typed amounts with a decimal point or comma into minor units, refusing what is not one', () => {
    expect(toMinor('1250.5', 'USD')).toBe(125050);
    expect(toMinor('1 250,50', 'EUR')).toBe(125050);
    expect(toMinor('1,250', 'USD')).toBe(125000);
    expect(toMinor('300', 'JPY')).toBe(300);
    expect(toMinor('', 'USD')).toBeNull();
    expect(toMinor('-5', 'USD')).toBeNull();
    expect(toMinor('ten', 'USD')).toBeNull();
  });

  it('shows minor units back as the plain amount a form edits', () => {
    expect(fromMinor(125050, 'USD')).toBe('1250.50');
    expect(fromMinor(300, 'JPY')).toBe('300');
  });
});
