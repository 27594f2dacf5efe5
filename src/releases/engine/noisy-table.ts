// Differentially private count tables: exact discrete Laplace or Gaussian noise on every cell, margins
// summed from the noisy cells (so the published table adds up), and the privacy spent, for the
// dataset's budget. One record sits in one cell, so adding or removing it moves one cell by 1: the
// sensitivity is 1 in both the L1 and the L2 norm.
import { AppError } from '../../platform/errors.js';
import { type CountTable, innerToEntry, shapeOf, withMargins } from './count-tables.js';
import { epsilonForRho, gaussianRhoFromVariance, pureDpRho, rhoForEpsilonDelta } from './noise/accountant.js';
import {
  discreteGaussian,
  discreteLaplace,
  type IntegerSampler,
  rational,
  rationalAtLeast,
  rationalAtMost,
} from './noise/exact.js';
import { RandomBits } from './noise/random.js';
import { percent } from './risk-sentences.js';

export type NoisyTableOptions = {
  mechanism: 'laplace' | 'gaussian';
  /** The ε this table may spend. */
  epsilon: number;
  /** Required by the Gaussian mechanism; the Laplace mechanism is pure ε-DP and ignores it. */
  delta?: number;
  /** Record it: the same table and seed give the same noisy table. Drawn from the system when absent. */
  seed?: string;
};

export type NoisyTable = {
  table: CountTable;
  mechanism: 'laplace' | 'gaussian';
  /** What was spent: never more than asked (parameters are rounded towards more noise). */
  epsilon: number;
  delta: number | null;
  /** The same cost in zCDP, to charge the dataset's budget. */
  rho: number;
  /** Laplace scale, or the Gaussian's σ². */
  noiseScale: number;
  seed: string;
  /** Cells that noise pushed below 0 and that are published as 0. */
  cellsRoundedUp: number;
  sentences: string[];
};

const SENSITIVITY = 1;

export function noisyTable(table: CountTable, options: NoisyTableOptions): NoisyTable {
  const { epsilon, mechanism } = options;
  checkEpsilon(epsilon);
  const plan = mechanism === 'laplace' ? planLaplace(epsilon) : planGaussian(epsilon, options.delta);
  const random = new RandomBits(options.seed);
  const shape = shapeOf(table.dimensions);
  const values = new Float64Array(shape.entryCount);
  const cellCount = table.dimensions.reduce((product, d) => product * d.categories.length, 1);
  let cellsRoundedUp = 0;
  for (let cell = 0; cell < cellCount; cell++) {
    const entry = innerToEntry(shape, cell);
    const noisy = (table.values[entry] as number) + plan.sampler.sample(random);
    // Clamping is post-processing (it costs no privacy) but it biases small counts upwards.
    if (noisy < 0) cellsRoundedUp++;
    values[entry] = Math.max(0, noisy);
  }
  const seed = typeof random.seed === 'string' ? random.seed : Buffer.from(random.seed).toString('hex');
  const spent = {
    mechanism,
    epsilon: plan.epsilon,
    delta: plan.delta,
    rho: plan.rho,
    noiseScale: plan.noiseScale,
  };
  return {
    table: { dimensions: table.dimensions, values: withMargins(shape, values) },
    ...spent,
    seed,
    cellsRoundedUp,
    sentences: describeNoise(spent, cellsRoundedUp, cellCount),
  };
}

function checkEpsilon(epsilon: number): void {
  if (Number.isFinite(epsilon) && epsilon > 0) return;
  throw new AppError('validation_failed', `ε must be a positive number; ${epsilon} is not. Try 1.`, [
    { path: 'epsilon', message: 'must be a positive number', code: 'too_small', minimum: 0 },
  ]);
}

type NoisePlan = {
  sampler: IntegerSampler;
  epsilon: number;
  delta: number | null;
  rho: number;
  noiseScale: number;
};

/** Discrete Laplace of scale Δ/ε′ with ε′ ≤ ε, an exact rational: pure ε′-DP, ε′²/2-zCDP. */
function planLaplace(epsilon: number): NoisePlan {
  const exactEpsilon = rationalAtMost(epsilon);
  if (exactEpsilon.numerator === 0n) throw new RangeError(`ε = ${epsilon} is too small to sample`);
  const spentEpsilon = Number(exactEpsilon.numerator) / Number(exactEpsilon.denominator);
  return {
    sampler: discreteLaplace(
      rational(exactEpsilon.denominator * BigInt(SENSITIVITY), exactEpsilon.numerator),
    ),
    epsilon: spentEpsilon,
    delta: null,
    rho: pureDpRho(spentEpsilon),
    noiseScale: SENSITIVITY / spentEpsilon,
  };
}

/** Discrete Gaussian with the largest ρ that the tight conversion allows at (ε, δ), σ² rounded up. */
function planGaussian(epsilon: number, delta: number | undefined): NoisePlan {
  if (delta === undefined || !(delta > 0 && delta < 1)) {
    throw new AppError(
      'validation_failed',
      `The Gaussian mechanism needs δ strictly between 0 and 1 (for example 1e-6); ${delta} is not.`,
      [{ path: 'delta', message: 'must lie strictly between 0 and 1', code: 'invalid_value' }],
    );
  }
  const targetRho = rhoForEpsilonDelta(epsilon, delta);
  const sigma2 = rationalAtLeast((SENSITIVITY * SENSITIVITY) / (2 * targetRho));
  const sigma2Value = Number(sigma2.numerator) / Number(sigma2.denominator);
  const rho = gaussianRhoFromVariance(SENSITIVITY, sigma2Value);
  return {
    sampler: discreteGaussian(sigma2),
    epsilon: Math.min(epsilon, epsilonForRho(rho, delta)),
    delta,
    rho,
    noiseScale: sigma2Value,
  };
}

function describeNoise(
  spent: { mechanism: string; epsilon: number; delta: number | null; rho: number; noiseScale: number },
  cellsRoundedUp: number,
  cellCount: number,
): string[] {
  const spread = spent.mechanism === 'laplace' ? spent.noiseScale * Math.SQRT2 : Math.sqrt(spent.noiseScale);
  const privacy =
    spent.delta === null
      ? `ε = ${spent.epsilon.toPrecision(3)}`
      : `ε = ${spent.epsilon.toPrecision(3)}, δ = ${spent.delta.toPrecision(2)}`;
  const sentences = [
    `Every count carries random noise of typical size ±${spread.toFixed(1)} (${spent.mechanism === 'laplace' ? 'Laplace' : 'Gaussian'}, ${privacy}); totals are sums of the noisy counts, so the table adds up.`,
  ];
  if (cellsRoundedUp > 0) {
    sentences.push(
      `Noise took ${cellsRoundedUp.toLocaleString('en-US')} of ${cellCount.toLocaleString('en-US')} counts (${percent(cellsRoundedUp / cellCount)}) below zero; they are published as 0, so small counts and totals lean slightly high.`,
    );
  }
  return sentences;
}
