import { describe, expect, it } from 'vitest';
import { RandomBits } from './random.js';

function draw(rng: RandomBits, count: number, next: (rng: RandomBits) => number): number[] {
  return Array.from({ length: count }, () => next(rng));
}

describe('RandomBits', () => {
  it('gives the same stream for the same seed and a different one for another seed', () => {
    const first = draw(new RandomBits('release-7'), 40_000, (r) => r.uint32());
    const again = draw(new RandomBits('release-7'), 40_000, (r) => r.uint32());
    const other = draw(new RandomBits('release-8'), 40_000, (r) => r.uint32());
    expect(again).toEqual(first);
    expect(other.filter((value, index) => value === first[index]).length).toBeLessThan(3);
  });

  it('keys a byte seed on its bytes, so the same bytes reproduce the stream', () => {
    const bytes = new Uint8Array([1, 2, 3, 4]);
    expect(draw(new RandomBits(bytes), 10, (r) => r.uint32())).toEqual(
      draw(new RandomBits(new Uint8Array([1, 2, 3, 4])), 10, (r) => r.uint32()),
    );
  });

  it('draws a fresh seed when none is given and records it so the stream can be replayed', () => {
    const fresh = new RandomBits();
    const other = new RandomBits();
    expect(typeof fresh.seed).toBe('string');
    expect(fresh.seed).not.toEqual(other.seed);
    const stream = draw(fresh, 100, (r) => r.uint32());
    expect(draw(new RandomBits(fresh.seed), 100, (r) => r.uint32())).toEqual(stream);
  });

  it('draws uniformly below a bound that is not a power of two (no modulo bias)', () => {
    // Bound 3·2^30: a modulo reduction of 32 bits would give the lower third twice the mass.
    const bound = 3 * 2 ** 30;
    const values = draw(new RandomBits('bias'), 60_000, (r) => r.uniformBelow(bound));
    const lowerThird = values.filter((value) => value < 2 ** 30).length / values.length;
    expect(Math.max(...values)).toBeLessThan(bound);
    expect(Math.abs(lowerThird - 1 / 3)).toBeLessThan(0.01);
  });

  it('covers every value below a small bound with about equal frequency', () => {
    const counts = new Array(7).fill(0);
    for (const value of draw(new RandomBits('seven'), 70_000, (r) => r.uniformBelow(7))) counts[value]++;
    // chi-square with 6 degrees of freedom; its 99.9 % quantile is 22.46
    const statistic = counts.reduce((sum, count) => sum + (count - 10_000) ** 2 / 10_000, 0);
    expect(statistic).toBeLessThan(22.46);
  });

  it('reaches the top half of bounds beyond 2^32 and up to 2^53', () => {
    for (const bound of [2 ** 40 + 3, 2 ** 53]) {
      const values = draw(new RandomBits(`wide-${bound}`), 2000, (r) => r.uniformBelow(bound));
      expect(values.every((value) => Number.isInteger(value) && value >= 0 && value < bound)).toBe(true);
      const upperHalf = values.filter((value) => value >= bound / 2).length;
      expect(upperHalf).toBeGreaterThan(900);
      expect(upperHalf).toBeLessThan(1100);
    }
  });

  it('draws bigints below a bound of any size, the top half as often as the bottom', () => {
    const bound = 2n ** 100n + 12345n;
    const values = draw(new RandomBits('big'), 2000, (r) => Number(r.uniformBelowBig(bound) >= bound / 2n));
    const upperHalf = values.reduce((sum, bit) => sum + bit, 0);
    expect(upperHalf).toBeGreaterThan(900);
    expect(upperHalf).toBeLessThan(1100);
    expect(new RandomBits('one').uniformBelowBig(1n)).toBe(0n);
  });

  it('refuses a bound that is not a positive integer within 2^53', () => {
    const rng = new RandomBits('bad');
    for (const bound of [0, -1, 2.5, 2 ** 53 + 2, Number.NaN]) {
      expect(() => rng.uniformBelow(bound)).toThrow(/integer bound from 1 to 2\^53/);
    }
    expect(() => rng.uniformBelowBig(0n)).toThrow(/at least 1/);
  });

  it('gives n uniform bits for n up to 53', () => {
    const rng = new RandomBits('bits');
    const values = draw(rng, 4000, (r) => r.bits(53));
    expect(values.every((value) => value < 2 ** 53)).toBe(true);
    expect(values.filter((value) => value >= 2 ** 52).length).toBeGreaterThan(1800);
    expect(draw(rng, 100, (r) => r.bits(1)).every((value) => value === 0 || value === 1)).toBe(true);
  });
});
