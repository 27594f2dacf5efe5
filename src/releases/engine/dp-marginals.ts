// Differentially private marginals, the seed of differentially private synthetic data: noisy counts of
// 1- to k-way attribute combinations built level by level, after Gopi, Mahabadi and Yekhanin,
// "Differentially Private Marginals", as Microsoft's synthetic data showcase applies it: a private
// percentile bounds what one record may add to each level, discrete Gaussian noise calibrated to that
// bound is added to every candidate combination (also those absent from the data), and only counts
// above a threshold are kept. Accounting is in zCDP (noise/accountant.ts). Pure: no I/O here.
import { AppError } from '../../platform/errors.js';
import { type Aggregates, AttributeIndex } from './aggregates.js';
import type { Dataset } from './dataset.js';
import {
  extendCandidates,
  keepPositions,
  type Level,
  RecordCombinations,
  singlesLevel,
} from './dp-combinations.js';
import { clippedCounts, combinationsHeld } from './dp-contributions.js';
import { type ImpliedZero, type SensitiveZeros, setZerosApart } from './dp-implied-zeros.js';
import { outputAggregates } from './dp-output.js';
import { checkedSettings, type DpMarginalsOptions, levelWeights, type Settings } from './dp-settings.js';
import { epsilonForRho, PrivacyBudget, rhoForEpsilonDelta } from './noise/accountant.js';
import { discreteGaussian, type Rational, rationalAtLeast, rationalAtMost } from './noise/exact.js';
import { privateQuantile } from './noise/private-quantile.js';
import { RandomBits } from './noise/random.js';

export type { DpMarginalsOptions } from './dp-settings.js';

export type DpLevelReport = {
  length: number;
  /** Most combinations of this length one record may add (chosen privately). */
  sensitivity: number;
  sigma2: number;
  rho: number;
  threshold: number;
  /**
   * How many combinations got noise; null for single attributes, whose number would tell how many
   * distinct values the data holds, those of a single record included.
   */
  candidates: number | null;
  kept: number;
  /** Single values are counted in two parts, the zeros and the others, unless every zero is sensitive. */
  values?: 'zeros' | 'others';
};

export type DpMarginals = Aggregates & {
  /** ρ spent (zCDP), all parts together. */
  rho: number;
  /** ε of (ε, δ)-DP: the tight conversion of ρ at deltaConversion. */
  epsilon: number;
  /** deltaConversion + deltaThreshold. */
  delta: number;
  deltaRule: 'given' | '1/(n ln n) of the noisy record count';
  /** The δ used to convert ρ into ε. */
  deltaConversion: number;
  /** The chance that a single attribute held by one record only passes the 1-way threshold. */
  deltaThreshold: number;
  seed: string | Uint8Array;
  levels: DpLevelReport[];
  /** The flags whose '0' was left out of the combinations: write them back with withImpliedZeros. */
  impliedZeros: ImpliedZero[];
};

const MAX_SENSITIVITY = 4096;
/** Threshold of the pairs, in standard deviations of their noise (see levelThreshold). */
const PAIR_THRESHOLD_SIGMAS = 3;
/** Threshold of the levels above pairs: lower, since there a count mostly permits (see levelThreshold). */
const LONGER_THRESHOLD_SIGMAS = 1.5;
/**
 * The percentile of records' counts that bounds their contribution, unless one is given. Singles, whose
 * counts are large, suffer the bias of clipping more than the noise: at the 95th percentile a flag's
 * released 1s fell 4 % short of the truth and, with its 0s, left records blank where the source had no
 * blank; at the 99th, 1 % short. That costs a few rare values at 50,000 CTDC-shaped records (87 % kept
 * against 90 %, 2-way error 0.74 either way). Longer combinations gain from the lower bound (99: 2-way error 0.69 against 0.68 at 250,000
 * CTDC-shaped records; 85 and 75 gained nothing more).
 */
const SINGLES_PERCENTILE = 99;
const LONGER_PERCENTILE = 95;
/** Share of the single values' budget that counts the zeros (privateSingles). */
const ZEROS_SHARE = 0.1;
/** The noisy record count costs ε²/5000 in ρ, about 1–2 % of a typical budget, whatever δ turns out. */
const RECORD_COUNT_RHO_PER_EPSILON2 = 1 / 5000;

type Run = {
  dataset: Dataset;
  attributes: AttributeIndex;
  base: number;
  rng: RandomBits;
  budget: PrivacyBudget;
  deltaThreshold: number;
  alive: Uint8Array;
  survivors: (Level | undefined)[];
  noisy: Int32Array[];
  reports: DpLevelReport[];
};

export function dpMarginals(dataset: Dataset, options: DpMarginalsOptions = {}): DpMarginals {
  const settings = checkedSettings(dataset, options);
  const rng = new RandomBits(options.seed);
  const attributes = AttributeIndex.of(dataset);
  const base = Math.max(2, attributes.size);
  if (base ** settings.reportingLength > 2 ** 53) {
    throw new AppError(
      'validation_failed',
      `${attributes.size} distinct values are too many for combinations of ${settings.reportingLength}: ` +
        'generalise or drop columns with many values, or lower the reporting length.',
    );
  }
  const { recordCount, rho: countRho } = noisyRecordCount(dataset.rowCount, settings.epsilon, rng);
  const delta = options.delta ?? defaultDelta(recordCount);
  const budget = new PrivacyBudget(rhoForEpsilonDelta(settings.epsilon, delta / 2));
  budget.spend(countRho, 'the noisy record count');
  const run: Run = {
    ...{ dataset, attributes, base, rng, budget, deltaThreshold: delta / 2 },
    ...{ alive: new Uint8Array(attributes.size), survivors: [], noisy: [], reports: [] },
  };
  const weights = levelWeights(settings.levelWeights, settings.reportingLength);
  const countsRho = budget.remaining * (1 - settings.percentileShare);
  const quantileRho = (budget.remaining * settings.percentileShare) / settings.reportingLength;
  let impliedZeros: ImpliedZero[] = [];
  for (let length = 1; length <= settings.reportingLength; length++) {
    const levelRho = countsRho * (weights[length - 1] as number);
    const plan = { ...settings, levelRho, quantileRho, percentile: options.percentile };
    privateLevel(run, length, { ...plan, sensitiveZeros: options.sensitiveZeros });
    if (length === 1) impliedZeros = setSinglesZerosApart(run, recordCount, options.sensitiveZeros);
  }
  return {
    ...outputAggregates(run, recordCount, settings.reportingLength),
    ...{ rho: budget.spent, epsilon: epsilonForRho(budget.spent, delta / 2), delta },
    deltaRule: options.delta === undefined ? '1/(n ln n) of the noisy record count' : 'given',
    ...{ deltaConversion: delta / 2, deltaThreshold: delta / 2, seed: rng.seed, levels: run.reports },
    impliedZeros,
  };
}

/** Reads from the released single values which flags' zeros to leave out of longer combinations. */
function setSinglesZerosApart(run: Run, recordCount: number, sensitive: SensitiveZeros | undefined) {
  const singles = { level: run.survivors[1] as Level, noisy: run.noisy[1] as Int32Array };
  const { level, noisy, implied } = setZerosApart(run, singles, recordCount, sensitive);
  run.survivors[1] = level;
  run.noisy[1] = noisy;
  return implied;
}

function noisyRecordCount(rowCount: number, epsilon: number, rng: RandomBits) {
  const sigma2 = rationalAtLeast(1 / (2 * RECORD_COUNT_RHO_PER_EPSILON2 * epsilon * epsilon));
  const recordCount = Math.max(0, rowCount + discreteGaussian(sigma2).sample(rng));
  return { recordCount, rho: 1 / (2 * ratio(sigma2)) };
}

function defaultDelta(noisyCount: number): number {
  const n = Math.max(10, noisyCount);
  return 1 / (n * Math.log(n));
}

function ratio(value: Rational): number {
  return Number(value.numerator) / Number(value.denominator);
}

type LevelPlan = Omit<Settings, 'percentile'> & {
  percentile: number | undefined;
  levelRho: number;
  quantileRho: number;
  sensitiveZeros?: SensitiveZeros;
};

function privateLevel(run: Run, length: number, plan: LevelPlan): void {
  if (length === 1) {
    privateSingles(run, plan);
    return;
  }
  const candidates = extendCandidates(
    run.survivors[length - 1] as Level,
    run.survivors[1] as Level,
    run.attributes,
    run.base,
  );
  const { kept, values, report } = privateCounts(run, candidates, plan, 1);
  run.survivors[length] = keepPositions(candidates, kept, run.base);
  run.noisy[length] = Int32Array.from(values);
  run.reports.push({ ...report, candidates: candidates.size, kept: kept.length });
}

/**
 * The single values, the zeros apart from the others unless every zero is sensitive: a record holds a
 * zero in most flags but a 1 in few, so the other values, counted alone, are bounded by a few per record
 * and get much less noise; the zeros, counted in thousands, need little budget (ZEROS_SHARE). At 50,000
 * CTDC-shaped records the singles kept went from 75 % to 90 % and the 2-way error from 0.76 to 0.74; at
 * 250,000, where every value was kept already, it changed nothing beyond the play of the seed (±0.005).
 */
function privateSingles(run: Run, plan: LevelPlan): void {
  const singles = singlesLevel(run.attributes);
  run.alive.fill(1);
  const isZero = (id: number) =>
    run.dataset.columns[run.attributes.column(id)]?.values[run.attributes.code(id)] === '0';
  const zeros = plan.sensitiveZeros === 'all' ? [] : [...singles.ids].filter(isZero);
  const parts =
    zeros.length === 0
      ? [{ ids: [...singles.ids], share: 1, values: undefined }]
      : [
          { ids: zeros, share: ZEROS_SHARE, values: 'zeros' as const },
          {
            ids: [...singles.ids].filter((id) => !isZero(id)),
            share: 1 - ZEROS_SHARE,
            values: 'others' as const,
          },
        ];
  const noisy = new Map<number, number>();
  for (const part of parts) {
    const candidates = keepPositions(singles, part.ids, run.base);
    const sharePlan = {
      ...plan,
      levelRho: plan.levelRho * part.share,
      quantileRho: plan.quantileRho * part.share,
    };
    const { kept, values, report } = privateCounts(run, candidates, sharePlan, 1 / parts.length);
    for (const [index, position] of kept.entries())
      noisy.set(candidates.ids[position] as number, values[index] as number);
    const which = part.values ? { values: part.values } : {};
    run.reports.push({ ...report, ...which, candidates: null, kept: kept.length });
  }
  const ids = [...noisy.keys()].sort((a, b) => a - b);
  run.survivors[1] = keepPositions(singles, ids, run.base);
  run.noisy[1] = Int32Array.from(ids, (id) => noisy.get(id) as number);
  run.alive.fill(0);
  for (const id of ids) run.alive[id] = 1;
}

/** Noisy counts of the candidates that pass the threshold; `deltaShare` is the share of δ the singles spend. */
function privateCounts(run: Run, candidates: Level, plan: LevelPlan, deltaShare: number) {
  const length = candidates.length;
  const walker = new RecordCombinations(
    run.dataset,
    run.attributes,
    run.alive,
    run.survivors,
    candidates,
    run.base,
  );
  const held = combinationsHeld(run.dataset.rowCount, walker, candidates.size);
  const sensitivity = privateSensitivity(run, held.perRecord, length, plan);
  const counts = clippedCounts(run.rng, walker, held, sensitivity);
  const sigma2 = rationalAtLeast(sensitivity / (2 * plan.levelRho));
  const rho = sensitivity / (2 * ratio(sigma2));
  run.budget.spend(rho, `the ${length}-way counts`);
  const given = plan.thresholds[length - 1];
  const threshold = levelThreshold(run, length, sensitivity, ratio(sigma2), deltaShare, given);
  const { kept, values } = noisyAboveThreshold(run.rng, counts, sigma2, threshold);
  return { kept, values, report: { length, sensitivity, sigma2: ratio(sigma2), rho, threshold } };
}

/** Adds discrete Gaussian noise to every candidate's count, the absent ones too, and keeps those above the threshold. */
function noisyAboveThreshold(rng: RandomBits, counts: Int32Array, sigma2: Rational, threshold: number) {
  const noise = discreteGaussian(sigma2);
  const kept: number[] = [];
  const values: number[] = [];
  for (let position = 0; position < counts.length; position++) {
    const value = (counts[position] as number) + noise.sample(rng);
    if (value < threshold) continue;
    kept.push(position);
    values.push(value);
  }
  return { kept, values };
}

function privateSensitivity(run: Run, held: Int32Array, length: number, plan: LevelPlan): number {
  const maxValue = Math.min(MAX_SENSITIVITY, binomial(run.dataset.columns.length, length));
  const histogram = new Int32Array(maxValue + 1);
  for (const count of held) {
    const bin = Math.min(count, maxValue);
    histogram[bin] = (histogram[bin] as number) + 1;
  }
  const epsilon = rationalAtMost(Math.sqrt(2 * plan.quantileRho));
  run.budget.spend(ratio(epsilon) ** 2 / 2, `the ${length}-way contribution bound`);
  const percentile = plan.percentile ?? (length === 1 ? SINGLES_PERCENTILE : LONGER_PERCENTILE);
  return privateQuantile(run.rng, histogram, percentile, epsilon, maxValue);
}

/**
 * The 1-way threshold makes an attribute that only one record holds pass with probability at most
 * deltaThreshold: that record adds at most `sensitivity` such attributes, each with count ≤ 1, and the
 * discrete Gaussian is σ-subgaussian (Canonne, Kamath and Steinke 2020), so
 * P(1 + noise ≥ τ) ≤ exp(−(τ − 1)²/(2σ²)). Longer levels choose among released combinations only, so
 * their threshold limits fabrication, not privacy: 3σ for pairs, whose made-up ones the synthesizer would
 * copy. Above pairs, the synthesizer reads a count mostly as leave to join an attribute to a record, and a
 * triple missing for want of a few counts leaves attributes unused: 1.5σ there kept the made-up triples of
 * the output about as few (424 against 402 of 188,000) and cut the 2-way error from 0.68 to 0.66 and the
 * 1-way error from 0.13 to 0.06 (CTDC-shaped bench, 250,000 records, ε = 4); 1σ and 0.5σ made the 3-way
 * error worse (0.88, 0.90 against 0.87), and 2σ for pairs too made more pairs up (142 against 13) and the
 * 2-way error worse (0.69), small counts coming out inflated. For pairs, 2.5σ kept more of the source's
 * pairs (54 % against 52 %) but erred more (0.67 against 0.66) and made up 37 against 8; 3.5σ erred less
 * (0.657) and made up 1, but kept 50 %: 3σ is the middle.
 */
function levelThreshold(
  run: Run,
  length: number,
  sensitivity: number,
  sigma2: number,
  deltaShare: number,
  given?: number,
): number {
  if (length === 1) {
    const delta = run.deltaThreshold * deltaShare;
    const floor = 1 + Math.ceil(Math.sqrt(2 * sigma2 * Math.log(sensitivity / delta)) * (1 + 1e-9));
    return Math.max(floor, given ?? 0);
  }
  const sigmas = length === 2 ? PAIR_THRESHOLD_SIGMAS : LONGER_THRESHOLD_SIGMAS;
  return Math.max(1, given ?? Math.ceil(sigmas * Math.sqrt(sigma2)));
}

function binomial(n: number, k: number): number {
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return Math.round(result);
}
