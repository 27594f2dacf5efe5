// Reads a published value ("12", "<5", "1-4", "..") into bounds; pure, so censoring rules are tested alone.

/** A figure as bounds: exact when lower = upper; upper null means "no upper bound" (">1000"). */
export type Bounds = { lower: number; upper: number | null };

export type ParsedValue = Bounds & { isCensored: boolean; text: string };
export type ValueProblem = { problem: string };

/** Marks publishers use for "no figure": a row with one of these carries no observation. */
const MISSING_MARKS = new Set(['', '..', '...', '-', '—', '–', 'na', 'n/a', 'n.a.', 'nan', 'x', ':']);

const WHOLE = /^\d{1,15}$/;
const NUMBER = /^\d+(?:\.\d+)?$/;
const THOUSANDS = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const BELOW = /^(<=?|≤)\s*(\d+(?:\.\d+)?)$/;
const ABOVE = /^(>=?|≥)\s*(\d+(?:\.\d+)?)$/;
const RANGE = /^(\d+(?:\.\d+)?)\s*[-–]\s*(\d+(?:\.\d+)?)$/;

/**
 * Parses a published value. Counts (`isCount`) are whole numbers, so "<5" means at most 4.
 * The lower bound of "<5" is 0, not 1: UNODC does not say that a suppressed count is positive, and an
 * interval must contain the true figure, so we never assume more than the publisher says.
 */
export function parseValue(raw: string, options: { isCount: boolean }): ParsedValue | ValueProblem {
  // Most published values are plain whole numbers: answer those without further work.
  if (WHOLE.test(raw)) {
    const value = Number(raw);
    return { lower: value, upper: value, isCensored: false, text: raw };
  }
  const text = raw.trim();
  if (MISSING_MARKS.has(text.toLowerCase())) {
    return { problem: text === '' ? 'no value published' : `no value published ("${text}")` };
  }
  const plain = THOUSANDS.test(text) ? text.replaceAll(',', '') : text;
  if (NUMBER.test(plain)) {
    const value = Number(plain);
    return { lower: value, upper: value, isCensored: false, text };
  }
  const below = BELOW.exec(text);
  if (below) {
    const bound = Number(below[2]);
    const isStrict = below[1] === '<';
    const upper = isStrict && options.isCount && Number.isInteger(bound) ? bound - 1 : bound;
    if (upper < 0) return { problem: `"${text}" leaves no possible value` };
    return { lower: 0, upper, isCensored: true, text };
  }
  const above = ABOVE.exec(text);
  if (above) {
    const bound = Number(above[2]);
    const isStrict = above[1] === '>';
    const lower = isStrict && options.isCount && Number.isInteger(bound) ? bound + 1 : bound;
    return { lower, upper: null, isCensored: true, text };
  }
  const range = RANGE.exec(text);
  if (range) {
    const lower = Number(range[1]);
    const upper = Number(range[2]);
    if (lower > upper) return { problem: `"${text}" is a range whose lower end exceeds its upper end` };
    return { lower, upper, isCensored: true, text };
  }
  if (/^-\d/.test(text)) return { problem: `"${text}" is negative; counts and rates cannot be` };
  return { problem: `"${text}" is neither a number nor a censored value such as "<5"` };
}

export function isValueProblem(value: ParsedValue | ValueProblem): value is ValueProblem {
  return 'problem' in value;
}

/** Units whose values are whole counts of persons, cases or offences. */
export function isCountUnit(unit: string): boolean {
  return /^(counts?|number|numbers|persons|cases|offences|victims)$/i.test(unit.trim());
}
