// The options of the private marginals, checked once with errors that say how to fix them, and the
// defaults they fall back on. Pure: no I/O here.
import { AppError } from '../../platform/errors.js';
import type { Dataset } from './dataset.js';
import type { SensitiveZeros } from './dp-implied-zeros.js';

export type DpMarginalsOptions = {
  /** Total ε of the release; default 4. */
  epsilon?: number;
  /** Total δ; default 1/(ñ·ln ñ) for the noisy record count ñ (at least 10), as the showcase does. */
  delta?: number;
  /** Longest combination counted; default 3. */
  reportingLength?: number;
  /** Seed of the noise; a fresh one is drawn (and returned) when absent. */
  seed?: string | Uint8Array;
  /** Least noisy count kept, per level (index 0 for single attributes); the 1-way floor is never lowered. */
  thresholds?: readonly (number | undefined)[];
  /**
   * Which percentile of records' combination counts bounds each record's contribution; by default 99 for
   * single values and 95 for longer combinations (see dp-marginals.ts).
   */
  percentile?: number;
  /** Share of the budget spent finding those percentiles; default 0.01. */
  percentileShare?: number;
  /**
   * Whose '0' counts as a value: by default only that of columns that are not 0/1 flags, so that a flag's
   * '0' forms no combination and the synthetic records get it back (dp-implied-zeros.ts); 'all' counts
   * every '0'; a list of flag names counts those flags' zeros too.
   */
  sensitiveZeros?: SensitiveZeros;
  /**
   * Relative share of the budget each level's counts get (index 0 for single attributes); default even,
   * which measured best at 50,000 CTDC-shaped records (2-way error 0.73 against 0.74 to 0.75 for
   * [1.5, 1, 1], [1, 1.3, 0.7], [0.6, 1.4, 1] and [0.6, 1.2, 1.2]).
   */
  levelWeights?: readonly number[];
};

export type Settings = Required<Omit<DpMarginalsOptions, 'seed' | 'delta' | 'sensitiveZeros'>>;

export function checkedSettings(dataset: Dataset, options: DpMarginalsOptions): Settings {
  const settings = {
    ...{ epsilon: 4, reportingLength: 3, thresholds: [], percentile: 95, percentileShare: 0.01 },
    levelWeights: [] as readonly number[],
    ...options,
  };
  const refuse = (detail: string) => {
    throw new AppError('validation_failed', detail);
  };
  if (!(settings.epsilon > 0 && settings.epsilon <= 100))
    refuse('ε must be a number above 0 and at most 100.');
  if (options.delta !== undefined && !(options.delta > 0 && options.delta < 1)) {
    refuse('δ must lie strictly between 0 and 1; leave it out to derive it from the record count.');
  }
  const columns = dataset.columns.length;
  if (
    !Number.isInteger(settings.reportingLength) ||
    settings.reportingLength < 1 ||
    settings.reportingLength > columns
  ) {
    refuse(`The reporting length must be a whole number from 1 to the number of columns (${columns}).`);
  }
  if (!Number.isInteger(settings.percentile) || settings.percentile < 1 || settings.percentile > 100) {
    refuse('The percentile must be a whole number from 1 to 100.');
  }
  if (!(settings.percentileShare > 0 && settings.percentileShare < 1))
    refuse('The percentile share must lie in (0, 1).');
  if (settings.thresholds.some((value) => value !== undefined && !(value >= 0))) {
    refuse('Thresholds must be numbers of at least 0.');
  }
  if (settings.levelWeights.some((weight) => !(weight > 0 && Number.isFinite(weight))))
    refuse('Level weights must be positive numbers.');
  const names = new Set(dataset.columns.map((column) => column.name));
  const unknown = Array.isArray(options.sensitiveZeros)
    ? options.sensitiveZeros.filter((name) => !names.has(name))
    : [];
  if (unknown.length > 0)
    refuse(
      `Sensitive zeros name columns the dataset does not have: ${unknown.join(', ')}. Check the spelling.`,
    );
  return settings;
}

/** Each level's share of the counts' budget, summing to 1. */
export function levelWeights(given: readonly number[], reportingLength: number): number[] {
  const weights = Array.from({ length: reportingLength }, (_, index) => given[index] ?? 1);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return weights.map((weight) => weight / total);
}
