import { describe, expect, it } from 'vitest';
import { rational } from './exact.js';
import { privateQuantile } from './private-quantile.js';
import { RandomBits } from './random.js';

/** 1000 records holding 1 to 10 combinations, 100 of each: the 90th percentile is 9. */
const histogram = Int32Array.from({ length: 21 }, (_, value) => (value >= 1 && value <= 10 ? 100 : 0));

describe('private quantile', () => {
  it('lands on the true percentile when ε is generous', () => {
    const rng = new RandomBits('generous');
    const picks = Array.from({ length: 200 }, () => privateQuantile(rng, histogram, 90, rational(1), 20));
    expect(picks.filter((value) => value === 9).length).toBeGreaterThan(190);
  });

  it('spreads its choice over the range when ε is tiny', () => {
    const rng = new RandomBits('tiny');
    const picks = Array.from({ length: 400 }, () =>
      privateQuantile(rng, histogram, 90, rational(1, 100_000), 20),
    );
    expect(new Set(picks).size).toBeGreaterThan(15);
    expect(picks.every((value) => value >= 1 && value <= 20)).toBe(true);
  });

  it('refuses a percentile outside 1 to 100', () => {
    expect(() => privateQuantile(new RandomBits('x'), histogram, 0, rational(1), 20)).toThrow(
      /from 1 to 100/,
    );
  });
});
