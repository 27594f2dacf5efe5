// Speed of the exact noise samplers: samples per second for the discrete Gaussian and Laplace at the
// scales a differentially private synthesis uses. Run: npx tsx bench/releases/samplers.ts
import {
  discreteGaussian,
  discreteLaplace,
  rational,
  rationalAtLeast,
} from '../../src/releases/engine/noise/exact.js';
import { RandomBits } from '../../src/releases/engine/noise/random.js';

const SAMPLES = 1_000_000;
const rng = new RandomBits('sampler-bench');
const cases = [
  ['discrete Gaussian σ = 1', discreteGaussian(rational(1))],
  ['discrete Gaussian σ = 10', discreteGaussian(rational(100))],
  ['discrete Gaussian σ = 100', discreteGaussian(rational(10_000))],
  [
    'discrete Gaussian σ² = 1234.5678 (2^-24 denominator, BigInt path)',
    discreteGaussian(rationalAtLeast(1234.5678)),
  ],
  ['discrete Laplace scale 10', discreteLaplace(rational(10))],
] as const;

for (const [label, sampler] of cases) {
  let checksum = 0;
  const start = performance.now();
  for (let i = 0; i < SAMPLES; i++) checksum += sampler.sample(rng);
  const seconds = (performance.now() - start) / 1000;
  const rate = Math.round(SAMPLES / seconds).toLocaleString('en');
  console.log(`${label.padEnd(70)} ${rate.padStart(12)} samples/s  (sum ${checksum})`);
}
