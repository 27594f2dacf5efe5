// The k-anonymous mode: only combinations of attributes (up to the reporting length) that at least k
// source records share are reported, their counts rounded down to a multiple of k, and synthetic records
// are drawn from those reported aggregates alone, so that no output combination of that length can point
// at fewer than k people.
import type { Aggregates } from './aggregates.js';
import { type CountOptions, countCombinations } from './combinations.js';
import type { Dataset } from './dataset.js';
import { type SynthesisOptions, synthesizeFromAggregates } from './synthesize.js';

export type KAnonymousOptions = {
  /** The smallest group a reported combination may describe (10 by default). */
  k?: number | undefined;
  /** The longest combination of attributes that is checked and reported (3 by default). */
  reportingLength?: number | undefined;
  seed: string;
};

export type KAnonymousSynthesis = { synthetic: Dataset; aggregates: Aggregates };

/** Combinations shared by at least k records, counts rounded down to a multiple of k. */
export function reportableAggregates(dataset: Dataset, k: number, reportingLength: number): Aggregates {
  return roundToK(frequentCombinations(dataset, k, reportingLength), k);
}

/**
 * The combinations of up to `reportingLength` attributes that at least k records share, with their true
 * counts: all of them, or one share (see CountOptions) of those that `reportableAggregates` reports.
 */
export function frequentCombinations(
  dataset: Dataset,
  k: number,
  reportingLength: number,
  share?: CountOptions['share'],
): Aggregates {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a whole number of at least 1, not ${k}`);
  if (!Number.isInteger(reportingLength) || reportingLength < 1)
    throw new RangeError(`the reporting length must be a whole number of at least 1, not ${reportingLength}`);
  return countCombinations(dataset, { reportingLength, keep: (count) => count >= k, share });
}

/** Frequent combinations made reportable: counts rounded down to a multiple of k. */
export function roundToK(aggregates: Aggregates, k: number): Aggregates {
  // Rounding down keeps every count at least k and never above the count of a sub-combination.
  for (const [key, count] of aggregates.counts) aggregates.counts.set(key, count - (count % k));
  aggregates.recordCount = aggregates.recordCount - (aggregates.recordCount % k);
  return aggregates;
}

/**
 * How the k-anonymous mode synthesizes. As the reference method does, values left over once no full record
 * can take them form short records of their own: capping at the source's count would drop them, and
 * measured on a census-style set the 1-way error rose from 0.05 to 0.31 and the 2-way from 0.34 to 0.40.
 * The private mode is capped instead (its noisy counts leave far more over).
 */
export function kAnonymousSynthesisOptions(seed: string): SynthesisOptions {
  return { seed, recordCount: Number.POSITIVE_INFINITY };
}

export function synthesizeKAnonymous(dataset: Dataset, options: KAnonymousOptions): KAnonymousSynthesis {
  const aggregates = reportableAggregates(dataset, options.k ?? 10, options.reportingLength ?? 3);
  const synthetic = synthesizeFromAggregates(aggregates, kAnonymousSynthesisOptions(options.seed));
  return { synthetic, aggregates };
}
