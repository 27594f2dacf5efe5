// A small dense simplex for { A y = b, y ≥ 0 }: find a feasible point once (phase 1), then minimise or
// maximise one variable after another, each starting from the last optimal basis. Floating point with
// a tolerance; Dantzig's rule, switching to Bland's rule during degenerate runs so it cannot cycle.

const TOLERANCE = 1e-9;
/** After this many pivots without progress we switch to Bland's rule, which cannot cycle. */
const DEGENERATE_RUN = 20;

export class InfeasibleProgramError extends Error {}

export class EqualityPolytope {
  /** Rows of the tableau: coefficients of the n variables, then the right-hand side. */
  private rows: Float64Array[];
  private basis: number[];
  private readonly n: number;

  /** `matrix` holds `rowCount` rows of `variableCount` coefficients. */
  constructor(variableCount: number, matrix: readonly (readonly number[])[], rhs: readonly number[]) {
    this.n = variableCount;
    const m = matrix.length;
    // Phase 1 tableau: variables, one artificial per row, right-hand side (made non-negative).
    const width = variableCount + m + 1;
    this.rows = matrix.map((coefficients, i) => {
      const sign = (rhs[i] as number) < 0 ? -1 : 1;
      const row = new Float64Array(width);
      coefficients.forEach((value, j) => {
        row[j] = sign * value;
      });
      row[variableCount + i] = 1;
      row[width - 1] = sign * (rhs[i] as number);
      return row;
    });
    this.basis = matrix.map((_, i) => variableCount + i);
    this.findFeasiblePoint(m);
  }

  minimise(variable: number): number {
    return this.optimise(variable, 1);
  }

  /** The largest value `variable` can take; Infinity when nothing bounds it. */
  maximise(variable: number): number {
    return -this.optimise(variable, -1);
  }

  /** The current vertex: one value per variable. */
  point(): Float64Array {
    const values = new Float64Array(this.n);
    this.basis.forEach((variable, i) => {
      values[variable] = this.rhsOf(i);
    });
    return values;
  }

  private rhsOf(row: number): number {
    const r = this.rows[row] as Float64Array;
    return r[r.length - 1] as number;
  }

  private findFeasiblePoint(m: number): void {
    const width = this.n + m;
    // Phase 1 costs: 1 on each artificial; reduced costs = cost - column sums of the basic rows.
    const reduced = new Float64Array(width);
    // Rounding in a long run of pivots grows with the size of the counts: judge infeasibility relative to it.
    const scale = this.rows.reduce(
      (largest, row) => Math.max(largest, Math.abs(row[row.length - 1] as number)),
      1,
    );
    for (const row of this.rows)
      for (let j = 0; j < this.n; j++) reduced[j] = (reduced[j] as number) - (row[j] as number);
    this.iterate(reduced, width);
    const infeasibility = this.rows.reduce(
      (sum, _, i) => sum + ((this.basis[i] as number) >= this.n ? this.rhsOf(i) : 0),
      0,
    );
    if (infeasibility > 1e-7 * scale)
      throw new InfeasibleProgramError('the published values contradict each other');
    this.dropArtificials();
  }

  /** Pivots basic artificials (all at zero) out; a row with nothing left to pivot on is redundant. */
  private dropArtificials(): void {
    const keep: number[] = [];
    this.rows.forEach((row, i) => {
      if ((this.basis[i] as number) < this.n) {
        keep.push(i);
        return;
      }
      let column = -1;
      for (let j = 0; j < this.n && column < 0; j++) if (Math.abs(row[j] as number) > TOLERANCE) column = j;
      if (column < 0) return;
      this.pivot(i, column, null);
      keep.push(i);
    });
    this.rows = keep.map((i) => {
      const row = this.rows[i] as Float64Array;
      const trimmed = new Float64Array(this.n + 1);
      trimmed.set(row.subarray(0, this.n));
      trimmed[this.n] = row[row.length - 1] as number;
      return trimmed;
    });
    this.basis = keep.map((i) => this.basis[i] as number);
  }

  /** Minimises sign × y[variable] from the current basis; returns the optimum (−Infinity if unbounded). */
  private optimise(variable: number, sign: number): number {
    if (!Number.isInteger(variable) || variable < 0 || variable >= this.n)
      throw new RangeError(`no variable ${variable}`);
    const reduced = new Float64Array(this.n);
    const basicRow = this.basis.indexOf(variable);
    if (basicRow < 0) reduced[variable] = sign;
    else {
      const row = this.rows[basicRow] as Float64Array;
      for (let j = 0; j < this.n; j++) reduced[j] = -sign * (row[j] as number);
      reduced[variable] = 0;
    }
    if (!this.iterate(reduced, this.n)) return Number.NEGATIVE_INFINITY;
    const row = this.basis.indexOf(variable);
    return row < 0 ? 0 : sign * this.rhsOf(row);
  }

  /** Simplex iterations over the first `width` columns; false when the objective is unbounded. */
  private iterate(reduced: Float64Array, width: number): boolean {
    let degenerate = 0;
    const limit = 50 * (width + this.rows.length) + 1000;
    for (let step = 0; step < limit; step++) {
      const entering = chooseEntering(reduced, width, degenerate >= DEGENERATE_RUN);
      if (entering < 0) return true;
      const leaving = this.chooseLeaving(entering);
      if (leaving < 0) return false;
      degenerate = this.rhsOf(leaving) <= TOLERANCE ? degenerate + 1 : 0;
      this.pivot(leaving, entering, reduced);
    }
    throw new Error('the simplex did not converge');
  }

  /** Ratio test; ties go to the smallest basic variable (Bland). */
  private chooseLeaving(entering: number): number {
    let best = -1;
    let bestRatio = Number.POSITIVE_INFINITY;
    this.rows.forEach((row, i) => {
      const coefficient = row[entering] as number;
      if (coefficient <= TOLERANCE) return;
      const ratio = this.rhsOf(i) / coefficient;
      const isTie = Math.abs(ratio - bestRatio) <= TOLERANCE;
      if (
        ratio < bestRatio - TOLERANCE ||
        (isTie && (this.basis[i] as number) < (this.basis[best] as number))
      ) {
        best = i;
        bestRatio = ratio;
      }
    });
    return best;
  }

  private pivot(leaving: number, entering: number, reduced: Float64Array | null): void {
    const pivotRow = this.rows[leaving] as Float64Array;
    const scale = 1 / (pivotRow[entering] as number);
    // Rows start very sparse (a line links a few hidden entries): eliminating over the pivot row's
    // non-zeros only is what keeps tables of a few thousand cells fast.
    const nonZero: number[] = [];
    for (let j = 0; j < pivotRow.length; j++) {
      if (pivotRow[j] === 0) continue;
      pivotRow[j] = (pivotRow[j] as number) * scale;
      nonZero.push(j);
    }
    pivotRow[entering] = 1;
    const columns = Int32Array.from(nonZero);
    for (const row of this.rows) if (row !== pivotRow) eliminate(row, pivotRow, entering, columns);
    if (reduced) eliminate(reduced, pivotRow, entering, columns);
    const left = this.basis[leaving] as number;
    this.basis[leaving] = entering;
    // An artificial variable that leaves the basis is never needed again: deleting its column keeps
    // the rows sparse through phase 1.
    if (left >= this.n) {
      for (const row of this.rows) row[left] = 0;
      if (reduced) reduced[left] = 0;
    }
  }
}

/** row -= row[column] × pivotRow over the pivot row's non-zero columns (a reduced-cost row has no right-hand side). */
function eliminate(row: Float64Array, pivotRow: Float64Array, column: number, columns: Int32Array): void {
  const factor = row[column] as number;
  if (factor === 0) return;
  const length = row.length;
  for (let i = 0; i < columns.length; i++) {
    const j = columns[i] as number;
    if (j < length) row[j] = (row[j] as number) - factor * (pivotRow[j] as number);
  }
  row[column] = 0;
}

function chooseEntering(reduced: Float64Array, width: number, useBland: boolean): number {
  let best = -1;
  let bestValue = -TOLERANCE;
  for (let j = 0; j < width; j++) {
    const value = reduced[j] as number;
    if (value >= bestValue) continue;
    best = j;
    if (useBland) return j;
    bestValue = value;
  }
  return best;
}
