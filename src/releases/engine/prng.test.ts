import { describe, expect, it } from 'vitest';
import { Prng } from './prng.js';

describe('Prng', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const draw = (seed: string) =>
      Array.from(
        { length: 8 },
        (
          (prng) => () =>
            prng.nextUint32()
        )(new Prng(seed)),
      );
    expect(draw('release-1')).toEqual(draw('release-1'));
    expect(draw('release-1')).not.toEqual(draw('release-2'));
  });

  it('draws uniform numbers in [0, 1) whose mean and spread match the uniform distribution', () => {
    const prng = new Prng('uniform');
    const n = 200_000;
    let sum = 0;
    let squares = 0;
    let outside = 0;
    const buckets = new Array(10).fill(0);
    for (let i = 0; i < n; i++) {
      const x = prng.next();
      if (x < 0 || x >= 1) outside++;
      sum += x;
      squares += x * x;
      buckets[Math.floor(x * 10)]++;
    }
    expect(outside).toBe(0);
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(squares / n - sum ** 2 / n ** 2 - 1 / 12)).toBeLessThan(0.002);
    // Chi-square with 9 degrees of freedom: 27.9 is its 0.999 quantile.
    const chi = buckets.reduce((total, count) => total + (count - n / 10) ** 2 / (n / 10), 0);
    expect(chi).toBeLessThan(27.9);
  });

  it('picks an index in proportion to its weight and never one of weight zero', () => {
    const prng = new Prng('weights');
    const weights = [0, 1, 3, 0];
    const seen = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) {
      const index = prng.pickWeighted(weights);
      seen[index] = (seen[index] as number) + 1;
    }
    expect(seen[0]).toBe(0);
    expect(seen[3]).toBe(0);
    expect(Math.abs((seen[2] as number) / 40_000 - 0.75)).toBeLessThan(0.01);
  });
});
