// Privacy accounting in zero-concentrated differential privacy (zCDP, Bun and Steinke 2016): what a
// mechanism costs in ρ, how costs add up, and how ρ converts to and from (ε, δ). The database keeps
// each dataset's real budget; this is the arithmetic it relies on.
import { AppError } from '../../../platform/errors.js';

/** ρ of the Gaussian mechanism with L2 sensitivity Δ and noise σ (discrete or continuous): Δ²/(2σ²). */
export function gaussianRho(sensitivity: number, sigma: number): number {
  if (!(sensitivity >= 0) || !(sigma > 0))
    throw new RangeError('the Gaussian mechanism needs Δ ≥ 0 and σ > 0');
  return (sensitivity * sensitivity) / (2 * sigma * sigma);
}

/** ρ of the Gaussian mechanism given σ² directly, for exact rational variances. */
export function gaussianRhoFromVariance(sensitivity: number, sigma2: number): number {
  if (!(sigma2 > 0)) throw new RangeError('the Gaussian mechanism needs σ² > 0');
  return (sensitivity * sensitivity) / (2 * sigma2);
}

/** A pure ε-DP mechanism (Laplace, the exponential mechanism) is ε²/2-zCDP. */
export function pureDpRho(epsilon: number): number {
  if (!(epsilon >= 0)) throw new RangeError('ε must be ≥ 0');
  return (epsilon * epsilon) / 2;
}

/** Composition in zCDP adds the ρ of each mechanism. */
export function composeRho(rhos: readonly number[]): number {
  return rhos.reduce((sum, rho) => sum + rho, 0);
}

/** The simple conversion ρ-zCDP ⇒ (ρ + 2√(ρ ln(1/δ)), δ)-DP (Bun and Steinke 2016, Proposition 1.3). */
export function epsilonBound(rho: number, delta: number): number {
  checkDelta(delta);
  return rho + 2 * Math.sqrt(rho * Math.log(1 / delta));
}

/**
 * The tight δ for which ρ-zCDP implies (ε, δ)-DP, Canonne, Kamath and Steinke (2020), Corollary 13:
 * δ = inf over α > 1 of exp((α−1)(αρ−ε)) / (α−1) · (1 − 1/α)^α. Any α gives a valid δ, so stopping the
 * search early errs on the safe side; the infimum is where (2α−1)ρ − ε + ln(1 − 1/α) = 0.
 */
export function deltaForEpsilon(rho: number, epsilon: number): number {
  if (!(rho >= 0) || !(epsilon >= 0)) throw new RangeError('ρ and ε must be ≥ 0');
  if (rho === 0) return 0;
  let low = 1.01; // α close to 1 is numerically unstable and never optimal unless ε ≤ ρ
  let high = (epsilon + 1) / (2 * rho) + 2;
  let alpha = low;
  for (let step = 0; step < 200; step++) {
    alpha = (low + high) / 2;
    const derivative = (2 * alpha - 1) * rho - epsilon + Math.log1p(-1 / alpha);
    if (derivative < 0) low = alpha;
    else high = alpha;
  }
  const delta =
    Math.exp((alpha - 1) * (alpha * rho - epsilon) + alpha * Math.log1p(-1 / alpha)) / (alpha - 1);
  return Math.min(delta, 1);
}

/** The smallest ε for which ρ-zCDP implies (ε, δ)-DP by the tight conversion (bisection). */
export function epsilonForRho(rho: number, delta: number): number {
  checkDelta(delta);
  if (!(rho >= 0)) throw new RangeError('ρ must be ≥ 0');
  if (rho === 0) return 0;
  let low = 0;
  let high = epsilonBound(rho, delta);
  for (let step = 0; step < 100; step++) {
    const epsilon = (low + high) / 2;
    if (deltaForEpsilon(rho, epsilon) <= delta) high = epsilon;
    else low = epsilon;
  }
  return high;
}

/** The largest ρ whose tight conversion gives (ε, δ)-DP (bisection): what a target (ε, δ) allows. */
export function rhoForEpsilonDelta(epsilon: number, delta: number): number {
  checkDelta(delta);
  if (!(epsilon > 0)) throw new RangeError('ε must be > 0');
  let low = 0;
  let high = epsilon + 1;
  for (let step = 0; step < 100; step++) {
    const rho = (low + high) / 2;
    if (deltaForEpsilon(rho, epsilon) <= delta) low = rho;
    else high = rho;
  }
  return low;
}

function checkDelta(delta: number): void {
  if (!(delta > 0 && delta < 1)) throw new RangeError(`δ must lie strictly between 0 and 1, not ${delta}`);
}

export type BudgetEntry = { rho: number; what: string };

/** A total ρ and what has been spent of it; spending past the total is refused. */
export class PrivacyBudget {
  private readonly entries: BudgetEntry[] = [];
  private spentRho = 0;

  constructor(readonly totalRho: number) {
    if (!(totalRho >= 0) || !Number.isFinite(totalRho)) {
      throw new RangeError(`a privacy budget needs a finite ρ ≥ 0, not ${totalRho}`);
    }
  }

  get spent(): number {
    return this.spentRho;
  }

  get remaining(): number {
    return Math.max(0, this.totalRho - this.spentRho);
  }

  get history(): readonly BudgetEntry[] {
    return this.entries;
  }

  canSpend(rho: number): boolean {
    // A relative slack of 1e-12 absorbs rounding when a budget is split into shares that add up to it.
    return rho >= 0 && this.spentRho + rho <= this.totalRho * (1 + 1e-12);
  }

  spend(rho: number, what: string): void {
    if (!(rho >= 0) || !Number.isFinite(rho)) throw new RangeError(`cannot spend ρ = ${rho} on ${what}`);
    if (!this.canSpend(rho)) {
      throw new AppError(
        'conflict',
        `The privacy budget cannot pay for ${what}: it needs ρ = ${format(rho)} but only ` +
          `${format(this.remaining)} of ${format(this.totalRho)} is left. ` +
          'Use a smaller ε for this release, or release from a dataset with budget left.',
      );
    }
    this.spentRho += rho;
    this.entries.push({ rho, what });
  }
}

function format(rho: number): string {
  return rho.toPrecision(4);
}
