// Arithmetic on figures that may be censored: every result is an interval that surely holds the truth.
// Pure: no I/O. A null bound means "unbounded on that side".

export type Interval = { lower: number | null; upper: number | null };

/** Hides float noise (0.1 + 0.2) without touching whole counts. */
export function tidy(value: number): number {
  return Number.isInteger(value) ? value : Math.round(value * 1e9) / 1e9;
}

const plus = (a: number | null, b: number | null) => (a === null || b === null ? null : tidy(a + b));

export function exact(value: number): Interval {
  return { lower: value, upper: value };
}

/** The value when the interval is a single point, else null. */
export function pointOf(interval: Interval): number | null {
  return interval.lower !== null && interval.lower === interval.upper ? interval.lower : null;
}

export function sumIntervals(intervals: readonly Interval[]): Interval {
  return intervals.reduce<Interval>(
    (total, next) => ({ lower: plus(total.lower, next.lower), upper: plus(total.upper, next.upper) }),
    exact(0),
  );
}

/** a − b: the smallest a minus the largest b, and the largest a minus the smallest b. */
export function subtract(a: Interval, b: Interval): Interval {
  return {
    lower: a.lower === null || b.upper === null ? null : tidy(a.lower - b.upper),
    upper: a.upper === null || b.lower === null ? null : tidy(a.upper - b.lower),
  };
}

/** a ÷ b for non-negative figures; a denominator that may be 0 leaves the upper bound open. */
export function divide(a: Interval, b: Interval): Interval {
  const lower = a.lower === null ? null : b.upper === null || b.upper === 0 ? 0 : tidy(a.lower / b.upper);
  const upper = a.upper === null || b.lower === null || b.lower === 0 ? null : tidy(a.upper / b.lower);
  return { lower, upper };
}

/**
 * The share of a part in a total that contains it (women among all detected victims): the total is
 * at least the part, so the share never leaves [0, 1]. Null when the total is surely 0.
 */
export function shareOfTotal(part: Interval, total: Interval): Interval | null {
  if (total.upper === 0) return null;
  const lower = part.lower === null || total.upper === null ? 0 : tidy(part.lower / total.upper);
  if (part.upper === null) return { lower, upper: 1 };
  const smallestTotal = Math.max(total.lower ?? 0, part.upper);
  const upper = smallestTotal === 0 ? 1 : tidy(Math.min(1, part.upper / smallestTotal));
  return { lower: Math.min(lower, upper), upper };
}

/**
 * The share of a part when the total is the part plus the rest (the sum of the categories):
 * p / (p + r) grows with p and shrinks with r, so the bounds come from opposite ends.
 */
export function shareOfSum(part: Interval, rest: Interval): Interval | null {
  const ratio = (p: number | null, r: number | null, openValue: number) => {
    if (p === null) return 1;
    if (r === null) return openValue;
    return p + r === 0 ? null : tidy(p / (p + r));
  };
  const lower = ratio(part.lower, rest.upper, 0);
  const upper = ratio(part.upper, rest.lower, 1);
  if (lower === null && upper === null) return null;
  return { lower: lower ?? 0, upper: upper ?? 1 };
}

/** Relative change from a to b (0.1 = +10 %), as an interval; null when a may be 0. */
export function relativeChange(a: Interval, b: Interval): Interval | null {
  if (a.lower === null || a.lower === 0) return null;
  const ratio = divide(b, a);
  return {
    lower: ratio.lower === null ? null : tidy(ratio.lower - 1),
    upper: ratio.upper === null ? null : tidy(ratio.upper - 1),
  };
}
