// A differentially private quantile of small non-negative integers (how many combinations each record
// holds), chosen by the permute-and-flip mechanism (McKenna and Sheldon 2020) with exact
// Bernoulli(exp(−γ)) trials, so that no floating-point rounding decides the choice.
import { bernoulliExp, type Rational, rational } from './exact.js';
import type { RandomBits } from './random.js';

/**
 * The value v in [1, maxValue] whose share of records at or below it is near `percent` %, ε-DP under
 * adding or removing one record. histogram[v] counts the records whose value is v, for v from 0 to
 * maxValue (larger values counted at maxValue: they are clipped to whatever is chosen anyway). The utility −|100·#{≤ v} − percent·n| changes by at most 100 when one
 * record comes or goes, which is the sensitivity the acceptance probabilities use.
 */
export function privateQuantile(
  rng: RandomBits,
  histogram: Int32Array,
  percent: number,
  epsilon: Rational,
  maxValue: number,
): number {
  if (!Number.isInteger(percent) || percent < 1 || percent > 100) {
    throw new RangeError(`the percentile must be a whole number from 1 to 100, not ${percent}`);
  }
  if (histogram.length !== maxValue + 1) throw new RangeError('the histogram must run from 0 to maxValue');
  const utilities = quantileUtilities(histogram, percent, maxValue);
  let best = Number.NEGATIVE_INFINITY;
  for (let value = 1; value <= maxValue; value++) best = Math.max(best, utilities[value] as number);
  const order = Array.from({ length: maxValue }, (_, index) => index + 1);
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.uniformBelow(i + 1);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  for (const value of order) {
    const shortfall = BigInt(best - (utilities[value] as number));
    // accept with probability exp(−ε · shortfall / (2 · 100))
    const gamma = rational(epsilon.numerator * shortfall, epsilon.denominator * 200n);
    if (bernoulliExp(rng, gamma)) return value;
  }
  throw new Error('permute-and-flip always accepts the best value');
}

/** utilities[v] for v in [1, maxValue]; index 0 unused. */
function quantileUtilities(histogram: Int32Array, percent: number, maxValue: number): Float64Array {
  let records = 0;
  for (const count of histogram) records += count;
  const utilities = new Float64Array(maxValue + 1);
  let atOrBelow = histogram[0] ?? 0;
  for (let value = 1; value <= maxValue; value++) {
    atOrBelow += histogram[value] ?? 0;
    utilities[value] = -Math.abs(100 * atOrBelow - percent * records);
  }
  return utilities;
}
