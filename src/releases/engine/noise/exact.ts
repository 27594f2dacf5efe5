// Exact noise samplers for differential privacy: Bernoulli(exp(−γ)), the discrete Laplace and the
// discrete Gaussian, after Canonne, Kamath and Steinke (2020), "The Discrete Gaussian for Differential
// Privacy", Algorithms 1–3. Parameters are exact rationals and only integers are ever drawn, so the
// output is not open to the floating-point attacks of Mironov (2012) on textbook Laplace noise.
// Integer arithmetic runs on doubles while every value is provably below 2^53 and on BigInt otherwise.
import { MAX_UNIFORM_BOUND, type RandomBits } from './random.js';

/** An exact rational numerator / denominator, both integers, the denominator positive. */
export type Rational = { numerator: bigint; denominator: bigint };

const SAFE = MAX_UNIFORM_BOUND;
/** Differences up to this bound have squares below 2^53. */
const SAFE_SQUARE_ROOT = 94_906_265;

export function rational(numerator: number | bigint, denominator: number | bigint = 1n): Rational {
  const top = BigInt(numerator);
  const bottom = BigInt(denominator);
  if (bottom <= 0n) throw new RangeError(`a rational needs a positive denominator, not ${bottom}`);
  return { numerator: top, denominator: bottom };
}

/**
 * The smallest multiple of 2^-bits at or above x (rounding up, so that noise built on it is never less
 * than asked for). Use it to turn a computed σ² into an exact parameter.
 */
export function rationalAtLeast(x: number, bits = 24): Rational {
  if (!Number.isFinite(x) || x < 0) throw new RangeError(`expected a finite non-negative number, not ${x}`);
  const scale = 2 ** bits;
  return rational(BigInt(Math.ceil(x * scale)), BigInt(scale));
}

/** The largest multiple of 2^-bits at or below x (rounding down, for a privacy parameter such as ε). */
export function rationalAtMost(x: number, bits = 24): Rational {
  if (!Number.isFinite(x) || x < 0) throw new RangeError(`expected a finite non-negative number, not ${x}`);
  const scale = 2 ** bits;
  return rational(BigInt(Math.floor(x * scale)), BigInt(scale));
}

// ---- Bernoulli(exp(−a/b)), Algorithm 1 -------------------------------------------------------------

/** Bernoulli(exp(−a/b)) for 0 ≤ a ≤ b, by the alternating series: the parity of the first failure. */
function bernoulliExpFraction(rng: RandomBits, a: number, b: number): boolean {
  for (let k = 1; ; k++) {
    if (b * k > SAFE) return bernoulliExpFractionBig(rng, BigInt(a), BigInt(b), BigInt(k));
    if (rng.uniformBelow(b * k) >= a) return k % 2 === 1;
  }
}

function bernoulliExpFractionBig(rng: RandomBits, a: bigint, b: bigint, from = 1n): boolean {
  for (let k = from; ; k++) {
    if (rng.uniformBelowBig(b * k) >= a) return k % 2n === 1n;
  }
}

/** Bernoulli(exp(−a/b)) for integers a ≥ 0, b ≥ 1 below 2^53: one exp(−1) trial per whole unit of a/b. */
function bernoulliExpNumber(rng: RandomBits, a: number, b: number): boolean {
  let rest = a;
  while (rest > b) {
    if (!bernoulliExpFraction(rng, 1, 1)) return false;
    rest -= b;
  }
  return bernoulliExpFraction(rng, rest, b);
}

function bernoulliExpBig(rng: RandomBits, a: bigint, b: bigint): boolean {
  let rest = a;
  while (rest > b) {
    if (!bernoulliExpFraction(rng, 1, 1)) return false;
    rest -= b;
  }
  return bernoulliExpFractionBig(rng, rest, b);
}

/** A draw from Bernoulli(exp(−γ)) for a rational γ ≥ 0. */
export function bernoulliExp(rng: RandomBits, gamma: Rational): boolean {
  if (gamma.numerator < 0n) throw new RangeError('Bernoulli(exp(−γ)) needs γ ≥ 0');
  if (gamma.numerator <= BigInt(SAFE) && gamma.denominator <= BigInt(SAFE)) {
    return bernoulliExpNumber(rng, Number(gamma.numerator), Number(gamma.denominator));
  }
  return bernoulliExpBig(rng, gamma.numerator, gamma.denominator);
}

// ---- Discrete Laplace, Algorithm 2 -----------------------------------------------------------------

/** How many exp(−1) trials succeed in a row: a geometric count with P(V ≥ v) = exp(−v). */
function geometricExpOne(rng: RandomBits): number {
  let count = 0;
  while (bernoulliExpFraction(rng, 1, 1)) count++;
  return count;
}

/** Discrete Laplace with scale t/s for integers t ≤ 2^26, s < 2^53: P(x) ∝ exp(−|x|·s/t). */
function discreteLaplaceNumber(rng: RandomBits, t: number, s: number): number {
  for (;;) {
    const u = rng.uniformBelow(t);
    if (!bernoulliExpFraction(rng, u, t)) continue;
    const v = geometricExpOne(rng);
    // v ≥ 2^27 has probability exp(−2^27): refuse rather than lose exactness.
    if (v >= 2 ** 27) throw new RangeError('discrete Laplace: an impossible geometric draw');
    const magnitude = Math.floor((u + t * v) / s);
    const negative = rng.uniformBelow(2) === 1;
    if (negative && magnitude === 0) continue;
    return negative ? -magnitude : magnitude;
  }
}

function discreteLaplaceBig(rng: RandomBits, t: bigint, s: bigint): bigint {
  for (;;) {
    const u = rng.uniformBelowBig(t);
    if (!bernoulliExpBig(rng, u, t)) continue;
    const v = BigInt(geometricExpOne(rng));
    const magnitude = (u + t * v) / s;
    const negative = rng.uniformBelow(2) === 1;
    if (negative && magnitude === 0n) continue;
    return negative ? -magnitude : magnitude;
  }
}

export type IntegerSampler = { sample(rng: RandomBits): number };

function checkScale(what: string, value: Rational): void {
  if (value.numerator <= 0n) throw new RangeError(`${what} must be positive`);
  if (value.numerator / value.denominator > 2n ** 80n) throw new RangeError(`${what} is too large to sample`);
}

/** The discrete Laplace distribution of the given scale: P(x) ∝ exp(−|x| / scale) on the integers. */
export function discreteLaplace(scale: Rational): IntegerSampler {
  checkScale('the discrete Laplace scale', scale);
  const t = scale.numerator;
  const s = scale.denominator;
  if (t <= 2n ** 26n && s < BigInt(SAFE)) {
    const tNumber = Number(t);
    const sNumber = Number(s);
    return { sample: (rng) => discreteLaplaceNumber(rng, tNumber, sNumber) };
  }
  return { sample: (rng) => Number(discreteLaplaceBig(rng, t, s)) };
}

// ---- Discrete Gaussian, Algorithm 3 ----------------------------------------------------------------

function integerSquareRoot(n: bigint): bigint {
  if (n < 2n) return n;
  let x = BigInt(Math.floor(Math.sqrt(Number(n))));
  while (x * x > n) x--;
  while ((x + 1n) * (x + 1n) <= n) x++;
  return x;
}

/**
 * The discrete Gaussian of variance parameter σ² (a rational): P(x) ∝ exp(−x²/(2σ²)) on the integers.
 * Rejection from a discrete Laplace of scale t = ⌊σ⌋ + 1, accepting with probability
 * exp(−(|y| − σ²/t)² / (2σ²)).
 */
export function discreteGaussian(sigma2: Rational): IntegerSampler {
  checkScale('σ²', sigma2);
  const { numerator: n, denominator: d } = sigma2;
  const t = integerSquareRoot(n / d) + 1n;
  const laplace = discreteLaplace(rational(t));
  // γ = (|y|·t·d − n)² / (2·n·d·t²)
  const denominator = 2n * n * d * t * t;
  if (denominator * 64n <= BigInt(SAFE) && n <= BigInt(SAFE)) {
    const [tN, nN, dN, denominatorN] = [Number(t), Number(n), Number(d), Number(denominator)];
    return {
      sample(rng) {
        for (;;) {
          const y = laplace.sample(rng);
          const scaled = Math.abs(y) * tN * dN;
          const difference = scaled - nN;
          if (scaled > SAFE || Math.abs(difference) > SAFE_SQUARE_ROOT) {
            const big = BigInt(Math.abs(y)) * t * d - n;
            if (bernoulliExp(rng, rational(big * big, denominator))) return y;
          } else if (bernoulliExpNumber(rng, difference * difference, denominatorN)) return y;
        }
      },
    };
  }
  return {
    sample(rng) {
      for (;;) {
        const y = laplace.sample(rng);
        const difference = BigInt(Math.abs(y)) * t * d - n;
        if (bernoulliExpBig(rng, difference * difference, denominator)) return y;
      }
    },
  };
}
