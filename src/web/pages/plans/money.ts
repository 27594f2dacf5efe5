// Money as people read it: amounts kept in minor units (cents) shown in the reader's language, and typed
// amounts turned back into minor units. Pure; the locale is passed in.

type Money = { amountMinor: number; currency: string };

/** How many minor units a currency has (2 for USD, 0 for JPY, 3 for KWD); 2 when Intl does not know it. */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits as number;
  } catch {
    return 2;
  }
}

/** "US$1,250.00", "1 250,00 $US", "١٬٢٥٠٫٠٠ US$"… in the reader's language. */
export function formatMoney(money: Money, locale: string): string {
  const digits = minorDigits(money.currency);
  const amount = money.amountMinor / 10 ** digits;
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency }).format(amount);
  } catch {
    // A code Intl does not know is still shown, with the amount in the reader's digits.
    return `${new Intl.NumberFormat(locale).format(amount)} ${money.currency}`;
  }
}

/** Sums in several currencies, one after the other; null when there is none. */
export function formatSums(sums: readonly Money[], locale: string): string | null {
  if (sums.length === 0) return null;
  return sums.map((money) => formatMoney(money, locale)).join(' + ');
}

/** A typed amount ("1250.5", "1 250,50") in minor units, or null when it is not a non-negative amount. */
export function toMinor(text: string, currency: string): number | null {
  const cleaned = text.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (cleaned === '') return null;
  // A comma followed by one or two digits at the end is a decimal comma; other commas group thousands.
  const normalised =
    /,\d{1,2}$/.test(cleaned) && !cleaned.includes('.')
      ? cleaned.replace(/\./g, '').replace(',', '.')
      : cleaned.replace(/,/g, '');
  if (!/^\d+(\.\d+)?$/.test(normalised)) return null;
  const digits = minorDigits(currency);
  const minor = Math.round(Number(normalised) * 10 ** digits);
  return Number.isSafeInteger(minor) ? minor : null;
}

/** Minor units as the plain amount a form shows for editing ("1250.50"). */
export function fromMinor(amountMinor: number, currency: string): string {
  const digits = minorDigits(currency);
  return (amountMinor / 10 ** digits).toFixed(digits);
}
