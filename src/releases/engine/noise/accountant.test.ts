import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.js';
import {
  composeRho,
  deltaForEpsilon,
  epsilonBound,
  epsilonForRho,
  gaussianRho,
  PrivacyBudget,
  pureDpRho,
  rhoForEpsilonDelta,
} from './accountant.js';

/** erfc with fractional error below 1.2e-7 (Numerical Recipes, Chebyshev fit). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const poly =
    -z * z -
    1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t *
                      (0.27886807 +
                        t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const value = t * Math.exp(poly);
  return x >= 0 ? value : 2 - value;
}
const normalCdf = (x: number) => 0.5 * erfc(-x / Math.SQRT2);

/** The exact δ(ε) of the Gaussian mechanism with Δ/σ = μ (Balle and Wang 2018). */
function gaussianMechanismDelta(mu: number, epsilon: number): number {
  return normalCdf(-epsilon / mu + mu / 2) - Math.exp(epsilon) * normalCdf(-epsilon / mu - mu / 2);
}

const seeded = { seed: 19, numRuns: 300 };

describe('zCDP accounting', () => {
  it('prices the Gaussian mechanism at Δ²/(2σ²) and pure ε-DP at ε²/2, and adds up under composition', () => {
    expect(gaussianRho(2, 4)).toBeCloseTo(0.125, 12);
    expect(pureDpRho(1)).toBeCloseTo(0.5, 12);
    // two Gaussian releases with σ cost what one release with σ/√2 costs
    expect(composeRho([gaussianRho(1, 3), gaussianRho(1, 3)])).toBeCloseTo(
      gaussianRho(1, 3 / Math.SQRT2),
      12,
    );
  });

  it('converts ρ to an ε no larger than the simple bound ρ + 2√(ρ ln 1/δ), and not far below it', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 5, noNaN: true }),
        fc.integer({ min: 3, max: 12 }),
        (rho, power) => {
          const delta = 10 ** -power;
          const tight = epsilonForRho(rho, delta);
          expect(tight).toBeLessThanOrEqual(epsilonBound(rho, delta) + 1e-12);
          expect(tight).toBeGreaterThan(0.5 * epsilonBound(rho, delta));
        },
      ),
      seeded,
    );
  });

  it('gives a δ no smaller than the exact δ of the Gaussian mechanism, and within a factor of five of it', () => {
    for (const [rho, epsilon] of [
      [0.5, 3],
      [0.1, 1.5],
      [1, 6],
      [0.02, 0.8],
    ] as const) {
      const exact = gaussianMechanismDelta(Math.sqrt(2 * rho), epsilon);
      const converted = deltaForEpsilon(rho, epsilon);
      expect(converted).toBeGreaterThanOrEqual(exact * (1 - 1e-5));
      expect(converted).toBeLessThan(exact * 5);
    }
  });

  it('is monotone: more ρ costs more ε, a smaller δ costs more ε', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 3, noNaN: true }),
        fc.double({ min: 1.01, max: 3, noNaN: true }),
        fc.integer({ min: 3, max: 10 }),
        (rho, factor, power) => {
          const delta = 10 ** -power;
          expect(epsilonForRho(rho * factor, delta)).toBeGreaterThan(epsilonForRho(rho, delta));
          expect(epsilonForRho(rho, delta / 10)).toBeGreaterThan(epsilonForRho(rho, delta));
        },
      ),
      { seed: 20, numRuns: 200 },
    );
  });

  it('finds the largest ρ for a target (ε, δ), which converts back to that ε', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 10, noNaN: true }),
        fc.integer({ min: 3, max: 12 }),
        (epsilon, power) => {
          const delta = 10 ** -power;
          const rho = rhoForEpsilonDelta(epsilon, delta);
          expect(deltaForEpsilon(rho, epsilon)).toBeLessThanOrEqual(delta);
          expect(deltaForEpsilon(rho * 1.001, epsilon)).toBeGreaterThan(delta);
          expect(epsilonForRho(rho, delta)).toBeCloseTo(epsilon, 6);
        },
      ),
      { seed: 21, numRuns: 200 },
    );
  });

  it('refuses δ outside (0, 1)', () => {
    expect(() => epsilonForRho(1, 0)).toThrow(/δ must lie strictly between 0 and 1/);
    expect(() => rhoForEpsilonDelta(1, 1)).toThrow(/δ must lie strictly between 0 and 1/);
  });
});

describe('PrivacyBudget', () => {
  it('never lets the spent ρ exceed the total, whatever the order of spends', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 5, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 2, noNaN: true }), { maxLength: 30 }),
        (total, spends) => {
          const budget = new PrivacyBudget(total);
          let accepted = 0;
          for (const [index, rho] of spends.entries()) {
            const before = budget.spent;
            if (accepted + rho <= total) {
              budget.spend(rho, `release ${index}`);
              accepted += rho;
            } else {
              expect(() => budget.spend(rho, `release ${index}`)).toThrow(AppError);
              expect(budget.spent).toBe(before);
            }
            expect(budget.spent).toBeLessThanOrEqual(total * (1 + 1e-12));
          }
          expect(budget.history.length).toBeLessThanOrEqual(spends.length);
        },
      ),
      seeded,
    );
  });

  it('says what could not be paid for and how much is left', () => {
    const budget = new PrivacyBudget(1);
    budget.spend(0.75, 'the 2024 aggregates');
    try {
      budget.spend(0.5, 'the synthetic release');
      expect.unreachable('overspending must be refused');
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('conflict');
      expect((error as AppError).message).toMatch(
        /the synthetic release.*0\.5000.*0\.2500 of 1\.000 is left/,
      );
    }
    expect(budget.remaining).toBeCloseTo(0.25, 12);
  });
});
