import { describe, expect, it } from 'vitest';
import {
  bernoulliExp,
  discreteGaussian,
  discreteLaplace,
  type IntegerSampler,
  rational,
  rationalAtLeast,
} from './exact.js';
import { RandomBits } from './random.js';

const SAMPLES = 200_000;

/** The 99.9 % quantile of chi-square with df degrees of freedom (Wilson–Hilferty, ample for df ≥ 3). */
function chiSquareQuantile999(df: number): number {
  const z = 3.090232;
  const a = 2 / (9 * df);
  return df * (1 - a + z * Math.sqrt(a)) ** 3;
}

function histogram(sampler: IntegerSampler, seed: string, count = SAMPLES): Map<number, number> {
  const rng = new RandomBits(seed);
  const counts = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    const x = sampler.sample(rng);
    counts.set(x, (counts.get(x) ?? 0) + 1);
  }
  return counts;
}

/** Pearson's statistic against a pmf given by unnormalised weights, bins merged to expect ≥ 5 each. */
function chiSquare(counts: Map<number, number>, weight: (x: number) => number, reach: number) {
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
  let norm = 0;
  for (let x = -reach; x <= reach; x++) norm += weight(x);
  const bins: { expected: number; observed: number }[] = [];
  let open = { expected: 0, observed: 0 };
  for (let x = -reach; x <= reach; x++) {
    open.expected += (total * weight(x)) / norm;
    open.observed += counts.get(x) ?? 0;
    if (open.expected >= 5) {
      bins.push(open);
      open = { expected: 0, observed: 0 };
    }
  }
  const last = bins[bins.length - 1] as { expected: number; observed: number };
  last.expected += open.expected;
  last.observed += open.observed;
  const outside = [...counts].filter(([x]) => Math.abs(x) > reach).reduce((sum, [, count]) => sum + count, 0);
  const statistic = bins.reduce((sum, bin) => sum + (bin.observed - bin.expected) ** 2 / bin.expected, 0);
  return { statistic: statistic + outside * 1e6, degrees: bins.length - 1 };
}

function moments(counts: Map<number, number>) {
  let total = 0;
  let sum = 0;
  let squares = 0;
  for (const [x, count] of counts) {
    total += count;
    sum += x * count;
    squares += x * x * count;
  }
  const mean = sum / total;
  return { mean, variance: squares / total - mean * mean };
}

const gaussianWeight = (sigma2: number) => (x: number) => Math.exp(-(x * x) / (2 * sigma2));
const laplaceWeight = (scale: number) => (x: number) => Math.exp(-Math.abs(x) / scale);

/** The exact variance of the discrete Gaussian, summed. */
function gaussianVariance(sigma2: number): number {
  let norm = 0;
  let second = 0;
  const reach = Math.ceil(40 * Math.sqrt(sigma2)) + 10;
  for (let x = -reach; x <= reach; x++) {
    const w = gaussianWeight(sigma2)(x);
    norm += w;
    second += x * x * w;
  }
  return second / norm;
}

describe('Bernoulli(exp(−γ))', () => {
  it('comes out true with probability exp(−γ), for γ below, at and above 1 and with huge denominators', () => {
    const cases = [
      rational(0),
      rational(1, 3),
      rational(1),
      rational(5, 2),
      rational(7n * 2n ** 70n, 2n ** 71n),
    ];
    const rng = new RandomBits('bernoulli');
    for (const gamma of cases) {
      const p = Math.exp(-Number(gamma.numerator) / Number(gamma.denominator));
      let hits = 0;
      for (let i = 0; i < 100_000; i++) if (bernoulliExp(rng, gamma)) hits++;
      const standardError = Math.sqrt((p * (1 - p)) / 100_000) + 1e-9;
      expect(Math.abs(hits / 100_000 - p) / standardError).toBeLessThan(4.5);
    }
  });
});

describe('discrete Laplace', () => {
  for (const [label, scale, value] of [
    ['scale 1', rational(1), 1],
    ['scale 10/3', rational(10, 3), 10 / 3],
    ['scale 25', rational(25), 25],
    ['scale 10 written with a 2^30 denominator (BigInt path)', rational(10n * 2n ** 30n, 2n ** 30n), 10],
  ] as const) {
    it(`matches its pmf, mean and variance (${label})`, () => {
      const counts = histogram(discreteLaplace(scale), `laplace-${label}`);
      const { statistic, degrees } = chiSquare(counts, laplaceWeight(value), Math.ceil(30 * value) + 10);
      expect(statistic).toBeLessThan(chiSquareQuantile999(degrees));
      const q = Math.exp(-1 / value);
      const variance = (2 * q) / (1 - q) ** 2;
      const { mean, variance: observed } = moments(counts);
      expect(Math.abs(mean)).toBeLessThan(5 * Math.sqrt(variance / SAMPLES));
      expect(Math.abs(observed / variance - 1)).toBeLessThan(0.02);
    });
  }
});

describe('discrete Gaussian', () => {
  for (const [label, sigma2, value] of [
    ['σ² = 1/2', rational(1, 2), 0.5],
    ['σ = 3', rational(9), 9],
    ['σ = 10', rational(100), 100],
    ['σ² = 1234.5678 rounded up to 2^-24 (BigInt path)', rationalAtLeast(1234.5678), 1234.5678],
    ['σ = 100', rational(10_000), 10_000],
  ] as const) {
    it(`matches its pmf, mean and variance (${label})`, () => {
      const counts = histogram(discreteGaussian(sigma2), `gauss-${label}`);
      const reach = Math.ceil(12 * Math.sqrt(value)) + 5;
      const { statistic, degrees } = chiSquare(counts, gaussianWeight(value), reach);
      expect(statistic).toBeLessThan(chiSquareQuantile999(degrees));
      const variance = gaussianVariance(value);
      const { mean, variance: observed } = moments(counts);
      expect(Math.abs(mean)).toBeLessThan(5 * Math.sqrt(variance / SAMPLES));
      expect(Math.abs(observed / variance - 1)).toBeLessThan(0.02);
    });
  }

  it('tells a discrete Laplace of the same variance apart from the discrete Gaussian', () => {
    // scale b with 2e^{-1/b}/(1-e^{-1/b})² ≈ 100, the variance of the discrete Gaussian with σ = 10
    const counts = histogram(discreteLaplace(rational(70_533, 10_000)), 'impostor');
    expect(Math.abs(moments(counts).variance / 100 - 1)).toBeLessThan(0.03);
    const { statistic, degrees } = chiSquare(counts, gaussianWeight(100), 200);
    expect(statistic).toBeGreaterThan(chiSquareQuantile999(degrees));
  });

  it('has tails no heavier than exp(−λ²/(2σ²)), the bound the 1-way threshold of private marginals relies on', () => {
    for (const sigma2 of [0.5, 1, 10, 100, 1000]) {
      const weight = gaussianWeight(sigma2);
      const reach = Math.ceil(40 * Math.sqrt(sigma2)) + 10;
      let norm = 0;
      for (let x = -reach; x <= reach; x++) norm += weight(x);
      let tail = 0;
      for (let lambda = reach; lambda >= 1; lambda--) {
        tail += weight(lambda) / norm;
        if (tail > 1e-300)
          expect(tail).toBeLessThanOrEqual(Math.exp(-(lambda * lambda) / (2 * sigma2)) * (1 + 1e-9));
      }
    }
  });

  it('is deterministic for a seed', () => {
    const sampler = discreteGaussian(rational(50));
    const first = new RandomBits('same');
    const second = new RandomBits('same');
    const a = Array.from({ length: 1000 }, () => sampler.sample(first));
    expect(Array.from({ length: 1000 }, () => sampler.sample(second))).toEqual(a);
  });

  it('refuses a non-positive σ² or scale', () => {
    expect(() => discreteGaussian(rational(0))).toThrow(/σ² must be positive/);
    expect(() => discreteLaplace(rational(-1, 2))).toThrow(/scale must be positive/);
    expect(() => rational(1, 0)).toThrow(/positive denominator/);
  });
});
