import { describe, expect, it } from 'vitest';
import { EqualityPolytope, InfeasibleProgramError } from './linear-program.js';
import { seededRandom } from './testing/seeded.js';

describe('equality-form simplex', () => {
  it('finds the range of each variable of x + y = 5, y + z = 3', () => {
    const polytope = new EqualityPolytope(
      3,
      [
        [1, 1, 0],
        [0, 1, 1],
      ],
      [5, 3],
    );
    expect([polytope.minimise(0), polytope.maximise(0)]).toEqual([2, 5]);
    expect([polytope.minimise(1), polytope.maximise(1)]).toEqual([0, 3]);
    expect([polytope.minimise(2), polytope.maximise(2)]).toEqual([0, 3]);
  });

  it('reports an unbounded variable and refuses contradictory equations', () => {
    const open = new EqualityPolytope(2, [[1, -1]], [2]);
    expect(open.maximise(0)).toBe(Number.POSITIVE_INFINITY);
    expect(open.minimise(0)).toBe(2);
    expect(() => new EqualityPolytope(1, [[1], [1]], [1, 2])).toThrow(InfeasibleProgramError);
  });

  it('copes with redundant equations', () => {
    const polytope = new EqualityPolytope(
      2,
      [
        [1, 1],
        [2, 2],
        [1, 1],
      ],
      [4, 8, 4],
    );
    expect([polytope.minimise(0), polytope.maximise(0)]).toEqual([0, 4]);
  });

  it('agrees with enumeration on small random programs whose solutions are the integer points of a box', () => {
    // Rows of 0/1 coefficients summing variables of a known non-negative point: ranges over two
    // variables are checked against brute force over 0 … 6.
    for (let seed = 1; seed <= 200; seed++) {
      const random = seededRandom(seed);
      const truth = [random.integer(4), random.integer(4), random.integer(4)];
      const rows = Array.from({ length: 1 + random.integer(2) }, () => truth.map(() => random.integer(2)));
      const rhs = rows.map((row) => row.reduce((sum, c, j) => sum + c * (truth[j] as number), 0));
      const polytope = new EqualityPolytope(3, rows, rhs);
      const feasible: number[][] = [];
      for (let a = 0; a <= 12; a++)
        for (let b = 0; b <= 12; b++)
          for (let c = 0; c <= 12; c++)
            if (rows.every((row, i) => row[0]! * a + row[1]! * b + row[2]! * c === rhs[i]))
              feasible.push([a, b, c]);
      for (let v = 0; v < 3; v++) {
        const values = feasible.map((point) => point[v] as number);
        const bounded = rows.some((row) => row[v] === 1);
        expect(polytope.minimise(v)).toBeCloseTo(Math.min(...values), 9);
        if (bounded) expect(polytope.maximise(v)).toBeCloseTo(Math.max(...values), 9);
        else expect(polytope.maximise(v)).toBe(Number.POSITIVE_INFINITY);
      }
    }
  });
});
