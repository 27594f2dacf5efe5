// Exact sums of money kept apart by currency: amounts are whole minor units (cents) and two currencies are
// never added, since no exchange rate is part of a plan's figures.
import type { Money } from './model.js';

/** Sums per currency, sorted by currency code so that results compare and display the same way every time. */
export type MoneySums = Money[];

/** Adds amounts into a running total per currency; refuses fractions and totals past exact integer range. */
export class MoneyTally {
  private readonly totals = new Map<string, number>();

  add(money: Money): this {
    assertWholeMinorUnits(money);
    const total = (this.totals.get(money.currency) ?? 0) + money.amountMinor;
    if (!Number.isSafeInteger(total)) {
      throw new Error(
        `The total in ${money.currency} is too large to add exactly; check the amounts entered.`,
      );
    }
    this.totals.set(money.currency, total);
    return this;
  }

  addAll(sums: readonly Money[]): this {
    for (const money of sums) this.add(money);
    return this;
  }

  amountIn(currency: string): number {
    return this.totals.get(currency) ?? 0;
  }

  /** One sum per currency ever added, zero totals included, since "nothing left" is itself a figure. */
  sums(): MoneySums {
    return [...this.totals.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, amountMinor]) => ({ currency, amountMinor }));
  }
}

export function sumMoney(amounts: readonly Money[]): MoneySums {
  return new MoneyTally().addAll(amounts).sums();
}

function assertWholeMinorUnits(money: Money): void {
  if (!Number.isSafeInteger(money.amountMinor)) {
    throw new Error(
      `An amount of ${money.amountMinor} ${money.currency} is not a whole number of minor units (cents); ` +
        'enter money in cents, without fractions.',
    );
  }
  if (!/^[A-Z]{3}$/.test(money.currency)) {
    throw new Error(
      `"${money.currency}" is not a currency code; use the three capital letters of ISO 4217, such as EUR.`,
    );
  }
}
