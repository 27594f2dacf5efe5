// Checks a suppressed table instead of trusting it: for every hidden entry, the range of values it can
// take given every published cell and margin and that counts are never negative, by linear
// programming. The LP relaxation is the usual audit (as in τ-ARGUS): its range contains every integer
// solution, so a range it finds too narrow is truly too narrow, and a single value is a recovered cell.
import { type CountTable, describeEntry, linesOf, shapeOf } from './count-tables.js';
import { EqualityPolytope } from './linear-program.js';

export const PUBLISHED = 0;
export const PRIMARY = 1;
export const COMPLEMENTARY = 2;

export type SuppressedTable = {
  table: CountTable;
  /** One per entry: PUBLISHED, PRIMARY (below the threshold) or COMPLEMENTARY (hidden to protect others). */
  status: Uint8Array;
};

export type HiddenRange = {
  entry: number;
  label: string;
  isPrimary: boolean;
  /** What an attacker can work out: the entry lies in [min, max] (max may be Infinity). */
  min: number;
  max: number;
};

export type AuditOptions = {
  /** A primary cell is protected when its range is at least this wide; any hidden entry when it is not a single value. */
  protectionWidth?: number;
  /** Largest group of linked hidden entries the audit will solve; beyond it the table is "too big to audit". */
  maxLinkedEntries?: number;
  /**
   * False: stop working on an entry once two feasible points show it wide enough, and report the range
   * seen so far (a lower bound on the true range; the verdict is the same). For repeated checks.
   */
  exactRanges?: boolean;
};

export type SuppressionAudit = {
  status: 'protected' | 'disclosive' | 'too big to audit';
  protectionWidth: number;
  ranges: HiddenRange[];
  /** False when ranges were only widened until wide enough: each then lies inside the true range. */
  rangesAreExact: boolean;
  /** Hidden entries whose range is a single value, and primary ones narrower than protectionWidth. */
  problems: HiddenRange[];
  sentence: string;
};

/** Values the simplex returns within this distance of an integer are that integer. */
const snap = (value: number) => (Math.abs(value - Math.round(value)) < 1e-6 ? Math.round(value) : value);

export function auditSuppression(suppressed: SuppressedTable, options: AuditOptions = {}): SuppressionAudit {
  const protectionWidth = options.protectionWidth ?? 1;
  const maxLinked = options.maxLinkedEntries ?? 1500;
  const groups = linkedGroups(suppressed);
  const largest = Math.max(0, ...groups.map((group) => group.entries.length));
  if (largest > maxLinked) {
    return {
      status: 'too big to audit',
      protectionWidth,
      rangesAreExact: false,
      ranges: [],
      problems: [],
      sentence: `${largest} hidden entries depend on each other, more than the ${maxLinked} this audit solves: the table has not been shown safe. Publish fewer dimensions or categories.`,
    };
  }
  const exact = options.exactRanges ?? true;
  const ranges = groups.flatMap((group) =>
    rangesOf(suppressed, group, exact ? Number.POSITIVE_INFINITY : protectionWidth),
  );
  const problems = ranges.filter((range) => range.max - range.min < requiredWidth(range, protectionWidth));
  return {
    status: problems.length === 0 ? 'protected' : 'disclosive',
    protectionWidth,
    rangesAreExact: exact,
    ranges,
    problems,
    sentence:
      problems.length === 0
        ? `None of the ${ranges.length} hidden entries can be worked out from what is published.`
        : `${problems.length} of the ${ranges.length} hidden entries can be worked out, or narrowed too far, from what is published.`,
  };
}

/** Primary entries need the protection width; any other hidden entry only must not be pinned down. */
const requiredWidth = (range: { isPrimary: boolean }, protectionWidth: number) =>
  range.isPrimary ? Math.max(protectionWidth, 1e-9) : 1e-9;

type Equation = { entries: number[]; coefficients: number[]; rhs: number };
type LinkedGroup = { entries: number[]; equations: Equation[] };

/**
 * Each line says Σ cells = total. Published entries move to the right-hand side; hidden entries that
 * share a line are linked, and each group of linked entries is a separate, smaller program.
 */
function linkedGroups({ table, status }: SuppressedTable): LinkedGroup[] {
  const parent = Int32Array.from({ length: status.length }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  const equations: Equation[] = [];
  for (const { entries } of linesOf(shapeOf(table.dimensions))) {
    const equation: Equation = { entries: [], coefficients: [], rhs: 0 };
    entries.forEach((entry, j) => {
      const coefficient = j === entries.length - 1 ? -1 : 1;
      if (status[entry] === PUBLISHED) equation.rhs -= coefficient * (table.values[entry] as number);
      else {
        equation.entries.push(entry);
        equation.coefficients.push(coefficient);
      }
    });
    if (equation.entries.length === 0) continue;
    for (const entry of equation.entries) parent[find(entry)] = find(equation.entries[0] as number);
    equations.push(equation);
  }
  const groups = new Map<number, LinkedGroup>();
  status.forEach((state, entry) => {
    if (state === PUBLISHED) return;
    const root = find(entry);
    const group = groups.get(root) ?? { entries: [], equations: [] };
    group.entries.push(entry);
    groups.set(root, group);
  });
  for (const equation of equations) groups.get(find(equation.entries[0] as number))?.equations.push(equation);
  return [...groups.values()];
}

/** One variable per hidden entry of the group, one equation per line through it. */
function polytopeOf(group: LinkedGroup): EqualityPolytope {
  const variableOf = new Map(group.entries.map((entry, variable) => [entry, variable]));
  const matrix = group.equations.map((equation) => {
    const row = new Array<number>(group.entries.length).fill(0);
    equation.entries.forEach((entry, i) => {
      row[variableOf.get(entry) as number] = equation.coefficients[i] as number;
    });
    return row;
  });
  return new EqualityPolytope(
    group.entries.length,
    matrix,
    group.equations.map((equation) => equation.rhs),
  );
}

/**
 * Ranges of a group's hidden entries. Every vertex the simplex stops at is a feasible point, so the
 * values seen there bound each range from inside: an entry seen at 0 has minimum 0 without solving for
 * it, and one seen spread over `enoughWidth` needs no solving at all when only the verdict matters.
 */
function rangesOf(
  { table, status }: SuppressedTable,
  group: LinkedGroup,
  enoughWidth: number,
): HiddenRange[] {
  const polytope = polytopeOf(group);
  const lowest = new Float64Array(group.entries.length).fill(Number.POSITIVE_INFINITY);
  const highest = new Float64Array(group.entries.length).fill(Number.NEGATIVE_INFINITY);
  const observe = () => {
    polytope.point().forEach((value, variable) => {
      lowest[variable] = Math.min(lowest[variable] as number, value);
      highest[variable] = Math.max(highest[variable] as number, value);
    });
  };
  observe();
  return group.entries.map((entry, variable) => {
    const isPrimary = status[entry] === PRIMARY;
    const wideEnough = Math.max(enoughWidth, requiredWidth({ isPrimary }, enoughWidth));
    if ((highest[variable] as number) - (lowest[variable] as number) < wideEnough) {
      highest[variable] = polytope.maximise(variable);
      observe();
    }
    if (
      (lowest[variable] as number) > 1e-9 &&
      (highest[variable] as number) - (lowest[variable] as number) < wideEnough
    ) {
      lowest[variable] = polytope.minimise(variable);
      observe();
    }
    const min = snap(lowest[variable] as number);
    return {
      entry,
      label: describeEntry(table, entry),
      isPrimary,
      min,
      max: snap(highest[variable] as number),
    };
  });
}
