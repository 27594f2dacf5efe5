// Legend classes: quantiles with distinct, rounded bounds; no class repeats a number or holds none.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classFor, legendClasses, roundUp } from './legend-classes.js';

const FIVE = ['a', 'b', 'c', 'd', 'e'];

describe('legend classes', () => {
  it('rounds bounds up to numbers people read at a glance', () => {
    expect([3, 10, 11, 19, 21, 26, 240, 2600].map(roundUp)).toEqual([3, 10, 20, 20, 25, 50, 250, 5000]);
  });

  it('gives as many classes as distinct values when there are fewer than colours, darkest for the most', () => {
    const classes = legendClasses([1, 2, 3], FIVE);
    expect(classes.map((c) => [c.from, c.to])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    expect(classes.map((c) => c.colour)).toEqual(['a', 'c', 'e']);
    expect(legendClasses([1, 2, 2, 7], FIVE).map((c) => [c.from, c.to])).toEqual([
      [1, 2],
      [3, 7],
    ]);
  });

  it('splits skewed values into quantiles rather than equal steps', () => {
    const values = [1, 1, 2, 2, 3, 3, 4, 5, 8, 13, 40, 400];
    const classes = legendClasses(values, FIVE);
    expect(classes[0]).toMatchObject({ from: 1 });
    expect(classes.at(-1)?.to).toBeGreaterThanOrEqual(400);
    expect(classes.filter((c) => values.some((v) => classFor(v, classes) === c))).toHaveLength(
      classes.length,
    );
  });

  it('keeps bounds increasing and every value inside a class, whatever the values', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100_000 }), { maxLength: 200 }), (values) => {
        const classes = legendClasses(values, FIVE);
        for (let i = 1; i < classes.length; i++) {
          expect(classes[i]?.from).toBe((classes[i - 1]?.to ?? 0) + 1);
          expect(classes[i]?.to).toBeGreaterThanOrEqual(classes[i]?.from ?? 0);
        }
        for (const v of values.filter((x) => x > 0)) {
          const found = classFor(v, classes);
          expect(found && v >= found.from && v <= found.to).toBe(true);
        }
      }),
    );
  });
});
